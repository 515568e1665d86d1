"""Press badges at the gates: an approved journalist's printed badge scans like a ticket (once a
day, on the edition's days), and a withdrawn accreditation is refused online and offline."""

import datetime
import json
import uuid

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from press import badges, services
from tests.factories import journalist, staff
from tests.helpers import decoded_qr_codes

OPENING = datetime.datetime(2024, 12, 19, 8, 30, tzinfo=datetime.timezone(datetime.timedelta(hours=7)))


@pytest.fixture
def on_the_day():
    with time_machine.travel(OPENING, tick=False) as traveller:
        yield traveller


@pytest.fixture
def gate(gate_staff):
    client = Client()
    client.force_login(gate_staff)
    return client


def scan(client, token, gate="G1", at=None):
    entry = {"client_id": str(uuid.uuid4()), "token": token, "scanned_at": (at or timezone.now()).isoformat()}
    body = json.dumps({"gate": gate, "scans": [entry]})
    response = client.post("/en/checkin/scans/", body, content_type="application/json")
    assert response.status_code == 200, response.content
    return response.json()["results"][0]


def printed_badge(client, accreditation):
    """The QR code of the badge the press office prints from the admin, as a gate's camera reads it."""
    client.force_login(staff("Press office")[0])
    response = client.get(f"/admin/press/mediaaccreditation/{accreditation.pk}/badge.pdf")
    assert response["Content-Type"] == "application/pdf"
    [code] = decoded_qr_codes(response.content)
    return code


def test_press_badge_is_admitted_once_a_day_and_refused_once_withdrawn(client, gate, show, on_the_day):
    alice = journalist(show)
    token = printed_badge(client, alice)
    admitted = scan(gate, token)
    assert (admitted["result"], admitted["name"], admitted["kind"]) == ("admitted", "Alice Hartley", "Press")
    assert admitted["organisation"] == "Defence Weekly"
    assert "alice@example.co.uk" not in json.dumps(admitted) and "UK-778" not in json.dumps(admitted)
    assert scan(gate, token, gate="G2")["result"] == "already_used"
    # The office can still find the badge from its code.
    found = client.get("/admin/press/mediaaccreditation/", {"q": token}).content.decode()
    assert "Alice Hartley" in found

    bundle = gate.get("/en/checkin/bundle.json").json()
    shown = {"kind": "press", "name": "Alice Hartley", "organisation": "Defence Weekly"}
    assert bundle["valid"][alice.reference] == shown
    assert alice.reference not in bundle["revoked"]
    assert "alice@example.co.uk" not in json.dumps(bundle) and "+44" not in json.dumps(bundle)

    services.decide_accreditation(accreditation=alice, status="rejected", reason="Withdrawn.", by=None)
    on_the_day.shift(datetime.timedelta(days=1))
    assert scan(gate, token)["result"] == "revoked"
    bundle = gate.get("/en/checkin/bundle.json").json()
    assert alice.reference in bundle["revoked"] and alice.reference not in bundle["valid"]


def test_press_badge_outside_the_show_days_is_the_wrong_day(client, gate, show, on_the_day):
    token = printed_badge(client, journalist(show))
    eve = timezone.now() - datetime.timedelta(days=1)
    assert scan(gate, token, at=eve)["result"] == "wrong_day"
    assert scan(gate, token)["result"] == "admitted"
    forged = token[:-4] + ("AAAA" if not token.endswith("AAAA") else "BBBB")
    assert scan(gate, forged)["result"] == "forged"


def test_a_pending_journalists_reference_is_not_a_pass(gate, show, on_the_day):
    pending = journalist(show, status="pending")
    assert scan(gate, badges.token(pending))["result"] == "revoked"
    assert pending.reference not in gate.get("/en/checkin/bundle.json").json()["valid"]
