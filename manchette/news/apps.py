from django.apps import AppConfig


class NewsConfig(AppConfig):
    name = "manchette.news"
    label = "news"
    verbose_name = "Actualités"

    def ready(self):
        from . import admin_live, cache, signals  # noqa: F401
