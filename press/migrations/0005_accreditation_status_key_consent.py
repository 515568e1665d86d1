"""Opaque status links (a random key per application instead of a signed row id) and the time
consent was given. Existing applications get a key of their own; their old links stop working
(the status page explains why)."""

from django.db import migrations, models

import press.models.accreditation


def give_keys(apps, schema_editor):
    MediaAccreditation = apps.get_model("press", "MediaAccreditation")
    for accreditation in MediaAccreditation.objects.filter(status_key__isnull=True).only("pk"):
        accreditation.status_key = press.models.accreditation.new_status_key()
        accreditation.save(update_fields=["status_key"])


class Migration(migrations.Migration):
    dependencies = [
        ("press", "0004_alter_pressrelease_body_alter_pressrelease_body_en_and_more"),
    ]

    operations = [
        migrations.AddField(
            model_name="mediaaccreditation",
            name="status_key",
            field=models.CharField(editable=False, max_length=64, null=True),
        ),
        migrations.RunPython(give_keys, migrations.RunPython.noop, elidable=True),
        migrations.AlterField(
            model_name="mediaaccreditation",
            name="status_key",
            field=models.CharField(
                default=press.models.accreditation.new_status_key, editable=False, max_length=64, unique=True
            ),
        ),
        migrations.AddField(
            model_name="mediaaccreditation",
            name="consented_at",
            field=models.DateTimeField(editable=False, null=True, verbose_name="consent given at"),
        ),
    ]
