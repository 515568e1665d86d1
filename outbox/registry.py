"""Message kinds, registered by the apps that send them.

The outbox knows nothing of delegations or press releases: each sending app registers its
kinds here (in its AppConfig.ready), saying which team reviews them and whether a second
person must approve. The outbox only stores, reviews and delivers.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _


class Team(models.TextChoices):
    PROTOCOL = "protocol", _("Protocol")
    PRESS = "press", _("Press office")
    VISITORS = "visitors", _("Visitor registration")
    EXHIBITORS = "exhibitors", _("Exhibitors")


@dataclass(frozen=True)
class Kind:
    code: str
    label: str
    team: str
    # Always reviewed by a second person (messages to delegations): no per-kind setting can switch it off.
    second_person: bool = False
    # For the others: reviewed before sending unless the press office switches the kind to automatic.
    review_by_default: bool = False
    # Batched kinds re-render their body from the batch's lines: render(message, lines) -> (subject, text, html).
    render_batch: Callable | None = None
    # Staff without this permission see the recipient's address masked (delegation members'
    # e-mail addresses are sensitive personal data).
    address_permission: str = ""
    # A topic one can unsubscribe from (press releases): nothing of this kind is made or sent to
    # an address that unsubscribed from it. Empty for messages a person asked for or must get.
    topic: str = ""


_kinds: dict[str, Kind] = {}


def register(kind):
    _kinds[kind.code] = kind
    return kind


def get(code):
    try:
        return _kinds[code]
    except KeyError:
        raise LookupError(f"No message kind {code!r} is registered.") from None


def all_kinds():
    return sorted(_kinds.values(), key=lambda kind: kind.code)


def kinds_of_topic(topic):
    return [kind.code for kind in _kinds.values() if topic and kind.topic == topic]


def choices():
    return [(kind.code, kind.label) for kind in all_kinds()]
