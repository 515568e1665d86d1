"""The portal home's "Stand team" section and the demo's stand team."""

import pytest
from model_bakery import baker

from portal import demo_team
from portal.models import StandStaff
from portal.team_overview import stand_team
from tests.factories import make_exhibitor, make_stand_staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def viettel(edition):
    hall = baker.make("expo.Venue", edition=edition, code="A", slug="hall-a", kind="hall", name_en="Hall A", order=1)
    return make_exhibitor("viettel", "Viettel", "VN", stand=(hall, "A-12"), edition=edition)


def test_the_section_says_what_is_missing(viettel, edition, settings):
    settings.LANGUAGE_CODE = "en"
    section = stand_team(viettel, edition)
    assert (section["title"], section["done"], section["url"]) == ("Stand team", False, "/en/exhibitor/team/")
    assert section["missing"] == ["Register the people who will staff your stand."]
    make_stand_staff(viettel, edition, status="approved")
    make_stand_staff(viettel, edition, status="refused", reason="Ảnh mờ.")
    make_stand_staff(viettel, edition)
    section = stand_team(viettel, edition)
    assert not section["done"]
    assert section["missing"] == [
        "1 member was refused: see the reason, then change their details or remove them.",
        "1 member is waiting to be vetted by the organisers.",
    ]
    StandStaff.objects.exclude(status="approved").delete()
    assert stand_team(viettel, edition) | {"missing": None} == {
        "title": "Stand team",
        "done": True,
        "missing": None,
        "deadline": None,
        "url": "/en/exhibitor/team/",
    }


def test_an_exhibitor_without_a_stand_is_told(edition):
    section = stand_team(make_exhibitor("lone", "Lone Co", "FR"), edition)
    assert len(section["missing"]) == 1 and not section["done"]


def test_the_demo_gives_an_exhibitor_two_stand_staff_once(viettel, edition, settings):
    first = demo_team.give(edition=edition, exhibitor=viettel)
    again = demo_team.give(edition=edition, exhibitor=viettel)
    assert [m.pk for m in first] == [m.pk for m in again]
    assert sorted(StandStaff.objects.values_list("status", flat=True)) == ["approved", "to_vet"]
    assert all((settings.PRIVATE_MEDIA_ROOT / m.photo.name).exists() for m in first)
