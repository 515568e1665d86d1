"""Render fact sheets once per content version and serve them from storage.

`stored_sheet(sheet)` is the one entry point: it returns the storage name of the sheet's PDF,
rendering and saving it only when no file of that version exists yet. Older versions of the
same sheet and language are deleted when a new one is stored.
"""

import os

import segno
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import translation

from common import workers as worker_processes
from common.pdf import render_pdf
from press.factsheets.data import Sheet

TEMPLATES = {
    "expo": "pdf/factsheet_expo.html",
    "exhibitor": "pdf/factsheet_exhibitor.html",
    "exhibit": "pdf/factsheet_exhibit.html",
}


def render_sheet(sheet):
    """PDF bytes of `sheet` (no database access: safe in a worker process)."""
    context = {"sheet": sheet.data, "language": sheet.language}
    if sheet.data.get("page_url"):
        context["qr_code"] = segno.make(sheet.data["page_url"], error="m").svg_data_uri(scale=4, border=2)
    with translation.override(sheet.language):
        return render_pdf(TEMPLATES[sheet.kind], context)


def render_job(job):
    """PDF bytes of the sheet described by `job` (kind, slug, language, data): run in a worker."""
    kind, slug, language, data = job
    return render_sheet(Sheet(kind, slug, language, data))


def store_rendered(sheet, pdf):
    name = sheet.storage_name
    if not default_storage.exists(name):
        default_storage.save(name, ContentFile(pdf))
    _delete_older_versions(sheet)
    return name


def stored_sheet(sheet):
    """Storage name of `sheet`'s PDF, rendered now only if this version was never rendered."""
    if default_storage.exists(sheet.storage_name):
        return sheet.storage_name
    return store_rendered(sheet, render_sheet(sheet))


def _delete_older_versions(sheet):
    try:
        _folders, files = default_storage.listdir(sheet.folder)
    except FileNotFoundError:
        return
    current = os.path.basename(sheet.storage_name)
    prefix = f"{sheet.slug}-{sheet.language}-"
    for name in files:
        if name.startswith(prefix) and name != current:
            default_storage.delete(f"{sheet.folder}/{name}")


def store_many(sheets, *, workers=None, progress=None):
    """Make sure every sheet in `sheets` is stored; render the missing ones in parallel.

    Returns (reused, rendered) counts. WeasyPrint is CPU-bound and single-threaded, so
    separate processes (spawned: no database connection or lock inherited) use every core.
    """
    missing = [sheet for sheet in sheets if not default_storage.exists(sheet.storage_name)]
    reused = len(sheets) - len(missing)
    workers = workers or os.cpu_count() or 1
    if progress:
        progress(0, len(missing))
    if workers == 1 or len(missing) < 4:
        for done, sheet in enumerate(missing, 1):
            store_rendered(sheet, render_sheet(sheet))
            if progress:
                progress(done, len(missing))
        return reused, len(missing)
    jobs = [(f"{__name__}.render_job", (s.kind, s.slug, s.language, s.data)) for s in missing]
    rendered = worker_processes.in_pool(jobs, workers=workers, chunksize=8)
    for done, (sheet, pdf) in enumerate(zip(missing, rendered, strict=True), 1):
        store_rendered(sheet, pdf)
        if progress:
            progress(done, len(missing))
    return reused, len(missing)
