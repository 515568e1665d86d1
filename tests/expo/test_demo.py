"""`load_demo`: VIDE 2024 archived and the demo edition, idempotent, all-or-nothing."""

import datetime
from io import StringIO

import pytest
import time_machine
from django.apps import apps
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder

from exhibitors.models import Category, Product, Sector
from expo.models import Edition, ProgrammeItem, Venue


def row_counts():
    return {model._meta.label: model.objects.count() for model in apps.get_models()}


@pytest.mark.django_db
def test_load_demo_loads_vide_2024_archived_and_an_invented_edition_about_to_happen(settings):
    settings.EXPO_DEMO_OPENS = None  # as `make run` loads it: two weeks after today in Hanoi
    out = StringIO()
    with time_machine.travel(datetime.datetime(2026, 3, 10, 23, 30, tzinfo=datetime.UTC), tick=False):
        call_command("load_demo", stdout=out)
        edition = Edition.objects.current()
        assert edition.phase().state == "upcoming" and edition.phase().days_to_go == 14
    archived = Edition.objects.get(slug="vide-2024")
    assert (archived.acronym, archived.is_current, archived.is_demo) == ("VIDE 2024", False, False)
    assert archived.name_vi == "Triển lãm Quốc phòng quốc tế Việt Nam 2024"
    assert archived.theme_en == "Peace, Friendship, Cooperation for Development"
    assert (archived.start_date.isoformat(), archived.end_date.isoformat()) == ("2024-12-19", "2024-12-22")
    assert not archived.programme_items.exists()  # nothing invented in the archive
    assert edition.acronym == "VIDE (demo)" and edition.is_demo
    assert edition.name_vi == "Triển lãm Quốc phòng quốc tế Việt Nam (bản trình diễn)"
    assert (edition.start_date.isoformat(), edition.end_date.isoformat()) == ("2026-03-25", "2026-03-28")
    first = edition.programme_items.order_by("start").first()
    assert first.start.astimezone(edition.tz).date() == edition.start_date
    assert "từ 25 đến 28/03/2026" in edition.visitor_info.get(topic="days").body_vi
    assert Venue.objects.filter(edition=edition, kind=Venue.Kind.FLIGHT_LINE).exists()
    assert list(Sector.objects.values_list("name_vi", flat=True)) == [
        "Phòng không – Không quân",
        "Hải quân",
        "Lục quân",
        "An ninh",
    ]
    assert Category.objects.get(slug="submarines").name_vi == "Tàu ngầm"
    assert Category.objects.filter(sector__slug="ground-forces").count() == 6
    text = out.getvalue()
    assert "[1/" in text and "4 sectors, 20 categories" in text
    assert "40 exhibitors with stands, 150 exhibits" in text  # tests/exhibitors/test_models.py reads the rest
    assert "2 portal contacts, a meeting request to " in text  # tests/portal/test_meetings_demo.py reads the rest
    assert "Demo edition “VIDE (demo)” loaded" in text


@pytest.mark.django_db
def test_load_demo_twice_leaves_the_same_rows():
    call_command("load_demo", stdout=StringIO())
    first = row_counts()
    call_command("load_demo", stdout=StringIO())
    assert row_counts() == first
    assert Edition.objects.filter(is_current=True).count() == 1


@pytest.mark.django_db
def test_load_demo_repairs_a_half_loaded_database():
    call_command("load_demo", stdout=StringIO())
    full = row_counts()
    ProgrammeItem.objects.filter(venue__slug="flight-line").delete()  # venues are protected while used
    Venue.objects.filter(slug="flight-line").delete()
    Product.objects.filter(category__sector__slug="naval").delete()  # exhibits protect their category
    Category.objects.filter(sector__slug="naval").delete()
    call_command("load_demo", stdout=StringIO())
    assert row_counts() == full


@pytest.mark.django_db
def test_load_demo_makes_the_demo_edition_current():
    from model_bakery import baker

    baker.make(Edition, slug="vide-2022", acronym="VIDE 2022", is_current=True)
    call_command("load_demo", stdout=StringIO())
    assert Edition.objects.current().slug == "vide-demo"


@pytest.mark.django_db
def test_load_demo_refuses_an_unmigrated_database():
    # A migration the code has and the database has not applied yet (as after a `git pull`):
    # recorded as unapplied, which is all the command reads, not unapplied for real (that
    # rebuilt half the schema twice, a minute of the suite).
    app, name = max(MigrationLoader(connection).graph.leaf_nodes())
    MigrationRecorder(connection).record_unapplied(app, name)
    with pytest.raises(CommandError, match="not fully migrated"):
        call_command("load_demo", stdout=StringIO())
    assert not Edition.objects.exists()
