"""Programme search columns rebuilt with words under one spelling (common.text.variant)."""

from django.db import migrations

from common.text import search_text


def rebuild(apps, schema_editor):
    ProgrammeItem = apps.get_model("expo", "ProgrammeItem")
    items = list(ProgrammeItem.objects.all())
    for item in items:
        parts = [item.title_vi, item.title_en, item.hosts_vi, item.hosts_en, item.description_vi, item.description_en]
        item.search_text = search_text(*parts)
    ProgrammeItem.objects.bulk_update(items, ["search_text"], batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [("expo", "0014_edition_accreditation_closes")]

    operations = [migrations.RunPython(rebuild, migrations.RunPython.noop, elidable=True)]
