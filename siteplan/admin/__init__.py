"""The site plan in the organisers' admin (registered on import)."""

from siteplan.admin import exhibitors, models, venues  # noqa: F401
