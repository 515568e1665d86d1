"""Fact sheets of the expo, an exhibitor and an exhibit, in both languages, stored once per version."""

import unicodedata

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from common.validators import MAX_PDF_BYTES
from exhibitors.models import Exhibitor, ProductImage, ProductSpecification
from press import factsheets
from press.models import FactSheetUpload
from tests.helpers import download, pdf_text, png_bytes


def stored_files(kind, slug):
    try:
        return sorted(default_storage.listdir(f"factsheets/{kind}/{slug}")[1])
    except FileNotFoundError:
        return []


def test_expo_sheet_in_vietnamese_counts_from_the_data(client, catalogue, confirmed_delegations):
    response, data = download(client, "/vi/factsheet.pdf")
    text = pdf_text(data)
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"] == 'inline; filename="vide-2024-vi-factsheet.pdf"'
    assert "Triển lãm Quốc phòng quốc tế Việt Nam 2024" in text
    assert "Chủ đề: “Hòa bình, Hữu nghị, Hợp tác cùng phát triển”" in text
    assert "19–22/12/2024" in text
    assert "Sân bay Gia Lâm, Hà Nội" in text
    assert "Số liệu nổi bật" in text
    # 3 exhibitors, 2 countries, 4 published exhibits, 0 programme items, 3 confirmed delegations,
    # said to be counted, on the day (venue's date).
    today = timezone.localdate().strftime("%d/%m/%Y")
    assert f"Đếm từ dữ liệu của chúng tôi ngày {today}" in text
    assert (
        "3 đơn vị trưng bày có gian hàng 2 quốc gia của đơn vị trưng bày 4 sản phẩm trong danh mục "
        "0 hoạt động 3 đoàn đã xác nhận"
    ) in text
    assert "Kỳ triển lãm 2" in text
    assert "Hải quân" in text and "Lục quân" in text


def test_expo_sheet_in_english(client, catalogue, confirmed_delegations):
    response, data = download(client, "/en/factsheet.pdf")
    text = pdf_text(data)
    assert response["Content-Disposition"] == 'inline; filename="vide-2024-en-factsheet.pdf"'
    assert "Vietnam International Defence Expo 2024" in text
    assert "Theme: “Peace, Friendship, Cooperation for Development”" in text
    assert "19–22 December 2024" in text and "Gia Lam Airfield, Hanoi" in text
    assert (
        "3 exhibitors with a stand 2 exhibitors' countries 4 exhibits in the catalogue 0 programme items "
        "3 delegations confirmed"
    ) in text and "Naval" in text
    assert "Triển lãm" not in text


def test_exhibitor_sheet_in_vietnamese(client, catalogue):
    _, data = download(client, "/vi/exhibitors/song-hong/factsheet.pdf")
    text = pdf_text(data)
    assert "Công ty Cơ khí Sông Hồng" in text
    assert "Quốc gia Việt Nam" in text
    assert "Gian hàng A-01 · Nhà A" in text
    assert "Lĩnh vực Hải quân" in text
    assert "Tàu ngầm SH-1" in text and "Tàu hộ vệ SH-2" in text
    assert "Xe tăng ĐL-3" not in text  # another exhibitor's


def test_exhibitor_sheet_in_english_leaves_out_unpublished_exhibits(client, catalogue):
    response, data = download(client, "/en/exhibitors/marine-demo/factsheet.pdf")
    text = pdf_text(data)
    assert response["Content-Disposition"] == 'inline; filename="marine-demo-en-factsheet.pdf"'
    assert "Marine Atlantique" in text and "Country France" in text and "Stand B-01 · Hall B" in text
    assert "MA-4 submarine" in text
    assert "MA-5 secret ship" not in text


