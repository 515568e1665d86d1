"""Backup and restore of the database and media, with the engines' own tools.

A backup is one `.tar.gz` holding:
- `database.dump`: `pg_dump --format=custom` on PostgreSQL, SQLite's online backup otherwise;
- `media/`: every file of the media storage (local or S3);
- `private/`: every file of the private storage (PRIVATE_MEDIA_ROOT: journalists' photos);
- `manifest.json`: engine, time, the row count of every table and the SHA-256 of every file.

A restore checks all of it afterwards: every table's row count, every file present in its
storage with the same digest. Any difference raises BackupError (the command exits non-zero,
naming what differs); nothing is reported as restored that was not.

A restore is a content change like any edit: once it is in place it bumps the content version
(common.cache), so every process serves the restored content on its next request: cached pages
and fragments, the stored programme PDF and press kit, and each process's in-process catalogue
index and search (exhibitors/catalogue/index.py), all kept per content version. The version lives in
the shared cache (Redis), so this reaches every worker; with the local-memory cache of
development each process has its own, and the site must be restarted after a restore.

It contains personal data (delegations, journalists): it is written with mode 0600 and must
be stored encrypted, like the database itself.
"""

import hashlib
import json
import os
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.files.base import File
from django.core.files.storage import FileSystemStorage, default_storage
from django.db import connections
from django.utils import timezone

from common.cache import bump_content_version


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


def storages():
    """{archive folder: storage} of every place files live: public media and private files."""
    return {"media": default_storage, "private": FileSystemStorage(location=settings.PRIVATE_MEDIA_ROOT)}


def _digest(handle):
    sha = hashlib.sha256()
    for chunk in iter(lambda: handle.read(1 << 20), b""):
        sha.update(chunk)
    return sha.hexdigest()


def _storage_files(storage):
    try:
        return sorted(_walk_storage(storage))
    except FileNotFoundError:
        return []


def create_backup(output, *, alias="default", progress=None):
    """Write a backup archive to `output` (a path); returns the manifest."""
    output = Path(output)
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        vendor = _dump_database(work / "database.dump", alias)
        places = {folder: (storage, _storage_files(storage)) for folder, storage in storages().items()}
        manifest = {
            "format": 2,
            "engine": vendor,
            "created": timezone.now().isoformat(),
            "tables": table_counts(alias),
            "media_files": len(places["media"][1]),
            "files": {folder: {} for folder in places},
        }
        fd = os.open(output, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as raw, tarfile.open(fileobj=raw, mode="w:gz") as archive:
            archive.add(work / "database.dump", arcname="database.dump")
            for folder, (storage, names) in places.items():
                items = progress.iterate(names, total=len(names), label=folder) if progress and names else names
                for name in items:
                    with storage.open(name) as handle:
                        manifest["files"][folder][name] = _digest(handle)
                        handle.seek(0)
                        info = tarfile.TarInfo(f"{folder}/{name}")
                        info.size = storage.size(name)
                        archive.addfile(info, handle)
            # Last, so it describes exactly what was written above.
            (work / "manifest.json").write_text(json.dumps(manifest, indent=2), encoding="utf-8")
            archive.add(work / "manifest.json", arcname="manifest.json")
    return manifest


def restore_backup(archive_path, *, alias="default", progress=None):
    """Restore database and files from an archive, then verify them; returns (manifest, counts).

    The target database must be the same engine as the backup's. Existing tables are replaced;
    files in the archive overwrite files of the same name. Raises BackupError when anything
    restored differs from the manifest (row counts, a missing file, a different digest).
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
        for folder, storage in storages().items():
            root = work / folder
            files = [p for p in root.rglob("*") if p.is_file()] if root.exists() else []
            items = progress.iterate(files, total=len(files), label=folder) if progress and files else files
            for path in items:
                name = path.relative_to(root).as_posix()
                if storage.exists(name):
                    storage.delete(name)
                with path.open("rb") as handle:
                    saved = storage.save(name, File(handle))
                if saved != name:
                    raise BackupError(f"{folder}/{name} was stored as {saved}: the storage renamed it.")
    # Bumped whatever verify() finds: the database has been replaced either way.
    bump_content_version()
    counts = table_counts(alias)
    verify(manifest, counts)
    return manifest, counts


def verify(manifest, counts):
    """Raise BackupError naming every difference between the manifest and what is now in place."""
    problems = [
        f"table {table}: {expected} rows in the backup, {counts.get(table)} now"
        for table, expected in sorted(manifest["tables"].items())
        if counts.get(table) != expected
    ]
    expected_files = manifest.get("files") or {}
    if not expected_files and manifest.get("media_files"):
        problems.append("the backup lists no file digests (an old format): its files cannot be verified")
    for folder, storage in storages().items():
        for name, digest in sorted(expected_files.get(folder, {}).items()):
            try:
                with storage.open(name) as handle:
                    found = _digest(handle)
            except FileNotFoundError:
                problems.append(f"{folder}/{name} is missing")
                continue
            if found != digest:
                problems.append(f"{folder}/{name} differs from the backup")
    if problems:
        shown = "; ".join(problems[:20]) + (f"; and {len(problems) - 20} more" if len(problems) > 20 else "")
        raise BackupError(f"The restore does not match the backup: {shown}")
