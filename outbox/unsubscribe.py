"""Unsubscribe links that work without logging in.

The token is random and kept with its (address, topic) in `UnsubscribeLink`, one per pair, so
a link reveals nothing (not the address, not the topic) and cannot be forged from another one.
Older links (a signed, readable address) find nothing and get the "link not valid" page.
"""

import re

from outbox.models import UnsubscribeLink

_WELL_FORMED = re.compile(r"[A-Za-z0-9_-]{32,64}")


def token(*, email, topic):
    link, _ = UnsubscribeLink.objects.get_or_create(email=email.strip().lower(), topic=topic)
    return link.token


def read(value):
    """(email, topic) of a token, or None for any other value."""
    if not _WELL_FORMED.fullmatch(value or ""):
        return None
    link = UnsubscribeLink.objects.filter(token=value).first()
    return (link.email, link.topic) if link else None
