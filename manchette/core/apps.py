from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "manchette.core"
    label = "core"
    verbose_name = "Manchette"

    def ready(self):
        from . import (
            identity,  # noqa: F401 - connects the cache invalidation.
            tasks,  # noqa: F401
        )
