"""Trigram indexes on the folded search columns, on PostgreSQL only.

Search is `search_text LIKE '%word%'`, which a B-tree cannot serve; pg_trgm's GIN index
can. SQLite (the embedded default) has no such index and scans, which is fine at its scale.
"""

from django.db import migrations

INDEXES = [
    ("exhibitors_exhibitor_search_trgm", "exhibitors_exhibitor"),
    ("exhibitors_product_search_trgm", "exhibitors_product"),
]


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, table in INDEXES:
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin (search_text gin_trgm_ops)")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, _table in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("exhibitors", "0003_exhibitors_stands_products")]

    operations = [migrations.RunPython(create, drop)]
