"""WSGI entry point (gunicorn config.wsgi)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

application = get_wsgi_application()

# Each web process prepares the catalogue's index before its first visitor asks for it.
from exhibitors.catalogue import rebuild  # noqa: E402 (Django is set up above)

rebuild.warm()
