"""Press releases: embargo in every channel, safe formatting, photos, feeds and query counts."""

import datetime
import json
import re

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.forms import modelform_factory
from django.utils import timezone

from press.models import PressRelease, ReleaseAttachment, ReleasePhoto
from tests.factories import make_release
from tests.helpers import png_bytes

CHANNELS = [
    "/vi/press/",
    "/en/press/",
    "/vi/press/?q=bi+mat",
    "/vi/press/releases/feed/rss/",
    "/en/press/releases/feed/atom/",
    "/sitemap.xml",
    "/api/releases",
    "/api/releases?lang=en",
    "/vi/press/photos/",
    "/en/press/photos/",
]


def visible_text(response):
    if response["Content-Type"].startswith("application/json"):
        return json.dumps(response.json(), ensure_ascii=False)
    return response.content.decode()


@pytest.fixture
def releases(edition):
    # The embargoed release is given to accredited media early (the media area's): the public
    # channels must wait for its time all the same, its photo too.
    embargoed = make_release(
        edition, "bi-mat", hours=3, title_vi="Thông cáo bí mật", title_en="Secret release", early_for_media=True
    )
    ReleasePhoto.objects.create(
        release=embargoed,
        image=ContentFile(png_bytes(), name="secret.png"),
        caption_vi="Ảnh bí mật",
        caption_en="Secret photo",
        credit="Ảnh: TTXVN",
    )
    return {
        "out": make_release(edition, "da-cong-bo", hours=-2, title_vi="Khai mạc triển lãm", title_en="Expo opens"),
        "embargoed": embargoed,
    }


@pytest.mark.parametrize("url", CHANNELS)
def test_embargoed_release_is_invisible_in_every_channel(client, releases, url):
    content = visible_text(client.get(url))
    assert "bi-mat" not in content
    assert "Thông cáo bí mật" not in content and "Secret release" not in content
    assert "Ảnh bí mật" not in content and "Secret photo" not in content


@pytest.mark.parametrize("url", ["/vi/press/releases/bi-mat/", "/en/press/releases/bi-mat/", "/api/releases/bi-mat"])
def test_embargoed_release_detail_is_404_even_for_a_guessed_url(client, releases, url):
    response = client.get(url)
    assert response.status_code == 404
    assert "Thông cáo bí mật" not in response.content.decode()


