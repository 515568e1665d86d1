"""The press office keeps releases, contacts, uploaded fact sheets and accreditations.

Accreditations hold journalists' personal data: only the Press office group gets them;
Content editors and Protocol get nothing in this app.
"""

from django.db import migrations

from common.roles import PRESS_OFFICE, grant, model_permissions, revoke

GRANTS = {
    PRESS_OFFICE: model_permissions(
        "press", "pressrelease", "releasephoto", "releaseattachment", "presscontact", "factsheetupload"
    )
    + model_permissions("press", "mediaaccreditation", actions=("change", "delete", "view")),
}


def forwards(apps, schema_editor):
    grant(apps, GRANTS)


def backwards(apps, schema_editor):
    revoke(apps, GRANTS)


class Migration(migrations.Migration):
    dependencies = [
        ("press", "0001_initial"),
        ("expo", "0002_groups"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
