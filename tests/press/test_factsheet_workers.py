"""Fact sheets rendered in parallel worker processes, the path the press kit takes at scale."""

from django.core.files.storage import default_storage

from press import factsheets
from tests.helpers import pdf_text


def test_sheets_rendered_by_spawned_workers_are_stored_with_their_own_text(catalogue, edition):
    sheets = [
        factsheets.exhibitor_sheet(exhibitor, language, edition=edition)
        for exhibitor in catalogue["exhibitors"].values()
        for language in ("vi", "en")
    ]

    reused, rendered = factsheets.store_many(sheets, workers=2)

    assert (reused, rendered) == (0, 6)
    for sheet in sheets:
        with default_storage.open(sheet.storage_name) as handle:
            text = pdf_text(handle.read())
        assert sheet.data["name"] in text
    # A second pass finds every version stored and renders nothing.
    assert factsheets.store_many(sheets, workers=2) == (6, 0)
