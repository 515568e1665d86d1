"""Which existing member a row of the file is: the same person, never a guess."""

from common.text import fold
from delegations.models import Member


def member_key(delegation_key, *, passport_no, family_name, given_name, date_of_birth):
    """Two rows of one file are the same person by passport number, or by name and date of birth."""
    if passport_no:
        return (delegation_key, "passport", passport_no)
    return (delegation_key, "name", fold(f"{family_name} {given_name}"), date_of_birth)


class MemberMatcher:
    """Finds the existing member a row updates.

    The key needs no sensitive field, so a user without view_sensitive (whose file has no passport
    or birth-date column, e.g. their own export) updates members instead of duplicating them:
    within the row's delegation, the member with the same name (accent- and case-blind). Only
    when the row carries them do sensitive values narrow the match: a passport number finds its
    member first (and a same-named member holding another passport is someone else); a date of
    birth tells apart namesakes. Several namesakes left is a row error, never a guess.
    """

    def __init__(self, members):
        self.by_passport, self.by_name = {}, {}
        for member in members:
            self.add(member)

    @staticmethod
    def _delegation(member_or_delegation):
        # A delegation not yet saved (a preview writes nothing) is told apart by identity.
        if isinstance(member_or_delegation, Member):
            if member_or_delegation.delegation_id:
                return member_or_delegation.delegation_id
            member_or_delegation = member_or_delegation.delegation
        return member_or_delegation.pk or ("new", id(member_or_delegation))

    def find(self, delegation, clean):
        """The member (or None for a new one); raises ValueError when the name is ambiguous."""
        delegation_id = self._delegation(delegation)
        passport = clean["passport_no"]
        if passport and (delegation_id, passport) in self.by_passport:
            return self.by_passport[(delegation_id, passport)]
        name = fold(f"{clean['family_name']} {clean['given_name']}")
        namesakes = self.by_name.get((delegation_id, name), [])
        if passport:
            namesakes = [m for m in namesakes if not m.passport_no]
        if len(namesakes) > 1 and clean.get("date_of_birth"):
            namesakes = [m for m in namesakes if m.date_of_birth == clean["date_of_birth"]]
        if len(namesakes) > 1:
            raise ValueError(name)
        return namesakes[0] if namesakes else None

    def add(self, member):
        delegation_id = self._delegation(member)
        if member.passport_no:
            self.by_passport[(delegation_id, member.passport_no)] = member
        self.by_name.setdefault((delegation_id, member.search_name), []).append(member)
