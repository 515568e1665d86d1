"""Security settings that hold in every deployment; `config/settings.py` switches on the
HTTPS-only ones and tells the CSP and the login lockout what the environment says."""

# Security headers that hold in every mode.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True

# Only over HTTPS (DJANGO_HTTPS, on by default in production).
HTTPS_ONLY = {
    "SECURE_SSL_REDIRECT": True,
    "SECURE_HSTS_SECONDS": 60 * 60 * 24 * 365,
    "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
    "SECURE_HSTS_PRELOAD": True,
    "SESSION_COOKIE_SECURE": True,
    "CSRF_COOKIE_SECURE": True,
    # Behind a proxy that terminates TLS and sets this header (see docs in README).
    "SECURE_PROXY_SSL_HEADER": ("HTTP_X_FORWARDED_PROTO", "https"),
    "SECURE_REDIRECT_EXEMPT": [r"^healthz$"],
}


def content_security_policy(*, media_origins=()):
    """django-csp's setting: our own origin only (plus where media is served), no inline script or style."""
    return {
        "DIRECTIVES": {
            "default-src": ["'self'"],
            "script-src": ["'self'"],
            "style-src": ["'self'"],
            "img-src": ["'self'", "data:", *media_origins],
            "font-src": ["'self'"],
            "connect-src": ["'self'"],
            "object-src": ["'none'"],
            "base-uri": ["'self'"],
            "form-action": ["'self'"],
            "frame-ancestors": ["'none'"],
        }
    }


# Admin login lockout (django-axes): 5 failures for one username from one address lock that
# pair out for an hour.
AXES_VERBOSE = False
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 1
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "admin/locked_out.html"

# The name authenticator apps show beside a TOTP code (django-otp).
OTP_TOTP_ISSUER = "Expo CMS"
# A lost device is removed, never read: no key or QR code in the admin.
OTP_ADMIN_HIDE_SENSITIVE_DATA = True


def axes_proxy_settings(proxy_count):
    """Behind `proxy_count` proxies the client address is read from X-Forwarded-For, not spoofed."""
    if not proxy_count:
        return {}
    return {
        "AXES_IPWARE_PROXY_COUNT": proxy_count,
        "AXES_IPWARE_META_PRECEDENCE_ORDER": ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"],
    }
