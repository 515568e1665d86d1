"""The press office keeps seeing journalists' contact details: they are now behind their own
permission (press.view_sensitive), which other staff do not get."""

from django.db import migrations

from common.roles import PRESS_OFFICE, grant, revoke

GRANTS = {PRESS_OFFICE: ["press.view_sensitive"]}


def forwards(apps, schema_editor):
    grant(apps, GRANTS)


def backwards(apps, schema_editor):
    revoke(apps, GRANTS)


class Migration(migrations.Migration):
    dependencies = [("press", "0007_accreditation_view_sensitive"), ("expo", "0002_groups")]

    operations = [migrations.RunPython(forwards, backwards)]
