"""What goes into the press kit's zip, file by file, each with the date its content was made.

A zip entry's date is the moment its content last changed (a release's last edit, a stored
sheet's rendering, a briefing's day), in the venue's local time since zip dates carry no zone;
every entry extracts readable by everyone (rw-r--r--).
"""

import os
import shutil
from dataclasses import dataclass, field

from django.core.files.storage import default_storage
from django.utils import timezone
from django.utils.translation import gettext as _

from common.sanitize import plain_text
from press import kit_brand, photo_files


@dataclass
class KitFile:
    path: str
    moment: object  # an aware datetime
    read: object  # () -> bytes
    title: str = ""
    section: str = ""
    thumb: str = ""  # path of its thumbnail in the zip, for the index
    extra: dict = field(default_factory=dict)
    stored: str = ""  # a stored file copied as it is (the catalogue: tens of MB, never read whole)

    def write_into(self, archive, info):
        if self.stored:
            with default_storage.open(self.stored) as source, archive.open(info, "w") as target:
                shutil.copyfileobj(source, target, 1 << 20)
        else:
            archive.writestr(info, self.read())


def stored_at(name):
    try:
        return default_storage.get_modified_time(name)
    except (NotImplementedError, OSError):
        return timezone.now()


def _stored(name):
    def read():
        with default_storage.open(name) as handle:
            return handle.read()

    return read


def _photo(name, text):
    def read():
        with default_storage.open(name) as handle:
            return photo_files.with_text(handle.read(), text)

    return read


def release_text(entry):
    data = entry["data"]
    parts = [data["embargo"], data["title"], data["date"], data["summary"], plain_text(data["body"]), data["url"]]
    return ("\n\n".join(part for part in parts if part).strip() + "\n").encode()


def kit_files(*, edition, language, expo_sheet, sheet_path, catalogue, releases, logos, documents, built_at):
    """Every file of the kit but its index, in the order the index lists them."""
    files = [
        KitFile(f"logo-{edition.slug}.svg", built_at, lambda: kit_brand.logo_svg(edition), _("Logo (SVG)"), "brand"),
        KitFile(f"logo-{edition.slug}.png", built_at, lambda: kit_brand.logo_png(edition), _("Logo (PNG)"), "brand"),
    ]
    visual = kit_brand.key_visual(edition)
    if visual:
        name, path = visual
        files.append(
            KitFile(
                path,
                stored_at(name),
                _stored(name),
                _("Key visual"),
                "brand",
                thumb=f"thumbs/{path}.jpg",
                extra={"source": name},
            )
        )
    files.append(
        KitFile(
            sheet_path,
            stored_at(expo_sheet.storage_name),
            _stored(expo_sheet.storage_name),
            _("Expo fact sheet"),
            "documents",
        )
    )
    for document in documents:
        data = document.data
        files.append(
            KitFile(
                document.path,
                document.modified,
                lambda data=data: data,
                document.title,
                document.section or "documents",
            )
        )
    files.append(
        KitFile(
            f"catalogue-{edition.slug}-{language}.pdf",
            stored_at(catalogue),
            _stored(catalogue),
            _("Catalogue: every exhibitor and exhibit, in one PDF"),
            "documents",
            stored=catalogue,
        )
    )
    for entry in releases:
        pdf, title = entry["storage_name"], entry["data"]["title"]
        files.append(
            KitFile(entry["path"], entry["updated_at"], _stored(pdf), title, "releases", extra={"entry": entry})
        )
        text = release_text(entry)
        files.append(
            KitFile(
                entry["path"].removesuffix(".pdf") + ".txt",
                entry["updated_at"],
                lambda text=text: text,
                title,
                "release-texts",
            )
        )
        for photo in entry["photos"]:
            name = photo["storage_name"]
            files.append(
                KitFile(
                    photo["path"],
                    stored_at(name),
                    _photo(name, photo["text"]),
                    photo["caption"],
                    "photos",
                    thumb=f"thumbs/{os.path.basename(photo['path'])}.jpg",
                    extra={"source": name, "photo": photo},
                )
            )
    for logo in logos:
        files.append(
            KitFile(
                logo["path"],
                stored_at(logo["storage_name"]),
                _stored(logo["storage_name"]),
                logo["caption"],
                "logos",
                extra={"logo": logo},
            )
        )
    return files


def thumbnails(files, built_at):
    """The index's thumbnails (small JPEGs), one per picture that has one."""
    return [
        KitFile(f.thumb, built_at, lambda name=f.extra["source"]: kit_brand.thumbnail(name), section="thumbs")
        for f in files
        if f.thumb
    ]
