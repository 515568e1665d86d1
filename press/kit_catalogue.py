"""Every exhibitor's and exhibit's fact sheet as ONE catalogue PDF for the press kit, with a
bookmark per exhibitor and exhibit: a newsroom gets one file to search, not thousands.

The sheets are the ones already stored for the site (press.factsheets); they are joined, never
rendered again. The joined file is kept in storage under the sheets' fingerprint.
"""

import hashlib
import tempfile

from django.core.files import File
from django.core.files.storage import default_storage
from pypdf import PdfReader, PdfWriter

FOLDER = "press-kit/catalogue"


def catalogue_name(edition, language, sheets):
    digest = hashlib.sha256("|".join(sheet.storage_name for sheet in sheets).encode()).hexdigest()[:16]
    return f"{FOLDER}/{edition.slug}-catalogue-{language}-{digest}.pdf"


def stored_catalogue(edition, language, sheets, *, headings):
    """The storage name of the catalogue joining `sheets` (the exhibitors', then the exhibits');
    `headings` names the two parts of its bookmarks ({"exhibitor": …, "exhibit": …})."""
    name = catalogue_name(edition, language, sheets)
    if default_storage.exists(name):
        return name
    writer = PdfWriter()
    parents = {}
    for sheet in sheets:
        with default_storage.open(sheet.storage_name) as handle:
            reader = PdfReader(handle)
            first = len(writer.pages)
            for page in reader.pages:
                writer.add_page(page)
        if sheet.kind not in parents:
            parents[sheet.kind] = writer.add_outline_item(title=headings[sheet.kind], page_number=first)
        writer.add_outline_item(
            title=sheet.data.get("name", "") or sheet.filename, page_number=first, parent=parents[sheet.kind]
        )
    writer.add_metadata({"/Title": f"{edition.acronym} catalogue ({language})"})
    with tempfile.TemporaryFile() as temporary:
        writer.write(temporary)
        temporary.seek(0)
        default_storage.save(name, File(temporary))
    return name
