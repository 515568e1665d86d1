"""Amounts in the agreements admin are written as each language writes them, with the currency:
"42.000.000 USD" in Vietnamese, "42,000,000 USD" in English (common/amounts.py)."""

import datetime
import re
from decimal import Decimal

import pytest
from django.contrib.auth.models import User
from django.test import Client

from meetings.models import Agreement
from tests.accounts import admin_login

NBSP = "\u00a0"


@pytest.fixture
def radar(edition):
    return Agreement.objects.create(
        edition=edition,
        kind=Agreement.Kind.CONTRACT,
        title_vi="Hợp đồng cung cấp radar cảnh giới",
        title_en="Surveillance radar supply contract",
        party_a_vi="Tập đoàn Viettel",
        party_b_vi="Bộ Quốc phòng Lào",
        signed_on=datetime.date(2024, 12, 20),
        value=Decimal("42000000"),
        currency="USD",
        usd_rate=Decimal("1"),
    )


@pytest.fixture
def admin_client(db):
    client = Client()
    admin_login(client, User.objects.create_superuser("organiser"))
    return client


def form_data(item, value):
    return {
        "edition": item.edition_id,
        "kind": item.kind,
        "title_vi": item.title_vi,
        "party_a_vi": item.party_a_vi,
        "party_b_vi": item.party_b_vi,
        "signed_on": "20/12/2024",
        "value": value,
        "currency": "USD",
        "usd_rate": "1",
        "disclosure": "internal",
    }


@pytest.mark.parametrize(("language", "shown"), [("vi", "42.000.000"), ("en", "42,000,000")])
def test_the_list_and_the_form_show_the_amount_with_the_languages_separators(admin_client, radar, language, shown):
    listing = admin_client.get("/admin/meetings/agreement/", HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert f'<td class="field-amount">{shown}{NBSP}USD</td>' in listing
    assert "42000000" not in listing

    form = admin_client.get(f"/admin/meetings/agreement/{radar.pk}/change/", HTTP_ACCEPT_LANGUAGE=language)
    assert re.search(rf'<input type="text" name="value" value="{re.escape(shown)}"', form.content.decode())


@pytest.mark.parametrize(
    ("language", "typed", "stored"),
    [
        ("vi", "42.500.000,50", Decimal("42500000.50")),
        ("vi", "42500000", Decimal("42500000")),
        ("vi", "42500000.5", Decimal("42500000.50")),
        ("en", "42,500,000.50", Decimal("42500000.50")),
        ("en", "42500000,5", Decimal("42500000.50")),
    ],
)
def test_an_amount_typed_with_or_without_grouping_is_saved(admin_client, radar, language, typed, stored):
    url = f"/admin/meetings/agreement/{radar.pk}/change/"
    answer = admin_client.post(url, form_data(radar, typed), HTTP_ACCEPT_LANGUAGE=language)
    assert answer.status_code == 302
    radar.refresh_from_db()
    assert radar.value == stored


@pytest.mark.parametrize(
    ("language", "typed", "message"),
    [
        ("vi", "4.20.000", "Hãy viết số tiền với các nhóm nghìn như mẫu, ví dụ 42.000.000,50."),
        ("en", "4,20,000", "Write the amount with the thousands grouped as shown, e.g. 42,000,000.50."),
    ],
)
def test_a_badly_grouped_amount_is_refused_with_an_example(admin_client, radar, language, typed, message):
    url = f"/admin/meetings/agreement/{radar.pk}/change/"
    answer = admin_client.post(url, form_data(radar, typed), HTTP_ACCEPT_LANGUAGE=language)
    assert answer.status_code == 200
    assert message in answer.content.decode()
    radar.refresh_from_db()
    assert radar.value == Decimal("42000000")
