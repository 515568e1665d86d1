"""One set of facts (home page = expo fact sheet) and a QR code that decodes on every sheet."""

import datetime
import re

import pytest
from model_bakery import baker

from tests.helpers import decoded_qr_codes, download, pdf_pages, pdf_text


@pytest.fixture
def announced(edition):
    baker.make(
        "expo.KeyFigure",
        edition=edition,
        order=1,
        value="140+",
        label_vi="đoàn quốc tế cấp cao được mời",
        label_en="high-level international delegations invited",
        as_of=datetime.date(2024, 1, 26),
    )


def _words(html):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.mark.parametrize(
    ("language", "announced_text", "counted_text"),
    [
        ("vi", "140+ đoàn quốc tế cấp cao được mời công bố ngày 26/01/2024", "3 đơn vị trưng bày có gian hàng"),
        (
            "en",
            "140+ high-level international delegations invited announced 26 January 2024",
            "3 exhibitors with a stand",
        ),
    ],
)
def test_home_page_and_expo_sheet_state_the_same_figures_and_say_what_they_are(
    client,
    catalogue,
    confirmed_delegations,
    announced,
    language,
    announced_text,
    counted_text,
):
    home = _words(client.get(f"/{language}/").content.decode())
    sheet = " ".join(pdf_text(download(client, f"/{language}/factsheet.pdf")[1]).split())
    for text in (home, sheet):
        assert announced_text in text.replace(" announced", " announced").replace("\n", " ")
        assert counted_text in text
        assert ("3 đoàn đã xác nhận" if language == "vi" else "3 delegations confirmed") in text
    # The invitation target and the count are never the same kind of number.
    assert ("Chỉ tiêu mời do Ban Tổ chức công bố" if language == "vi" else "Invitation targets announced") in home


@pytest.mark.parametrize(
    ("url", "target"),
    [
        ("/vi/factsheet.pdf", "http://testserver/vi/"),
        ("/en/exhibitors/song-hong/factsheet.pdf", "http://testserver/en/exhibitors/song-hong/"),
        ("/vi/exhibits/sh-1/factsheet.pdf", "http://testserver/vi/exhibits/sh-1/"),
    ],
)
def test_every_sheet_has_a_qr_code_to_its_page_that_decodes(client, specs, url, target):
    _, pdf = download(client, url)
    assert decoded_qr_codes(pdf) == [target]


def test_exhibit_sheet_fits_its_page(client, specs):
    _, pdf = download(client, "/vi/exhibits/sh-1/factsheet.pdf")
    assert pdf_pages(pdf) == 1
