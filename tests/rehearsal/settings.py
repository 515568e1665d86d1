"""The production settings (config/settings.py, DJANGO_DEBUG=0) as the rehearsal runs them, with one
difference: static files are hashed into the manifest as in production but not pre-compressed
(whitenoise's gzip/brotli pass over 51 MB takes minutes on a shared 2-core machine and changes
nothing the rehearsal checks)."""

from config.settings import *  # noqa: F403

STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"}}  # noqa: F405
