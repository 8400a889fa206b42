from .base import *

SECRET_KEY = "test-only-secret-key-not-for-production-use-0123456789"
DEBUG = False
ALLOWED_HOSTS = ["*"]
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "manchette-tests",
    },
}
# The render cache holds parts until a commit moves their tags' versions;
# most tests change pages inside a transaction that never commits. Its own
# tests turn it on (tests/core/test_pagecache_rendered.py).
MANCHETTE_RENDER_CACHE = False
# Tests that run Varnish point the purges at it themselves.
MANCHETTE_CACHE_PURGE_URLS = []
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"] = {
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
MEDIA_ROOT = Path(os.environ.get("MANCHETTE_TEST_MEDIA", "/tmp/manchette-test-media"))
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
if DATABASES["default"]["ENGINE"].startswith("django.db.backends.postgresql"):
    WAGTAILSEARCH_BACKENDS["default"] = {
        "BACKEND": "manchette.news.search_index",
        "SEARCH_CONFIG": "french",
        "LANGUAGE_CONFIGS": {"fr": "french", "ar": "arabic", "en": "english"},
    }
# Tests that need the second factor turn it on themselves.
MANCHETTE_2FA_REQUIRED_GROUPS = []
# Every counted read is written at once (tests of batching set it higher).
MANCHETTE_READS_FLUSH_SECONDS = 0
