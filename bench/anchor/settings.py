"""The bench's two anchors as a bare Django project: same database, same gunicorn settings.

"B": a constant 30 KB response; "C": 24 of 3,000 rows of a plain model in a plain template.
Every public page of Expo CMS is reported as a ratio to these, measured in the same run, so
the figures mean the same on a loaded or an idle machine.
"""

import os
import tempfile

import dj_database_url

SECRET_KEY = "bench-anchor-" + "x" * 40
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
INSTALLED_APPS = ["bench.anchor"]
MIDDLEWARE = []
ROOT_URLCONF = "bench.anchor.urls"
TEMPLATES = [{"BACKEND": "django.template.backends.django.DjangoTemplates", "APP_DIRS": True}]
DATABASES = {"default": dj_database_url.parse(os.environ["DATABASE_URL"], conn_max_age=60)}
USE_TZ = True
# Never used by the anchors; a cache the worker processes share, so gunicorn.conf.py's guard
# against per-process caches lets the anchors run with the same workers as the pages.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": os.path.join(tempfile.gettempdir(), "expo-bench-anchor-cache"),
    }
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
