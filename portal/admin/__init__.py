"""The portal's admin: each area's in a module of its own."""

from portal.admin import team  # noqa: F401
