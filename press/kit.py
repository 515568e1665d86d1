"""The press kit: one zip per language with an index, the expo, exhibitor and exhibit fact
sheets, every published release typeset as PDF, its photos and the exhibitors' logos at full
size (captions and credits in the index). See press/kit_contents.py.

Built ahead of time (`manage.py build_press_kit`) and again whenever it is stale, so a
download never waits for 2,500 renders: the view serves the last built zip at once and, if
the content changed since, queues a rebuild on the task queue (one at a time, guarded by a
lock in the shared cache). A build reuses every stored fact sheet and renders only the
missing ones, in parallel.
"""

import datetime
import hashlib
import json
import logging
import shutil
import tempfile
import zipfile
from dataclasses import dataclass

from django.core.cache import cache
from django.core.files import File
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone

from common.cache import bump_content_version, content_version
from expo.models import Edition
from press import kit_contents
from press.factsheets import exhibit_sheets, exhibitor_sheets, expo_sheet, store_many
from press.models import PressRelease

logger = logging.getLogger(__name__)
FOLDER = "press-kit"
LOCK_SECONDS = 30 * 60
QUEUED_SECONDS = 10 * 60


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
    """
    edition = Edition.objects.current()
    if edition is None:
        raise LookupError("No current edition: mark one edition as current first.")
    say = progress or (lambda message: None)
    sheets = kit_sheets(edition, language)
    say(f"{language}: {len(sheets)} fact sheets")
    reused, rendered = store_many(sheets, workers=workers, progress=_progress_line(say, language))
    releases = kit_contents.release_entries(edition, language)
    for entry in releases:
        kit_contents.stored_release_pdf(entry)
    logos = kit_contents.logo_entries(edition)
    say(f"{language}: {len(releases)} releases, {sum(len(r['photos']) for r in releases)} photos, {len(logos)} logos")
    fingerprint = hashlib.sha256(
        json.dumps(
            [[s.storage_name for s in sheets], [r["storage_name"] for r in releases], logos], sort_keys=True
        ).encode()
    ).hexdigest()[:16]
    previous = current_kit(language)
    copies = [(sheet.storage_name, _sheet_path(sheet)) for sheet in sheets]
    copies += [(entry["storage_name"], entry["path"]) for entry in releases]
    copies += [(photo["storage_name"], photo["path"]) for entry in releases for photo in entry["photos"]]
    copies += [(logo["storage_name"], logo["path"]) for logo in logos]
    files = len(copies) + 1
    if previous and previous["fingerprint"] == fingerprint and "releases" in previous:
        return KitResult(previous["name"], files, rendered, reused, unchanged=True)

    index = kit_contents.index_html(
        edition=edition,
        language=language,
        sheets=[(_sheet_path(sheet), sheet.data.get("name", "")) for sheet in sheets],
        releases=releases,
        logos=logos,
        built_at=timezone.now(),
    )
    name = f"{FOLDER}/{edition.slug}-press-kit-{language}-{fingerprint}.zip"
    with tempfile.TemporaryFile() as temporary:
        # PDFs and photos are compressed already: stored as they are, which keeps the build I/O-bound.
        with zipfile.ZipFile(temporary, "w", compression=zipfile.ZIP_STORED) as archive:
            archive.writestr("index.html", index, compress_type=zipfile.ZIP_DEFLATED)
            for source_name, path in copies:
                with default_storage.open(source_name) as source, archive.open(path, "w") as target:
                    shutil.copyfileobj(source, target)
        temporary.seek(0)
        if not default_storage.exists(name):
            default_storage.save(name, File(temporary))
    meta = {
        "name": name,
        "fingerprint": fingerprint,
        "built_at": timezone.now().isoformat(),
        "files": files,
        # Checked before every download (`holds_withdrawn_release`).
        "releases": [entry["pk"] for entry in releases],
    }
    if default_storage.exists(_meta_name(language)):
        default_storage.delete(_meta_name(language))
    default_storage.save(_meta_name(language), ContentFile(json.dumps(meta).encode()))
    if previous and previous["name"] != name:
        default_storage.delete(previous["name"])
    if previous is None:
        # The press centre's kit link stops saying "being prepared": cached pages go stale.
        bump_content_version(areas=())  # the site's pages only: no catalogue row changed
    return KitResult(name, files, rendered, reused, unchanged=False)


def kit_sheets(edition, language):
    """The fact sheets a kit holds: the expo's, every exhibitor's with a stand, their exhibits'."""
    return [expo_sheet(edition, language), *exhibitor_sheets(edition, language), *exhibit_sheets(edition, language)]


def render_missing_sheets(languages, *, workers=None, progress=None):
    """Render the missing sheets of the kits in every one of `languages` in one pool of workers.

    Called before building several kits at once (the demo): one pool start-up instead of one per
    language, and no idle worker while the last sheets of one language finish. The kits built
    next find every sheet stored. Returns the number rendered.
    """
    edition = Edition.objects.current()
    say = progress or (lambda message: None)
    sheets = [sheet for language in languages for sheet in kit_sheets(edition, language)]
    label = "+".join(languages)
    say(f"{label}: {len(sheets)} fact sheets")
    _reused, rendered = store_many(sheets, workers=workers, progress=_progress_line(say, label))
    return rendered


def build_all(languages, *, progress=None):
    """Build the kits in every one of `languages` (the demo's, on the task queue); returns a summary."""
    rendered = render_missing_sheets(languages, progress=progress)
    results = [(language, build_kit(language, progress=progress)) for language in languages]
    for language, _result in results:
        cache.set(_checked_key(language), _freshness_stamp(), timeout=None)
    files = ", ".join(f"{language}: {result.files} files" for language, result in results)
    return f"press kit {files} ({rendered} fact sheets rendered)"


def _progress_line(say, label):
    def rendered_so_far(done, total):
        # A line at each tenth: a long build never looks hung and never floods a log.
        if total and (done == total or done % max(total // 10, 1) == 0):
            say(f"{label}: rendered {done}/{total} missing sheets")

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


def _sheet_path(sheet):
    folder = {"expo": "", "exhibitor": "exhibitors/", "exhibit": "exhibits/"}[sheet.kind]
    return f"{folder}{sheet.filename}"


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


def download_name(language, edition):
    slug = edition.slug if edition else "expo"
    return f"{slug}-press-kit-{language}.zip"
