"""PDF rendering shared by every app (programme, fact sheets, badges, protocol printouts).

WeasyPrint renders a Django template. Fonts are the project's own Noto Sans files, loaded by
@font-face, so every machine renders Vietnamese the same. The URL fetcher serves only the
project's static and media files: no network, no other local file, whatever the content says.
"""

import functools
import hashlib
import io
import mimetypes
import os
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.template.loader import render_to_string

from common.text import nfc

# The base URL documents are rendered under; it is never contacted.
BASE_URL = "https://pdf.expo.invalid/"


class PdfUnavailable(Exception):
    """WeasyPrint's system libraries (Pango) are missing: the site runs, PDFs answer 503."""


@functools.cache
def _weasyprint():
    # Imported on first use, so the rest of the site starts on a machine without Pango.
    try:
        import weasyprint
        import weasyprint.urls
    except OSError as exc:
        raise PdfUnavailable(
            "PDF rendering needs the system libraries libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0"
        ) from exc
    return weasyprint


@functools.cache
def fetcher_class():
    urls = _weasyprint().urls

    class ProjectFilesFetcher(urls.URLFetcher):
        """Fetch /static/… and /media/… from the project's storages; refuse everything else."""

        def fetch(self, url, headers=None):
            parts = urlsplit(url)
            if parts.scheme == "data":
                return super().fetch(url, headers)
            if f"{parts.scheme}://{parts.netloc}/" != BASE_URL:
                raise ValueError(f"PDF rendering may not fetch {url!r}")
            path = unquote(parts.path)
            if ".." in path.split("/"):
                raise ValueError("Parent paths are not allowed")
            if path.startswith(settings.STATIC_URL):
                body = _read_static(path.removeprefix(settings.STATIC_URL))
            elif path.startswith(settings.MEDIA_URL):
                with default_storage.open(path.removeprefix(settings.MEDIA_URL)) as handle:
                    body = handle.read()
            else:
                raise ValueError(f"PDF rendering may not fetch {url!r}")
            mime_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
            return urls.URLFetcherResponse(url, body, headers={"Content-Type": mime_type})

    return ProjectFilesFetcher


def __getattr__(name):
    if name == "ProjectFilesFetcher":
        return fetcher_class()
    raise AttributeError(name)


def _read_static(name):
    found = finders.find(name)
    if found:
        with open(found, "rb") as handle:
            return handle.read()
    # Production: hashed names exist only in STATIC_ROOT.
    with staticfiles_storage.open(name) as handle:
        return handle.read()


def render_document(template_name, context, *, request=None):
    """`template_name` laid out by WeasyPrint (pages and boxes; layout tests read these)."""
    return _layout(nfc(render_to_string(template_name, context, request=request)))


def _layout(html):
    fetcher = fetcher_class()(fail_on_errors=False)
    return _weasyprint().HTML(string=html, base_url=BASE_URL, url_fetcher=fetcher).render()


def render_pdf(template_name, context, *, request=None):
    """Render `template_name` to PDF bytes. Text is NFC-normalised before layout."""
    return render_document(template_name, context, request=request).write_pdf()


def stored_pdf(template_name, context, *, folder, prefix, version="", key=None, request=None):
    """The PDF of `template_name` as bytes, laid out only for a page never laid out before.

    Its name is the digest of the page WeasyPrint would lay out (every word, row and link on it)
    and `version` (raise it when the stylesheet changes: it is not part of the page), so any change
    to what it shows gives a new file and nothing else does; the HTML costs milliseconds, the
    layout seconds. A page that prints the time it was made (a briefing's "counted at") gives a
    `key` that says what it counts instead. Older files under `folder/prefix-` are deleted.
    """
    html = None if key is not None else nfc(render_to_string(template_name, context, request=request))
    digest = hashlib.sha256(f"{version}|{html if key is None else key}".encode()).hexdigest()[:20]
    name = f"{folder}/{prefix}-{digest}.pdf"
    if not default_storage.exists(name):
        html = html or nfc(render_to_string(template_name, context, request=request))
        default_storage.save(name, ContentFile(_layout(html).write_pdf()))
        _folders, files = default_storage.listdir(folder)
        for other in files:
            if other.startswith(f"{prefix}-") and f"{folder}/{other}" != name:
                default_storage.delete(f"{folder}/{other}")
    with default_storage.open(name) as stored:
        return stored.read()


def render_in_parts(function, jobs, *, workers=None, progress=None, label=""):
    """One PDF from the PDFs `function(job)` renders for each of `jobs`, joined page by page.

    For the prints too large for one WeasyPrint document (a whole edition's badges, a day's run
    sheets): WeasyPrint keeps every page's boxes until the file is written, and draws on one core.
    Parts are rendered side by side in spawned worker processes (no database connection or lock
    inherited; `function` must read nothing from the database: its job carries what it prints),
    or here when there is one part or one worker. `function` is a module-level function, named
    in the workers by its dotted path; `progress` (common.progress) counts the parts done.
    """
    from common import workers as worker_processes

    workers = min(workers or settings.EXPO_PDF_WORKERS or os.cpu_count() or 1, len(jobs)) or 1
    if workers == 1:
        pdfs = map(function, jobs)
    else:
        path = f"{function.__module__}.{function.__qualname__}"
        pdfs = worker_processes.in_pool([(path, job) for job in jobs], workers=workers)
    if progress is not None:
        pdfs = progress.iterate(pdfs, total=len(jobs), label=label)
    return joined(list(pdfs))


def joined(pdfs):
    """One PDF of the pages of `pdfs`, in order (the one PDF itself when there is one)."""
    from pypdf import PdfWriter

    if len(pdfs) == 1:
        return pdfs[0]
    writer = PdfWriter()
    for pdf in pdfs:
        writer.append(io.BytesIO(pdf))
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()
