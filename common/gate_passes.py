"""Badges other apps sign that the gates admit: a registry, so the gates (tickets) name no app
above them. Press badges (press) and stand staff badges (portal) register here from their
AppConfig.ready(); tickets' own tickets are not in it.

A kind of badge gives the gates, for an edition: the holder of one pass id (name, organisation,
whether it is approved, whether it has a photo), the passes valid on a day, the revoked ones
(refused or withdrawn after printing), a search by name for the manual look-up, and the photo.
Names and organisations only: never contact data or ID numbers.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Holder:
    """Whom a badge names, as a gate shows them."""

    pass_id: str
    name: str
    organisation: str
    kind_label: str
    approved: bool
    photo: bool = False

    def get_kind_display(self):
        return str(self.kind_label)


def _nothing(*args):
    return []


@dataclass(frozen=True)
class BadgeKind:
    kind: str  # the token's kind (common.signing)
    label: object  # a lazy translated name: "Press", "Stand staff"
    holder: Callable  # (edition, pass_id) -> Holder or None
    valid: Callable  # (edition, day) -> [Holder] of approved badges valid on that day
    revoked: Callable  # (edition) -> [pass_id]
    search: Callable = _nothing  # (edition, day, folded text, raw text, limit) -> [(Holder, token)] valid that day
    photo: Callable = None  # (edition, pass_id) -> an open binary file, or None


_kinds = {}


def register(badge_kind):
    _kinds[badge_kind.kind] = badge_kind


def get(kind):
    return _kinds.get(kind)


def registered():
    return list(_kinds.values())
