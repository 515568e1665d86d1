"""The gates' server side: who may use it, what a scan means, offline scans synced late from
two gates, the bundle a gate keeps offline, and the visits counted into the facts."""

import datetime
import json
import uuid

import pytest
import time_machine
from django.utils import timezone
from model_bakery import baker

from common import signing
from expo.facts import edition_facts
from expo.models import KeyFigure
from tests.factories import PUBLIC_DAY, TRADE_DAY, slot
from tickets import passes
from tickets.models import Registration, Result, Scan, Status

OPENING = datetime.datetime(2024, 12, 21, 8, 30, tzinfo=datetime.timezone(datetime.timedelta(hours=7)))


@pytest.fixture
def on_the_day():
    with time_machine.travel(OPENING, tick=False) as traveller:
        yield traveller


@pytest.fixture
def gate(client, gate_staff):
    client.force_login(gate_staff)
    return client


def ticket(edition, status=Status.ISSUED, name="Phạm Minh Anh", **extra):
    fields = {"kind": "public", "slot": slot(), "party_size": 2, **extra}
    return Registration.objects.create(edition=edition, status=status, name=name, email="anh@example.vn", **fields)


def scan(client, token, gate="G1", at=None, client_id=None):
    body = {
        "gate": gate,
        "scans": [
            {
                "client_id": str(client_id or uuid.uuid4()),
                "token": token,
                "scanned_at": (at or timezone.now()).isoformat(),
            }
        ],
    }
    response = client.post("/en/checkin/scans/", json.dumps(body), content_type="application/json")
    assert response.status_code == 200, response.content
    return response.json()["results"][0]


def test_only_gate_staff_reach_the_check_in(client, show, django_user_model, on_the_day):
    assert client.get("/vi/checkin/").status_code == 302  # to the login
    client.force_login(django_user_model.objects.create(username="editor", is_staff=True))
    assert client.get("/vi/checkin/").status_code == 403
    assert client.get("/vi/checkin/bundle.json").status_code == 403
    assert client.post("/vi/checkin/scans/", "{}", content_type="application/json").status_code == 403


def test_page_holds_no_inline_script(gate, show, on_the_day):
    page = gate.get("/vi/checkin/").content.decode()
    assert "Soát vé tại cổng" in page and "tickets/js/checkin" in page
    assert "<script>" not in page and " onclick=" not in page


def test_valid_ticket_is_admitted_once_a_day_at_any_gate(gate, show, on_the_day):
    registration = ticket(show)
    token = passes.token(registration)
    first = scan(gate, token)
    assert (first["result"], first["name"], first["kind"]) == ("admitted", "Phạm Minh Anh", "Public")
    again = scan(gate, token, gate="G2")
    assert (again["result"], again["label"]) == ("already_used", "Already used today")


def test_forged_wrong_day_revoked_and_unknown_are_refused(gate, show, on_the_day):
    registration = ticket(show)
    token = passes.token(registration)
    kind, pass_id, first, last, signature = token.split(".")
    assert scan(gate, ".".join([kind, pass_id, "20241222", "20241222", signature]))["result"] == "forged"
    assert scan(gate, "not a ticket at all")["result"] == "forged"
    other_day = ticket(show, slot=slot(date=PUBLIC_DAY + datetime.timedelta(days=1)), name="Other day")
    assert scan(gate, passes.token(other_day))["result"] == "wrong_day"
    cancelled = ticket(show, status=Status.CANCELLED, name="Cancelled")
    assert scan(gate, passes.token(cancelled))["result"] == "revoked"
    assert scan(gate, signing.sign("public", "unknownpass1", PUBLIC_DAY, PUBLIC_DAY))["result"] == "unknown"
    trade = Registration.objects.create(
        edition=show, kind="trade", status=Status.ISSUED, name="T", email="t@example.vn"
    )
    assert scan(gate, passes.token(trade))["result"] == "wrong_day"  # a trade ticket on a public day


def test_offline_scans_of_two_gates_keep_the_earlier_admission(gate, show, on_the_day):
    token = passes.token(ticket(show))
    later = scan(gate, token, gate="G2", at=timezone.now())
    assert later["result"] == "admitted"
    # Gate 1 was offline and admitted the same ticket a minute earlier: its scan arrives now.
    earlier_id = uuid.uuid4()
    earlier = scan(gate, token, gate="G1", at=timezone.now() - datetime.timedelta(minutes=1), client_id=earlier_id)
    assert earlier["result"] == "admitted"
    assert dict(Scan.objects.values_list("gate__code", "result")) == {"G1": Result.ADMITTED, "G2": Result.ALREADY_USED}
    # The same queue sent twice (the answer was lost) stores nothing twice.
    scan(gate, token, gate="G1", client_id=earlier_id)
    assert Scan.objects.count() == 2


