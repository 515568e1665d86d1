"""Exhibit security reviews declarations, keeps the deadlines and sees the mail to exhibitors;
content editors see the declarations (they publish the exhibits) and keep the deadlines, but do
not decide and, as before, see no outbox."""

from django.db import migrations

from common.roles import CONTENT_EDITORS, SECURITY, grant, model_permissions, revoke

DEADLINES = model_permissions("portal", "portaldeadlines", actions=("add", "change", "view"))
MESSAGES = [*model_permissions("outbox", "message", actions=("change", "view")), "outbox.exhibitors_messages"]
GRANTS = {
    SECURITY: [
        *model_permissions("portal", "declaration", actions=("change", "view")),
        "portal.review_declaration",
        *DEADLINES,
        *MESSAGES,
    ],
    CONTENT_EDITORS: [*model_permissions("portal", "declaration", actions=("view",)), *DEADLINES],
}


def forwards(apps, schema_editor):
    grant(apps, GRANTS)


def backwards(apps, schema_editor):
    revoke(apps, GRANTS)


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0002_declarations"),
        ("outbox", "0009_exhibitors_team"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
