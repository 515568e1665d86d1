"""The press kit: contents per language, reuse of stored sheets, rebuild when stale, the command."""

import datetime
import io
import logging
import zipfile

import pytest
import time_machine
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.utils import timezone
from PIL import Image

from expo.models import Edition
from press import kit
from press.models import PressRelease, ReleasePhoto
from tests.factories import make_release
from tests.helpers import DATABASE_QUEUE, body, pdf_text, png_bytes, run_queued_tasks


@pytest.fixture
def releases(edition):
    make_release(
        edition,
        "khai-mac",
        hours=-3,
        title_vi="Khai mạc Triển lãm",
        title_en="The expo opens",
        body_vi="<p>Triển lãm <strong>khai mạc</strong> tại Sân bay Gia Lâm.</p>",
    )
    make_release(edition, "chua-cong-bo", hours=5, title_vi="Chưa công bố", title_en="Not yet")


def open_kit(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    return response, zipfile.ZipFile(io.BytesIO(body(response)))


def _published_exhibits(language):
    from exhibitors.models import Product

    return {
        f"exhibits/{slug}-{language}-factsheet.pdf"
        for slug in Product.objects.published().values_list("slug", flat=True)
    }


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")  # an image handle WeasyPrint leaves open
def test_kit_holds_index_sheets_release_pdfs_photos_and_logos(client, catalogue, releases):
    release = PressRelease.objects.get(slug="khai-mac")
    default_storage.save("press/photos/khai-mac.png", ContentFile(png_bytes(size=(900, 600))))
    # Stored as the admin would have stored it (bulk_create: the file is in place already).
    ReleasePhoto.objects.bulk_create(
        [
            ReleasePhoto(
                release=release,
                image="press/photos/khai-mac.png",
                image_width=900,
                image_height=600,
                caption_vi="Lễ khai mạc tại Sân bay Gia Lâm",
                caption_en="The opening at Gia Lam",
                credit="Ảnh: TTXVN",
            )
        ]
    )
    response, archive = open_kit(client, "/vi/press/kit.zip")
    assert response["Content-Disposition"] == 'attachment; filename="vide-2024-press-kit-vi.zip"'
    names = set(archive.namelist())
    local_day = timezone.localtime(release.publish_at).date().isoformat()
    expected = {
        "index.html",
        "logo-vide-2024.svg",
        "logo-vide-2024.png",
        "vide-2024-vi-factsheet.pdf",
        # Every exhibitor's and exhibit's sheet in one file, not one file each.
        "catalogue-vide-2024-vi.pdf",
        f"releases/{local_day}-khai-mac-vi.pdf",  # the embargoed release is not in it
        f"releases/{local_day}-khai-mac-vi.txt",
        f"photos/{local_day}-khai-mac-1.png",
        f"thumbs/{local_day}-khai-mac-1.png.jpg",
    }
    # The edition is over (the test edition is of 2024): a briefing of results for each of its days.
    briefings = {n for n in names if n.startswith("briefings/")}
    assert briefings == {f"briefings/results-2024-12-{day}-vi.pdf" for day in (19, 20, 21, 22)}
    assert names - {n for n in names if n.startswith("logos/")} - briefings == expected
    assert not any(name.startswith(("exhibitors/", "exhibits/")) for name in names)
    # The release is typeset with its structure: title, date in local time, bold text, photo caption.
    text = pdf_text(archive.read(f"releases/{local_day}-khai-mac-vi.pdf"))
    assert "Khai mạc Triển lãm" in text and "Triển lãm khai mạc tại Sân bay Gia Lâm." in text
    assert "(UTC+7)" in text and "Lễ khai mạc tại Sân bay Gia Lâm · Ảnh: TTXVN" in text
    assert "Triển lãm khai mạc tại Sân bay Gia Lâm." in archive.read(f"releases/{local_day}-khai-mac-vi.txt").decode()
    # The photo at full size, its caption and credit in both languages inside the file (XMP).
    photo = Image.open(io.BytesIO(archive.read(f"photos/{local_day}-khai-mac-1.png")))
    assert photo.size == (900, 600)
    xmp = photo.info["XML:com.adobe.xmp"]
    assert "Lễ khai mạc tại Sân bay Gia Lâm" in xmp and "The opening at Gia Lam" in xmp and "Ảnh: TTXVN" in xmp
    index = archive.read("index.html").decode()
    assert "Lễ khai mạc tại Sân bay Gia Lâm" in index and "Ảnh: TTXVN" in index and "900×600 px" in index
    assert f'src="thumbs/{local_day}-khai-mac-1.png.jpg"' in index and "<style>" in index
    assert "Thông cáo báo chí" in index and "Press releases" in index  # headings in both languages
    catalogue = pdf_text(archive.read("catalogue-vide-2024-vi.pdf"))
    assert "Công ty Cơ khí Sông Hồng" in catalogue and "Gian hàng A-01 · Nhà A" in catalogue
    assert "Triển lãm Quốc phòng quốc tế Việt Nam 2024" in pdf_text(archive.read("vide-2024-vi-factsheet.pdf"))
    # True dates and ordinary modes: never 1980-01-01, never 0600.
    for info in archive.infolist():
        assert info.date_time[0] >= 2024, info.filename
        assert (info.external_attr >> 16) & 0o777 == 0o644, info.filename
    release_entry = archive.getinfo(f"releases/{local_day}-khai-mac-vi.pdf")
    changed = timezone.localtime(release.updated_at)
    assert release_entry.date_time[:5] == changed.timetuple()[:5]


def test_english_kit_is_in_english(client, catalogue, releases):
    _, archive = open_kit(client, "/en/press/kit.zip")
    text = pdf_text(archive.read("catalogue-vide-2024-en.pdf"))
    assert "Stand A-01 · Hall A" in text and "SH-1 submarine" in text
    release = next(n for n in archive.namelist() if n.startswith("releases/") and n.endswith(".pdf"))
    assert release.endswith("-khai-mac-en.pdf") and "The expo opens" in pdf_text(archive.read(release))


def test_first_download_after_the_demo_loader_is_the_kit_not_a_wait(client, catalogue, releases, settings, caplog):
    settings.PRESS_KIT_ON_DEMO = True
    from press.demo import build_kits

    # The test settings' queue is inline: the queued build runs at once.
    with caplog.at_level(logging.INFO, logger="press.tasks"):
        summary = build_kits(edition=Edition.objects.current(), progress=None)
    lines = [record.getMessage() for record in caplog.records]
    # The catalogue in parts (its cover and one run of exhibitors per language), not a sheet per exhibit.
    assert summary == "press kit vi: 11 files, en: 11 files (4 catalogue parts rendered)"
    assert any(line.startswith("vi: 1 releases") for line in lines)
    assert any(line.startswith("en: 1 releases") for line in lines)
    # Both languages' parts rendered together, once; each kit then found all of them stored.
    assert "vi+en: rendered 4/4 missing catalogue parts" in lines
    assert not [line for line in lines if line.startswith(("vi: rendered", "en: rendered"))]
    _, archive = open_kit(client, "/en/press/kit.zip")  # the first request of the server
    assert "index.html" in archive.namelist()
    assert "SH-1 submarine" in pdf_text(archive.read("catalogue-vide-2024-en.pdf"))
    _, archive = open_kit(client, "/vi/press/kit.zip")
    assert "Tàu ngầm SH-1" in pdf_text(archive.read("catalogue-vide-2024-vi.pdf"))


def test_demo_queues_the_kits_for_the_worker_and_the_link_says_being_prepared_until_built(
    client, catalogue, releases, settings, monkeypatch
):
    from django_tasks_db.models import DBTaskResult

    from press.demo import build_kits

    settings.PRESS_KIT_ON_DEMO = True
    settings.TASKS = DATABASE_QUEUE
    summary = build_kits(edition=Edition.objects.current(), progress=None)
    assert summary == "press kits in both languages queued for the task worker"
    # On the kits' own queue, so e-mail on "default" never waits behind PDF rendering.
    assert list(DBTaskResult.objects.values_list("task_path", "queue_name")) == [
        ("press.tasks.build_press_kits", "kits")
    ]
    assert "being prepared: ready in a few minutes" in client.get("/en/press/").content.decode()
    assert "đang được chuẩn bị: sẵn sàng sau vài phút" in client.get("/vi/press/").content.decode()
    pending = client.get("/en/press/kit.zip")
    assert pending.status_code == 503 and "The press kit is being prepared." in pending.content.decode()

    # The demo's build waits 20 s for `make run`'s first pages (press.demo.KIT_WAIT_SECONDS).
    with time_machine.travel(timezone.now() + datetime.timedelta(seconds=21)):
        run_queued_tasks(monkeypatch)
    assert "being prepared" not in client.get("/en/press/").content.decode()
    assert "đang được chuẩn bị" not in client.get("/vi/press/").content.decode()
    _, archive = open_kit(client, "/en/press/kit.zip")
    assert "SH-1 submarine" in pdf_text(archive.read("catalogue-vide-2024-en.pdf"))


def test_kit_is_rebuilt_when_an_embargo_lifts_or_content_changes(
    client, catalogue, releases, django_capture_on_commit_callbacks
):
    _, first = open_kit(client, "/vi/press/kit.zip")
    # The embargo lifts with time (no write to the database).
    PressRelease.objects.filter(slug="chua-cong-bo").update(publish_at=timezone.now() - datetime.timedelta(seconds=1))
    _, second = open_kit(client, "/vi/press/kit.zip")
    assert len([n for n in second.namelist() if n.startswith("releases/") and n.endswith(".pdf")]) == 2
    exhibitor = catalogue["exhibitors"]["marine"]
    exhibitor.description_vi = "Nhà đóng tàu ngầm của Pháp."
    with django_capture_on_commit_callbacks(execute=True):  # the content version moves on commit
        exhibitor.save()
    _, third = open_kit(client, "/vi/press/kit.zip")
    assert "Nhà đóng tàu ngầm của Pháp." in pdf_text(third.read("catalogue-vide-2024-vi.pdf"))


def test_rebuild_renders_only_what_changed(catalogue, releases):
    # Rendered: the catalogue's cover and its one run of exhibitors, the expo sheet, the release.
    first = kit.build_kit("vi", workers=1)
    assert (first.rendered, first.reused, first.unchanged) == (4, 0, False)
    again = kit.build_kit("vi", workers=1)
    assert (again.rendered, again.reused, again.unchanged) == (0, 4, True)
    exhibitor = catalogue["exhibitors"]["duong"]
    exhibitor.website = "https://duonglam.example.vn"
    exhibitor.save()
    changed = kit.build_kit("vi", workers=1)
    assert (changed.rendered, changed.reused, changed.unchanged) == (1, 3, False)
    # The render log the kit keeps names the one part set again (tests/press/test_kit_incremental.py
    # checks it over many parts, by the files' modification times too).
    (part,) = kit.current_kit("vi")["rendered"]
    assert part.startswith("press-kit/catalogue/parts/vide-2024/vi/")


def test_build_press_kit_command_reports_progress_and_a_summary(catalogue, releases, capsys):
    call_command("build_press_kit", "--workers", "1")
    out = capsys.readouterr().out
    assert "vi: 2 catalogue parts" in out and "en: rendered 2/2 missing catalogue parts" in out
    assert "Press kits built in" in out
    assert "vi: 11 files (4 rendered, 0 reused, rebuilt); en: 11 files (4 rendered, 0 reused, rebuilt)" in out


def test_kit_without_edition_is_a_clear_page(client, db):
    response = client.get("/en/press/kit.zip")
    assert response.status_code == 503
    assert "The press kit is being prepared." in response.content.decode()


def test_benchmark_functions_render_cold_then_serve_warm(catalogue):
    from bench import press_jobs

    name = press_jobs.exhibitor_sheet_cold("song-hong", "vi")
    assert name.startswith("factsheets/exhibitor/song-hong/song-hong-vi-")
    warm = press_jobs.exhibitor_sheet_warm("song-hong", "vi")
    assert "Công ty Cơ khí Sông Hồng" in pdf_text(warm)
    assert press_jobs.press_kit("en", workers=1).files == 9  # index, expo, 3 exhibitor and 4 exhibit sheets


def test_on_the_database_queue_the_kit_is_built_by_the_worker_not_the_request(
    client, catalogue, releases, settings, monkeypatch
):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = DATABASE_QUEUE
    pending = client.get("/vi/press/kit.zip")
    assert pending.status_code == 503 and pending["Retry-After"] == "120"
    client.get("/vi/press/kit.zip")  # asked again meanwhile: still one rebuild queued
    assert list(DBTaskResult.objects.values_list("task_path", flat=True)) == ["press.tasks.rebuild_press_kit"]
    run_queued_tasks(monkeypatch)
    _, archive = open_kit(client, "/vi/press/kit.zip")
    assert "releases/" in " ".join(archive.namelist())
