"""A previewed import waiting for its confirmation: kept in private storage, not in the session.

The preview stores the uploaded file and its checked rows under a random name in the private
files folder (outside the public media) and hands the page a signed, expiring token naming it
and the user who previewed it. Confirming claims the rows by renaming them (atomic on one
filesystem), so of two confirms of one preview only the first imports; the second is told the
list was already imported. Confirm does not read the file again: it writes the checked rows.
"""

import datetime
import json
import os
import secrets
import time
from pathlib import Path

from django.conf import settings
from django.core import signing

SALT = "delegations.import.preview"
MAX_AGE = 60 * 60  # seconds a preview stays confirmable
FOLDER = "delegation-imports"


class PreviewExpired(Exception):
    pass


class AlreadyImported(Exception):
    pass


def _folder():
    folder = Path(settings.PRIVATE_MEDIA_ROOT) / FOLDER
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    return folder


def _encode(value):
    if isinstance(value, datetime.datetime):
        return {"datetime": value.isoformat()}
    if isinstance(value, datetime.date):
        return {"date": value.isoformat()}
    raise TypeError(type(value).__name__)


def _decode(mapping):
    if mapping.keys() == {"datetime"}:
        return datetime.datetime.fromisoformat(mapping["datetime"])
    if mapping.keys() == {"date"}:
        return datetime.date.fromisoformat(mapping["date"])
    return mapping


def _sweep(folder):
    """Previews never confirmed are deleted once they can no longer be confirmed."""
    cutoff = time.time() - MAX_AGE - 60
    for path in folder.iterdir():
        try:
            if path.stat().st_mtime < cutoff:
                path.unlink()
        except FileNotFoundError:
            continue


def stash(*, data, filename, headers, rows, edition, language, user):
    """Keep a checked file until it is confirmed; returns the token for the confirm form."""
    folder = _folder()
    _sweep(folder)
    name = secrets.token_hex(16)
    payload = {"headers": list(headers), "rows": [[number, clean] for number, clean in rows]}
    descriptor = os.open(folder / f"{name}.json", os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        json.dump(payload, handle, default=_encode)
    # The file as uploaded, beside its rows, so the preview can be checked against it later.
    descriptor = os.open(folder / f"{name}.upload", os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(data)
    value = {"name": name, "file": filename, "edition": edition.pk, "language": language, "user": user.pk}
    return signing.dumps(value, salt=SALT, compress=True)


def describe(token, *, user):
    """The signed facts of a token (file name, edition, language) for `user`, or PreviewExpired."""
    try:
        value = signing.loads(token, salt=SALT, max_age=MAX_AGE)
    except signing.SignatureExpired as exc:
        raise PreviewExpired from exc
    except signing.BadSignature as exc:
        raise PreviewExpired from exc
    if value.get("user") != user.pk:
        raise PreviewExpired
    return value


def claim(token, *, user):
    """Take the checked rows of a preview, once: (facts, headers, rows); AlreadyImported after."""
    facts = describe(token, user=user)
    folder = _folder()
    pending = folder / f"{facts['name']}.json"
    claimed = folder / f"{facts['name']}.claimed"
    try:
        pending.rename(claimed)
    except FileNotFoundError as exc:
        raise AlreadyImported from exc
    try:
        with claimed.open(encoding="utf-8") as handle:
            payload = json.load(handle, object_hook=_decode)
    finally:
        claimed.unlink(missing_ok=True)
        (folder / f"{facts['name']}.upload").unlink(missing_ok=True)
    rows = [(number, clean) for number, clean in payload["rows"]]
    return facts, payload["headers"], rows
