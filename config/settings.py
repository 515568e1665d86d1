"""Settings for Expo CMS, read from the environment in this one place.

Every variable is documented in the README ("Configuration"). With DJANGO_DEBUG off the
process refuses to start without a real secret key and allowed hosts.
"""

import os
from pathlib import Path
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _
from whitenoise.compress import Compressor

from common.countries import OVERRIDE as COUNTRY_NAMES
from config import parsing, security
from config.parsing import email_settings
from config.security import (  # noqa: F401 -- settings
    AXES_COOLOFF_TIME,
    AXES_FAILURE_LIMIT,
    AXES_LOCKOUT_PARAMETERS,
    AXES_LOCKOUT_TEMPLATE,
    AXES_RESET_ON_SUCCESS,
    AXES_VERBOSE,
    OTP_ADMIN_HIDE_SENSITIVE_DATA,
    OTP_TOTP_ISSUER,
    SECURE_CONTENT_TYPE_NOSNIFF,
    SECURE_REFERRER_POLICY,
    SESSION_COOKIE_HTTPONLY,
    X_FRAME_OPTIONS,
)
from config.stack import (  # noqa: F401 -- settings
    AUTH_PASSWORD_VALIDATORS,
    AUTHENTICATION_BACKENDS,
    INSTALLED_APPS,
    MIDDLEWARE,
)

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("EXPO_VAR_DIR", BASE_DIR / "var"))

DEBUG = parsing.boolean("DJANGO_DEBUG", os.environ.get("DJANGO_DEBUG"))

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
ALLOWED_HOSTS = parsing.hosts("DJANGO_ALLOWED_HOSTS", os.environ.get("DJANGO_ALLOWED_HOSTS"))
if DEBUG:
    SECRET_KEY = SECRET_KEY or "django-insecure-development-only-key"
    ALLOWED_HOSTS = ALLOWED_HOSTS or ["127.0.0.1", "localhost", "[::1]", "testserver"]
else:
    if not SECRET_KEY:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set. Production mode (DJANGO_DEBUG off) needs a long random "
            "secret key; for local development set DJANGO_DEBUG=1."
        )
    if not ALLOWED_HOSTS:
        raise ImproperlyConfigured(
            "DJANGO_ALLOWED_HOSTS is not set. Production mode (DJANGO_DEBUG off) needs the site's "
            "host names, separated by commas; for local development set DJANGO_DEBUG=1."
        )

# The demo (`make run` sets EXPO_DEMO=1): EXPO_DEMO_NOW shows the site as on another day
# (common/clock.py, docs/demo.md); refused outside the demo and development.
EXPO_DEMO = parsing.boolean("EXPO_DEMO", os.environ.get("EXPO_DEMO"))
EXPO_DEMO_NOW = parsing.demo_now(os.environ.get("EXPO_DEMO_NOW"), demo_on=EXPO_DEMO or DEBUG)

# Every absolute URL (sitemap, API, iCal, feeds, QR codes, hreflang) is built from this address,
# never from the request's Host header (expo/middleware.py: SiteAddressMiddleware).
EXPO_SITE_URL = parsing.site_url("EXPO_SITE_URL", os.environ.get("EXPO_SITE_URL"))
# Ed25519 key signing badges (and later tickets) the gates check: base64 of 32 raw bytes.
# Unset in development and in the demo (`make run`, production mode): generated once into
# var/ticket-signing.key (common.signing); in production an unset key makes printing a badge or
# issuing a ticket fail with a clear message.
EXPO_TICKET_SIGNING_KEY = os.environ.get("EXPO_TICKET_SIGNING_KEY", "")
EXPO_TICKET_SIGNING_KEY_FILE = VAR_DIR / "ticket-signing.key" if DEBUG or EXPO_DEMO else None
if not DEBUG and not EXPO_SITE_URL:
    raise ImproperlyConfigured(
        "EXPO_SITE_URL is not set. Production mode (DJANGO_DEBUG off) needs the site's public address, "
        "e.g. https://expo.example.vn, for the links it prints; for local development set DJANGO_DEBUG=1."
    )
if EXPO_SITE_URL:
    _site_host = urlsplit(EXPO_SITE_URL).hostname
    if _site_host not in ALLOWED_HOSTS and "*" not in ALLOWED_HOSTS:
        ALLOWED_HOSTS.append(f"[{_site_host}]" if ":" in _site_host else _site_host)

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "expo.context_processors.site",
            ],
        },
    },
]

