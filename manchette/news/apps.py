from django.apps import AppConfig


class NewsConfig(AppConfig):
    name = "manchette.news"
    label = "news"
    verbose_name = "Actualités"

    def ready(self):
        from . import cache, editions, signals  # noqa: F401
