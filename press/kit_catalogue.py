"""The press kit's catalogue: every exhibitor with a stand and its published exhibits in ONE PDF,
bookmarked by exhibitor and exhibit, so a newsroom gets one file to search, not thousands.

At the design scale (2,500 exhibitors, 15,000 exhibits) one fact sheet per exhibit took over half
an hour to render per language. The catalogue is set compactly instead (several exhibits to a
page; the photos, QR code and full layout stay in each fact sheet, rendered when it is asked for
at its own address), in parts of about twenty-five exhibitors. A part's file is named by the hash of
what it says, so a rebuild renders only the parts whose content changed, and the joined file is
named by its parts' names. Part boundaries depend on the exhibitors' slugs, not on positions, so
a new exhibitor changes the part it falls in (and the cover, which counts them) and no other.
"""

import hashlib
import json
import logging
import tempfile
from dataclasses import dataclass, field
from functools import cached_property

from django.core.files import File
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import translation
from django.utils.translation import gettext as _
from pypdf import PdfReader, PdfWriter

from common import workers as worker_processes
from common.pdf import render_pdf
from press.kit_catalogue_data import catalogue_groups

logger = logging.getLogger(__name__)
FOLDER = "press-kit/catalogue"
# Bump when templates/pdf/kit_catalogue.html or press/pdf/catalogue.css changes: every part is set again.
CATALOGUE_VERSION = "1"
# A part ends after an exhibitor whose slug's hash says so (one in PART_SPREAD), and never later than
# PART_MAX: whether it ends depends on that exhibitor alone, not on the ones before it.
PART_SPREAD, PART_MAX = 25, 100


@dataclass
class Part:
    """A run of exhibitors (or the cover) as plain data: hashed, and handed to a worker as is."""

    edition: str
    language: str
    data: dict = field(default_factory=dict)

    @cached_property  # a part is read whole once, then named several times by the build
    def fingerprint(self):
        payload = json.dumps([CATALOGUE_VERSION, self.language, self.data], sort_keys=True)
        return hashlib.sha256(payload.encode()).hexdigest()[:20]

    @property
    def folder(self):
        return f"{FOLDER}/parts/{self.edition}/{self.language}"

    @property
    def storage_name(self):
        return f"{self.folder}/{self.fingerprint}.pdf"


def _ends_part(slug, size):
    return size >= PART_MAX or int(hashlib.sha256(slug.encode()).hexdigest()[:8], 16) % PART_SPREAD == 0


def catalogue_parts(edition, language, *, base_url=None):
    """The catalogue of `edition` in `language` as parts: the cover, then runs of exhibitors."""
    parts, run, exhibits = [], [], 0
    for slug, exhibitor in catalogue_groups(edition, language, base_url=base_url):
        run.append(exhibitor)
        exhibits += len(exhibitor["items"])
        if _ends_part(slug, len(run)):
            parts.append(Part(edition.slug, language, {"exhibitors": run}))
            run = []
    if run:
        parts.append(Part(edition.slug, language, {"exhibitors": run}))
    with translation.override(language):
        title = _("Catalogue of exhibitors and exhibits · %(edition)s") % {"edition": edition.acronym}
    cover = {
        "edition": edition.name,
        "exhibitors": sum(len(part.data["exhibitors"]) for part in parts),
        "exhibits": exhibits,
        "is_demo": edition.is_demo,
    }
    return [Part(edition.slug, language, {"title": title, "cover": cover, "exhibitors": []}), *parts]


def render_part(part):
    """PDF bytes of `part` (no database access: safe in a worker process)."""
    with translation.override(part.language):
        return render_pdf("pdf/kit_catalogue.html", {"part": part.data})


def render_job(job):
    edition, language, data = job
    return render_part(Part(edition, language, data))


def store_parts(parts, *, workers=1, progress=None):
    """Render and store the parts not stored yet (in `workers` processes); returns their names.

    The names are the build's render log: the kit keeps them, and the tests read them.
    """
    unique = {part.storage_name: part for part in parts}  # two parts saying the same are one file
    missing = [part for name, part in unique.items() if not default_storage.exists(name)]
    say = progress or (lambda done, total: None)
    say(0, len(missing))
    if workers > 1 and len(missing) > 1:
        jobs = [(f"{__name__}.render_job", (p.edition, p.language, p.data)) for p in missing]
        rendered = worker_processes.in_pool(jobs, workers=min(workers, len(missing)))
    else:
        rendered = (render_part(part) for part in missing)
    for done, (part, pdf) in enumerate(zip(missing, rendered, strict=True), 1):
        if not default_storage.exists(part.storage_name):
            default_storage.save(part.storage_name, ContentFile(pdf))
        say(done, len(missing))
    return [part.storage_name for part in missing]


def catalogue_name(edition, language, parts):
    digest = hashlib.sha256("|".join(part.storage_name for part in parts).encode()).hexdigest()[:16]
    return f"{FOLDER}/{edition.slug}-catalogue-{language}-{digest}.pdf"


def stored_catalogue(edition, language, parts):
    """The storage name of the catalogue joining `parts` (stored already: `store_parts`), joined
    now only if these parts never were; the files of older versions are deleted."""
    name = catalogue_name(edition, language, parts)
    if default_storage.exists(name):
        return name
    writer = PdfWriter()
    for part in parts:
        with default_storage.open(part.storage_name) as handle:
            # Each part's headings are its bookmarks (exhibitor, then its exhibits): kept in the join.
            writer.append(PdfReader(handle), import_outline=True)
    writer.add_metadata({"/Title": parts[0].data.get("title", "")})
    with tempfile.TemporaryFile() as temporary:
        writer.write(temporary)
        temporary.seek(0)
        default_storage.save(name, File(temporary))
    _delete_other_versions(edition, language, name, parts)
    return name


def _delete_other_versions(edition, language, name, parts):
    """Older catalogues of this edition and language, and parts no catalogue holds any more."""
    prefix = f"{edition.slug}-catalogue-{language}-"
    for folder, keep, starts in (
        (FOLDER, {name}, prefix),
        (parts[0].folder, {part.storage_name for part in parts}, ""),
    ):
        try:
            _folders, files = default_storage.listdir(folder)
        except FileNotFoundError:
            continue
        for file in files:
            path = f"{folder}/{file}"
            if file.startswith(starts) and file.endswith(".pdf") and path not in keep:
                default_storage.delete(path)
