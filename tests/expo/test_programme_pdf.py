"""The printable programme: by day, in the page's language, Vietnamese exact."""

import unicodedata

from tests.factories import make_item, make_venue
from tests.helpers import pdf_text

TITLES_VI = [
    "Lễ khai mạc Triển lãm Quốc phòng quốc tế Việt Nam 2024",
    "Trình diễn của lực lượng đặc công",
    "Lễ bế mạc, chào mừng 80 năm Ngày thành lập Quân đội nhân dân Việt Nam",
]


def test_programme_pdf_has_exact_vietnamese_titles_by_day(client, edition):
    hall = make_venue(edition, name_vi="Đường băng trình diễn bay", name_en="Flight line")
    make_item(edition, day=19, start="08:00", end="09:30", title_vi=TITLES_VI[0], title_en="Opening", venue=hall)
    # Typed on a keyboard that sends decomposed Vietnamese: still exact in the PDF.
    make_item(edition, day=20, start="10:00", end="10:30", title_vi=unicodedata.normalize("NFD", TITLES_VI[1]))
    make_item(edition, day=22, start="16:00", end="17:00", title_vi=TITLES_VI[2], status="delayed")
    make_item(edition, day=21, title_vi="Bản nháp không in", is_published=False)
    response = client.get("/vi/programme/programme.pdf")
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content, lines=True).replace("\n", " ")  # long titles wrap in the table
    for title in TITLES_VI:
        assert title in text
    assert "Bản nháp không in" not in text
    assert text.index("Ngày 1") < text.index(TITLES_VI[0]) < text.index("Ngày 2") < text.index("Ngày 4")
    assert "08:00–09:30" in text and "Đường băng trình diễn bay" in text
    assert "Lùi giờ" in text
    assert "(UTC+7, Hà Nội)" in text


def test_programme_pdf_in_english(client, edition):
    make_item(edition, title_vi="Lễ khai mạc", title_en="Opening ceremony")
    text = pdf_text(client.get("/en/programme/programme.pdf").content, lines=True)
    assert "Opening ceremony" in text and "Lễ khai mạc" not in text
    assert "Day 1" in text and "(UTC+7, Hanoi)" in text


def test_programme_pdf_without_edition_is_404(client, db):
    assert client.get("/en/programme/programme.pdf").status_code == 404
