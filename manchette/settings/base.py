"""Settings shared by every environment; every value can come from the environment."""

import hashlib
import os
from pathlib import Path

import dj_database_url

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent
VAR_DIR = Path(os.environ.get("MANCHETTE_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool = False) -> bool:
    """Return the boolean value of an environment variable ("1", "true", "on", "yes")."""
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "on", "yes"}


def env_list(name: str, default: str = "") -> list[str]:
    """Return a comma-separated environment variable as a list of stripped items."""
    return [
        item.strip()
        for item in os.environ.get(name, default).split(",")
        if item.strip()
    ]


SECRET_KEY = os.environ.get(
    "SECRET_KEY",
    os.environ.get(
        "DJANGO_SECRET_KEY", "dev-only-insecure-key-change-me-in-production"
    ),
)
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "manchette.core",
    "manchette.news",
    "manchette.comments",
    "manchette.importers",
    "manchette.newsletter",
    "manchette.api",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.frontend_cache",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "csp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before anything reads the database: see manchette/core/pagecache/versions.py.
    "manchette.core.pagecache.middleware.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "manchette.core.staff.middleware.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # WordPress import: /?p=123 and its kin redirect to the imported pages.
    "manchette.importers.middleware.WordPressRedirectMiddleware",
    "manchette.core.dblock.DatabaseLockedMiddleware",
    "manchette.core.notfound.DebugNotFoundMiddleware",
    "manchette.core.security.AdminInlineScriptHashMiddleware",
    "csp.middleware.CSPMiddleware",
    "manchette.core.security.PermissionsPolicyMiddleware",
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "manchette.urls"
WSGI_APPLICATION = "manchette.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "manchette.core.context_processors.site_meta",
            ],
        },
    },
]

# Database: SQLite under var/ unless DATABASE_URL says otherwise.
SQLITE_URL = f"sqlite:///{VAR_DIR / 'db.sqlite3'}"
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or SQLITE_URL, conn_max_age=600
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Page queries are short; PostgreSQL's JIT compiler spends tens of
    # milliseconds compiling the costlier-looking ones (measured: 66 ms for the
    # related-articles query, 15 ms of which is execution).
    # Nor parallel workers: starting them costs more than a page's short
    # queries save (the Arabic search query at 100,000 articles: p50 35 -> 16 ms,
    # p95 52 -> 25 ms without them, docs/benchmarks.md), and on a web server the
    # cores are already busy with other requests.
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = (
        "-c jit=off -c max_parallel_workers_per_gather=0"
    )
    # Server-side parameters and prepared statements: a query run five times on
    # a connection is planned once (the page queries' planning was about half of
    # PostgreSQL's time; uncached article 107 -> 128 req/s, docs/benchmarks.md).
    # MANCHETTE_PG_PREPARE=off behind a pooler that cannot keep them
    # (PgBouncer in transaction mode before 1.21).
    if env_bool("MANCHETTE_PG_PREPARE", True):
        DATABASES["default"]["OPTIONS"]["server_side_binding"] = True
        DATABASES["default"]["OPTIONS"]["prepare_threshold"] = 5
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers go on while a writer commits; IMMEDIATE avoids
    # "database is locked" upgrades from read to write transactions.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
            "PRAGMA busy_timeout=5000;"
        ),
        "transaction_mode": "IMMEDIATE",
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Caches are keyed per database too: two sites (or a benchmark and the demo)
# sharing var/ or one Redis never read each other's navigation or pages.
_DATABASE_TAG = hashlib.md5(
    ":".join(
        str(DATABASES["default"].get(key) or "") for key in ("HOST", "PORT", "NAME")
    ).encode(),
    usedforsecurity=False,
).hexdigest()[:8]

# Without Redis the default cache is files under var/: every app process of
# the machine (granian workers, the task worker) shares it, so a purge made by
# one (navigation, site, comment rules, rate-limit counters) holds for all.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": str(VAR_DIR / "cache" / "default"),
        "OPTIONS": {"MAX_ENTRIES": 20_000},
        "KEY_PREFIX": f"manchette-{_DATABASE_TAG}",
    }
}
if REDIS_URL := os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": f"manchette-{_DATABASE_TAG}",
        }
    }

AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"
    },
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: French first (its URLs carry no prefix), Arabic and
# English pages under /ar/ and /en/ as translations of French pages.
LANGUAGE_CODE = "fr"
# Editions: which languages the site publishes in (French is always on). An
# edition that is off has no URL prefix, so /ar/ answers 404 (manchette.core.editions).
MANCHETTE_EDITIONS = [
    code
    for code in ["fr", *env_list("MANCHETTE_EDITIONS", "ar,en")]
    if code in {"fr", "ar", "en"}
]
LANGUAGES = [
    (code, name)
    for code, name in [("fr", "Français"), ("ar", "العربية"), ("en", "English")]
    if code in MANCHETTE_EDITIONS
]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [PROJECT_DIR / "locale"]
# Dates per language (Arabic: Moroccan month names from our catalogue, Western digits).
FORMAT_MODULE_PATH = ["manchette.formats"]
TIME_ZONE = os.environ.get("TIME_ZONE", "Africa/Casablanca")
USE_I18N = True
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [PROJECT_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# E-mail.
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend"
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = 30
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", "Manchette <newsletter@localhost>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Background work: Django's Tasks API, database queue by default.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Wagtail.
WAGTAIL_SITE_NAME = os.environ.get("MANCHETTE_SITE_NAME", "Manchette")
MANCHETTE_BASE_URL = os.environ.get(
    "MANCHETTE_BASE_URL", "http://127.0.0.1:8000"
).rstrip("/")
WAGTAILADMIN_BASE_URL = MANCHETTE_BASE_URL
WAGTAIL_I18N_ENABLED = True

# Plain inputs written in Python, the same markup as Django's templates
# (manchette/core/forms.py): every public page carries two forms.
FORM_RENDERER = "manchette.core.forms.FastFormRenderer"
WAGTAIL_ALLOW_UNICODE_SLUGS = True
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Wagtail's autosave (every 500 ms of editing) is off: its requests race the
# editor's own clicks (a new article saved twice under load), and it
# duplicates new inline rows such as bylines (wagtail/wagtail#14568).
# docs/decisions.md.
WAGTAIL_AUTOSAVE_INTERVAL = int(os.environ.get("MANCHETTE_AUTOSAVE_MS", "0"))
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
# Each staff member picks the admin's language in their account.
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# Avatars are local (an uploaded photo, else Wagtail's own image): the admin
# never asks an outside avatar service.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# A page never published and not edited for this many days gives its slug up to
# a new page asking for it (manchette/news/admin/slugs.py).
MANCHETTE_DRAFT_SLUG_DAYS = int(os.environ.get("MANCHETTE_DRAFT_SLUG_DAYS", "2"))
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# Discover (search): on PostgreSQL each edition's pages are stemmed in their
# language (manchette/news/search_index.py); SQLite's FTS5 has no stemming.
if DATABASES["default"]["ENGINE"].startswith("django.db.backends.postgresql"):
    WAGTAILSEARCH_BACKENDS["default"] = {
        "BACKEND": "manchette.news.search_index",
        "SEARCH_CONFIG": "french",
        "LANGUAGE_CONFIGS": {"fr": "french", "ar": "arabic", "en": "english"},
    }
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAILDOCS_EXTENSIONS = [
    "csv",
    "docx",
    "odt",
    "pdf",
    "pptx",
    "rtf",
    "txt",
    "xlsx",
    "zip",
]
TAGGIT_CASE_INSENSITIVE = True

# Manchette.
MANCHETTE_WORDS_PER_MINUTE = int(os.environ.get("MANCHETTE_WORDS_PER_MINUTE", "150"))
# Reading speed per language, words per minute (the rule and where the rates
# come from: manchette.core.editions.words_per_minute).
MANCHETTE_READING_RATES = {
    "fr": MANCHETTE_WORDS_PER_MINUTE,
    "ar": int(os.environ.get("MANCHETTE_WORDS_PER_MINUTE_AR", "105")),
    "en": int(os.environ.get("MANCHETTE_WORDS_PER_MINUTE_EN", "175")),
}
MANCHETTE_EXCERPT_LENGTH = 140
MANCHETTE_PAGE_SIZE = 20

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "manchette": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}

