# A random badge reference for every application; existing rows get one each.
from django.db import migrations, models

import press.models.accreditation


def fill_references(apps, schema_editor):
    accreditation = apps.get_model("press", "MediaAccreditation")
    used = set()
    for row in accreditation.objects.filter(reference__isnull=True).only("pk"):
        reference = press.models.accreditation.new_reference()
        while reference in used:
            reference = press.models.accreditation.new_reference()
        used.add(reference)
        row.reference = reference
        row.save(update_fields=["reference"])


class Migration(migrations.Migration):
    dependencies = [("press", "0002_group_permissions")]

    operations = [
        migrations.AddField(
            model_name="mediaaccreditation",
            name="reference",
            field=models.CharField(editable=False, max_length=12, null=True, verbose_name="badge reference"),
        ),
        migrations.RunPython(fill_references, migrations.RunPython.noop, elidable=True),
        migrations.AlterField(
            model_name="mediaaccreditation",
            name="reference",
            field=models.CharField(
                default=press.models.accreditation.new_reference,
                editable=False,
                max_length=12,
                unique=True,
                verbose_name="badge reference",
            ),
        ),
    ]
