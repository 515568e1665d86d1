"""The catalogue in the organisers' admin (one module per area, registered on import)."""

from exhibitors.admin import catalogue, sectors  # noqa: F401
