from django.apps import AppConfig


class ImportersConfig(AppConfig):
    name = "manchette.importers"
    label = "importers"
    verbose_name = "Imports"
