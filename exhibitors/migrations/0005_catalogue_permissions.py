"""Content editors keep exhibitors, stands and exhibits; the press office and protocol read them."""

from django.db import migrations

from common.roles import CONTENT_EDITORS, PRESS_OFFICE, PROTOCOL, grant, model_permissions, revoke

MODELS = ("exhibitor", "stand", "product", "productspecification", "productimage")
GRANTS = {
    CONTENT_EDITORS: model_permissions("exhibitors", *MODELS),
    PRESS_OFFICE: model_permissions("exhibitors", *MODELS, actions=("view",)),
    PROTOCOL: model_permissions("exhibitors", *MODELS, actions=("view",)),
}


def forwards(apps, schema_editor):
    grant(apps, GRANTS)


def backwards(apps, schema_editor):
    revoke(apps, GRANTS)


class Migration(migrations.Migration):
    dependencies = [("exhibitors", "0004_search_indexes")]

    operations = [migrations.RunPython(forwards, backwards)]