def test_bundle_holds_the_key_todays_tickets_and_the_revoked(gate, show, on_the_day):
    valid = ticket(show)
    ticket(show, slot=slot(date=PUBLIC_DAY + datetime.timedelta(days=1)), name="Tomorrow")
    revoked = ticket(show, status=Status.CANCELLED, name="Cancelled")
    scan(gate, passes.token(valid))
    bundle = gate.get("/en/checkin/bundle.json").json()
    assert bundle["public_key"] == signing.public_key_text() and bundle["day"] == "2024-12-21"
    assert list(bundle["valid"]) == [valid.pass_id] and bundle["valid"][valid.pass_id]["name"] == "Phạm Minh Anh"
    assert bundle["revoked"] == [revoked.pass_id] and bundle["admitted"] == [valid.pass_id]
    assert "anh@example.vn" not in json.dumps(bundle)  # no contacts on the gates' devices


def test_look_up_by_name_without_accents(gate, show, on_the_day):
    registration = ticket(show)
    found = gate.get("/en/checkin/lookup/?q=pham minh").json()["found"]
    assert [row["pass_id"] for row in found] == [registration.pass_id]
    assert signing.verify(found[0]["token"]).id == registration.pass_id


def test_bad_batches_are_refused_with_a_message(gate, show, on_the_day):
    response = gate.post("/en/checkin/scans/", "{not json", content_type="application/json")
    assert response.status_code == 400 and "cannot read" in response.json()["error"]
    response = gate.post("/en/checkin/scans/", json.dumps({"gate": "G9", "scans": []}), content_type="application/json")
    assert response.status_code == 400


def test_visits_at_the_gates_replace_the_typed_figure(gate, show, on_the_day):
    baker.make(KeyFigure, edition=show, value="260.000", label_vi="lượt khách tham quan", label_en="visits", order=1)
    facts = edition_facts(show, "en", today=PUBLIC_DAY)
    assert [f.value for f in facts["announced"]] == ["260.000"]
    assert "visits" not in [f.key for f in facts["counted"]]  # nothing scanned yet: no figure of 0

    for n in range(3):
        scan(gate, passes.token(ticket(show, name=f"Visitor {n}")))
    facts = edition_facts(show, "en", today=PUBLIC_DAY)
    counted = {f.key: f.value for f in facts["counted"]}
    assert (counted["visits"], counted["visitors"]) == ("3", "3")
    assert facts["announced"] == []
    page = gate.get("/en/").content.decode()
    assert "visits counted at the gates" in page and "260.000" not in page


def test_counts_per_gate_and_hour_on_the_admin(admin_client, show, on_the_day, gate):
    for n in range(3):
        scan(gate, passes.token(ticket(show, name=f"V{n}")), gate="G1" if n else "G2")
    page = admin_client.get("/admin/tickets/scan/?day=2024-12-21", headers={"accept-language": "en"}).content.decode()
    assert "Admissions per gate and hour, 21/12/2024" in page
    assert (
        "<th>8:00</th>" in page
        and "<tr><th>G1</th><td>2</td></tr>" in page
        and "<tr><th>G2</th><td>1</td></tr>" in page
    )


def test_trade_tickets_open_the_trade_days(gate, show):
    trade = Registration.objects.create(
        edition=show, kind="trade", status=Status.ISSUED, name="T", email="t@example.vn"
    )
    with time_machine.travel(datetime.datetime(2024, 12, 19, 9, tzinfo=datetime.UTC), tick=False):
        assert scan(gate, passes.token(trade))["result"] == "admitted"
    assert datetime.date(2024, 12, 19) == TRADE_DAY


def test_a_synced_batch_reads_its_tickets_once(gate, show, on_the_day, django_assert_num_queries):
    """A gate back online sends its queue: the tickets, the trade days and the client ids are read
    once for the batch; each scan then costs its own admission check and insert."""

    def batch(n):
        tokens = [passes.token(ticket(show, name=f"Khách {i}")) for i in range(n)]
        body = {
            "gate": "G1",
            "scans": [
                {"client_id": str(uuid.uuid4()), "token": t, "scanned_at": timezone.now().isoformat()} for t in tokens
            ],
        }
        return json.dumps(body)

    # 15 for the first scan (session, user, edition, gate, the batch's reads, its own write); then 6 a
    # scan: the admission check under SELECT … FOR UPDATE, the insert and their savepoints.
    for n, expected in ((1, 15), (10, 69)):
        body = batch(n)
        with django_assert_num_queries(expected):
            response = gate.post("/en/checkin/scans/", body, content_type="application/json")
        assert [r["result"] for r in response.json()["results"]] == ["admitted"] * n
