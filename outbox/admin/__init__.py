"""Outbox in the admin: the messages (messages.py), per-kind settings and unsubscriptions (kinds.py)."""

from outbox.admin import kinds, messages  # noqa: F401 -- registers the model admins
