"""The press jobs `make bench` times: a fact sheet cold and warm, the press kit.

from bench import press_jobs
press_jobs.exhibitor_sheet_cold("some-slug", "vi")   # renders and stores (old copy removed first)
press_jobs.exhibitor_sheet_warm("some-slug", "vi")   # served from storage
press_jobs.press_kit("vi", workers=2)                # KitResult with rendered/reused counts
"""

from django.core.files.storage import default_storage

from exhibitors.models import Exhibitor
from expo.models import Edition
from press import factsheets, kit


def _sheet(slug, language):
    exhibitor = Exhibitor.objects.prefetch_related("sectors").get(slug=slug)
    return factsheets.exhibitor_sheet(exhibitor, language, edition=Edition.objects.current())


def exhibitor_sheet_cold(slug, language):
    """Read the data, render the PDF and store it; returns its storage name."""
    sheet = _sheet(slug, language)
    if default_storage.exists(sheet.storage_name):
        default_storage.delete(sheet.storage_name)
    return factsheets.stored_sheet(sheet)


def exhibitor_sheet_warm(slug, language):
    """Read the data and find the stored PDF (what a repeat download costs); returns its bytes."""
    with default_storage.open(factsheets.stored_sheet(_sheet(slug, language))) as handle:
        return handle.read()


def press_kit(language, *, workers=None):
    return kit.build_kit(language, workers=workers)
