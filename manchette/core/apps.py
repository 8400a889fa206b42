from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "manchette.core"
    label = "core"
    verbose_name = "Manchette"

    def ready(self):
        from . import tasks  # noqa: F401
