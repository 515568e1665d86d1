"""Only disclosed outcomes reach the public: the page, its feed, the API and the daily briefing."""

import datetime
import io
from decimal import Decimal

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from model_bakery import baker
from pypdf import PdfReader

from meetings import services
from meetings.models import Agreement, Meeting, MeetingRequest
from tests.factories import LAST_EVENING, accepted_delegation, accepted_request


@time_machine.travel(LAST_EVENING, tick=False)
def test_results_page_shows_only_disclosed_agreements_with_totals(client, edition, ledger, django_assert_num_queries):
    # The edition, meetings held, agreements, next disclosure date.
    with django_assert_num_queries(4):
        response = client.get("/en/results/")
    text = response.content.decode()
    assert "Radar contract" in text and "Patrol boat contract" in text
    assert "Secret spare parts deal" not in text
    assert "Unapproved MoU" not in text
    assert "Training agreement" not in text
    # 42,000,000 + 10,000,000 × 1.05
    assert "52,500,000" in text
    assert response["Cache-Control"] == "max-age=60"


def test_an_announceable_agreement_appears_on_its_day_in_hanoi(client, edition, ledger):
    # The 23rd begins in Hanoi at 17:00 UTC on the 22nd.
    with time_machine.travel(datetime.datetime(2024, 12, 22, 16, 59, tzinfo=datetime.UTC), tick=False):
        assert "Training agreement" not in client.get("/en/results/").content.decode()
    with time_machine.travel(datetime.datetime(2024, 12, 22, 17, 0, tzinfo=datetime.UTC), tick=False):
        assert "Training agreement" in client.get("/en/results/").content.decode()


@time_machine.travel(LAST_EVENING, tick=False)
def test_feed_api_and_briefing_agree_with_the_page(client, edition, ledger):
    feed = client.get("/en/results/feed/").content.decode()
    assert "Radar contract" in feed and "Secret spare parts deal" not in feed

    api = client.get("/api/results?lang=en").json()
    assert (api["agreements"], api["usd_total"]) == (2, "52500000")
    assert {row["title"] for row in api["disclosed"]} == {"Radar contract", "Patrol boat contract"}

    pdf = client.get("/vi/results/briefing.pdf?day=20/12/2024")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages).split())
    # The 20th's briefing lists that day's agreement; the totals count both disclosed ones.
    assert "Patrol boat contract (vi)" in text and "Radar contract (vi)" not in text
    assert "52.500.000" in text or "52500000" in text
    assert "Secret spare parts deal" not in text


def test_briefing_for_a_day_outside_the_expo_or_typed_month_first_is_a_400(client, edition):
    for day in ("12/21/2024", "2024-12-30", "hôm qua"):
        response = client.get(f"/en/results/briefing.pdf?day={day}")
        assert response.status_code == 400
        assert "DD/MM/YYYY" in response.content.decode()


def test_meetings_held_are_counted_per_day_without_any_detail(client, edition, plan, room):
    france = accepted_delegation(edition, "FR", "Ministère des Armées")
    vietnam = accepted_delegation(edition, "VN")
    request = accepted_request(edition, france, counterpart=vietnam, subject="Mua bán tàu ngầm bí mật")
    services.schedule(edition=edition, by=None)
    services.set_status(request=request, status=MeetingRequest.Status.HELD, by=None)

    text = client.get("/en/results/").content.decode()
    api = client.get("/api/results").json()

    assert api["meetings_held"] == 1 and api["days"][0]["meetings_held"] == 1
    assert "Mua bán tàu ngầm" not in text and "Ministère des Armées" not in text
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "/results/" in sitemap and "meeting" not in sitemap.replace("results", "")


def test_disclosure_needs_a_permitted_approver_and_a_change_withdraws_it(edition, ledger):
    item = ledger["unapproved"]
    clerk = baker.make("auth.User", is_staff=True)
    with pytest.raises(PermissionDenied):
        services.approve_disclosure(agreement=item, by=clerk)

    approver = baker.make("auth.User", is_superuser=True, is_staff=True)
    with pytest.raises(ValidationError):
        services.approve_disclosure(agreement=ledger["internal"], by=approver)
    services.approve_disclosure(agreement=item, by=approver)
    item.refresh_from_db()
    assert item.approved_by == approver and item in Agreement.objects.disclosed()

    item.place_en = "Gia Lam Airfield, Hall A"
    assert services.withdraw_approval_if_changed(item) is True
    item.save()
    assert item not in Agreement.objects.disclosed()
    assert services.withdraw_approval_if_changed(item) is False  # nothing signed off any more


