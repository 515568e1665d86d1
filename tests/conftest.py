import datetime
import zoneinfo
from io import StringIO

import pytest
import time_machine
from django.apps import apps
from django.core import serializers
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction
from django.test import override_settings
from model_bakery import baker

SWEEPS = ("tests/test_hostile_input.py", "tests/test_hostile_imports.py", "tests/api/test_fuzz.py")
DATABASE_FIXTURES = {"db", "transactional_db", "live_server", "django_db_setup"}


def pytest_collection_modifyitems(items):
    """One kind per test: browser, sweep, integration (database) or unit."""
    for item in items:
        if item.nodeid.startswith(("tests/browser/", "tests/rehearsal/")):
            item.add_marker("browser")
        elif item.nodeid.startswith(SWEEPS):
            item.add_marker("sweep")
        elif DATABASE_FIXTURES & set(item.fixturenames) or item.get_closest_marker("django_db"):
            item.add_marker("integration")
        else:
            item.add_marker("unit")


# The apps whose rows `load_demo` writes (auditlog: the delegations' change history).
DEMO_APPS = (
    "auth",
    "expo",
    "exhibitors",
    "press",
    "delegations",
    "siteplan",
    "meetings",
    "outbox",
    "tickets",
    "auditlog",
)


@pytest.fixture(autouse=True)
def _fresh_cache():
    # The shared cache and each process's catalogue index are keyed by the content version,
    # which a test's writes do not move (they never commit): every test starts from neither.
    from exhibitors.catalogue import index as catalogue_index

    cache.clear()
    catalogue_index.forget()
    yield
    cache.clear()
    catalogue_index.forget()


@pytest.fixture(autouse=True)
def _own_media(settings, tmp_path):
    """Every test writes its uploads, PDFs and kits into empty folders of its own, so nothing a
    previous test (or a previous run) stored is ever served or reused."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


@pytest.fixture(scope="session")
def demo_snapshot(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo edition built once per run: `load_demo` runs in a transaction that is rolled
    back after its rows are serialised; its media files stay in a folder of the session."""
    media = tmp_path_factory.mktemp("demo-media")
    models = serializers.sort_dependencies([(apps.get_app_config(label), None) for label in DEMO_APPS])
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media), transaction.atomic():
        call_command("load_demo", stdout=StringIO())
        rows = [
            serializers.serialize("python", model._default_manager.order_by("pk"))
            for model in models
            if not model._meta.proxy
        ]
        transaction.set_rollback(True)
    cache.clear()
    return {"media": media, "rows": rows, "models": models}


@pytest.fixture
def demo(db, demo_snapshot, settings):
    """The demo edition's rows in this test's transaction, as `load_demo` leaves them. Its media
    folder is shared by the whole run: read it, never write to it."""
    from auditlog.context import disable_auditlog

    settings.MEDIA_ROOT = demo_snapshot["media"]
    with disable_auditlog():  # the snapshot holds the history load_demo wrote
        for rows in demo_snapshot["rows"]:
            for row in serializers.deserialize("python", rows):
                row.save()
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), demo_snapshot["models"]):
            cursor.execute(sql)


# Mid-morning in Hanoi, far from midnight: "now and next" windows never straddle two days.
FROZEN_NOW = datetime.datetime(2026, 6, 15, 10, 17, tzinfo=zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh"))


@pytest.fixture
def frozen_clock():
    """Stops the clock at FROZEN_NOW for a test whose page depends on "now" (now and next,
    today's tab, days to go), so it passes whatever the hour or the date of the run."""
    with time_machine.travel(FROZEN_NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def edition(db):
    """A current edition with Vietnamese and English texts, like the demo's."""
    return baker.make(
        "expo.Edition",
        slug="vide-2024",
        acronym="VIDE 2024",
        ordinal=2,
        name_vi="Triển lãm Quốc phòng quốc tế Việt Nam 2024",
        name_en="Vietnam International Defence Expo 2024",
        theme_vi="Hòa bình, Hữu nghị, Hợp tác cùng phát triển",
        theme_en="Peace, Friendship, Cooperation for Development",
        venue_name_vi="Sân bay Gia Lâm",
        venue_name_en="Gia Lam Airfield",
        city_vi="Hà Nội",
        city_en="Hanoi",
        start_date=datetime.date(2024, 12, 19),
        end_date=datetime.date(2024, 12, 22),
        is_current=True,
    )
