"""WSGI entry point (gunicorn expo.wsgi)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "expo.settings")

application = get_wsgi_application()
