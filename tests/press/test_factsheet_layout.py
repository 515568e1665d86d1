"""The exhibit fact sheet as it prints: a demo-like exhibit fits one page, a long description
never leaves a line or two alone on the last page, and the QR code still reads."""

import io
import unicodedata

import pytest
from django.core.files.base import ContentFile
from pypdf import PdfReader

from exhibitors.models import ProductImage, ProductSpecification
from press import factsheets
from tests.helpers import body, decoded_qr_codes, pdf_pages, png_bytes

SENTENCE_VI = "Hệ thống được thiết kế cho nhiệm vụ tuần tra ven biển, vận hành cả ngày lẫn đêm trong mọi thời tiết."
SENTENCE_EN = "The system is designed for coastal patrol missions, day and night, in all weather conditions."
SPECIFICATIONS = [
    ("Tầm hoạt động", "Range", "1 965 km"),
    ("Tốc độ tối đa", "Top speed", "864 km/h"),
    ("Trần bay", "Service ceiling", "14 931 m"),
    ("Kíp vận hành", "Crew", "3"),
    ("Khối lượng cất cánh", "Take-off weight", "12 400 kg"),
    ("Động cơ", "Engines", "2 × turbofan"),
]


@pytest.fixture
def exhibit(catalogue, edition):
    """Built like the fullest demo exhibit: a demo edition, a two-line summary, a 3:2 photo with
    a caption, six specifications."""
    edition.is_demo = True
    edition.save()
    product = catalogue["products"]["kilo"]
    product.summary_vi = "Tàu ngầm diesel-điện minh họa do Công ty Cơ khí Sông Hồng giới thiệu (nội dung demo)."
    product.summary_en = "An invented diesel-electric submarine shown by Song Hong Engineering (demo content)."
    product.save()
    ProductImage.objects.filter(product=product).delete()
    ProductImage.objects.create(
        product=product,
        image=ContentFile(png_bytes(size=(1200, 800)), name="photo.png"),
        alt_text_vi="Ảnh tàu ngầm",
        alt_text_en="Photo of the submarine",
        caption_vi="Hình vẽ minh họa, không phải ảnh thật.",
        caption_en="An illustration, not a photograph.",
    )
    for order, (label_vi, label_en, value) in enumerate(SPECIFICATIONS):
        ProductSpecification.objects.create(
            product=product, order=order, label_vi=label_vi, label_en=label_en, value=value
        )
    return product


def describe(product, sentences, *, paragraphs=1, last_paragraph=""):
    """Give the exhibit a description of `sentences` sentences in both languages."""
    for language, sentence in (("vi", SENTENCE_VI), ("en", SENTENCE_EN)):
        per_paragraph = max(sentences // paragraphs, 1)
        text = "\n\n".join(" ".join([sentence] * per_paragraph) for _ in range(paragraphs))
        if last_paragraph:
            text += "\n\n" + last_paragraph
        setattr(product, f"description_{language}", text)
    product.save()


def description_lines_on_last_page(pdf, description):
    """How many printed lines of the last page belong to the description (headings, the page's
    address and the footer aside)."""
    last = PdfReader(io.BytesIO(pdf)).pages[-1].extract_text()
    flat = " ".join(unicodedata.normalize("NFC", description).split())
    lines = [" ".join(unicodedata.normalize("NFC", line).split()) for line in last.splitlines()]
    return sum(1 for line in lines if len(line) > 3 and line in flat)


@pytest.mark.parametrize("language", ["vi", "en"])
def test_demo_like_exhibit_sheet_fits_one_page_and_its_qr_reads(client, exhibit, language):
    describe(exhibit, 1)
    response = client.get(f"/{language}/exhibits/sh-1/factsheet.pdf")
    assert response.status_code == 200
    pdf = body(response)
    assert pdf_pages(pdf) == 1
    assert decoded_qr_codes(pdf) == [f"http://testserver/{language}/exhibits/sh-1/"]


@pytest.mark.parametrize("language", ["vi", "en"])
def test_long_description_never_leaves_a_line_or_two_on_the_last_page(exhibit, edition, language):
    spilled = 0
    # From a description that just fits to one that fills a second page, a sentence or two at a time.
    for sentences in range(6, 40, 4):
        describe(exhibit, sentences)
        sheet = factsheets.exhibit_sheet(exhibit, language, edition=edition, base_url="https://expo.example")
        pdf = factsheets.render_sheet(sheet)
        if pdf_pages(pdf) > 1:
            spilled += 1
            lines = description_lines_on_last_page(pdf, sheet.data["description"])
            assert lines >= 3, f"{sentences} sentences: {lines} line(s) alone on the last page"
    assert spilled  # the longest descriptions did run onto a second page
    assert decoded_qr_codes(pdf) == [f"https://expo.example/{language}/exhibits/sh-1/"]


@pytest.mark.parametrize("language", ["vi", "en"])
def test_short_last_paragraph_is_not_left_alone_on_the_last_page(exhibit, edition, language):
    closing = "Liên hệ gian hàng để biết thêm." if language == "vi" else "Ask at the stand for more."
    for sentences in range(10, 30, 2):
        describe(exhibit, sentences, paragraphs=2, last_paragraph=closing)
        sheet = factsheets.exhibit_sheet(exhibit, language, edition=edition, base_url="https://expo.example")
        pdf = factsheets.render_sheet(sheet)
        if pdf_pages(pdf) > 1:
            lines = description_lines_on_last_page(pdf, sheet.data["description"])
            assert lines >= 3, f"{sentences} sentences: {lines} line(s) alone on the last page"
