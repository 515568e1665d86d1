"""Attacks on the press centre: HTML posing as PDF, live markup in feeds, re-embargo leaks, /admin/r/."""

import datetime
import io
import zipfile
from xml.etree import ElementTree

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.forms import modelform_factory
from django.test import Client
from django.utils import timezone
from pypdf import PdfWriter

from exhibitors.models import Product
from expo.models import ProgrammeItem
from expo.programme.services import save_item
from press.models import FactSheetUpload, PressRelease, ReleaseAttachment
from tests.factories import make_item, make_release
from tests.helpers import body

HTML_WITH_MARKERS = b"%PDF-1.4\n<html><body><script>alert(document.cookie)</script></body></html>\n%%EOF\n"


def real_pdf():
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _attachment_form(name, data, release):
    form_class = modelform_factory(ReleaseAttachment, fields=["release", "title_vi", "file"])
    upload = SimpleUploadedFile(name, data, "application/pdf")
    return form_class(data={"release": release.pk, "title_vi": "Báo cáo"}, files={"file": upload})


@pytest.mark.parametrize(
    "data",
    [
        HTML_WITH_MARKERS,
        b"<html>%PDF-1.7 trailer startxref 0 %%EOF</html>",
        b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF",  # a catalogue with no page
        b"%PDF-1.7\n" + b"\x00" * 4000 + b"\n%%EOF\n",
    ],
    ids=["html with markers", "markers inside html", "no page", "zeros"],
)
def test_html_or_junk_with_pdf_markers_is_refused_as_attachment_and_fact_sheet(edition, data):
    release = make_release(edition, "bao-cao")
    attachment = _attachment_form("report.pdf", data, release)
    assert not attachment.is_valid()
    message = attachment.errors["file"][0]
    assert "PDF" in message
    sheet_form = modelform_factory(FactSheetUpload, fields=["title", "language", "edition", "file"])(
        data={"title": "T", "language": "vi", "edition": edition.pk},
        files={"file": SimpleUploadedFile("sheet.pdf", data, "application/pdf")},
    )
    assert not sheet_form.is_valid()
    assert not ReleaseAttachment.objects.exists() and not FactSheetUpload.objects.exists()


