from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "manchette.core"
    label = "core"
    verbose_name = "Manchette"

    def ready(self):
        from . import (
            identity,  # noqa: F401 - connects the cache invalidation.
            privacy,  # noqa: F401 - same.
            tasks,  # noqa: F401
            xmlsafe,  # noqa: F401 - strips XML-invalid characters from pages.
        )
        from .pagecache import pages  # noqa: F401 - connects the page invalidations.
