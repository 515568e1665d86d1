"""Unsubscribe links that work without logging in: a signed (address, topic) pair."""

from django.core import signing

SALT = "outbox.unsubscribe"


def token(*, email, topic):
    return signing.dumps([email.strip().lower(), topic], salt=SALT, compress=True)


def read(value):
    """(email, topic) from a token, or None if it was altered."""
    try:
        email, topic = signing.loads(value, salt=SALT)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    return email, topic
