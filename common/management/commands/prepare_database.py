"""Migrate the database; a new SQLite database is made from the current models in one pass.

Replaying every migration on a new database makes Django re-render the models' states after
each operation: 17.7 of the 34.7 seconds `make run` spent before its first page on a new
clone (bench/RESULTS.md). A new database needs only what the migrations end with:
- the tables, which Django's syncdb creates from the models in 2 s (as its test runner does
  when migrations are off);
- every migration recorded as applied, so the next `migrate` starts from here;
- the rows their steps leave in an empty database: each RunPython step of this project's apps
  not marked `elidable` (the organisers' groups and their permissions) is run in order against
  the current models. A step that only rewrites rows already there is elidable: an empty
  database has none. The installed packages' steps (Django's own, django-tasks') only rewrite
  rows and are skipped.

Only SQLite (the demo's and developers' database) takes the shortcut, and only when it holds
no table; PostgreSQL, production's database, is migrated as deployed. tests/common/test_new_database.py
makes a database each way and compares their tables, columns, indexes, constraints and rows.
"""

import sys
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.operations.special import RunPython, RunSQL
from django.test.utils import override_settings


def _ours(app_config):
    """Whether `app_config` is one of this project's apps, not an installed package's."""
    path = Path(app_config.path)
    return path.is_relative_to(settings.BASE_DIR) and not path.is_relative_to(sys.prefix)


class Command(BaseCommand):
    help = "Migrate the database; a new SQLite database is created from the models in one pass."

    def add_arguments(self, parser):
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS)

    def handle(self, *args, database, verbosity, **options):
        connection = connections[database]
        if connection.vendor != "sqlite" or connection.introspection.table_names():
            call_command("migrate", database=database, interactive=False, verbosity=verbosity)
            return
        executor = MigrationExecutor(connection)
        plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
        without_migrations = {config.label: None for config in apps.get_app_configs()}
        with override_settings(MIGRATION_MODULES=without_migrations):
            call_command("migrate", database=database, run_syncdb=True, interactive=False, verbosity=verbosity)
        ours = {config.label for config in apps.get_app_configs() if _ours(config)}
        executor.recorder.ensure_schema()
        with connection.schema_editor() as editor:
            for migration, _backwards in plan:
                executor.record_migration(migration)
                if migration.app_label not in ours:
                    continue
                for operation in migration.operations:
                    if isinstance(operation, RunPython) and not operation.elidable:
                        operation.code(apps, editor)
                    elif isinstance(operation, RunSQL) and not operation.elidable:
                        operation.database_forwards(migration.app_label, editor, None, None)
        if verbosity:
            self.stdout.write(f"New database: {len(plan)} migrations recorded as applied, tables made from the models.")
