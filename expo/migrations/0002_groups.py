"""Create the organisers' groups with the expo app's permissions."""

from django.db import migrations

from common.roles import CONTENT_EDITORS, PRESS_OFFICE, PROTOCOL, grant, model_permissions, revoke

GRANTS = {
    CONTENT_EDITORS: model_permissions("expo", "edition", "venue", "keyfigure"),
    PROTOCOL: model_permissions("expo", "edition", "venue", actions=("view",)),
    PRESS_OFFICE: model_permissions("expo", "edition", "venue", "keyfigure", actions=("view",)),
}


def forwards(apps, schema_editor):
    grant(apps, GRANTS)


def backwards(apps, schema_editor):
    revoke(apps, GRANTS)


class Migration(migrations.Migration):
    dependencies = [
        ("expo", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