def test_a_value_needs_its_currency_and_rate(edition):
    item = Agreement(
        edition=edition,
        title_vi="Hợp đồng",
        party_a_vi="A",
        party_b_vi="B",
        signed_on=edition.start_date,
        value=Decimal("5"),
        currency="eur",
    )
    with pytest.raises(ValidationError) as error:
        item.full_clean()
    assert "usd_rate" in error.value.message_dict
    item.currency = "usd"
    item.full_clean()
    assert (item.currency, item.usd_rate, item.usd_value) == ("USD", Decimal(1), Decimal(5))


def test_withdrawn_agreement_leaves_the_cached_page_at_once(
    client, edition, ledger, settings, django_capture_on_commit_callbacks
):
    settings.EXPO_PAGE_CACHE_SECONDS = 300
    with time_machine.travel(LAST_EVENING, tick=False):
        assert "Radar contract" in client.get("/en/results/").content.decode()
        item = ledger["public"]
        item.disclosure = Agreement.Disclosure.INTERNAL
        with django_capture_on_commit_callbacks(execute=True):
            item.save()
        assert "Radar contract" not in client.get("/en/results/").content.decode()
    assert reverse("meetings:results") == "/en/results/"
    assert Meeting.objects.count() == 0


def test_results_api_is_documented(client, db):
    schema = client.get("/api/openapi.json").json()
    assert "/api/results" in schema["paths"]
    assert not any("meeting" in path for path in schema["paths"])


def test_a_meeting_is_in_the_delegations_itinerary(edition, plan, room, protocol_client):
    france = accepted_delegation(edition, "FR", "Ministère des Armées")
    vietnam = accepted_delegation(edition, "VN")
    accepted_request(edition, france, counterpart=vietnam)
    services.schedule(edition=edition, by=None)

    response = protocol_client.get(f"/admin/delegations/delegation/{france.pk}/itinerary.pdf")

    text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages).split())
    # Local time; the counterpart as the organisers write it.
    assert "09:00–09:30" in text and "Việt Nam · Bộ Quốc phòng" in text


@time_machine.travel(LAST_EVENING, tick=False)
def test_home_page_and_fact_sheet_give_the_results_pages_figures(client, edition, ledger, plan, room):
    france = accepted_delegation(edition, "FR", "Ministère des Armées")
    request = accepted_request(edition, france, counterpart=accepted_delegation(edition, "VN"))
    services.schedule(edition=edition, by=None)
    services.set_status(request=request, status=MeetingRequest.Status.HELD, by=None)

    api = client.get("/api/results").json()
    home = client.get("/en/").content.decode()
    sheet = b"".join(client.get("/en/factsheet.pdf").streaming_content)
    sheet_text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(sheet)).pages).split())

    assert (api["meetings_held"], api["agreements"]) == (1, 2)
    for text in (home, sheet_text):
        assert "meetings held" in text and "agreements made public" in text
    assert "Secret spare parts deal" not in home + sheet_text


@time_machine.travel(LAST_EVENING, tick=False)
def test_the_results_api_names_its_edition_and_labels_each_kind_in_the_language_asked_for(client, edition, ledger):
    english = client.get("/api/results?lang=en").json()
    vietnamese = client.get("/api/results?lang=vi").json()
    assert english["edition"] == vietnamese["edition"] == edition.slug
    assert english["by_kind"] and english["by_kind"][0]["label"] != vietnamese["by_kind"][0]["label"]
    assert sum(kind["count"] for kind in english["by_kind"]) == english["agreements"] == 2
    assert sum(day["agreements"] for day in english["days"]) == 2
    assert set(english["by_kind"][0]) == {"kind", "label", "count", "usd_total"}
