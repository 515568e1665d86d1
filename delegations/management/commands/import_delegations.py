from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from common.progress import Progress
from delegations.imports import import_delegations
from expo.models import Edition


class Command(BaseCommand):
    help = (
        "Import a delegation list (CSV or XLSX, one row per member) into an edition. All or nothing: "
        "any wrong row is reported and nothing is saved. Re-importing updates instead of duplicating."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="A .csv (UTF-8, comma or semicolon) or .xlsx file.")
        parser.add_argument("--dry-run", action="store_true", help="Check and count, save nothing.")
        parser.add_argument("--edition", help="Edition slug (default: the current edition).")
        parser.add_argument("--language", choices=["vi", "en"], default="vi", help="Language of the position column.")

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        if options["edition"]:
            edition = Edition.objects.filter(slug=options["edition"]).first()
        else:
            edition = Edition.objects.current() or Edition.objects.first()
        if edition is None:
            raise CommandError("No edition to import into (give --edition SLUG).")
        progress = Progress(self.stdout, steps=1)
        progress.step(f"Importing {path.name} into {edition}")
        result = import_delegations(
            data=path.read_bytes(),
            filename=path.name,
            edition=edition,
            dry_run=options["dry_run"],
            language=options["language"],
            progress=progress,
        )
        for error in result.errors:
            self.stderr.write(str(error))
        if not result.ok:
            raise CommandError(str(result.summary()))
        self.stdout.write(self.style.SUCCESS(f"{result.summary()} ({progress.elapsed:.1f} s)"))
