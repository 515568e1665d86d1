"""The portal's admin pages, one module per area."""

from portal.admin import proposals  # noqa: F401
