"""The press kit: one zip per language with an index, the expo fact sheet, the catalogue of
every exhibitor and exhibit as one PDF, every published release typeset as PDF, its photos and
the exhibitors' logos at full size (captions and credits in the index). See press/kit_files.py.

Built ahead of time (`manage.py build_press_kit`) and again whenever it is stale, so a
download never waits for a build: the view serves the last built zip at once and, if the
content changed since, queues a rebuild on the task queue (one at a time, guarded by a lock in
the shared cache). A build renders only what changed (press/kit_catalogue.py), in parallel,
and reports how far along it is on the admin dashboard (press/kit_progress.py).
"""

import datetime
import hashlib
import json
import logging
import os
import tempfile
import zipfile
from dataclasses import dataclass

from django.core.cache import cache
from django.core.files import File
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone

from common import kit_documents
from common.cache import bump_content_version, content_version
from expo.models import Edition
from press import kit_catalogue, kit_contents, kit_files
from press.factsheets import expo_sheet, stored_sheet
from press.kit_progress import Reporter
from press.models import PressRelease

logger = logging.getLogger(__name__)
FOLDER = "press-kit"
LOCK_SECONDS = 30 * 60
QUEUED_SECONDS = 10 * 60
# Raise when what the kit holds or how its index looks changes: every kit is built again.
KIT_LAYOUT_VERSION = "2"


@dataclass
class KitResult:
    name: str
    files: int
    rendered: int
    reused: int
    unchanged: bool


def _meta_name(language):
    return f"{FOLDER}/{language}.json"


def current_kit(language):
    """{"name", "fingerprint", "built_at", "files"} of the last built kit, or None."""
    try:
        with default_storage.open(_meta_name(language)) as handle:
            meta = json.loads(handle.read())
    except (FileNotFoundError, ValueError):
        return None
    return meta if default_storage.exists(meta.get("name", "")) else None


def build_kit(language, *, workers=None, progress=None):
    """Build (or confirm) the kit in `language`; returns a KitResult. Plain function for benchmarks.

    Runs outside any request (command, background thread), so it asks for the current edition itself.
    Only what changed since the last build is rendered: the catalogue's parts, the expo sheet and
    the releases are stored by the hash of what they say. What this build rendered is kept in the
    kit's record ("rendered"), the build's render log.
    """
    edition = Edition.objects.current()
    if edition is None:
        raise LookupError("No current edition: mark one edition as current first.")
    say = progress or (lambda message: None)
    with Reporter(language, say) as report:  # the dashboard's line goes when the build ends, or fails
        return _build_kit(edition, language, workers=workers, say=say, report=report)


def _build_kit(edition, language, *, workers, say, report):
    report("reading")
    parts = kit_catalogue.catalogue_parts(edition, language)
    say(f"{language}: {len(parts)} catalogue parts")
    rendered = kit_catalogue.store_parts(
        parts, workers=workers or os.cpu_count() or 1, progress=_progress_line(report, language)
    )
    report("joining")
    catalogue = kit_catalogue.stored_catalogue(edition, language, parts)
    sheet = expo_sheet(edition, language)
    rendered += [] if default_storage.exists(sheet.storage_name) else [stored_sheet(sheet)]
    report("documents")
    releases = kit_contents.release_entries(edition, language)
    for entry in releases:
        if not default_storage.exists(entry["storage_name"]):
            rendered.append(kit_contents.stored_release_pdf(entry))
    logos = kit_contents.logo_entries(edition)
    documents = kit_documents.documents(edition, language)
    say(f"{language}: {len(releases)} releases, {sum(len(r['photos']) for r in releases)} photos, {len(logos)} logos")
    reused = len(parts) + 1 + len(releases) - len(rendered)
    fingerprint = hashlib.sha256(
        json.dumps(
            [
                KIT_LAYOUT_VERSION,
                [sheet.storage_name, catalogue],
                [[r["storage_name"], r["updated_at"].isoformat()] for r in releases],
                [logo["storage_name"] for logo in logos],
                [[d.path, d.version] for d in documents],
                [edition.acronym, edition.name_vi, edition.name_en, edition.key_visual.name or ""],
            ],
            sort_keys=True,
        ).encode()
    ).hexdigest()[:16]
    previous = current_kit(language)
    if previous and previous["fingerprint"] == fingerprint and "releases" in previous:
        return KitResult(previous["name"], previous.get("files", 0), len(rendered), reused, unchanged=True)
    report("zip")
    built_at = timezone.now()
    contents = kit_files.kit_files(
        edition=edition,
        language=language,
        expo_sheet=sheet,
        sheet_path=sheet.filename,
        catalogue=catalogue,
        releases=releases,
        logos=logos,
        documents=documents,
        built_at=built_at,
    )
    name, files = _write_zip(edition, language, contents, built_at, fingerprint)
    meta = {
        "name": name,
        "fingerprint": fingerprint,
        "built_at": built_at.isoformat(),
        "files": files,
        "size": default_storage.size(name),
        # Checked before every download (`holds_withdrawn_release`).
        "releases": [entry["pk"] for entry in releases],
        # The render log: the stored files this build rendered (the rest were reused).
        "rendered": rendered,
    }
    if default_storage.exists(_meta_name(language)):
        default_storage.delete(_meta_name(language))
    default_storage.save(_meta_name(language), ContentFile(json.dumps(meta).encode()))
    if previous and previous["name"] != name:
        default_storage.delete(previous["name"])
    if previous is None:
        # The press centre's kit link stops saying "being prepared": cached pages go stale.
        bump_content_version(areas=())  # the site's pages only: no catalogue row changed
    return KitResult(name, files, len(rendered), reused, unchanged=False)


