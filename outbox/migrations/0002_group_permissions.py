"""Each team reviews its own messages: Protocol those to delegations, the Press office those to
the press (and its per-kind sending rules and unsubscribed addresses). Content editors get none."""

from django.db import migrations

from common.roles import PRESS_OFFICE, PROTOCOL, grant, model_permissions, revoke

MESSAGES = model_permissions("outbox", "message", actions=("change", "view")) + ["outbox.approve_message"]
GRANTS = {
    PROTOCOL: [*MESSAGES, "outbox.protocol_messages"],
    PRESS_OFFICE: [
        *MESSAGES,
        "outbox.press_messages",
        *model_permissions("outbox", "kindsetting"),
        *model_permissions("outbox", "unsubscribe", actions=("view", "delete")),
    ],
}


def forwards(apps, schema_editor):
    grant(apps, GRANTS)


def backwards(apps, schema_editor):
    revoke(apps, GRANTS)


class Migration(migrations.Migration):
    dependencies = [
        ("outbox", "0001_initial"),
        ("expo", "0002_groups"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
