"""Programme search: a folded search column (common.text.search_text), filled for existing items,
with a trigram index on PostgreSQL as the catalogue has."""

from django.db import migrations, models

from common.text import search_text


def fill(apps, schema_editor):
    ProgrammeItem = apps.get_model("expo", "ProgrammeItem")
    items = list(ProgrammeItem.objects.all())
    for item in items:
        parts = [item.title_vi, item.title_en, item.hosts_vi, item.hosts_en, item.description_vi, item.description_en]
        item.search_text = search_text(*parts)
    ProgrammeItem.objects.bulk_update(items, ["search_text"], batch_size=1000)
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS expo_programmeitem_search_trgm ON expo_programmeitem "
            "USING gin (search_text gin_trgm_ops)"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS expo_programmeitem_search_trgm")


class Migration(migrations.Migration):
    dependencies = [("expo", "0006_programme_change_permissions")]

    operations = [
        migrations.AddField(
            model_name="programmeitem",
            name="search_text",
            field=models.TextField(default="", editable=False),
        ),
        migrations.RunPython(fill, drop),
    ]
