from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "manchette.api"
    label = "api"
    verbose_name = "API de lecture"
