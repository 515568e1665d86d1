import datetime
import shutil
import zoneinfo

import pytest
import time_machine
from aiosmtpd.controller import Controller
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.test import Client
from model_bakery import baker

from tests.accounts import admin_login
from tests.helpers import Inbox
from tests.processes import free_port

# Hostile input against every public URL, import and API operation: where the database's
# strictness decides the answer (PostgreSQL refuses what SQLite lets by), so CI runs them on
# production's database.
SWEEPS = ("tests/test_hostile_input.py", "tests/test_hostile_imports.py", "tests/api/test_fuzz.py")
# Every page, admin list or URL pattern walked as every role: what they check (what a role may
# see, the admin's guards, the CSP, the cache contract) is the site's logic, not the database's,
# so CI runs each walk once, in the SQLite run (docs/testing.md).
WALKS = (
    "tests/test_personal_data.py",
    "tests/test_sensitive_admin.py",
    "tests/portal/test_access_walk.py",
    "tests/expo/test_admin_csp.py",
    "tests/expo/test_cache_contract.py",
)
# What the database itself decides, beyond the tests that commit (below): the catalogue's order
# and search against the SQL reference (collation, accents), a restore seen by every running
# worker. CI runs these, with the tests that commit, on production's database only.
DATABASE_SUBJECTS = (
    "tests/exhibitors/test_facet_index.py",
    "tests/exhibitors/test_search_queries.py",
    "tests/expo/test_backup_live.py",
    "tests/common/test_database_settings.py",
    # Two SQLite databases made in subprocesses (half a minute): beside the shorter lane in CI.
    "tests/common/test_new_database.py",
)
DATABASE_FIXTURES = {"db", "transactional_db", "live_server", "django_db_setup"}
# The small catalogue, site plan and ticketing show that several packages build on; the demo.
pytest_plugins = ["tests.places", "tests.demo"]


TRANSACTIONAL_FIXTURES = {
    "transactional_db",
    "live_server",
    "django_db_reset_sequences",
    "django_db_serialized_rollback",
}


def _database_order(item):
    """pytest-django's order: tests in a rolled-back transaction, then tests that commit (the
    database is flushed after each, rows of data migrations included), then the rest."""
    marker = item.get_closest_marker("django_db")
    if TRANSACTIONAL_FIXTURES & set(item.fixturenames) or (marker and marker.kwargs.get("transaction")):
        return 1
    return 0 if ("db" in item.fixturenames or marker) else 2


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    """One kind per test: browser, sweep, walk, database, integration or unit — first, so `-m`
    selects by them."""
    for item in items:
        if item.nodeid.startswith(("tests/browser/", "tests/rehearsal/")):
            item.add_marker("browser")
        elif item.nodeid.startswith(SWEEPS):
            item.add_marker("sweep")
        elif item.nodeid.startswith(WALKS):
            item.add_marker("walk")
        elif item.nodeid.startswith(DATABASE_SUBJECTS) or _database_order(item) == 1:
            item.add_marker("database")
        elif DATABASE_FIXTURES & set(item.fixturenames) or item.get_closest_marker("django_db"):
            item.add_marker("integration")
        else:
            item.add_marker("unit")


@pytest.hookimpl(trylast=True)
def pytest_collection_finish(session):
    """pytest-django's order again, last: pytest groups the browser tests by their browser
    parameter after pytest-django has sorted, which put committing tests (and their flush) among
    rolled-back ones."""
    session.items.sort(key=_database_order)


@pytest.fixture(autouse=True)
def _fresh_cache():
    # The shared cache and each process's catalogue index are keyed by the content version,
    # which a test's writes do not move (they never commit): every test starts from neither.
    from exhibitors.catalogue import rebuild as catalogue_index

    cache.clear()
    catalogue_index.forget()
    yield
    cache.clear()
    catalogue_index.forget()


@pytest.fixture(autouse=True)
def _content_types_after_a_flush(request):
    """After a test that commits, the database is flushed and its content types made again under
    new ids: Django's cache of them would give the next test's audit entries ids that no longer
    exist (a foreign-key error, in whichever test came next)."""
    yield
    if _database_order(request.node) == 1:
        from django.contrib.contenttypes.models import ContentType

        ContentType.objects.clear_cache()


@pytest.fixture(autouse=True)
def _own_media(settings, tmp_path):
    """Every test writes its uploads, PDFs and kits into empty folders of its own, so nothing a
    previous test (or a previous run) stored is ever served or reused."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


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


# --- shared by several packages ---------------------------------------------------------------


@pytest.fixture
def page_cache(settings):
    """Production's whole-page cache for anonymous visitors (tests/settings.py switches it off)."""
    settings.EXPO_PAGE_CACHE_SECONDS = 300


@pytest.fixture
def caches_on(settings, page_cache):
    """Production's caches: the fragment cache and the page cache."""
    settings.EXPO_FRAGMENT_CACHE_SECONDS = 600


@pytest.fixture
def smtp(settings):
    """Route Django's mail to a real SMTP server (aiosmtpd) for this test; yields its Inbox."""
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", controller.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.DEFAULT_FROM_EMAIL = "VIDE 2024 <press@vide.example.vn>"
    try:
        yield inbox
    finally:
        controller.stop()


@pytest.fixture
def protocol_user(db):
    user = baker.make("auth.User", username="protocol", is_staff=True)
    user.groups.add(Group.objects.get(name="Protocol"))
    return user


@pytest.fixture
def protocol_client(protocol_user):
    return admin_login(Client(), protocol_user)


@pytest.fixture
def admin_client(admin_user):
    """pytest-django's superuser client, its session verified by a TOTP device as the admin
    requires of every superuser (common/second_factor.py)."""
    return admin_login(Client(), admin_user)


# Debian's chromium for pytest-playwright (tests/browser/, tests/rehearsal/): never `playwright install`.
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not shutil.which(CHROMIUM):
        pytest.fail("Debian's chromium is needed for browser tests: apt-get install chromium")
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_FLAGS}
