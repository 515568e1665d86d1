"""The fingerprint of a message as it would be delivered: what an approval approves.

An approval records this digest; delivery recomputes it and sends nothing that differs, so a
text changed after review (by any path, admin or not) never leaves without a new approval.
A pure function of plain values, so a migration can use it too.
"""

import hashlib
import json
import unicodedata


def _nfc(value):
    return unicodedata.normalize("NFC", value or "")


def compute(*, subject, body_text, body_html, to_email, to_name, language, headers, attachments):
    """sha256 hex of everything delivery puts in the e-mail; `attachments` are (filename, type, bytes)."""
    content = {
        "to": [_nfc(to_email).strip().lower(), _nfc(to_name)],
        "language": language,
        "subject": _nfc(subject),
        "text": _nfc(body_text),
        "html": _nfc(body_html),
        "headers": sorted((str(name), str(value)) for name, value in (headers or {}).items()),
        "attachments": [
            [filename, content_type, hashlib.sha256(bytes(content)).hexdigest()]
            for filename, content_type, content in attachments
        ],
    }
    return hashlib.sha256(json.dumps(content, ensure_ascii=False, sort_keys=True).encode()).hexdigest()
