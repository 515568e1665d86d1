"""Release PDFs and the kit index as they print: one zone label, no lone first word."""

import datetime

import pytest
from django.utils import translation

from common.pdf import render_document
from press import kit_contents
from press.demo import RELEASES
from press.models import PressRelease

pytestmark = pytest.mark.django_db


def printed_lines(document):
    """The text of every line WeasyPrint laid out, page after page."""
    lines = []

    def walk(box):
        if type(box).__name__ == "LineBox":
            lines.append("".join(getattr(child, "text", "") or "" for child in box.descendants()).strip())
            return
        for child in getattr(box, "children", ()):
            walk(child)

    for page in document.pages:
        walk(page._page_box)
    return [line for line in lines if line]


@pytest.fixture
def demo_releases(edition):
    for slug, days, hour, title_vi, title_en, summary_vi, summary_en, body_vi, body_en in RELEASES:
        day = edition.start_date + datetime.timedelta(days=days)
        PressRelease.objects.create(
            edition=edition,
            slug=f"demo-{slug}",
            title_vi=title_vi,
            title_en=title_en,
            summary_vi=summary_vi,
            summary_en=summary_en,
            body_vi=body_vi,
            body_en=body_en,
            publish_at=datetime.datetime.combine(day, datetime.time(hour), tzinfo=edition.tz),
        )


@pytest.mark.parametrize("language", ["vi", "en"])
def test_every_demo_release_prints_its_time_zone_once_and_opens_on_its_dateline(demo_releases, edition, language):
    entries = kit_contents.release_entries(edition, language, base_url="https://expo.example.vn")
    assert len(entries) == len(RELEASES)
    city = {"vi": "Hà Nội", "en": "Hanoi"}[language]
    for entry in entries:
        with translation.override(language):
            lines = printed_lines(render_document("pdf/release.html", {"release": entry["data"]}))
        text = "\n".join(lines)
        assert "(UTC+7) (UTC+7)" not in text and text.count("(UTC+7)") == 1, text
        # The body's first line: the dateline and the first words of the text together, never a lone word.
        # (The dateline's line comes first; a later line may begin with the city too, wrapped.)
        first = next(line for line in lines if line.startswith(f"{city}, "))
        assert len(first.split(" – ", 1)[1].split()) >= 3, first
    opening = entries[-1]
    assert (
        opening["data"]["date"] == {"vi": "19/12/2024 08:00 (UTC+7)", "en": "19 December 2024, 08:00 (UTC+7)"}[language]
    )
    if language == "vi":
        lines = printed_lines(render_document("pdf/release.html", {"release": opening["data"]}))
        assert "Sáng" not in lines
        assert any(line.startswith("Hà Nội, 19/12/2024 – Sáng nay, Triển lãm") for line in lines)
