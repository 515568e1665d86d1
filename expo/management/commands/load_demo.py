from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.migrations.executor import MigrationExecutor

from common import demo_registry
from common.progress import Progress
from expo.demo import load_edition


class Command(BaseCommand):
    help = "Load (or refresh) the demo: VIDE 2024 archived, an invented edition opening in two weeks. Idempotent."

    def handle(self, *args, **options):
        executor = MigrationExecutor(connections[DEFAULT_DB_ALIAS])
        if executor.migration_plan(executor.loader.graph.leaf_nodes()):
            raise CommandError("The database is not fully migrated: run `python manage.py migrate` first.")

        app_loaders = demo_registry.loaders()
        progress = Progress(self.stdout, steps=1 + len(app_loaders))
        # One transaction: a failure half-way leaves the database as it was.
        with transaction.atomic():
            progress.step("Edition, venues and key figures")
            edition, summary = load_edition()
            progress.done(summary)
            for label, loader in app_loaders:
                progress.step(label)
                progress.done(loader(edition=edition, progress=progress))
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo edition “{edition}” loaded in {progress.elapsed:.1f} s (demo content, invented names)."
            )
        )
