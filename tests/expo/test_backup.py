"""Backup and restore: a real dump restored into a scratch database gives identical row counts."""

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

from common.backup import table_counts

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.django_db(transaction=True)
def test_backup_restores_into_a_scratch_database_with_identical_counts(tmp_path, scratch_database, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    call_command("load_demo", stdout=StringIO())
    default_storage.save("logos/đường-băng.png", ContentFile(b"\x89PNG fake logo bytes"))
    archive = tmp_path / "backup.tar.gz"
    out = StringIO()
    call_command("backup", output=str(archive), stdout=out)
    assert "Backup written" in out.getvalue()
    assert oct(archive.stat().st_mode & 0o777) == "0o600"  # it holds personal data
    with tarfile.open(archive) as tar:
        manifest = json.load(tar.extractfile("manifest.json"))
        assert "media/logos/đường-băng.png" in tar.getnames()
    assert manifest["tables"] == table_counts()
    assert manifest["tables"]["expo_venue"] == 16  # eight venues in each of the demo's two editions

    restored_media = tmp_path / "restored-media"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))}
    env.update(
        DJANGO_DEBUG="1",
        DJANGO_SETTINGS_MODULE="config.settings",
        DATABASE_URL=scratch_database,
        DJANGO_MEDIA_ROOT=str(restored_media),
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "restore", str(archive), "--no-input"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "every table's row count and every file's digest matches the backup" in result.stdout
    assert (restored_media / "logos/đường-băng.png").read_bytes() == b"\x89PNG fake logo bytes"


@pytest.mark.django_db(transaction=True)
def test_restore_refuses_a_damaged_archive(tmp_path):
    broken = tmp_path / "broken.tar.gz"
    broken.write_bytes(b"not an archive at all")
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="Restore failed"):
        call_command("restore", str(broken), no_input=True, stdout=StringIO())
