"""Settings for Expo CMS, read from the environment in this one place.

Every variable is documented in the README ("Configuration"). With DJANGO_DEBUG off the
process refuses to start without a real secret key and allowed hosts.
"""

import os
import re
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from common.countries import OVERRIDE as COUNTRY_NAMES

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("EXPO_VAR_DIR", BASE_DIR / "var"))

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_bool(name, default=False):
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be one of 1/0, true/false, yes/no, on/off (got {raw!r}).")


# A host as Django's ALLOWED_HOSTS understands it: a name, ".name" for subdomains, "*",
# an IPv4 address or a bracketed IPv6 address. Anything with a scheme, path or port is a mistake.
_HOST_RE = re.compile(r"^(\*|\.?[a-z0-9-]+(\.[a-z0-9-]+)*\.?|\[[0-9a-f:.]+\])$", re.IGNORECASE)


def env_hosts(name):
    raw = os.environ.get(name, "")
    hosts = [h.strip() for h in raw.split(",") if h.strip()]
    bad = [h for h in hosts if not _HOST_RE.match(h)]
    if bad:
        raise ImproperlyConfigured(
            f"{name} holds {', '.join(repr(b) for b in bad)}: give bare host names separated by "
            "commas, without scheme, port or path (e.g. 'expo.example.vn,.example.vn')."
        )
    return hosts


DEBUG = env_bool("DJANGO_DEBUG")

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
ALLOWED_HOSTS = env_hosts("DJANGO_ALLOWED_HOSTS")
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


def env_site_url(name):
    """The site's public address, scheme://host[:port] without path, or "" when unset."""
    raw = os.environ.get(name, "").strip().rstrip("/")
    if not raw:
        return ""
    parts = urlsplit(raw)
    try:
        parts.port  # noqa: B018 (raises on a port that is not a number)
    except ValueError:
        parts = None
    if parts is None or parts.scheme not in ("http", "https") or not parts.hostname or parts.path or parts.query:
        raise ImproperlyConfigured(
            f"{name} must be the site's public address: scheme and host, optionally a port, no path "
            f"(e.g. 'https://expo.example.vn'); got {raw!r}."
        )
    if parts.username or parts.password or parts.fragment:
        raise ImproperlyConfigured(f"{name} must not carry a user name, password or fragment; got {raw!r}.")
    return f"{parts.scheme}://{parts.netloc.lower()}"


# Every absolute URL (sitemap, API, iCal, feeds, QR codes, hreflang) is built from this address,
# never from the request's Host header (expo/middleware.py: SiteAddressMiddleware).
EXPO_SITE_URL = env_site_url("EXPO_SITE_URL")
if not DEBUG and not EXPO_SITE_URL:
    raise ImproperlyConfigured(
        "EXPO_SITE_URL is not set. Production mode (DJANGO_DEBUG off) needs the site's public address, "
        "e.g. https://expo.example.vn, for the links it prints; for local development set DJANGO_DEBUG=1."
    )
if EXPO_SITE_URL:
    _site_host = urlsplit(EXPO_SITE_URL).hostname
    if _site_host not in ALLOWED_HOSTS and "*" not in ALLOWED_HOSTS:
        ALLOWED_HOSTS.append(f"[{_site_host}]" if ":" in _site_host else _site_host)

INSTALLED_APPS = [
    # modeltranslation patches the admin, so it must come before it.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_countries",
    "import_export",
    "ninja",
    "csp",
    "common.third_party_apps.LoginSecurityConfig",  # django-axes, with a translated name
    "auditlog",
    "concurrency",
    "django_tasks",
    "common.third_party_apps.BackgroundTasksConfig",  # django_tasks_db, likewise
    "anymail",
    "common",
    # The press-release editor (ProseMirror), served from our own static files.
    "django_prose_editor",
    "expo",
    "exhibitors",
    "siteplan",
    "delegations",
    "press",
    "meetings",
    "outbox",
]

