"""Writing checked import rows: a handful of bulk queries, whatever the number of rows.

Bulk writes skip model signals, so the audit entries are written here (built in
`auditing.py`, with the masking auditlog applies itself), in one bulk insert.
"""

import copy

from auditlog.models import LogEntry
from django.utils.translation import gettext as _

from common.text import fold
from delegations import services
from delegations.columns import MEMBER_IMPORT_FIELDS
from delegations.imports.auditing import audit_context, changes, log_entry
from delegations.imports.matching import MemberMatcher, member_key
from delegations.imports.parsing import RowError, delegation_key
from delegations.imports.preview import DelegationPreview, previews
from delegations.models import Delegation, Member, Movement

__all__ = ["DelegationPreview", "Writer", "member_key"]


def _copy_cells(clean, member, fields):
    """Copy a row's clean values of `fields` onto the member."""
    for name in fields:
        # A translation never filled is NULL in the database; an empty cell leaves it so.
        if not (clean[name] == "" and getattr(member, name) is None):
            setattr(member, name, clean[name])


class Writer:
    """Writes checked rows with a handful of bulk queries, whatever the number of rows."""

    def __init__(self, *, edition, user, language, headers, result, request=None, dry_run=False):
        # A dry run (the preview) reads and compares exactly as the import does, and writes
        # nothing: its counts are the import's, at the cost of reading alone.
        self.dry_run = dry_run
        self.edition = edition
        self.user = user if user is not None and user.is_authenticated else None
        self.language = language
        self.headers = headers
        self.result = result
        self.log_entries = []
        self.audit = audit_context(self.user, request)
        self.touched = set()  # delegations with any change written (preview: "updated")
        self.created_delegations = set()

    def write(self, rows):
        delegations = self._delegations(rows)
        members = self._members(rows, delegations)
        if self.result.errors:
            return
        self._movements(rows, members)
        self._preview(rows, delegations)
        if self.dry_run:
            return
        self._heads(rows, delegations, members)
        LogEntry.objects.bulk_create(self.log_entries, batch_size=1000)

    def _preview(self, rows, delegations):
        """Per delegation: resolved country, organisation, level, members, first arrival, what happens."""
        self.result.delegations = previews(
            rows,
            delegations,
            language=self.language,
            tz=self.edition.tz,
            created=self.created_delegations,
            touched=self.touched,
            same_level=self._same_level,
        )

    def _same_level(self, delegation):
        """The organisation of a delegation already kept for this country and level ("" if none).
        Several delegations of level "other" from one country are usual; of a minister, not."""
        if delegation.level == Delegation.Level.OTHER:
            return ""
        other = self.existing_by_level.get((delegation.country.code, delegation.level))
        if other is None:
            return ""
        return getattr(other, f"organisation_{self.language}") or other.organisation

    def _bulk(self, method, *args, **kwargs):
        if not self.dry_run:
            method(*args, **kwargs)

    def _log(self, old, new, action):
        # Built directly rather than with auditlog's generic diff, which was the slowest step
        # of a 5,000-row import; same format and the same masking. A preview only notes what
        # would change ("updated"), writing no entry.
        found = changes(old, new)
        if found:
            self.touched.add(getattr(new, "delegation_id", new.pk))
        if found and not self.dry_run:
            self.log_entries.append(log_entry(new, action=action, changes=found, audit=self.audit))

    def _delegations(self, rows):
        # A row names its delegation by its organisation in either language (accent/case-blind).
        existing, self.existing_by_level = {}, {}
        for delegation in Delegation.objects.filter(edition=self.edition).order_by("pk"):
            for name in (delegation.organisation_vi, delegation.organisation_en):
                if name:
                    existing.setdefault((delegation.country.code, fold(name)), delegation)
            self.existing_by_level.setdefault((delegation.country.code, delegation.level), delegation)
        found, created, updated = {}, [], []
        for _number, clean in rows:
            key = delegation_key(clean)
            if key in found:
                continue
            country, folded_vi, folded_en = key
            delegation = existing.get((country, folded_vi)) if folded_vi else None
            delegation = delegation or (existing.get((country, folded_en)) if folded_en else None)
            if delegation is None:
                delegation = Delegation(
                    edition=self.edition,
                    country=country,
                    type=Delegation.Type.DOMESTIC if country == "VN" else Delegation.Type.INTERNATIONAL,
                    version=1,
                )
                delegation.organisation_vi = clean["organisation_vi"]
                delegation.organisation_en = clean["organisation_en"]
                created.append(delegation)
                for name in (folded_vi, folded_en):
                    if name:
                        existing[(country, name)] = delegation
                found[key] = delegation
                self._fill(delegation, clean, None, updated)
                continue
            found[key] = delegation
            if any(delegation is after for _before, after in updated):
                continue
            self._fill(delegation, clean, copy.copy(delegation), updated)
        self._bulk(Delegation.objects.bulk_create, created, batch_size=500)
        self._bulk(
            Delegation.objects.bulk_update,
            [d for _, d in updated],
            ["type", "level", "level_rank", "organisation_vi", "organisation_en", "search_name", "version"],
            batch_size=500,
        )
        self.created_delegations = {delegation.pk for delegation in created}
        for delegation in created:
            self._log(None, delegation, LogEntry.Action.CREATE)
        for before, delegation in updated:
            self._log(before, delegation, LogEntry.Action.UPDATE)
        self.result.delegations_created = len(created)
        self.result.delegations_updated = len(updated)
        return found

    def _fill(self, delegation, clean, before, updated):
        """Type, level, and a name in a language the delegation lacks (unless it merely repeats
        the other language's name)."""
        delegation.type = clean["type"] or delegation.type
        delegation.level = clean["level"] or delegation.level
        for language, other in (("vi", "en"), ("en", "vi")):
            given = clean[f"organisation_{language}"]
            kept_other = getattr(delegation, f"organisation_{other}") or ""
            if given and not getattr(delegation, f"organisation_{language}") and fold(given) != fold(kept_other):
                setattr(delegation, f"organisation_{language}", given)
        delegation.fill_derived()
        compared = ("type", "level", "organisation_vi", "organisation_en")
        if before is not None and any(getattr(before, f) != getattr(delegation, f) for f in compared):
            delegation.version += 1
            updated.append((before, delegation))

    def _members(self, rows, delegations):
        """Returns {row number: member}."""
        delegation_ids = [d.pk for d in delegations.values() if d.pk]
        existing = list(Member.objects.filter(delegation_id__in=delegation_ids))
        matcher = MemberMatcher(existing)
        next_order = {}
        for member in existing:
            next_order[member.delegation_id] = max(next_order.get(member.delegation_id, 0), member.order + 1)
        written, created, updated, touched = {}, [], [], set()
        fields = [name for name in MEMBER_IMPORT_FIELDS if name in self.headers or name == "nationality"]
        for number, clean in rows:
            delegation = delegations[delegation_key(clean)]
            try:
                member = matcher.find(delegation, clean)
            except ValueError:
                self.result.errors.append(self._namesakes(number, clean))
                continue
            if member is not None and id(member) in touched:
                self.result.errors.append(self._namesakes(number, clean))
                continue
            before = copy.copy(member) if member else None
            if member is None:
                order = next_order.get(delegation.pk, 0)
                next_order[delegation.pk] = order + 1
                member = Member(delegation=delegation, order=order, version=1)
                created.append(member)
            _copy_cells(clean, member, fields)
            member.fill_derived()
            if before is None:
                matcher.add(member)
            elif any(getattr(before, name) != getattr(member, name) for name in fields):
                member.version += 1
                updated.append((before, member))
            touched.add(id(member))
            written[number] = member
        if self.result.errors:
            return written
        self._bulk(Member.objects.bulk_create, created, batch_size=500)
        # Only the columns that changed somewhere: bulk_update's CASE per column is what costs.
        changed = {
            name for before, member in updated for name in fields if getattr(before, name) != getattr(member, name)
        }
        self._bulk(
            Member.objects.bulk_update, [m for _, m in updated], [*changed, "search_name", "version"], batch_size=500
        )
        for member in created:
            self._log(None, member, LogEntry.Action.CREATE)
        for before, member in updated:
            self._log(before, member, LogEntry.Action.UPDATE)
        self.result.members_created = len(created)
        self.result.members_updated = len(updated)
        return written

    def _namesakes(self, number, clean):

        return RowError(
            number,
            "family_name",
            _(
                "Several members of this delegation are named “%(name)s”, or two rows name the same member: "
                "edit them in the admin or tell them apart in the file."
            )
            % {"name": f"{clean['family_name']} {clean['given_name']}".strip()},
        )

    def _movements(self, rows, members):
        """One arrival and one departure per member from the file, updated on re-import."""
        existing = {
            (movement.member_id, movement.kind): movement
            for movement in Movement.objects.filter(member_id__in=[m.pk for m in members.values() if m.pk]).order_by(
                "-pk"
            )
        }
        created, updated = [], []
        for number, clean in rows:
            member = members[number]
            for kind in (Movement.Kind.ARRIVAL, Movement.Kind.DEPARTURE):
                at, flight = clean[f"{kind}_at"], clean[f"{kind}_flight"]
                if at is None:
                    continue
                movement = existing.get((member.pk, kind))
                if movement is None:
                    movement = Movement(delegation_id=member.delegation_id, member=member, kind=kind)
                    created.append(movement)
                elif (movement.at, movement.flight) != (at, flight):
                    updated.append((copy.copy(movement), movement))
                movement.at, movement.flight = at, flight
        self._bulk(Movement.objects.bulk_create, created, batch_size=500)
        self._bulk(Movement.objects.bulk_update, [m for _, m in updated], ["at", "flight"], batch_size=500)
        for movement in created:
            self._log(None, movement, LogEntry.Action.CREATE)
        for before, movement in updated:
            self._log(before, movement, LogEntry.Action.UPDATE)
        self.result.movements = len(created) + len(updated)

    def _heads(self, rows, delegations, members):
        # The head follows the role, as everywhere (services.sync_heads): the file's first head
        # row of a delegation takes it.
        heads = {}
        for number, clean in rows:
            if clean["role"] == Member.Role.HEAD:
                heads.setdefault(members[number].delegation_id, members[number])
        services.sync_heads(delegations=delegations.values(), chosen=heads.values())
