"""What the press kit holds besides the fact sheets: releases typeset as PDF, their photos and
the exhibitors' logos at full size, and an index (with every caption and credit).

Dates are the venue's local time in one style (the language's DATETIME_FORMAT, zone named);
file names start with the local date, so a release dated 19 December at 08:00 in Hanoi is
`2024-12-19-…` whatever the server's clock says.
"""

import hashlib
import json
import os

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.formats import date_format, get_format
from django.utils.html import format_html
from django.utils.text import slugify

from common.dates import DAY, formatted
from common.formats import utc_label, zone_suffix
from common.pdf import render_pdf
from common.sanitize import clean_html
from exhibitors.models import Stand
from press.factsheets import site_url
from press.models import PressRelease

RELEASE_TEMPLATE_VERSION = "3"
FOLDER = "press-kit/releases"


def local_datetime(value, edition):
    """One style for every date in the kit: local time at the venue with its UTC offset, named once
    (the language's DATETIME_FORMAT names the settings' zone itself: that label is left out)."""
    local = timezone.localtime(value, edition.tz)
    pattern = get_format("DATETIME_FORMAT").removesuffix(zone_suffix())
    return f"{date_format(local, pattern)} ({utc_label(edition.tz, value)})"


def with_dateline(body, release, edition):
    """The body opening on its dateline ("Hà Nội, 19/12/2024 – Sáng nay, …"), as releases are printed.

    Besides the custom, this keeps WeasyPrint from leaving the first word alone on the first line
    (it does when that line must break inside an inline element such as a quoted <em> theme)."""
    day = formatted(release.publish_at, DAY, edition.tz)
    dateline = format_html("<strong>{}</strong> – ", f"{edition.city}, {day}" if edition.city else day)
    if body.startswith("<p>"):
        return f"<p>{dateline}{body.removeprefix('<p>')}"
    return f"<p>{dateline}</p>{body}"


def _photo_src(photo):
    fitting = [r for r in photo.image_renditions or () if r["width"] <= 1280]
    name = fitting[-1]["name"] if fitting and (photo.image_width or 0) > 1280 else photo.image.name
    return f"/media/{name}"


def release_entries(edition, language, *, base_url=None):
    """Every published release of `edition` in `language`: PDF data, names and photos."""
    entries = []
    releases = (
        PressRelease.objects.published().filter(edition=edition).prefetch_related("photos").order_by("publish_at", "pk")
    )
    with translation.override(language):
        for release in releases:
            day = timezone.localtime(release.publish_at, edition.tz).date().isoformat()
            stem = f"{day}-{slugify(release.slug) or release.pk}"
            photos = []
            for n, photo in enumerate(release.photos.all(), 1):
                extension = os.path.splitext(photo.image.name)[1].lower() or ".jpg"
                photos.append(
                    {
                        "storage_name": photo.image.name,
                        "path": f"photos/{stem}-{n}{extension}",
                        "src": _photo_src(photo),
                        "caption": photo.caption,
                        "credit": photo.credit,
                        "size": f"{photo.image_width}×{photo.image_height}",
                    }
                )
            # The release in the kit's language if it exists in it, else the original, saying so.
            version = release.version(language)
            data = {
                "title": version.title,
                "summary": version.summary,
                "body": with_dateline(clean_html(version.body), release, edition),
                "language": version.language,
                "original_only": version.is_original_only,
                "date": local_datetime(release.publish_at, edition),
                "edition": edition.acronym,
                "is_demo": edition.is_demo,
                "url": (base_url or site_url()) + release.get_absolute_url(),
                "photos": [{"src": p["src"], "caption": p["caption"], "credit": p["credit"]} for p in photos],
            }
            fingerprint = hashlib.sha256(
                json.dumps([RELEASE_TEMPLATE_VERSION, language, data], sort_keys=True).encode()
            ).hexdigest()[:16]
            entries.append(
                {
                    "pk": release.pk,
                    "data": data,
                    "language": language,
                    "storage_name": f"{FOLDER}/{release.slug}-{language}-{fingerprint}.pdf",
                    "path": f"releases/{stem}-{version.language}.pdf",
                    "photos": photos,
                }
            )
    return entries


def stored_release_pdf(entry):
    """The release's PDF in storage, typeset now only if this version never was."""
    name = entry["storage_name"]
    if not default_storage.exists(name):
        with translation.override(entry["language"]):
            pdf = render_pdf("pdf/release.html", {"release": entry["data"]})
        default_storage.save(name, ContentFile(pdf))
    return name


def logo_entries(edition):
    """Exhibitors with a stand and an uploaded logo: the original file, named by exhibitor."""
    stands = Stand.objects.filter(edition=edition).exclude(exhibitor__logo="").select_related("exhibitor")
    entries = []
    for stand in stands.order_by("exhibitor__slug"):
        exhibitor = stand.exhibitor
        extension = os.path.splitext(exhibitor.logo.name)[1].lower() or ".png"
        entries.append(
            {
                "storage_name": exhibitor.logo.name,
                "path": f"logos/{slugify(exhibitor.slug) or exhibitor.pk}{extension}",
                "caption": exhibitor.name,
                "credit": exhibitor.name,
                "size": f"{exhibitor.logo_width}×{exhibitor.logo_height}",
            }
        )
    return entries


def index_html(*, edition, language, sheets, releases, logos, built_at):
    with translation.override(language):
        return render_to_string(
            "press/kit_index.html",
            {
                "edition": edition,
                "sheets": sheets,
                "releases": releases,
                "logos": logos,
                "built_at": local_datetime(built_at, edition),
                "language": language,
            },
        )