@pytest.mark.parametrize(
    "url, text",
    [
        ("/vi/press/", "Thông cáo bí mật"),
        ("/vi/press/?q=bi+mat", "Thông cáo bí mật"),
        ("/en/press/releases/feed/rss/", "Secret release"),
        ("/vi/press/releases/feed/atom/", "Thông cáo bí mật"),
        ("/sitemap.xml", "/vi/press/releases/bi-mat/"),
        ("/api/releases?lang=en", "Secret release"),
        ("/api/releases/bi-mat", "Thông cáo bí mật"),
        ("/en/press/releases/bi-mat/", "Secret release"),
        ("/vi/press/photos/", "Ảnh bí mật"),
    ],
)
def test_release_appears_everywhere_once_its_embargo_lifts(client, releases, url, text):
    PressRelease.objects.filter(pk=releases["embargoed"].pk).update(
        publish_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    assert text in visible_text(client.get(url))


def test_press_centre_expires_from_the_page_cache_when_the_next_embargo_lifts(client, releases):
    response = client.get("/vi/press/")
    max_age = int(re.search(r"max-age=(\d+)", response["Cache-Control"]).group(1))
    assert 3 * 3600 - 60 <= max_age <= 3 * 3600


def test_published_queryset_is_the_one_definition(releases):
    assert list(PressRelease.objects.published()) == [releases["out"]]
    later = timezone.now() + datetime.timedelta(hours=4)
    assert set(PressRelease.objects.published(now=later)) == set(releases.values())


def test_release_body_keeps_safe_formatting_only(client, edition):
    make_release(
        edition,
        "an-toan",
        body_vi='<p onclick="x()">Đoạn <strong>một</strong></p><script>alert(1)</script>'
        '<ul><li>Mục</li></ul><a href="javascript:alert(2)">xấu</a> <a href="https://mod.gov.vn">Bộ Quốc phòng</a>'
        "<style>body{}</style><img src=x onerror=alert(3)>",
    )
    html = client.get("/vi/press/releases/an-toan/").content.decode()
    article = html[html.index("<article") : html.index("</article>")]
    assert "<p>Đoạn <strong>một</strong></p>" in article
    assert "<ul><li>Mục</li></ul>" in article
    assert '<a href="https://mod.gov.vn" rel="noopener nofollow">Bộ Quốc phòng</a>' in article
    for bad in ("<script", "alert(1)", "javascript:", "onclick", "<style", "<img", "onerror"):
        assert bad not in article


def test_release_photos_show_credit_and_high_resolution_download(client, edition):
    release = make_release(edition, "anh", title_vi="Ảnh khai mạc")
    photo = ReleasePhoto.objects.create(
        release=release,
        image=ContentFile(png_bytes(size=(3000, 2000)), name="p.png"),
        caption_vi="Lễ khai mạc tại Sân bay Gia Lâm",
        credit="Ảnh: TTXVN",
    )
    html = client.get("/vi/press/releases/anh/").content.decode()
    assert "Lễ khai mạc tại Sân bay Gia Lâm — Ảnh: TTXVN" in html
    assert f'<a href="{photo.image.url}" download>Tải ảnh độ phân giải cao (2400 × 1600 px)</a>' in html


def test_release_photo_that_is_html_is_refused(edition):
    form_class = modelform_factory(ReleasePhoto, fields=["image", "caption_vi", "credit"])
    fake = SimpleUploadedFile("photo.jpg", b"<html><script>alert(1)</script></html>", "image/jpeg")
    form = form_class(data={"caption_vi": "x", "credit": "y"}, files={"image": fake})
    assert not form.is_valid()
    assert "Tệp này không phải ảnh JPEG, PNG hay WebP" in form.errors["image"][0]


def test_attachment_that_is_not_a_pdf_is_refused(edition):
    form_class = modelform_factory(ReleaseAttachment, fields=["title_vi", "file"])
    fake = SimpleUploadedFile("report.pdf", b"MZ\x90\x00 not a pdf", "application/pdf")
    form = form_class(data={"title_vi": "Báo cáo"}, files={"file": fake})
    assert not form.is_valid()
    assert "Tệp này không phải tài liệu PDF" in form.errors["file"][0]


def test_press_centre_lists_releases_contacts_and_downloads(client, releases, edition, catalogue):
    from press.models import PressContact

    PressContact.objects.create(
        edition=edition,
        name="Nguyễn Thị Minh Anh",
        role_vi="Trưởng bộ phận báo chí",
        role_en="Head of the press office",
        email="press@example.vn",
    )
    html = client.get("/vi/press/").content.decode()
    assert "Khai mạc triển lãm" in html
    assert "Nguyễn Thị Minh Anh" in html and "Trưởng bộ phận báo chí" in html
    assert 'href="/vi/factsheet.pdf"' in html and 'href="/vi/press/kit.zip"' in html
    assert 'href="/vi/press/accreditation/"' in html
    assert 'href="/vi/exhibitors/song-hong/factsheet.pdf"' in html


def test_press_centre_search_is_accent_insensitive(client, releases, catalogue):
    html = client.get("/vi/press/?q=song+hong").content.decode()
    assert "Công ty Cơ khí Sông Hồng" in html and "Marine Atlantique" not in html
    html = client.get("/vi/press/?q=KHAI+MAC").content.decode()
    assert "Khai mạc triển lãm" in html


@pytest.mark.parametrize(
    "query", ["?page=abc", "?page=99999", "?q=" + "x" * 5000, "?q=<script>alert(1)</script>", "?q=' OR 1=1 --"]
)
def test_press_centre_survives_bad_input(client, releases, catalogue, query):
    response = client.get("/vi/press/" + query)
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_exhibit_and_exhibitor_pages_link_their_fact_sheets(client, catalogue):
    assert 'href="/en/exhibits/sh-1/factsheet.pdf"' in client.get("/en/exhibits/sh-1/").content.decode()
    assert 'href="/vi/exhibitors/song-hong/factsheet.pdf"' in client.get("/vi/exhibitors/song-hong/").content.decode()


def _grow(edition, numbers):
    for n in numbers:
        release = make_release(edition, f"r-{n}", hours=-n - 1)
        ReleasePhoto.objects.create(
            release=release, image=ContentFile(png_bytes(size=(300, 200)), name="p.png"), caption_vi="c", credit="d"
        )


def test_press_pages_query_counts_are_flat(client, edition, catalogue, django_assert_max_num_queries):
    _grow(edition, [0])
    for url in ("/vi/press/", "/en/press/releases/r-0/", "/vi/press/releases/feed/rss/"):
        with django_assert_max_num_queries(8):
            client.get(url)
    _grow(edition, range(1, 30))
    for url in ("/vi/press/", "/en/press/releases/r-0/", "/vi/press/releases/feed/rss/", "/vi/press/?q=r"):
        with django_assert_max_num_queries(8):
            assert client.get(url).status_code == 200


def test_release_admin_changelist_query_count(admin_client, edition, django_assert_max_num_queries):
    _grow(edition, [0])
    with django_assert_max_num_queries(15):
        admin_client.get("/admin/press/pressrelease/")
    _grow(edition, range(1, 30))
    make_release(edition, "sau", hours=5, title_en="Later one")
    with django_assert_max_num_queries(15):
        html = admin_client.get("/admin/press/pressrelease/", headers={"accept-language": "en"}).content.decode()
    assert "Under embargo" in html and "Published" in html