# Database: DATABASE_URL (postgres://…, sqlite:///…); a SQLite file under var/ when unset.
DATABASES = {"default": parsing.database(os.environ.get("DATABASE_URL"), VAR_DIR)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Task queue (django-tasks): "inline" runs each task at once in the process that queues it
# (tests, `DJANGO_DEBUG=1` without a worker); "database" queues it for the worker of the Procfile,
# `manage.py db_worker` (production and `make run`; docs/deploy.md).
EXPO_TASK_QUEUE = os.environ.get("EXPO_TASK_QUEUE", "inline" if DEBUG else "database").strip()
if EXPO_TASK_QUEUE not in {"inline", "database"}:
    raise ImproperlyConfigured("EXPO_TASK_QUEUE must be inline or database.")
TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend"
        if EXPO_TASK_QUEUE == "inline"
        else "django_tasks_db.DatabaseBackend",
        # "kits": press-kit builds, minutes of PDF rendering, on a worker of their own (Procfile),
        # so e-mail on "default" never waits behind them.
        "QUEUES": ["default", "kits"],
    }
}
# The health check and the admin dashboard warn when the oldest ready task has waited longer
# than this (a stopped or stuck worker), or when a task failed in the last day.
EXPO_TASK_WAIT_WARNING_MINUTES = int(os.environ.get("EXPO_TASK_WAIT_WARNING_MINUTES", "5"))
# Processes a large print (a whole edition's badges, a day's run sheets) is drawn in, side by side
# (common.pdf.render_in_parts); 0: one per core.
EXPO_PDF_WORKERS = int(os.environ.get("EXPO_PDF_WORKERS", "0"))

# Cache: Redis when REDIS_URL is set (shared by every app process). Without it, a queue served by
# a separate worker shares a file cache under var/ with the web processes (the press kit's
# build locks and freshness marks, the content version): the one-machine demo of `make run`.
# Otherwise local memory (tests, debug with the inline queue).
REDIS_URL = os.environ.get("REDIS_URL", "").strip()
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "common.redis_cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "expo",
        }
    }
elif EXPO_TASK_QUEUE == "database":
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": VAR_DIR / "cache",
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "expo"}}

# Anonymous public pages are served from the cache; any write to these apps' models makes
# them fresh (expo/cache.py). 0 switches the page cache off.
EXPO_PAGE_CACHE_SECONDS = int(os.environ.get("EXPO_PAGE_CACHE_SECONDS", "300"))
# Fragments that are the same for every visitor (current edition, catalogue facet counts),
# also under the content version; 0 switches them off.
EXPO_FRAGMENT_CACHE_SECONDS = int(os.environ.get("EXPO_FRAGMENT_CACHE_SECONDS", "600"))
# After an edit, each process rebuilds the catalogue's index in a thread of its own while its
# requests are answered from the previous one ("background"); "request" builds it inside the
# request that finds it old (exhibitors/catalogue/rebuild.py; the bench compares both).
EXPO_CATALOGUE_REBUILD = os.environ.get("EXPO_CATALOGUE_REBUILD", "background")

# Languages: Vietnamese first (the default), English second. Public URLs carry the prefix.
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Vietnamese")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_TZ = True
# Day-first dates in both languages, ISO accepted, month-first never guessed (common/formats/).
FORMAT_MODULE_PATH = ["common.formats"]
# Country names in Viet Nam's official usage, unique in each language (common/countries.py).
COUNTRIES_OVERRIDE = COUNTRY_NAMES

MODELTRANSLATION_DEFAULT_LANGUAGE = "vi"
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ("vi", "en"), "vi": ("en",), "en": ("vi",)}
# Vendored, so the admin's language tabs work offline and under a strict CSP.
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"

# Static files: hashed and compressed by whitenoise; media under var/ unless S3 is configured.
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", VAR_DIR / "static"))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "common.staticstorage.HashedCompressedStaticFilesStorage"
    },
}
# Not worth compressing at deploy time: source maps (read only by browsers' developer tools) and
# the TrueType fonts, which only the PDF renderer reads, from STATIC_ROOT (expo/pdf/pdf.css):
# brotli took 5 CPU-seconds over the four of them, a third of a first `make run`'s collectstatic.
WHITENOISE_SKIP_COMPRESS_EXTENSIONS = (*Compressor.SKIP_COMPRESS_EXTENSIONS, "map", "ttf")
# In development whitenoise serves straight from the apps' static folders, rebuilt on change.
WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_AUTOREFRESH = DEBUG
if DEBUG:
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)

