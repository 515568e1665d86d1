"""Content editors keep the site plan; the press office and protocol can read it."""

from django.db import migrations

from common.roles import CONTENT_EDITORS, PRESS_OFFICE, PROTOCOL, grant, model_permissions, revoke

MODELS = ("siteplan", "venueoutline", "pointofinterest", "standplacement", "exhibitpin", "displayarea")
GRANTS = {
    CONTENT_EDITORS: model_permissions("siteplan", *MODELS),
    PRESS_OFFICE: model_permissions("siteplan", *MODELS, actions=("view",)),
    PROTOCOL: model_permissions("siteplan", *MODELS, actions=("view",)),
}


def forwards(apps, schema_editor):
    grant(apps, GRANTS)


def backwards(apps, schema_editor):
    revoke(apps, GRANTS)


class Migration(migrations.Migration):
    dependencies = [
        ("siteplan", "0001_site_plan"),
        ("expo", "0002_groups"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