@pytest.mark.parametrize("name", ["report.html", "báo cáo.pdf.html", "x.php", "noextension"])
def test_a_real_pdf_is_stored_under_a_pdf_name_whatever_it_was_called(edition, name, client):
    release = make_release(edition, "bao-cao")
    form = _attachment_form(name, real_pdf(), release)
    assert form.is_valid(), form.errors
    attachment = form.save()
    assert attachment.file.name.startswith("press/attachments/") and attachment.file.name.endswith(".pdf")
    assert attachment.file.name.count(".") == 1
    response = client.get(attachment.file.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert body(response) == real_pdf() or body(response).startswith(b"%PDF-")


def test_media_of_other_kinds_is_not_served(client, db, settings):
    (settings.MEDIA_ROOT / "press").mkdir(parents=True)
    (settings.MEDIA_ROOT / "press" / "old.html").write_text("<script>alert(1)</script>")
    (settings.MEDIA_ROOT / "press" / "kit.json").write_text("{}")
    assert client.get("/media/press/old.html").status_code == 404
    assert client.get("/media/press/kit.json").status_code == 404
    assert client.get("/media/../config/settings.py").status_code == 404


# --- feeds ----------------------------------------------------------------------------------

MARKUP = '<img src=x onerror="alert(1)"><a href="javascript:alert(2)">bấm</a>'


def _feed_texts(client, url, tag):
    response = client.get(url)
    assert response.status_code == 200
    root = ElementTree.fromstring(response.content)
    entries = [e for e in root.iter() if e.tag.rsplit("}", 1)[-1] in ("item", "entry")]
    return [child.text or "" for entry in entries for child in entry if child.tag.rsplit("}", 1)[-1] == tag]


@pytest.mark.parametrize(
    ("url", "tag"), [("/vi/press/releases/feed/rss/", "description"), ("/vi/press/releases/feed/atom/", "summary")]
)
def test_release_feeds_carry_staff_markup_as_text(client, edition, url, tag):
    make_release(edition, "tom-tat", summary_vi=MARKUP)
    make_release(edition, "than-bai", body_vi=f"<p>Đoạn một.</p>{MARKUP}<script>alert(3)</script>", hours=-2)
    texts = [t for t in _feed_texts(client, url, tag) if t]
    assert len(texts) == 2
    for text in texts:
        # What a feed reader renders as HTML: no element at all, the markup shown as text.
        assert "<img" not in text and "<a " not in text and "<script" not in text
    assert any("&lt;img src=x onerror" in text for text in texts)
    assert any("Đoạn một." in text for text in texts)


def test_programme_changes_feed_carries_the_status_note_as_text(client, edition):
    item = make_item(edition, title_en="Air show")
    item.status = ProgrammeItem.Status.DELAYED
    item.status_note_en = MARKUP
    save_item(item=item)
    texts = [t for t in _feed_texts(client, "/en/programme/changes/feed/", "summary") if t]
    assert texts
    assert all("<img" not in text and "<a " not in text for text in texts)
    assert any("&lt;img" in text for text in texts)


# --- re-embargo -----------------------------------------------------------------------------


def test_a_release_put_back_under_embargo_leaves_the_sitemap_at_once(
    client, edition, page_cache, django_capture_on_commit_callbacks
):
    release = make_release(edition, "tin-nong", hours=-1)
    assert "tin-nong" in client.get("/sitemap.xml").content.decode()
    assert Client().get("/sitemap.xml")["X-Cache"] == "HIT"
    release.publish_at = timezone.now() + datetime.timedelta(days=1)
    with django_capture_on_commit_callbacks(execute=True):
        release.save()
    assert "tin-nong" not in Client().get("/sitemap.xml").content.decode()


def test_the_sitemap_is_not_cached_past_the_next_embargo(client, edition, page_cache):
    make_release(edition, "sap-cong-bo", hours=1)
    response = client.get("/sitemap.xml")
    assert "sap-cong-bo" not in response.content.decode()
    assert "max-age=" in response["Cache-Control"]
    assert int(response["Cache-Control"].split("max-age=")[1].split(",")[0]) <= 3600


def test_a_release_put_back_under_embargo_is_never_served_in_the_kit(client, edition):
    release = make_release(edition, "tin-nong", hours=-1, title_vi="Tin nóng")
    first = client.get("/vi/press/kit.zip")
    assert first.status_code == 200
    assert any("tin-nong" in name for name in zipfile.ZipFile(io.BytesIO(body(first))).namelist())
    # Put back under embargo without a save() signal, as a racing process or a bulk update would.
    PressRelease.objects.filter(pk=release.pk).update(publish_at=timezone.now() + datetime.timedelta(days=1))
    second = client.get("/vi/press/kit.zip")
    if second.status_code == 200:
        assert not any("tin-nong" in name for name in zipfile.ZipFile(io.BytesIO(body(second))).namelist())
    else:
        assert second.status_code == 503


def test_a_kit_built_with_a_withdrawn_release_is_refused(client, edition, settings):
    from press import kit

    release = make_release(edition, "tin-nong", hours=-1)
    kit.build_kit("vi", workers=1)
    meta = kit.current_kit("vi")
    assert release.pk in meta["releases"] and not kit.holds_withdrawn_release(meta)
    PressRelease.objects.filter(pk=release.pk).update(publish_at=timezone.now() + datetime.timedelta(days=1))
    assert kit.holds_withdrawn_release(meta)


# --- /admin/r/<content type>/<pk>/ ----------------------------------------------------------


def _view_on_site(client, obj):
    content_type = ContentType.objects.get_for_model(obj)
    return client.get(f"/admin/r/{content_type.pk}/{obj.pk}/")


def test_view_on_site_hides_embargoed_releases_and_unpublished_exhibits_from_other_staff(
    client, edition, catalogue, user_in
):
    embargoed = make_release(edition, "bi-mat-quoc-phong", hours=48)
    published = make_release(edition, "da-cong-bo", hours=-1)
    draft = Product.objects.filter(is_published=False).first()
    assert draft is not None
    client.force_login(user_in(None))  # staff, no permission at all
    assert _view_on_site(client, embargoed).status_code == 404
    assert _view_on_site(client, draft).status_code == 404
    response = _view_on_site(client, published)
    assert response.status_code == 302 and "da-cong-bo" in response["Location"]
    content_type = ContentType.objects.get_for_model(embargoed)
    assert client.get(f"/admin/r/{content_type.pk}/999999/").status_code == 404
    assert client.get(f"/admin/r/{content_type.pk}/not-a-number/").status_code == 404


def test_view_on_site_still_works_for_those_who_edit_them(admin_client, edition, catalogue):
    embargoed = make_release(edition, "bi-mat-quoc-phong", hours=48)
    response = _view_on_site(admin_client, embargoed)
    assert response.status_code == 302 and "bi-mat-quoc-phong" in response["Location"]


def test_view_on_site_needs_a_staff_login(client, edition):
    release = make_release(edition, "da-cong-bo", hours=-1)
    response = _view_on_site(client, release)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
