"""Backup round trip with private files: journalists' photos come back, badges print, tampering fails loudly."""

import io
import json
import os
import subprocess
import sys
import tarfile
from io import StringIO
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.utils import timezone
from PIL import Image

from press.models import MediaAccreditation

ROOT = Path(__file__).resolve().parents[2]
JOURNALIST = "Nguyễn Thị Phương Thảo"


def _jpeg():
    buffer = io.BytesIO()
    Image.new("RGB", (300, 400), (120, 90, 60)).save(buffer, "JPEG")
    return buffer.getvalue()


@pytest.fixture
def site_with_private_files(settings, tmp_path, edition):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    accreditation = MediaAccreditation(
        edition=edition,
        name=JOURNALIST,
        outlet="Báo Quân đội nhân dân",
        country="VN",
        role=MediaAccreditation.Role.PHOTOGRAPHER,
        email="thao@qdnd.example.vn",
        phone="+84 912 345 678",
        press_card_number="BC-2024-0193",
        status=MediaAccreditation.Status.APPROVED,
        decided_at=timezone.now(),
    )
    accreditation.photo.save("thao.jpg", ContentFile(_jpeg()), save=False)
    accreditation.save()
    default_storage.save("catalogue/logos/đường-băng.png", ContentFile(b"\x89PNG logo"))
    return accreditation


def _restore(archive, database_url, tmp_path, name):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL", "EXPO_", "PRESS_"))}
    env.update(
        DJANGO_DEBUG="1",
        DJANGO_SETTINGS_MODULE="config.settings",
        DATABASE_URL=database_url,
        DJANGO_MEDIA_ROOT=str(tmp_path / f"{name}-media"),
        PRIVATE_MEDIA_ROOT=str(tmp_path / f"{name}-private"),
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "restore", str(archive), "--no-input"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    return result, env


def _rewrite(archive, target, *, change=None, drop=None):
    """A copy of `archive` with one member's bytes changed or one member left out (manifest untouched)."""
    with tarfile.open(archive) as source, tarfile.open(target, "w:gz") as copy:
        for member in source.getmembers():
            if member.name == drop:
                continue
            data = source.extractfile(member).read()
            if member.name == change:
                data = data[:-1] + bytes([data[-1] ^ 0xFF])
            member.size = len(data)
            copy.addfile(member, io.BytesIO(data))


@pytest.mark.django_db(transaction=True)
def test_round_trip_restores_private_photos_and_the_badge_prints(
    site_with_private_files,
    tmp_path,
    scratch_database,
):
    archive = tmp_path / "backup.tar.gz"
    call_command("backup", output=str(archive), stdout=StringIO())
    photo = site_with_private_files.photo.name
    with tarfile.open(archive) as tar:
        names = tar.getnames()
        manifest = json.load(tar.extractfile("manifest.json"))
    assert f"private/{photo}" in names
    assert "media/catalogue/logos/đường-băng.png" in names
    assert photo in manifest["files"]["private"]

    result, env = _restore(archive, scratch_database, tmp_path, "restored")
    assert result.returncode == 0, result.stderr
    assert "every file's digest matches the backup" in result.stdout
    assert (tmp_path / "restored-private" / photo).read_bytes() == _jpeg()

    # The restored site prints the badge: the photo is read from its private storage.
    badge = tmp_path / "badge.pdf"
    script = (
        "from press.models import MediaAccreditation as M; from press import services; "
        f"open({str(badge)!r}, 'wb').write(services.badges_pdf(accreditations=M.objects.all(), "
        "base_url='https://expo.example.vn'))"
    )
    printed = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", script], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert printed.returncode == 0, printed.stderr
    text = subprocess.run(["pdftotext", str(badge), "-"], capture_output=True, text=True).stdout
    assert "Phương Thảo" in " ".join(text.split()) or "PHƯƠNG THẢO" in " ".join(text.split())
    images = subprocess.run(["pdfimages", "-list", str(badge)], capture_output=True, text=True).stdout
    assert len(images.strip().splitlines()) >= 3  # header lines + the photo


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("damage", ["changed private photo", "missing media file"])
def test_restore_fails_loudly_when_files_do_not_match(
    site_with_private_files,
    tmp_path,
    scratch_database,
    damage,
):
    archive = tmp_path / "backup.tar.gz"
    call_command("backup", output=str(archive), stdout=StringIO())
    damaged = tmp_path / "damaged.tar.gz"
    if damage == "changed private photo":
        _rewrite(archive, damaged, change=f"private/{site_with_private_files.photo.name}")
        expected = "differs from the backup"
    else:
        _rewrite(archive, damaged, drop="media/catalogue/logos/đường-băng.png")
        expected = "media/catalogue/logos/đường-băng.png is missing"
    result, _env = _restore(damaged, scratch_database, tmp_path, "damaged")
    assert result.returncode != 0
    assert "Restore failed: The restore does not match the backup" in result.stderr
    assert expected in result.stderr
    assert "every file's digest matches" not in result.stdout