def test_exhibit_sheet_in_vietnamese_has_images_specifications_and_qr(client, specs):
    _, data = download(client, "/vi/exhibits/sh-1/factsheet.pdf")
    text = pdf_text(data)
    assert "Tàu ngầm SH-1" in text
    assert "Đơn vị trưng bày Công ty Cơ khí Sông Hồng (Việt Nam)" in text
    assert "Gian hàng A-01 · Nhà A" in text
    assert "Danh mục Hải quân › Tàu ngầm" in text
    assert "Tầm hoạt động 400 hải lý" in text and "Thủy thủ đoàn 52" in text
    assert "Quét mã để xem trang sản phẩm" in text
    assert "http://testserver/vi/exhibits/sh-1/" in text  # the QR code's target, printed under it
    assert b"/Subtype /Image" in data  # the exhibit's photo and the QR code are embedded


def test_exhibit_sheet_in_english_links_the_english_page(client, specs, settings):
    settings.EXPO_SITE_URL = "https://vide.example.vn"
    _, data = download(client, "/en/exhibits/sh-1/factsheet.pdf")
    text = pdf_text(data)
    assert "SH-1 submarine" in text and "Range 400 hải lý" in text and "Crew 52" in text
    assert "Category Naval › Submarines" in text
    assert "https://vide.example.vn/en/exhibits/sh-1/" in text


def test_sheet_is_correct_when_text_arrived_decomposed(client, catalogue):
    exhibitor = catalogue["exhibitors"]["duong"]
    Exhibitor.objects.filter(pk=exhibitor.pk).update(name=unicodedata.normalize("NFD", "Tập đoàn Đường Lâm"))
    _, data = download(client, "/vi/exhibitors/duong-lam/factsheet.pdf")
    assert "Tập đoàn Đường Lâm" in pdf_text(data)


@pytest.mark.parametrize(
    "url",
    [
        "/vi/exhibits/ma-5/factsheet.pdf",  # unpublished
        "/vi/exhibits/no-such/factsheet.pdf",
        "/en/exhibitors/no-such/factsheet.pdf",
    ],
)
def test_sheet_of_unknown_or_unpublished_subject_is_404(client, catalogue, url):
    assert client.get(url).status_code == 404


def test_sheet_is_rendered_once_then_served_from_storage(client, catalogue):
    _, first = download(client, "/vi/exhibitors/song-hong/factsheet.pdf")
    files = stored_files("exhibitor", "song-hong")
    _, second = download(client, "/vi/exhibitors/song-hong/factsheet.pdf")
    # A new render would carry a new creation date: identical bytes mean the stored file was served.
    assert second == first
    assert stored_files("exhibitor", "song-hong") == files and len(files) == 1
    download(client, "/en/exhibitors/song-hong/factsheet.pdf")
    assert len(stored_files("exhibitor", "song-hong")) == 2  # one per language


def test_editing_the_exhibitor_makes_the_next_sheet_fresh(client, catalogue):
    _, before = download(client, "/vi/exhibitors/song-hong/factsheet.pdf")
    exhibitor = catalogue["exhibitors"]["song_hong"]
    exhibitor.description_vi = "Đóng tàu và sửa chữa tàu ngầm từ năm 1965."
    exhibitor.save()
    _, after = download(client, "/vi/exhibitors/song-hong/factsheet.pdf")
    assert "Đóng tàu và sửa chữa tàu ngầm từ năm 1965." in pdf_text(after)
    assert "Đóng tàu" not in pdf_text(before)
    assert len(stored_files("exhibitor", "song-hong")) == 1  # the old version is gone


def test_editing_specifications_stand_or_images_makes_the_exhibit_sheet_fresh(client, specs, venues):
    _, first = download(client, "/vi/exhibits/sh-1/factsheet.pdf")
    ProductSpecification.objects.filter(product=specs, order=2).update(value="48")
    _, second = download(client, "/vi/exhibits/sh-1/factsheet.pdf")
    assert "Thủy thủ đoàn 48" in pdf_text(second)
    stand = specs.exhibitor.stands.get()
    stand.code = "A-99"
    stand.save()
    _, third = download(client, "/vi/exhibits/sh-1/factsheet.pdf")
    assert "Gian hàng A-99 · Nhà A" in pdf_text(third)
    ProductImage.objects.create(
        product=specs,
        order=5,
        image=ContentFile(png_bytes(color=(200, 10, 10)), name="x.png"),
        alt_text_vi="Ảnh thứ hai",
        caption_vi="Tàu ngầm khi nổi trên mặt nước",
    )
    _, fourth = download(client, "/vi/exhibits/sh-1/factsheet.pdf")
    assert "Tàu ngầm khi nổi trên mặt nước" in pdf_text(fourth)


