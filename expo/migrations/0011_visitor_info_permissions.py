"""Content editors keep the visitor information page (issue 23: only a superuser could); the
press office reads it."""

from django.db import migrations

from common.roles import CONTENT_EDITORS, PRESS_OFFICE, grant, model_permissions, revoke

GRANTS = {
    CONTENT_EDITORS: model_permissions("expo", "visitorinfo"),
    PRESS_OFFICE: model_permissions("expo", "visitorinfo", actions=("view",)),
}


def forwards(apps, schema_editor):
    grant(apps, GRANTS)


def backwards(apps, schema_editor):
    revoke(apps, GRANTS)


class Migration(migrations.Migration):
    dependencies = [("expo", "0010_edition_key_visual")]

    operations = [migrations.RunPython(forwards, backwards)]
