"""What the site is built of, the same in every deployment: apps, middleware (in an order that
matters), authentication backends and password rules."""

INSTALLED_APPS = [
    # modeltranslation patches the admin, so it must come before it.
    "modeltranslation",
    "common.third_party_apps.AdminConfig",  # django.contrib.admin, its index in alphabetical order
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
    # Second factor (TOTP): required in the admin for staff who approve, optional for exhibitor contacts.
    "django_otp",
    "common.third_party_apps.SecondFactorConfig",  # django_otp.plugins.otp_totp, likewise
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
    "sitesearch",
    "companion",
    "tickets",
    "portal",
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
    "common.page_cache.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # request.edition, read lazily by views, templates and the admin (expo/middleware.py).
    "expo.middleware.EditionMiddleware",
    "config.archive.ArchiveMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # request.user.is_verified(): whether this session passed the second factor (django-otp).
    "django_otp.middleware.OTPMiddleware",
    # The organiser's chosen admin language wins over the browser's (common/admin_language.py).
    "common.admin_language.AdminLanguageMiddleware",
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

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
