"""The portal's admin: each area registers its models in its own module."""

from portal.admin import contacts, declarations, proposals, team  # noqa: F401
