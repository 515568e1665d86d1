"""Backup and restore of the database and media, with the engines' own tools.

A backup is one `.tar.gz` holding:
- `database.dump`: `pg_dump --format=custom` on PostgreSQL, SQLite's online backup otherwise;
- `media/`: every file of the media storage (local or S3);
- `manifest.json`: engine, time, and the row count of every table, checked after a restore.

It contains personal data (delegations, journalists): it is written with mode 0600 and must
be stored encrypted, like the database itself.
"""

import json
import os
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.core.files.base import File
from django.core.files.storage import default_storage
from django.db import connections
from django.utils import timezone


class BackupError(Exception):
    pass


def table_counts(alias="default"):
    """{table: rows} for every table Django knows about in this database."""
    connection = connections[alias]
    counts = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names(cursor)):
            # Table names come from the database itself and are quoted by the backend.
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")  # noqa: S608
            counts[table] = cursor.fetchone()[0]
    return counts


def _pg_env(settings_dict):
    env = {**os.environ}
    if settings_dict.get("PASSWORD"):
        env["PGPASSWORD"] = settings_dict["PASSWORD"]
    return env


def _pg_args(settings_dict):
    args = []
    for flag, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if settings_dict.get(key):
            args += [flag, str(settings_dict[key])]
    return args


def _run(command, env=None):
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()[:500]}")


def _walk_storage(storage, path=""):
    directories, files = storage.listdir(path)
    for name in files:
        yield f"{path}/{name}" if path else name
    for directory in directories:
        yield from _walk_storage(storage, f"{path}/{directory}" if path else directory)


def _dump_database(target, alias):
    connection = connections[alias]
    settings_dict = connection.settings_dict
    if connection.vendor == "postgresql":
        _run(
            ["pg_dump", "--format=custom", "--no-owner", "--no-privileges", "--file", str(target)]
            + _pg_args(settings_dict)
            + [settings_dict["NAME"]],
            env=_pg_env(settings_dict),
        )
    elif connection.vendor == "sqlite":
        connection.ensure_connection()
        destination = sqlite3.connect(target)
        with destination:
            connection.connection.backup(destination)
        destination.close()
    else:
        raise BackupError(f"Backups of {connection.vendor} databases are not supported.")
    return connection.vendor


def create_backup(output, *, alias="default", progress=None):
    """Write a backup archive to `output` (a path); returns the manifest."""
    output = Path(output)
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        vendor = _dump_database(work / "database.dump", alias)
        media = list(_walk_storage(default_storage)) if _storage_exists() else []
        manifest = {
            "format": 1,
            "engine": vendor,
            "created": timezone.now().isoformat(),
            "tables": table_counts(alias),
            "media_files": len(media),
        }
        (work / "manifest.json").write_text(json.dumps(manifest, indent=2), encoding="utf-8")
        fd = os.open(output, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as raw, tarfile.open(fileobj=raw, mode="w:gz") as archive:
            archive.add(work / "manifest.json", arcname="manifest.json")
            archive.add(work / "database.dump", arcname="database.dump")
            items = progress.iterate(media, total=len(media), label="media") if progress and media else media
            for name in items:
                with default_storage.open(name) as handle:
                    info = tarfile.TarInfo(f"media/{name}")
                    info.size = default_storage.size(name)
                    archive.addfile(info, handle)
    return manifest


def _storage_exists():
    try:
        default_storage.listdir("")
    except FileNotFoundError:
        return False
    return True


def restore_backup(archive_path, *, alias="default", progress=None):
    """Restore database and media from an archive; returns (manifest, counts after restore).

    The target database must be the same engine as the backup's. Existing tables are
    replaced; media files in the archive overwrite files of the same name.
    """
    connection = connections[alias]
    settings_dict = connection.settings_dict
    with tempfile.TemporaryDirectory() as work, tarfile.open(archive_path, mode="r:gz") as archive:
        work = Path(work)
        archive.extractall(work, filter="data")
        manifest = json.loads((work / "manifest.json").read_text(encoding="utf-8"))
        if manifest.get("engine") != connection.vendor:
            raise BackupError(
                f"This backup is of a {manifest.get('engine')} database; the target is {connection.vendor}."
            )
        dump = work / "database.dump"
        if connection.vendor == "postgresql":
            connection.close()
            _run(
                ["pg_restore", "--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction"]
                + _pg_args(settings_dict)
                + ["--dbname", settings_dict["NAME"], str(dump)],
                env=_pg_env(settings_dict),
            )
        else:
            connection.close()
            source = sqlite3.connect(dump)
            destination = sqlite3.connect(settings_dict["NAME"])
            with destination:
                source.backup(destination)
            source.close()
            destination.close()
        media_root = work / "media"
        files = [p for p in media_root.rglob("*") if p.is_file()] if media_root.exists() else []
        items = progress.iterate(files, total=len(files), label="media") if progress and files else files
        for path in items:
            name = path.relative_to(media_root).as_posix()
            if default_storage.exists(name):
                default_storage.delete(name)
            with path.open("rb") as handle:
                default_storage.save(name, File(handle))
    return manifest, table_counts(alias)