MIDDLEWARE = [
    # First: the Host header is checked, then replaced by EXPO_SITE_URL's, before anything reads it.
    "common.middleware.SiteAddressMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "common.middleware.RejectNulBytesMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # The content version is read once per request, however many caches ask (common/cache.py).
    "common.cache.ContentVersionMiddleware",
    # Early, so a cache hit skips everything below (the stored response already has its headers).
    "common.cache.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # request.edition, read lazily by views, templates and the admin (expo/middleware.py).
    "expo.middleware.EditionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Puts the signed-in organiser on every audit log entry (delegations).
    "auditlog.middleware.AuditlogMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # After CSPMiddleware so its response hook runs first: allows the release editor's import map by hash.
    "press.csp.EditorImportMapMiddleware",
    "common.middleware.PdfUnavailableMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into its lockout response.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    # Counts failed admin logins and locks the username+address pair out (django-axes).
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "expo.urls"
WSGI_APPLICATION = "expo.wsgi.application"
ASGI_APPLICATION = "expo.asgi.application"

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
_database_url = os.environ.get("DATABASE_URL", "").strip()
if _database_url:
    try:
        _database = dj_database_url.parse(_database_url, conn_max_age=60, conn_health_checks=True)
    except (ValueError, KeyError) as exc:
        raise ImproperlyConfigured(
            f"DATABASE_URL is not a database URL Django can use ({exc}). "
            "Expected e.g. postgres://user:password@host:5432/name or sqlite:////path/to/file.sqlite3."
        ) from exc
    if not _database.get("ENGINE") or (_database["ENGINE"].endswith("sqlite3") is False and not _database.get("NAME")):
        raise ImproperlyConfigured("DATABASE_URL names no database (expected …/database_name at the end).")
else:
    _database = {"ENGINE": "django.db.backends.sqlite3", "NAME": VAR_DIR / "expo.sqlite3"}
if _database["ENGINE"].endswith("sqlite3"):
    # WAL lets readers go on while the demo loader or an import writes.
    _database.setdefault("OPTIONS", {})["init_command"] = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
    _database["OPTIONS"]["transaction_mode"] = "IMMEDIATE"
DATABASES = {"default": _database}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: Redis when REDIS_URL is set (shared by every app process), local memory otherwise.
REDIS_URL = os.environ.get("REDIS_URL", "").strip()
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "common.redis_cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "expo",
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

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

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
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
# In development whitenoise serves straight from the apps' static folders, rebuilt on change.
WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_AUTOREFRESH = DEBUG
if DEBUG:
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)

# Press centre: personal files (accreditation photos) outside the public media folder.
PRESS_PRIVATE_ROOT = Path(os.environ.get("PRESS_PRIVATE_ROOT", VAR_DIR / "private"))
# Uploaded media served by Django itself: on in development and for `make run`'s demo (one
# process, no web server in front); production leaves it to the web server or object storage.
EXPO_SERVE_MEDIA = env_bool("EXPO_SERVE_MEDIA", default=DEBUG)

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

# Security headers that hold in every mode; the HTTPS-only ones follow DJANGO_HTTPS.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
if env_bool("DJANGO_HTTPS", default=not DEBUG):
    SECURE_SSL_REDIRECT = True
    SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    # Behind a proxy that terminates TLS and sets this header (see docs in README).
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

# Content-Security-Policy (django-csp): our own origin only, no inline script or style.
_media_origins = []
if os.environ.get("S3_CUSTOM_DOMAIN"):
    _media_origins.append(f"https://{os.environ['S3_CUSTOM_DOMAIN']}")
