"""The cache contract: public models declare themselves, the version moves when their writes
commit (once per transaction), private writes never move it, and a request reads it once."""

import pytest
import time_machine
from django.core.cache import cache
from django.http import HttpResponse
from django.test import RequestFactory
from model_bakery import baker

from common.cache import VERSION_KEY, AnonymousPageCacheMiddleware, content_version, public_models
from press.models import MediaAccreditation
from tests.factories import APPLICATIONS_OPEN, accreditation_form


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
