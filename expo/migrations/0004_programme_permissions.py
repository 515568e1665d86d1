"""Content editors keep the programme; the press office and protocol can read it."""

from django.db import migrations

from common.roles import CONTENT_EDITORS, PRESS_OFFICE, PROTOCOL, grant, model_permissions, revoke

GRANTS = {
    CONTENT_EDITORS: model_permissions("expo", "programmeitem"),
    PRESS_OFFICE: model_permissions("expo", "programmeitem", actions=("view",)),
    PROTOCOL: model_permissions("expo", "programmeitem", actions=("view",)),
}


def forwards(apps, schema_editor):
    grant(apps, GRANTS)


def backwards(apps, schema_editor):
    revoke(apps, GRANTS)


class Migration(migrations.Migration):
    dependencies = [("expo", "0003_programme_item")]

    operations = [migrations.RunPython(forwards, backwards)]
