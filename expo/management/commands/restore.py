import tarfile

from django.core.management.base import BaseCommand, CommandError

from common.backup import BackupError, restore_backup
from common.progress import Progress


class Command(BaseCommand):
    help = "Restore the database, media and private files from a backup, then verify rows and files."

    def add_arguments(self, parser):
        parser.add_argument("archive", help="A .tar.gz written by `manage.py backup`.")
        parser.add_argument("--no-input", action="store_true", help="Do not ask for confirmation.")

    def handle(self, *args, archive, no_input=False, **options):
        if not no_input:
            answer = input("This replaces the current database and media files. Type 'yes' to go on: ")
            if answer.strip().lower() != "yes":
                raise CommandError("Restore cancelled.")
        progress = Progress(self.stdout, steps=1)
        progress.step(f"Restoring from {archive}")
        try:
            manifest, counts = restore_backup(archive, progress=progress)
        except (BackupError, OSError, ValueError, KeyError, tarfile.TarError) as exc:
            raise CommandError(f"Restore failed: {exc}") from exc
        files = sum(len(names) for names in manifest.get("files", {}).values())
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored {len(manifest['tables'])} tables, {sum(counts.values())} rows and {files} files; every "
                "table's row count and every file's digest matches the backup."
            )
        )
