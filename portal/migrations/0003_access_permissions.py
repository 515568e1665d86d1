"""Exhibitor services invite, remove and see the exhibitors' portal contacts and their mail;
content editors see who the contacts are (addresses masked)."""

from django.db import migrations

from common.roles import CONTENT_EDITORS, EXHIBITOR_SERVICES, grant, model_permissions, revoke

GRANTS = {
    EXHIBITOR_SERVICES: [
        *model_permissions("portal", "contact", actions=("add", "change", "view")),
        "portal.view_sensitive",
        *model_permissions("exhibitors", "exhibitor", actions=("view",)),
        *model_permissions("outbox", "message", actions=("change", "view")),
        "outbox.approve_message",
        "outbox.exhibitors_messages",
    ],
    CONTENT_EDITORS: [*model_permissions("portal", "contact", actions=("view",))],
}


def forwards(apps, schema_editor):
    grant(apps, GRANTS)


def backwards(apps, schema_editor):
    revoke(apps, GRANTS)


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0002_access"),
        ("outbox", "0009_exhibitors_team"),
        ("exhibitors", "0008_search_site_words_and_variants"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
