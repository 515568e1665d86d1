"""Signed passes the gates read: Ed25519 over a short text, for badges now, visitor tickets later.

A token is `<kind>.<id>.<first day>.<last day>.<signature>`: the kind ("badge", "ticket"…),
an opaque random id (never a database key, never a name), the days it is valid (YYYYMMDD) and
the Ed25519 signature of everything before it, base64url without padding. About 120 characters:
a version-7 QR code at level M, read from a card at arm's length. No personal data: a gate that
reads it learns the id and the days only, and looks the holder up (if at all) by the id.

The private key is settings.EXPO_TICKET_SIGNING_KEY (base64 of the raw 32 bytes). In development
(DJANGO_DEBUG) an unset key is generated once into var/ticket-signing.key, like the demo's data;
in production an unset key is refused when something is signed. `public_key_text()` is what the
gates will be given (published by the API later).
"""

import base64
import datetime
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

SEPARATOR = "."
DAY_FORMAT = "%Y%m%d"


class BadToken(ValueError):
    """Not a token we signed: malformed, tampered with, or signed by another key."""


@dataclass(frozen=True)
class Pass:
    kind: str
    id: str
    first_day: datetime.date
    last_day: datetime.date

    def valid_on(self, day):
        return self.first_day <= day <= self.last_day


def _b64(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def key_problem():
    """Why no key can sign now, or None: a configured key that is not 32 bytes of base64, or no
    key at all outside development and the demo (which make their own). The rule `_raw_key`
    applies when signing, and the deployment check (common.checks) before the site starts."""
    configured = getattr(settings, "EXPO_TICKET_SIGNING_KEY", "")
    if configured:
        try:
            raw = base64.b64decode(configured.strip(), validate=True)
        except ValueError:
            raw = b""
        if len(raw) != 32:
            return "EXPO_TICKET_SIGNING_KEY must be the base64 of 32 raw bytes."
        return None
    if not getattr(settings, "EXPO_TICKET_SIGNING_KEY_FILE", None):
        return (
            "EXPO_TICKET_SIGNING_KEY is not set: badges and tickets cannot be signed. Generate one with "
            '`python -c "import base64,os;print(base64.b64encode(os.urandom(32)).decode())"`.'
        )
    return None


def _raw_key():
    problem = key_problem()
    if problem:
        raise ImproperlyConfigured(problem)
    configured = getattr(settings, "EXPO_TICKET_SIGNING_KEY", "")
    if configured:
        return base64.b64decode(configured.strip())
    path = Path(settings.EXPO_TICKET_SIGNING_KEY_FILE)
    if not path.exists():
        # Written aside, then linked into place: the demo's web and task processes may all sign
        # first at once; one key wins, and none reads a key half written.
        path.parent.mkdir(parents=True, exist_ok=True)
        fresh = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        descriptor = os.open(fresh, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w") as handle:
            handle.write(base64.b64encode(os.urandom(32)).decode())
        try:
            os.link(fresh, path)
        except FileExistsError:
            pass
        finally:
            fresh.unlink()
    return base64.b64decode(path.read_text().strip())


def private_key():
    return Ed25519PrivateKey.from_private_bytes(_raw_key())


def public_key():
    return private_key().public_key()


def public_key_text():
    """The public key, base64 of its 32 raw bytes: what a gate needs to check a token offline."""
    raw = public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return base64.b64encode(raw).decode("ascii")


def sign(kind, id, first_day, last_day):
    for part in (kind, id):
        if not part or SEPARATOR in part:
            raise ValueError(f"{part!r} cannot be part of a token")
    body = SEPARATOR.join([kind, id, first_day.strftime(DAY_FORMAT), last_day.strftime(DAY_FORMAT)])
    return f"{body}{SEPARATOR}{_b64(private_key().sign(body.encode('ascii')))}"


def verify(token, key=None):
    """The Pass a token carries, or BadToken. `key`: an Ed25519PublicKey (default: ours)."""
    key = key or public_key()
    if isinstance(key, (bytes, str)):
        key = Ed25519PublicKey.from_public_bytes(base64.b64decode(key))
    body, _, signature = token.rpartition(SEPARATOR)
    try:
        key.verify(_unb64(signature), body.encode("ascii"))
        kind, id, first, last = body.split(SEPARATOR)
        first_day = datetime.datetime.strptime(first, DAY_FORMAT).date()
        last_day = datetime.datetime.strptime(last, DAY_FORMAT).date()
    except (InvalidSignature, ValueError, UnicodeError) as exc:
        raise BadToken("This token was not signed by us or was altered.") from exc
    return Pass(kind, id, first_day, last_day)
