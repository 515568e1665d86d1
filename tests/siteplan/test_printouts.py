"""The A3 plan and the stand cards: their text, and the QR code a visitor scans."""

import io

import pytest
from pypdf import PdfReader

from tests.helpers import decoded_qr_codes, pdf_text


def test_a3_plan_in_vietnamese_has_the_exhibitor_index_by_stand(client, site):
    response = client.get("/vi/map/plan.pdf")
    reader = PdfReader(io.BytesIO(response.content))
    width, height = float(reader.pages[0].mediabox.width), float(reader.pages[0].mediabox.height)
    assert (round(width), round(height)) == (1191, 842)  # A3 landscape in points
    text = pdf_text(response, lines=True)
    assert "Sơ đồ khu triển lãm" in text
    assert "Đơn vị trưng bày theo gian hàng" in text
    index = " ".join(text[text.index("Đơn vị trưng bày theo gian hàng") :].split())
    assert "A-09 Công ty Cơ khí Sông Hồng" in index
    assert "B-07 Tập đoàn An ninh Đường Lâm" in index
    assert index.index("A-01") < index.index("A-09") < index.index("B-07")
    assert "B-99" not in index  # not placed, not on the plan


def test_a3_plan_in_english(client, site):
    text = pdf_text(client.get("/en/map/plan.pdf"), lines=True)
    assert "Site map" in text and "Exhibitors by stand" in text and "Exhibition Hall A" in text


def test_stand_card_names_the_stand_and_its_qr_code_opens_the_map_on_it(client, site, tmp_path, settings):
    settings.EXPO_SITE_URL = "https://vide.example.vn"
    response = client.get("/vi/map/stands/A-09.pdf")
    reader = PdfReader(io.BytesIO(response.content))
    assert (round(float(reader.pages[0].mediabox.width)), round(float(reader.pages[0].mediabox.height))) == (420, 595)
    text = pdf_text(response, lines=True)
    assert "A-09" in text and "Công ty Cơ khí Sông Hồng" in text
    assert "Hải quân" in text and "Nhà trưng bày A" in text
    assert "Bạn đang ở đây." in text
    assert decoded_qr_codes(response) == ["https://vide.example.vn/vi/map/?stand=A-09&here=A-09"]
    # The code leads to the map page centred on the stand.
    html = client.get("/vi/map/?stand=A-09&here=A-09").content.decode()
    assert 'class="stand s1 is-highlighted" id="stand-a-09"' in html
    assert "Bạn đang ở đây: Gian hàng A-09: Công ty Cơ khí Sông Hồng" in html


def test_english_stand_card_links_the_english_map(client, site, tmp_path, settings):
    settings.EXPO_SITE_URL = ""
    response = client.get("/en/map/stands/b-07.pdf")
    assert "You are here." in pdf_text(response, lines=True)
    assert decoded_qr_codes(response) == ["http://testserver/en/map/?stand=B-07&here=B-07"]


@pytest.mark.parametrize("code", ["Z-00", "B-99x", "..", "A-09%00"])
def test_unknown_stand_card_is_404(client, site, code):
    assert client.get(f"/en/map/stands/{code}.pdf").status_code in (400, 404)


def test_plan_and_stand_card_are_laid_out_once_per_plan_version(client, site, edition):
    from django.core.files.storage import default_storage

    folder = f"siteplan/{edition.slug}"
    first = client.get("/vi/map/plan.pdf").content
    card = client.get("/vi/map/stands/A-09.pdf").content
    stored = sorted(default_storage.listdir(folder)[1])
    assert len(stored) == 2
    laid_out = {name: default_storage.get_modified_time(f"{folder}/{name}") for name in stored}
    # The same plan: the stored files are served, not laid out again.
    assert client.get("/vi/map/plan.pdf").content == first
    assert client.get("/vi/map/stands/A-09.pdf").content == card
    assert {name: default_storage.get_modified_time(f"{folder}/{name}") for name in stored} == laid_out
    # A change to what the plan shows is a new version: the next PDF shows it, the old file is gone.
    exhibitor = site["exhibitors"]["song_hong"]
    exhibitor.name = "Tổng công ty Sông Hồng"
    exhibitor.save()
    response = client.get("/vi/map/plan.pdf")
    assert "A-09 Tổng công ty Sông Hồng" in pdf_text(response)
    assert "Tổng công ty Sông Hồng" in pdf_text(client.get("/vi/map/stands/A-09.pdf"), lines=True)
    now_stored = sorted(default_storage.listdir(folder)[1])
    assert len(now_stored) == 2 and not set(now_stored) & set(stored)