# Private files, outside the public media folder and served by no URL: journalists'
# accreditation photos, delegation members' photos, delegation import previews. The former
# name of its variable, PRESS_PRIVATE_ROOT, is still read (docs/deploy.md).
PRIVATE_MEDIA_ROOT = Path(
    os.environ.get("PRIVATE_MEDIA_ROOT") or os.environ.get("PRESS_PRIVATE_ROOT") or VAR_DIR / "private"
)
# Uploaded media served by Django itself: on in development and for `make run`'s demo (one
# process, no web server in front); production leaves it to the web server or object storage.
EXPO_SERVE_MEDIA = parsing.boolean("EXPO_SERVE_MEDIA", os.environ.get("EXPO_SERVE_MEDIA"), default=DEBUG)

AWS_STORAGE_BUCKET_NAME = os.environ.get("S3_BUCKET", "").strip()
if AWS_STORAGE_BUCKET_NAME:
    # S3-compatible object storage for media (credentials come from the usual AWS_* variables).
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}
    AWS_S3_ENDPOINT_URL = os.environ.get("S3_ENDPOINT_URL") or None
    AWS_S3_REGION_NAME = os.environ.get("S3_REGION") or None
    AWS_S3_CUSTOM_DOMAIN = os.environ.get("S3_CUSTOM_DOMAIN") or None
    AWS_DEFAULT_ACL = None
    AWS_QUERYSTRING_AUTH = False
    AWS_S3_FILE_OVERWRITE = False

# Security headers (config/security.py); the HTTPS-only ones follow DJANGO_HTTPS.
if parsing.boolean("DJANGO_HTTPS", os.environ.get("DJANGO_HTTPS"), default=not DEBUG):
    globals().update(security.HTTPS_ONLY)

# Content-Security-Policy (django-csp): our own origin, and the object storage serving media.
_media_origins = []
if os.environ.get("S3_CUSTOM_DOMAIN"):
    _media_origins.append(f"https://{os.environ['S3_CUSTOM_DOMAIN']}")
elif os.environ.get("S3_ENDPOINT_URL"):
    _media_origins.append(os.environ["S3_ENDPOINT_URL"].rstrip("/"))
CONTENT_SECURITY_POLICY = security.content_security_policy(media_origins=_media_origins)

# Admin login lockout (django-axes). Behind a proxy, set DJANGO_AXES_PROXY_COUNT to the number
# of proxies in front of the app so the client address is read from X-Forwarded-For.
globals().update(security.axes_proxy_settings(int(os.environ.get("DJANGO_AXES_PROXY_COUNT", "0") or 0)))

CSRF_TRUSTED_ORIGINS = [o.strip() for o in os.environ.get("DJANGO_CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()]

# Logs go to stderr; personal data is never logged by our code.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    # WeasyPrint and fontTools narrate every render at INFO; keep only their warnings.
    "loggers": {
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}


# E-mail: EMAIL_URL names the backend (README "Messages"); unset, mail is written to files
# under var/mail so the demo needs no mail server.
globals().update(
    email_settings(os.environ.get("EMAIL_URL"), VAR_DIR, webhook_secret=os.environ.get("ANYMAIL_WEBHOOK_SECRET", ""))
)
DEFAULT_FROM_EMAIL = os.environ.get("EXPO_MAIL_FROM", "").strip() or "Expo CMS <no-reply@localhost>"
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Protocol and press mail: each team's sender and Reply-To (EXPO_PROTOCOL_MAIL_FROM, …_REPLY_TO,
# EXPO_PRESS_…); the sender falls back to EXPO_MAIL_FROM when that is set, else the demo's.
EXPO_MAIL_SENDERS = parsing.mail_senders(os.environ, fallback_from=os.environ.get("EXPO_MAIL_FROM", "").strip())
# Letters to delegations: signatory, their title in each language, the number's symbol (Số: 42/GM-BTC).
EXPO_LETTER = parsing.letter_settings(os.environ)

# Spreadsheet exports never hand a formula to Excel (CSV/XLSX injection): every export goes
# through common.spreadsheet_safety.SafeCSV/SafeXLSX, which escape per OWASP. The library's own escape
# (it drops one leading "=", so "==HYPERLINK(…)" went through) stays off.
IMPORT_EXPORT_ESCAPE_FORMULAE_ON_EXPORT = False
IMPORT_EXPORT_IMPORT_PERMISSION_CODE = "add"
IMPORT_EXPORT_EXPORT_PERMISSION_CODE = "view"
