"""The Message-ID a recipient's server sees says nothing of the address it was sent to.

A delivery key holds the recipient's address (one key per message and recipient); a plain hash
of it could be matched against guessed addresses. The Message-ID is a keyed hash of the key:
the same for every delivery of a row (resends are recognisable), unguessable without the
site's secret key.
"""

import hashlib

import pytest

from outbox import registry
from outbox.models import Message
from outbox.tasks import deliver_message

pytestmark = pytest.mark.django_db
ADDRESS = "binh@qk7.vn"
KEY = f"delegations.invitation:42:{ADDRESS}"


def _sent_message_id(smtp, key=KEY):
    message = Message.objects.create(
        kind="delegations.invitation",
        team=registry.get("delegations.invitation").team,
        key=key,
        to_email=ADDRESS,
        to_name="Nguyễn Văn Bình",
        language="vi",
        subject="Thư mời tham dự VIDE 2024",
        body_text="Kính gửi Ông Nguyễn Văn Bình,\n",
        status="approved",
    )
    # Approved as it stands (outbox four eyes: delivery sends only what was approved).
    Message.objects.filter(pk=message.pk).update(approved_digest=message.content_digest())
    assert deliver_message.call(message.pk) == "sent"
    return smtp.messages[-1]["Message-ID"]


def _guesses():
    """What someone holding a guessed address (and the key's format) could compute."""
    for text in (KEY, ADDRESS, KEY.lower()):
        for algorithm in ("md5", "sha1", "sha256", "sha512", "blake2b"):
            yield hashlib.new(algorithm, text.encode()).hexdigest()[:32]


def test_message_id_carries_nothing_computable_from_the_address(smtp):
    message_id = _sent_message_id(smtp)
    local = message_id.strip("<>").partition("@")[0]
    assert len(local) == 32 and ADDRESS.partition("@")[0] not in message_id
    assert all(guess not in message_id for guess in _guesses())


def test_message_id_depends_on_the_secret_key_and_is_stable_per_row(smtp, settings):
    first = _sent_message_id(smtp)
    message = Message.objects.get(key=KEY)
    Message.objects.filter(pk=message.pk).update(status="failed")
    assert deliver_message.call(message.pk) == "sent"
    assert smtp.messages[-1]["Message-ID"] == first  # a resend is the same message to mail servers
    settings.SECRET_KEY = "another-site-secret-" * 3
    Message.objects.filter(pk=message.pk).update(status="failed")
    assert deliver_message.call(message.pk) == "sent"
    assert smtp.messages[-1]["Message-ID"] != first  # not computable without the secret
