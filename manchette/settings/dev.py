from .base import *

DEBUG = env_bool("DEBUG", True)
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
STORAGES["staticfiles"] = {
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}

# Under `make run` (DEBUG) a template edit must show at once: no page cache
# unless asked for. `make serve` runs with DEBUG=false and keeps it.
if DEBUG and "MANCHETTE_PAGE_CACHE" not in os.environ:
    MANCHETTE_PAGE_CACHE = False