def test_warm_sheet_needs_few_queries(client, catalogue, django_assert_max_num_queries):
    download(client, "/vi/exhibitors/song-hong/factsheet.pdf")
    with django_assert_max_num_queries(8):
        download(client, "/vi/exhibitors/song-hong/factsheet.pdf")


def _pdf_upload(name="sheet.pdf", content=None):
    return SimpleUploadedFile(name, content or b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n", "application/pdf")


def test_uploaded_sheet_replaces_the_generated_one(client, catalogue):
    FactSheetUpload.objects.create(
        exhibitor=catalogue["exhibitors"]["song_hong"],
        language="vi",
        title="Bản thông tin riêng",
        file=_pdf_upload(),
        replaces_generated=True,
    )
    response, data = download(client, "/vi/exhibitors/song-hong/factsheet.pdf")
    assert data.startswith(b"%PDF-1.4\n1 0 obj")
    assert response["Content-Disposition"] == 'inline; filename="song-hong-vi-factsheet.pdf"'
    _, english = download(client, "/en/exhibitors/song-hong/factsheet.pdf")
    assert "Công ty Cơ khí Sông Hồng" in pdf_text(english)  # the English one is still generated


def _upload_form(file):
    from django.forms import modelform_factory

    form_class = modelform_factory(FactSheetUpload, fields=["title", "language", "edition", "file"])
    return form_class(data={"title": "T", "language": "vi", "edition": ""}, files={"file": file})


def test_upload_that_is_not_a_pdf_is_refused_with_a_reason(edition):
    form = _upload_form(_pdf_upload("fake.pdf", b"<html><script>alert(1)</script></html>"))
    form.data = {**form.data, "edition": edition.pk}
    assert not form.is_valid()
    assert "This file is not a PDF document, whatever its name says" in form.errors["file"][0]


def test_oversize_pdf_is_refused(edition):
    big = b"%PDF-1.7\n" + b"0" * MAX_PDF_BYTES + b"\n%%EOF\n"
    form = _upload_form(_pdf_upload("big.pdf", big))
    form.data = {**form.data, "edition": edition.pk}
    assert not form.is_valid()
    assert "PDF documents may be at most 20.0\xa0MB" in form.errors["file"][0]


def test_cold_and_warm_render_functions_for_the_benchmark(catalogue, edition):
    sheet = factsheets.exhibitor_sheet(catalogue["exhibitors"]["marine"], "en", edition=edition)
    name = factsheets.stored_sheet(sheet)
    assert default_storage.exists(name) and name.endswith(f"marine-demo-en-{sheet.fingerprint}.pdf")
    assert factsheets.stored_sheet(sheet) == name


def test_pages_open_fact_sheets_in_the_browser_with_a_download_link_beside(client, catalogue):
    press = client.get("/en/press/").content.decode()
    assert (
        '<a href="/en/factsheet.pdf">Fact sheet of the expo</a> <span class="press-list__meta">(PDF) · '
        '<a href="/en/factsheet.pdf" download>Download</a></span>'
    ) in press
    slug = catalogue["products"]["kilo"].slug
    exhibit = client.get(f"/vi/exhibits/{slug}/").content.decode()
    url = f"/vi/exhibits/{slug}/factsheet.pdf"
    assert f'<a class="button" href="{url}">Bản thông tin (PDF)</a> <a href="{url}" download>Tải về</a>' in exhibit
