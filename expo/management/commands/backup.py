from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from common.backup import BackupError, create_backup
from common.progress import Progress


class Command(BaseCommand):
    help = "Back up the database, media and private files into one .tar.gz (personal data: store it encrypted)."

    def add_arguments(self, parser):
        parser.add_argument("--output", help="Archive path (default: var/backups/expo-<time>.tar.gz).")

    def handle(self, *args, output=None, **options):
        if output is None:
            folder = Path("var/backups")
            folder.mkdir(parents=True, exist_ok=True)
            output = folder / f"expo-{timezone.now():%Y%m%d-%H%M%S}.tar.gz"
        progress = Progress(self.stdout, steps=1)
        progress.step(f"Backing up to {output}")
        try:
            manifest = create_backup(output, progress=progress)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        rows = sum(manifest["tables"].values())
        self.stdout.write(
            self.style.SUCCESS(
                f"Backup written: {output} ({manifest['engine']}, {len(manifest['tables'])} tables, "
                f"{rows} rows, {manifest['media_files']} media files, "
                f"{len(manifest['files']['private'])} private files)."
            )
        )
