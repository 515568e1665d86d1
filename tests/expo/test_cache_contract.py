"""The cache contract: public models declare themselves, the version moves when their writes
commit (once per transaction), private writes never move it, and a request reads it once."""

import re
import time
from urllib.parse import urlsplit

import pytest
import time_machine
from django.apps import apps
from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from model_bakery import baker

from common.cache import VERSION_KEY, bump_content_version, content_version, public_models
from common.page_cache import AnonymousPageCacheMiddleware
from press.models import MediaAccreditation
from tests.forms import APPLICATIONS_OPEN, accreditation_form


def test_public_models_are_the_ones_visitors_see():
    labels = {model._meta.label for model in public_models()}
    assert {
        "expo.Edition",
        "expo.Venue",
        "expo.KeyFigure",
        "expo.ProgrammeItem",
        "expo.ProgrammeChange",
        "exhibitors.Sector",
        "exhibitors.Category",
        "exhibitors.Exhibitor",
        "exhibitors.Stand",
        "exhibitors.Product",
        "exhibitors.ProductImage",
        "exhibitors.ProductSpecification",
        "press.PressRelease",
        "press.ReleasePhoto",
        "press.ReleaseAttachment",
        "press.PressContact",
        "press.FactSheetUpload",
    } <= labels
    assert "press.MediaAccreditation" not in labels
    assert not any(label.startswith("delegations.") for label in labels)


def test_the_version_moves_when_the_write_commits_once_per_transaction(edition, django_capture_on_commit_callbacks):
    before = content_version()
    with django_capture_on_commit_callbacks() as callbacks:
        edition.theme_en = "Edited"
        edition.save()
        baker.make("expo.Venue", edition=edition, code="Z", slug="zone-z")
        # Not yet committed: a visitor now must not get the old page under a new version.
        assert content_version() == before
    for callback in callbacks:  # what Django runs after the commit
        callback()
    assert content_version() == before + 1


@time_machine.travel(APPLICATIONS_OPEN, tick=False)
def test_private_writes_never_touch_the_version(
    client, edition, django_capture_on_commit_callbacks, tmp_path, settings
):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    before = content_version()
    with django_capture_on_commit_callbacks(execute=True):
        # A journalist applies for accreditation on the public site…
        response = client.post("/vi/press/accreditation/", accreditation_form())
        assert response.status_code == 302
        # …and the protocol team records a delegation.
        baker.make("delegations.Delegation", edition=edition, organisation="Bộ Quốc phòng", country="VN")
    assert MediaAccreditation.objects.count() == 1
    # The commit runs its callbacks (the confirmation e-mail is queued), none of them a bump.
    assert content_version() == before


def test_a_page_request_reads_the_version_once(client, edition, settings, monkeypatch):
    settings.EXPO_PAGE_CACHE_SECONDS = 300
    settings.EXPO_FRAGMENT_CACHE_SECONDS = 600
    content_version()  # the key exists, as on a running site
    reads = []
    real_get = cache.get

    def counting_get(key, *args, **kwargs):
        if key == VERSION_KEY:
            reads.append(key)
        return real_get(key, *args, **kwargs)

    monkeypatch.setattr(cache, "get", counting_get)
    response = client.get("/en/exhibits/")
    assert response.status_code == 200 and response["X-Cache"] == "MISS"
    assert len(reads) == 1


@pytest.mark.parametrize(
    ("path", "headers"),
    [
        ("/en/programme/programme.pdf", {"Content-Type": "application/pdf"}),
        ("/en/press/kit.zip", {"Content-Type": "application/zip"}),
        ("/en/press/some-download/", {"Content-Disposition": 'attachment; filename="x.pdf"'}),
    ],
)
def test_downloads_bypass_the_page_cache(db, settings, path, headers):
    settings.EXPO_PAGE_CACHE_SECONDS = 300
    served = []

    def download(request):
        served.append(request.path)
        return HttpResponse(b"%PDF-1.7 ...", headers=headers)

    middleware = AnonymousPageCacheMiddleware(download)
    for _ in range(2):
        assert "X-Cache" not in middleware(RequestFactory().get(path))
    assert served == [path, path]


# What a public page may read that is no content of the site: the visitor's own session, the
# admin's bookkeeping. Anything else a public page reads must be declared @public_content, or an
# edit to it would leave the page cached stale until the TTL.
NOT_CONTENT = {"sessions.Session", "contenttypes.ContentType", "auth.User"}
# Private models a public page counts, knowingly late: the home page's confirmed delegations,
# shown with the date they were counted (expo.facts), and the visits counted at the gates (a
# scan every second on a show day) never flush the public cache; the figure follows at the TTL.
COUNTED_LATE = {"delegations.Delegation", "tickets.Scan"}
# Public outputs the sitemap does not list: the API, the feeds, the exports, the search.
UNLISTED = [
    "/api/exhibitors?lang=en",
    "/api/exhibits?lang=en&q=tau",
    "/api/programme?lang=en",
    "/api/releases?lang=en",
    "/api/results?lang=en",
    "/schedule.xml",
    "/schedule.json",
    "/programme.ics",
    "/vi/search/?q=tau",
    "/vi/exhibits/?q=xyzzy",
    "/en/programme/changes/feed/",
    "/en/press/releases/feed/atom/",
    "/en/results/feed/",
]
TABLE = re.compile(r'(?:FROM|JOIN)\s+"?(\w+)"?', re.IGNORECASE)


def test_every_model_a_public_page_reads_is_public_content(client, demo, django_capture_on_commit_callbacks):
    """Each page the sitemap lists (and the unlisted outputs) read under a query log: every model
    whose table they read is in the cache contract (Meeting and MeetingRequest for /results/)."""
    sitemap = client.get("/sitemap.xml").content.decode()
    paths = sorted({urlsplit(loc).path for loc in re.findall(r"<loc>([^<]+)</loc>", sitemap)}) + UNLISTED
    owner = {}
    for model in apps.get_models(include_auto_created=True):
        # An m2m's own table belongs to the model that declares the relation.
        owner[model._meta.db_table] = getattr(model._meta, "auto_created", None) or model
    read = {}
    for path in paths:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        assert response.status_code == 200, path
        for query in queries:
            for table in TABLE.findall(query["sql"]):
                if table in owner:
                    read.setdefault(owner[table]._meta.label, path)
    assert {"meetings.Meeting", "meetings.MeetingRequest", "exhibitors.Product", "siteplan.StandPlacement"} <= set(read)
    declared = {model._meta.label for model in public_models()}
    undeclared = {label: path for label, path in read.items() if label not in declared | NOT_CONTENT | COUNTED_LATE}
    assert undeclared == {}


def test_a_new_epoch_starts_from_the_clock(db):
    """After a flush, a version starts from the clock (microseconds), never from 1 or 2, so a
    process's index of the old epoch can never be taken for the new one."""
    before = time.time_ns() // 1000
    cache.clear()
    bump_content_version()
    assert content_version() >= before
    assert content_version("catalogue") >= before
