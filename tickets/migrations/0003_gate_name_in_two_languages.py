"""A gate's name in Vietnamese and English (tickets print it in the registrant's language): the
name typed so far becomes the Vietnamese one, the English one is the organisers' to add."""

from django.db import migrations, models
from django.db.models import F


def names_so_far_are_vietnamese(apps, schema_editor):
    apps.get_model("tickets", "Gate").objects.filter(name_vi__isnull=True).update(name_vi=F("name"))


class Migration(migrations.Migration):
    dependencies = [
        ("tickets", "0002_groups"),
    ]

    operations = [
        migrations.AddField(
            model_name="gate",
            name="name_en",
            field=models.CharField(max_length=100, null=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="gate",
            name="name_vi",
            field=models.CharField(max_length=100, null=True, verbose_name="name"),
        ),
        migrations.RunPython(names_so_far_are_vietnamese, migrations.RunPython.noop, elidable=True),
    ]