def _write_zip(edition, language, contents, built_at, fingerprint):
    """The kit's zip in storage (its name, and how many files it holds)."""
    thumbs = kit_files.thumbnails(contents, built_at)
    index = kit_contents.index_html(edition=edition, language=language, files=contents, built_at=built_at)
    name = f"{FOLDER}/{edition.slug}-press-kit-{language}-{fingerprint}.zip"
    with tempfile.TemporaryFile() as temporary:
        # PDFs and photos are compressed already: stored as they are, which keeps the build I/O-bound.
        with zipfile.ZipFile(temporary, "w", compression=zipfile.ZIP_STORED) as archive:
            archive.writestr(_entry("index.html", _local(built_at, edition), zipfile.ZIP_DEFLATED), index)
            for item in [*contents, *thumbs]:
                item.write_into(archive, _entry(item.path, _local(item.moment, edition)))
        temporary.seek(0)
        if not default_storage.exists(name):
            default_storage.save(name, File(temporary))
    return name, len(contents) + len(thumbs) + 1


def _entry(path, moment, compression=zipfile.ZIP_STORED):
    """A zip entry dated when its file was made (venue's local time, as zip dates have no zone),
    readable by everyone on extraction (rw-r--r--), not the 1980 date and 0600 of writestr()."""
    info = zipfile.ZipInfo(path, date_time=moment.timetuple()[:6])
    info.external_attr = 0o100644 << 16
    info.compress_type = compression
    return info


def _local(moment, edition):
    return timezone.localtime(moment, edition.tz)


def render_missing_parts(languages, *, workers=None, progress=None):
    """Render the missing catalogue parts of the kits in every one of `languages` in one pool.

    Called before building several kits at once (the demo, a full rebuild): one pool start-up
    instead of one per language, and no idle worker while the last parts of one language finish.
    The kits built next find every part stored. Returns the number rendered.
    """
    edition = Edition.objects.current()
    say = progress or (lambda message: None)
    parts = [part for language in languages for part in kit_catalogue.catalogue_parts(edition, language)]
    label = "+".join(languages)
    say(f"{label}: {len(parts)} catalogue parts")
    with Reporter(label, say) as report:
        rendered = kit_catalogue.store_parts(
            parts, workers=workers or os.cpu_count() or 1, progress=_progress_line(report, label)
        )
    return len(rendered)


def build_all(languages, *, workers=None, progress=None):
    """Build the kits in every one of `languages` (the demo's, on the task queue); returns a summary."""
    rendered = render_missing_parts(languages, workers=workers, progress=progress)
    results = [(language, build_kit(language, workers=workers, progress=progress)) for language in languages]
    for language, _result in results:
        cache.set(_checked_key(language), _freshness_stamp(), timeout=None)
    files = ", ".join(f"{language}: {result.files} files" for language, result in results)
    return f"press kit {files} ({rendered} catalogue parts rendered)"


def _progress_line(report, label):
    def rendered_so_far(done, total):
        report("rendering", done, total)
        # A line at each tenth: a long build never looks hung and never floods a log.
        if total and (done == total or done % max(total // 10, 1) == 0):
            report.say(f"{label}: rendered {done}/{total} missing catalogue parts")

    return rendered_so_far


def holds_withdrawn_release(meta):
    """Does the built kit hold a release that is no longer published (put back under embargo, deleted)?

    Such a kit is never served, not even for the seconds its rebuild takes: the view answers
    "being prepared" instead. A kit built before this record existed counts as unsafe.
    """
    included = meta.get("releases")
    if included is None:
        return True
    return PressRelease.objects.published().filter(pk__in=included).count() != len(set(included))


def _freshness_stamp():
    """Changes whenever the kit may be stale: any content write, or an embargo that lifted."""
    latest = PressRelease.objects.published().order_by("-publish_at").values_list("publish_at", flat=True).first()
    return f"{content_version()}:{latest.isoformat() if latest else ''}"


def refresh_if_stale(language, *, background=True):
    """Queue a rebuild if the content changed since the kit was last checked; never two at once.

    The rebuild runs on the task queue (press.tasks.rebuild_press_kit): in a worker in
    production, inline in the demo and tests. `background=False` builds in this process.
    """
    if not Edition.objects.filter(is_current=True).exists():
        return False
    if cache.get(_checked_key(language)) == _freshness_stamp() and current_kit(language):
        return False
    # One queued rebuild per language at a time, however many downloads ask meanwhile.
    if not cache.add(_queued_key(language), 1, timeout=QUEUED_SECONDS):
        return False
    if background:
        from press.tasks import queue_kit_task, rebuild_press_kit

        queue_kit_task(rebuild_press_kit, language)
    else:
        rebuild(language)
    return True


def rebuild(language):
    """Build the kit in `language` unless another process is building it; True if it built."""
    lock_key = f"press-kit:building:{language}"
    if not cache.add(lock_key, 1, timeout=LOCK_SECONDS):
        return False
    try:
        build_kit(language)
        cache.set(_checked_key(language), _freshness_stamp(), timeout=None)
        return True
    except Exception:
        logger.exception("Building the %s press kit failed", language)
        return False
    finally:
        cache.delete(lock_key)
        cache.delete(_queued_key(language))


def _checked_key(language):
    return f"press-kit:checked:{language}"


def _queued_key(language):
    return f"press-kit:queued:{language}"


def built_at(meta):
    return datetime.datetime.fromisoformat(meta["built_at"])


def size(meta):
    """The built zip's size in bytes (kits built before the size was recorded: asked of the storage)."""
    return meta.get("size") or default_storage.size(meta["name"])


def download_name(language, edition):
    slug = edition.slug if edition else "expo"
    return f"{slug}-press-kit-{language}.zip"
