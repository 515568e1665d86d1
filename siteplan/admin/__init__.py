"""The site plan in the organisers' admin (registered on import)."""

from siteplan.admin import models, venues  # noqa: F401
