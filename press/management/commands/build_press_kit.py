"""Build the press kits (one zip per language) ahead of downloads.

Reuses every stored fact sheet and renders missing ones in parallel (one process per core
unless --workers says otherwise). Run it after a bulk import; the site also rebuilds a
stale kit on its own, in the background.
"""

import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from press.kit import build_kit


class Command(BaseCommand):
    help = "Build the press kit zip in each language (expo sheet, releases, exhibitor sheets)."

    def add_arguments(self, parser):
        parser.add_argument("--language", choices=[code for code, _ in settings.LANGUAGES], action="append")
        parser.add_argument("--workers", type=int, default=None, help="Render processes (default: one per core).")

    def handle(self, *args, language=None, workers=None, **options):
        started = time.monotonic()
        summaries = []
        for code in language or [code for code, _ in settings.LANGUAGES]:
            try:
                result = build_kit(code, workers=workers, progress=self.stdout.write)
            except LookupError as exc:
                raise CommandError(str(exc)) from exc
            state = "unchanged" if result.unchanged else "rebuilt"
            summaries.append(
                f"{code}: {result.files} files ({result.rendered} rendered, {result.reused} reused, {state})"
            )
        elapsed = time.monotonic() - started
        self.stdout.write(self.style.SUCCESS(f"Press kits built in {elapsed:.1f} s — " + "; ".join(summaries)))
