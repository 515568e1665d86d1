"""One vocabulary of "which delegations": the sheets, the dashboard and the public count agree."""

import io
import re
import unicodedata
from pathlib import Path

from django.urls import reverse
from pypdf import PdfReader

from delegations.facts import count_confirmed
from delegations.models import Delegation, LiaisonOfficer, Movement
from tests.factories import local, make_delegation, make_member

Status = Delegation.Status
FLIGHTS = {
    Status.DRAFT: "VN100",
    Status.INVITED: "VN101",
    Status.ACCEPTED: "VN102",
    Status.DECLINED: "VN103",
    Status.ARRIVED: "VN104",
    Status.DEPARTED: "VN105",
    Status.CANCELLED: "VN106",
}


def _text(response):
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    return " ".join(unicodedata.normalize("NFC", " ".join(p.extract_text() for p in reader.pages)).split())


def _one_delegation_per_status(edition):
    officer = LiaisonOfficer.objects.create(name="Trần Văn Bình", rank="Thượng tá")
    for n, (status, flight) in enumerate(FLIGHTS.items()):
        delegation = make_delegation(
            edition, ["FR", "DE", "IN", "JP", "KR", "TH", "LA"][n], f"Bộ Quốc phòng {status}", status=status
        )
        delegation.liaison_officer = officer
        delegation.save()
        make_member(delegation, family_name="Nguyễn", given_name=f"Văn {n}")
        Movement.objects.create(delegation=delegation, kind="arrival", at=local(edition, -1, 8 + n), flight=flight)
    return officer


def test_run_sheet_airport_sheet_and_dashboard_count_the_same_coming_delegations(protocol_client, edition):
    officer = _one_delegation_per_status(edition)
    day = local(edition, -1, 0).date()
    run_sheet = _text(
        protocol_client.get(
            reverse("admin:delegations_liaisonofficer_run_sheet", args=[officer.pk])
            + f"?day={day.isoformat()}&edition={edition.pk}&lang=en"
        )
    )
    airport = _text(
        protocol_client.get(reverse("admin:delegations_delegation_print_movements") + f"?edition={edition.pk}&lang=en")
    )
    coming = {FLIGHTS[Status.ACCEPTED], FLIGHTS[Status.ARRIVED]}  # expected or here
    assert {flight for flight in FLIGHTS.values() if flight in run_sheet} == coming
    assert {flight for flight in FLIGHTS.values() if flight in airport} == coming
    dashboard = protocol_client.get(reverse("admin:delegations_delegation_dashboard") + f"?edition={edition.pk}")
    label = day.strftime("%d/%m")
    bar = re.search(rf"<title>{label}: (\d+)</title>", dashboard.content.decode())
    assert bar and int(bar.group(1)) == len(coming)


def test_public_count_is_of_the_delegations_that_said_yes(edition):
    _one_delegation_per_status(edition)
    assert count_confirmed(edition).count() == 3  # accepted, arrived, departed


def test_no_module_restates_a_delegation_status_set():
    """The sets live in delegations/models/delegation.py; everyone else names them."""
    root = Path(__file__).resolve().parents[2]
    restated = re.compile(r"""status__in=\[|status__in=\(|["'](declined|cancelled)["'],\s*["']""")
    offenders = [
        str(path.relative_to(root))
        for folder in ("delegations", "meetings", "expo")
        for path in (root / folder).rglob("*.py")
        if "migrations" not in path.parts and restated.search(path.read_text())
    ]
    assert offenders == []
