"""Design-scale delegations for `make bench`: 500 delegations, 5,000 members, imported for real.

The rows go through the protocol team's own spreadsheet import (all-or-nothing, audited), so
generating them also measures that import at full size.
"""

import csv
import io
import time

from common import bench_registry
from common.text import nfc
from delegations.imports import import_delegations
from delegations.imports.reading import COLUMNS
from delegations.models import Delegation, LiaisonOfficer

# Delegations come from the first half of the bench countries.
COUNTRIES = bench_registry.COUNTRIES[:25]
LEVELS = ["minister", "deputy_minister", "chief_of_defence", "service_commander", "other"]
ROLES = ["head", "deputy", "member", "member", "member", "member", "aide", "aide", "interpreter", "security"]
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Smith", "Müller", "Dubois", "Rossi", "Tanaka", "Kim", "Singh"]
GIVEN = ["Văn An", "Thị Hương", "Đức Minh", "Quang Huy", "John", "Anna", "Pierre", "Marco", "Yuki", "Min-jun", "Arjun"]
ORGANISATION = "Bench Ministry of Defence"
# Each liaison officer looks after five delegations, as at the largest shows (run sheets for a day).
DELEGATIONS_PER_OFFICER = 5


def bench_rows(*, delegations, members, rng, edition):
    """Rows of the import spreadsheet (dicts keyed by COLUMNS)."""
    first_day = edition.start_date
    rows = []
    per_delegation = max(members // max(delegations, 1), 1)
    for d in range(delegations):
        country = COUNTRIES[d % len(COUNTRIES)]
        organisation = f"{ORGANISATION} {d // len(COUNTRIES) + 1}"
        level = LEVELS[d % len(LEVELS)]
        arrival_day = first_day.replace(day=max(first_day.day - 1, 1))
        for m in range(per_delegation):
            rows.append(
                {
                    "country": country,
                    # The same name in both languages, so either language's lookup finds bench rows.
                    "organisation_vi": organisation,
                    "organisation_en": organisation,
                    "delegation_type": "domestic" if country == "VN" else "international",
                    "level": level,
                    "role": ROLES[m % len(ROLES)],
                    "family_name": nfc(rng.choice(FAMILY)),
                    "given_name": nfc(rng.choice(GIVEN)),
                    "rank_vi": "",
                    "rank_en": "",
                    "position_vi": "Đại biểu",
                    "position_en": "Delegate",
                    "gender": rng.choice(["female", "male"]),
                    "nationality": country,
                    "passport_no": f"B{d:04d}{m:03d}",
                    "date_of_birth": f"19{rng.randint(55, 90)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}",
                    "email": f"member{d}.{m}@example.invalid",
                    "phone": f"+84 90 {d:03d} {m:04d}",
                    "arrival_at": f"{arrival_day:%Y-%m-%d} {8 + m % 10:02d}:{(m * 7) % 60:02d}",
                    "arrival_flight": f"VN{100 + d % 800}",
                    "departure_at": f"{edition.end_date:%Y-%m-%d} {12 + m % 8:02d}:00",
                    "departure_flight": f"VN{900 + d % 90}",
                    "needs": "",
                }
            )
    return rows


def rows_to_csv(rows):
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS)
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


@bench_registry.register(order=40, label="Delegations: spreadsheet import at full size")
def generate_delegations(*, edition, counts, rng, progress):
    Delegation.objects.filter(edition=edition, organisation__startswith=ORGANISATION).delete()
    rows = bench_rows(delegations=counts["delegations"], members=counts["members"], rng=rng, edition=edition)
    started = time.monotonic()
    result = import_delegations(data=rows_to_csv(rows), filename="bench.csv", edition=edition, progress=progress)
    elapsed = time.monotonic() - started
    if not result.ok:
        raise RuntimeError(f"bench import refused: {[str(e) for e in result.errors[:5]]}")
    officers = assign_officers(edition)
    return (
        f"{result.summary()}; {officers} liaison officers; "
        f"timing: delegation import of {len(rows)} member rows: {elapsed:.1f} s"
    )


def assign_officers(edition):
    """The bench delegations accepted, each with a liaison officer (five delegations per officer)."""
    LiaisonOfficer.objects.filter(name__startswith=bench_registry.PREFIX).delete()
    delegations = list(
        Delegation.objects.filter(edition=edition, organisation__startswith=ORGANISATION).order_by("pk").only("pk")
    )
    count = -(-len(delegations) // DELEGATIONS_PER_OFFICER)
    officers = LiaisonOfficer.objects.bulk_create(
        [
            LiaisonOfficer(name=f"{bench_registry.PREFIX}officer-{n}", search_name=f"bench-officer-{n}", phone="")
            for n in range(count)
        ]
    )
    for index, delegation in enumerate(delegations):
        delegation.liaison_officer = officers[index // DELEGATIONS_PER_OFFICER]
        delegation.status = Delegation.Status.ACCEPTED
    Delegation.objects.bulk_update(delegations, ["liaison_officer", "status"], batch_size=500)
    return len(officers)
