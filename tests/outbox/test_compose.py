"""Mail subjects and text parts are plain text: nothing typed is HTML-escaped in them."""

from pathlib import Path
from types import SimpleNamespace

import pytest

from outbox import compose

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
TYPED = "Bộ Quốc phòng & Hậu cần <Sư đoàn 5> 'Sao Vàng'"
ENTITIES = ("&amp;", "&lt;", "&gt;", "&#x27;", "&#39;", "&quot;")


@pytest.mark.parametrize(
    "template",
    sorted(
        str(path.relative_to(TEMPLATES))[: -len(".subject.txt")] for path in TEMPLATES.glob("*/email/*.subject.txt")
    ),
)
@pytest.mark.parametrize("language", ["vi", "en"])
def test_every_subject_and_text_part_keeps_what_was_typed(template, language):
    """Every mail template of every app (found on disk, so a new one is covered): what an
    organiser typed (an edition or organisation name with "&", quotes, angle brackets) reaches
    the subject and the text part as typed; only the HTML twin escapes it."""
    edition = SimpleNamespace(name=TYPED, acronym=TYPED, city="Hà Nội", start_date=None, end_date=None)
    context = {
        "edition": edition,
        "approved": True,
        "version": SimpleNamespace(title=TYPED, is_original_only=False, summary=TYPED, body=""),
        "delegation": SimpleNamespace(organisation=TYPED, edition=edition),
        "accreditation": SimpleNamespace(reference="P-0001", outlet=TYPED),
        "minutes": 30,  # the media sign-in link's lifetime
        "days": 7,  # the portal invitation's
    }
    subject, text, html = compose.render(template, context, language=language)
    assert TYPED in subject
    for entity in ENTITIES:
        assert entity not in subject and entity not in text
    assert "&amp;" in html and "&lt;Sư đoàn 5&gt;" in html
