"""Edition and venue rules that live in the database and the model."""

import datetime
import unicodedata

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from model_bakery import baker

from common.text import fold
from expo.models import Edition, Venue


def test_decomposed_vietnamese_is_stored_composed(edition):
    decomposed = unicodedata.normalize("NFD", "Nhà trưng bày Đường băng")
    venue = baker.make(Venue, edition=edition, name_vi=decomposed)
    venue.refresh_from_db()
    assert venue.name_vi == unicodedata.normalize("NFC", decomposed)
    assert len(venue.name_vi) < len(decomposed)


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Tàu ngầm", "tau ngam"),
        ("Hà Nội", "ha noi"),
        ("ĐƯỜNG", "duong"),
        ("Phòng không – Không quân", "phong khong – khong quan"),
    ],
)
def test_fold_drops_diacritics_and_case(text, folded):
    assert fold(text) == folded
    assert fold(unicodedata.normalize("NFD", text)) == folded


def test_edition_cannot_end_before_it_starts(edition):
    edition.end_date = edition.start_date - datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as info:
        edition.full_clean()
    assert "end_date" in info.value.message_dict
    with pytest.raises(IntegrityError), transaction.atomic():
        edition.save()


def test_only_one_edition_is_current(edition):
    with pytest.raises(IntegrityError), transaction.atomic():
        baker.make(Edition, slug="vide-2026", is_current=True)


def test_unknown_time_zone_is_refused(edition):
    edition.time_zone = "Asia/Saigon-ish"
    with pytest.raises(ValidationError) as info:
        edition.full_clean()
    assert "time_zone" in info.value.message_dict


def test_phase_is_computed_in_the_venue_time_zone(edition):
    # 18 Dec 2024 17:30 UTC is already 19 Dec 00:30 in Hanoi: day 1 of the expo.
    now = datetime.datetime(2024, 12, 18, 17, 30, tzinfo=datetime.UTC)
    assert edition.phase(now).state == "live"
    assert edition.phase(now).day_number == 1
    before = datetime.datetime(2024, 12, 18, 16, 30, tzinfo=datetime.UTC)
    assert edition.phase(before).days_to_go == 1
    assert edition.days == [datetime.date(2024, 12, d) for d in (19, 20, 21, 22)]
