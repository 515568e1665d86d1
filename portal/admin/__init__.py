"""The portal's back office, one module per area."""

from portal.admin import contacts  # noqa: F401
