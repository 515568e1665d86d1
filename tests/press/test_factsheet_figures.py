"""The expo fact sheet's figure boxes as they print: never squeezed to one word per line."""

import pytest
from django.utils import translation

from common.pdf import render_document
from expo.models import Edition
from press import factsheets
from press.factsheets.render import TEMPLATES

pytestmark = pytest.mark.django_db


def figure_boxes(document):
    """For each figure box: the lines of its label as WeasyPrint laid them out."""
    boxes = []

    def lines_of(box):
        if box.element_tag in ("strong", "small"):
            return []  # the figure and its "announced on" date: the label is what is left
        if type(box).__name__ == "LineBox":
            return ["".join(getattr(child, "text", "") or "" for child in box.descendants()).strip()]
        return [line for child in getattr(box, "children", ()) for line in lines_of(child)]

    def walk(box, in_figures=False):
        element = getattr(box, "element", None)
        classes = (element.get("class") or "").split() if element is not None else []
        in_figures = in_figures or (box.element_tag == "table" and "sheet-figures" in classes)
        if in_figures and box.element_tag == "td" and type(box).__name__ == "TableCellBox":
            boxes.append([line for line in lines_of(box) if line])
            return
        for child in getattr(box, "children", ()):
            walk(child, in_figures)

    for page in document.pages:
        walk(page._page_box)
    return boxes


@pytest.mark.parametrize("language", ["vi", "en"])
def test_every_demo_figure_box_keeps_its_label_words_together(demo, language):
    edition = Edition.objects.get(is_current=True)
    sheet = factsheets.expo_sheet(edition, language, base_url="https://expo.example.vn")
    figures = sheet.data["figures"]
    with translation.override(language):
        document = render_document(TEMPLATES["expo"], {"sheet": sheet.data, "language": language})
    boxes = figure_boxes(document)
    assert len(boxes) == len(figures["announced"]) + len(figures["counted"]) >= 8
    for lines in boxes:
        # Every line of a label but its last holds two words or more.
        assert lines and not [line for line in lines[:-1] if len(line.split()) < 2], lines
