"""What an import will leave, per delegation: the preview the officer confirms before anything is saved."""

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy

from delegations.imports.parsing import delegation_key
from delegations.models import Delegation

# With a context: "created" alone is also the label of the creation date ("ngày tạo").
ACTIONS = {
    "created": pgettext_lazy("import result", "created"),
    "updated": pgettext_lazy("import result", "updated"),
    "unchanged": pgettext_lazy("import result", "unchanged"),
}


@dataclass
class DelegationPreview:
    """One delegation as the import will leave it: what the officer confirms."""

    country: str
    organisation: str
    level: str
    members: int = 0
    action: str = "unchanged"  # created | updated | unchanged
    first_arrival: object = None  # a local date, shown with its year
    # A new delegation of a country and level that already has one (the ministry sent it again?).
    same_level: str = ""

    @property
    def warning(self):
        if not self.same_level:
            return ""
        return _("%(country)s, %(level)s level already exists: %(organisation)s — update it instead?") % {
            "country": self.country_name,
            "level": self.level_display.lower() if self.level_display else "",
            "organisation": self.same_level,
        }

    @property
    def country_name(self):
        from django_countries.fields import Country

        return Country(self.country).name  # in the officer's language

    @property
    def level_display(self):
        return Delegation.Level(self.level).label if self.level else ""

    @property
    def action_display(self):
        return ACTIONS[self.action]


def previews(rows, delegations, *, language, tz, created, touched, same_level):
    """[DelegationPreview] in file order: each delegation's resolved country, organisation, level,
    members, first arrival and what happens to it (`created` and `touched`: delegation pks)."""
    found = {}
    for _number, clean in rows:
        delegation = delegations[delegation_key(clean)]
        key = id(delegation)
        if key not in found:
            action = "unchanged"
            if delegation.pk in created:
                action = "created"
            elif delegation.pk in touched:
                action = "updated"
            found[key] = DelegationPreview(
                country=delegation.country.code,
                organisation=getattr(delegation, f"organisation_{language}") or delegation.organisation,
                level=delegation.level,
                action=action,
                same_level=same_level(delegation) if action == "created" else "",
            )
        preview = found[key]
        preview.members += 1
        arrival = clean["arrival_at"]
        if arrival is not None:
            day = arrival.astimezone(tz).date()
            preview.first_arrival = min(preview.first_arrival or day, day)
    return list(found.values())