# Comments (manchette.comments). The moderation rules themselves are edited in
# Wagtail's settings (Paramètres › Commentaires); these are the technical limits.
MANCHETTE_COMMENTS_CLOSE_AFTER_DAYS = int(
    os.environ.get("MANCHETTE_COMMENTS_CLOSE_AFTER_DAYS", "30")
)
MANCHETTE_COMMENTS_MAX_LENGTH = 5000
# A form posted sooner than this after it was displayed is refused (bots).
MANCHETTE_COMMENTS_MIN_SECONDS = int(
    os.environ.get("MANCHETTE_COMMENTS_MIN_SECONDS", "3")
)
# A comment form token works once, for at most this many seconds.
MANCHETTE_COMMENTS_TOKEN_MAX_AGE = int(
    os.environ.get("MANCHETTE_COMMENTS_TOKEN_MAX_AGE", str(4 * 3600))
)
# Comments accepted per IP address and per e-mail address in the window.
MANCHETTE_COMMENTS_RATE_LIMIT = int(
    os.environ.get("MANCHETTE_COMMENTS_RATE_LIMIT", "5")
)
MANCHETTE_COMMENTS_RATE_WINDOW = 600
# Seconds to wait before e-mailing editors, so pending comments go in one mail.
MANCHETTE_COMMENTS_NOTIFY_DELAY = int(
    os.environ.get("MANCHETTE_COMMENTS_NOTIFY_DELAY", "600")
)
# How many reverse proxies put the reader's address in X-Forwarded-For (0: none,
# REMOTE_ADDR is the reader).
MANCHETTE_TRUSTED_PROXIES = int(os.environ.get("MANCHETTE_TRUSTED_PROXIES", "0"))
# Newsletter (the daily brief). Every value can come from the environment.
# Daily send time, in MANCHETTE_BRIEF_TIME_ZONE.
MANCHETTE_BRIEF_SEND_TIME = os.environ.get("MANCHETTE_BRIEF_SEND_TIME", "06:30")
MANCHETTE_BRIEF_TIME_ZONE = os.environ.get(
    "MANCHETTE_BRIEF_TIME_ZONE", "Africa/Casablanca"
)
MANCHETTE_BRIEF_MAX_MINUTES = int(os.environ.get("MANCHETTE_BRIEF_MAX_MINUTES", "5"))
MANCHETTE_BRIEF_MAX_ITEMS = int(os.environ.get("MANCHETTE_BRIEF_MAX_ITEMS", "12"))
MANCHETTE_BRIEF_FROM_EMAIL = os.environ.get(
    "MANCHETTE_BRIEF_FROM_EMAIL", DEFAULT_FROM_EMAIL
)
# The mailto half of List-Unsubscribe; empty: "unsubscribe@" the From domain.
MANCHETTE_BRIEF_UNSUBSCRIBE_MAILTO = os.environ.get(
    "MANCHETTE_BRIEF_UNSUBSCRIBE_MAILTO", ""
)
# Messages per batch (one SMTP connection each) and per second per worker (0: no limit).
MANCHETTE_BRIEF_BATCH_SIZE = int(os.environ.get("MANCHETTE_BRIEF_BATCH_SIZE", "200"))
MANCHETTE_BRIEF_RATE_PER_SECOND = float(
    os.environ.get("MANCHETTE_BRIEF_RATE_PER_SECOND", "0")
)
# SMTP connections a worker keeps open at once (one thread each).
MANCHETTE_BRIEF_CONNECTIONS = int(os.environ.get("MANCHETTE_BRIEF_CONNECTIONS", "4"))
# A batch claimed longer ago than this (a dead worker's) is taken over.
MANCHETTE_BRIEF_CLAIM_LEASE_SECONDS = int(
    os.environ.get("MANCHETTE_BRIEF_CLAIM_LEASE_SECONDS", "300")
)
# Permanent (5xx) refusals after which an address is deactivated.
MANCHETTE_BRIEF_MAX_HARD_BOUNCES = int(
    os.environ.get("MANCHETTE_BRIEF_MAX_HARD_BOUNCES", "3")
)
MANCHETTE_NEWSLETTER_CONFIRM_DAYS = int(
    os.environ.get("MANCHETTE_NEWSLETTER_CONFIRM_DAYS", "3")
)
# Sign-ups and read beacons accepted per client address and hour.
MANCHETTE_NEWSLETTER_SIGNUPS_PER_HOUR = int(
    os.environ.get("MANCHETTE_NEWSLETTER_SIGNUPS_PER_HOUR", "10")
)
MANCHETTE_READS_PER_HOUR = int(os.environ.get("MANCHETTE_READS_PER_HOUR", "120"))
# A pending address gets at most one confirmation e-mail in this many hours.
MANCHETTE_NEWSLETTER_CONFIRM_EVERY_HOURS = int(
    os.environ.get("MANCHETTE_NEWSLETTER_CONFIRM_EVERY_HOURS", "6")
)
# Reads are added up in memory and written every this many seconds (newsletter/readcounter.py).
MANCHETTE_READS_FLUSH_SECONDS = float(
    os.environ.get("MANCHETTE_READS_FLUSH_SECONDS", "5")
)
# DKIM: signs every brief when a private key (PEM, or a path to one) is set.
MANCHETTE_DKIM_DOMAIN = os.environ.get("MANCHETTE_DKIM_DOMAIN", "")
MANCHETTE_DKIM_SELECTOR = os.environ.get("MANCHETTE_DKIM_SELECTOR", "")
MANCHETTE_DKIM_PRIVATE_KEY = os.environ.get("MANCHETTE_DKIM_PRIVATE_KEY", "")
# End of newsletter.
# Page cache -------------------------------------------------------------------
# One shared HTTP cache (Varnish, deploy/varnish/) keeps public pages, purged
# by tag (manchette/core/pagecache/). MANCHETTE_PAGE_CACHE=off marks no page
# shareable, so nothing is kept.
MANCHETTE_PAGE_CACHE = os.environ.get("MANCHETTE_PAGE_CACHE", "on").lower() not in {
    "0",
    "off",
    "false",
    "no",
}
# Browsers keep a page briefly (max-age); the shared cache long (s-maxage),
# since every change purges what it touches.
MANCHETTE_PAGE_CACHE_MAX_AGE = int(os.environ.get("MANCHETTE_PAGE_CACHE_MAX_AGE", "30"))
MANCHETTE_PAGE_CACHE_S_MAXAGE = int(
    os.environ.get("MANCHETTE_PAGE_CACHE_S_MAXAGE", "3600")
)
MANCHETTE_PAGE_CACHE_STALE = int(os.environ.get("MANCHETTE_PAGE_CACHE_STALE", "30"))
# The render cache keeps costly parts of pages (an article's text and related
# articles) in the default cache under their tags (core/pagecache/rendered.py).
# On by default with Redis; Django's file cache lists its directory on every
# store, so without Redis it is off unless MANCHETTE_RENDER_CACHE=on.
MANCHETTE_RENDER_CACHE = os.environ.get(
    "MANCHETTE_RENDER_CACHE", "on" if os.environ.get("REDIS_URL") else "off"
).lower() in {"1", "on", "true", "yes"}
# Response headers that name a page's tags: "xkey" for Varnish, plus the
# CDN's own: Surrogate-Key (Fastly), Cache-Tag (Cloudflare), Edge-Cache-Tag
# (Akamai). Comma-separated.
MANCHETTE_CACHE_TAG_HEADERS = env_list("MANCHETTE_CACHE_TAG_HEADERS", "xkey")
# The Varnish nodes to purge (PURGE with an xkey header), comma-separated.
# make serve writes its own in var/varnish/purge_urls, so that a command run
# beside it (an import, a shell) purges it too.
_PURGE_URLS_FILE = VAR_DIR / "varnish" / "purge_urls"
MANCHETTE_CACHE_PURGE_URLS = env_list(
    "MANCHETTE_CACHE_PURGE_URLS",
    _PURGE_URLS_FILE.read_text().strip() if _PURGE_URLS_FILE.is_file() else "",
)
# A CDN's purge-by-tag endpoint (POST {"surrogate_keys": [...]}, as Fastly's
# https://api.fastly.com/service/<id>/purge), and its token and header.
MANCHETTE_CDN_PURGE_URL = os.environ.get("MANCHETTE_CDN_PURGE_URL", "")
MANCHETTE_CDN_PURGE_TOKEN = os.environ.get("MANCHETTE_CDN_PURGE_TOKEN", "")
MANCHETTE_CDN_PURGE_AUTH_HEADER = os.environ.get(
    "MANCHETTE_CDN_PURGE_AUTH_HEADER", "Fastly-Key"
)
# End of page cache -------------------------------------------------------------

from .security import *  # noqa: E402  (staff login, 2FA, CSP)