elif os.environ.get("S3_ENDPOINT_URL"):
    _media_origins.append(os.environ["S3_ENDPOINT_URL"].rstrip("/"))
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", *_media_origins],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# Admin login lockout (django-axes): 5 failures for one username from one address lock that
# pair out for an hour. Behind a proxy, set DJANGO_AXES_PROXY_COUNT to the number of proxies
# in front of the app so the client address is read from X-Forwarded-For, not spoofed.
AXES_VERBOSE = False
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 1
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "admin/locked_out.html"
_axes_proxy_count = int(os.environ.get("DJANGO_AXES_PROXY_COUNT", "0") or 0)
if _axes_proxy_count:
    AXES_IPWARE_PROXY_COUNT = _axes_proxy_count
    AXES_IPWARE_META_PRECEDENCE_ORDER = ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"]

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
def email_settings(url, var_dir):
    from urllib.parse import parse_qs, unquote, urlsplit

    url = (url or "").strip()
    if not url:
        return {
            "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            "EMAIL_FILE_PATH": var_dir / "mail",
        }
    parts = urlsplit(url)
    scheme, query = parts.scheme.lower(), parse_qs(parts.query)
    if scheme in {"smtp", "smtps", "submission"}:
        try:
            port = parts.port
        except ValueError as exc:
            raise ImproperlyConfigured(f"EMAIL_URL has a bad port ({exc}).") from exc
        port = port or {"smtp": 25, "smtps": 465, "submission": 587}[scheme]
        return {
            "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_HOST": parts.hostname or "localhost",
            "EMAIL_PORT": port,
            "EMAIL_HOST_USER": unquote(parts.username or ""),
            "EMAIL_HOST_PASSWORD": unquote(parts.password or ""),
            # smtps:// is TLS from the first byte; port 587 (or ?tls=1) upgrades with STARTTLS.
            "EMAIL_USE_SSL": scheme == "smtps",
            "EMAIL_USE_TLS": scheme != "smtps" and (port == 587 or query.get("tls", ["0"])[0] in _TRUE),
            "EMAIL_TIMEOUT": 30,
        }
    if scheme == "file":
        return {"EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend", "EMAIL_FILE_PATH": parts.path}
    if scheme.startswith("anymail+"):
        # anymail+mailgun://API_KEY@  (any provider django-anymail supports; webhooks under /anymail/).
        esp = scheme.removeprefix("anymail+")
        return {
            "EMAIL_BACKEND": f"anymail.backends.{esp}.EmailBackend",
            "ANYMAIL": {
                f"{esp.upper()}_API_KEY": unquote(parts.username or ""),
                "WEBHOOK_SECRET": os.environ.get("ANYMAIL_WEBHOOK_SECRET", ""),
            },
        }
    raise ImproperlyConfigured(
        f"EMAIL_URL scheme {scheme!r} is not understood: use smtp://user:password@host:587, smtps://…, "
        "file:///path or anymail+<provider>://API_KEY@ (no console backend: bodies never go to a log)."
    )


globals().update(email_settings(os.environ.get("EMAIL_URL"), VAR_DIR))
DEFAULT_FROM_EMAIL = os.environ.get("EXPO_MAIL_FROM", "").strip() or "Expo CMS <no-reply@localhost>"
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Task queue (django-tasks): "inline" runs each task at once in the process that queues it (the
# demo, tests); "database" queues it for `manage.py db_worker` (production, docs/deploy.md).
EXPO_TASK_QUEUE = os.environ.get("EXPO_TASK_QUEUE", "inline" if DEBUG else "database").strip()
if EXPO_TASK_QUEUE not in {"inline", "database"}:
    raise ImproperlyConfigured("EXPO_TASK_QUEUE must be inline or database.")
TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend"
        if EXPO_TASK_QUEUE == "inline"
        else "django_tasks_db.DatabaseBackend",
    }
}

# Spreadsheet exports never hand a formula to Excel (CSV/XLSX injection): every export goes
# through common.spreadsheet_safety.SafeCSV/SafeXLSX, which escape per OWASP. The library's own escape
# (it drops one leading "=", so "==HYPERLINK(…)" went through) stays off.
IMPORT_EXPORT_ESCAPE_FORMULAE_ON_EXPORT = False
IMPORT_EXPORT_IMPORT_PERMISSION_CODE = "add"
IMPORT_EXPORT_EXPORT_PERMISSION_CODE = "view"
