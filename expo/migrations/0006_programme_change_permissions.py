"""The change log is written by the programme services; editors and the press office read it."""

from django.db import migrations

from common.roles import CONTENT_EDITORS, PRESS_OFFICE, PROTOCOL, grant, model_permissions, revoke

GRANTS = {
    CONTENT_EDITORS: model_permissions("expo", "programmechange", actions=("view",)),
    PRESS_OFFICE: model_permissions("expo", "programmechange", actions=("view",)),
    PROTOCOL: model_permissions("expo", "programmechange", actions=("view",)),
}


def forwards(apps, schema_editor):
    grant(apps, GRANTS)


def backwards(apps, schema_editor):
    revoke(apps, GRANTS)


class Migration(migrations.Migration):
    dependencies = [("expo", "0005_programme_change")]

    operations = [migrations.RunPython(forwards, backwards)]
