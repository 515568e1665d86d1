"""An approval records the digest of what it approved; delivery sends nothing else.

Messages waiting to be sent when this runs: those sent without review get the digest of what
they hold now (the system approved them as made); reviewed ones go back to draft, since nothing
records what their reviewer read.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

from outbox import digest


def record_digests(apps, schema_editor):
    Message = apps.get_model("outbox", "Message")
    waiting = Message.objects.filter(status__in=["approved", "failed"]).prefetch_related("attachments")
    for message in waiting:
        if message.needs_review:
            message.status, message.approved_by, message.approved_at = "draft", None, None
        else:
            message.approved_digest = digest.compute(
                subject=message.subject,
                body_text=message.body_text,
                body_html=message.body_html,
                to_email=message.to_email,
                to_name=message.to_name,
                language=message.language,
                headers=message.headers,
                attachments=[(a.filename, a.content_type, a.content) for a in message.attachments.all()],
            )
        message.save(update_fields=["status", "approved_by", "approved_at", "approved_digest"])


class Migration(migrations.Migration):
    dependencies = [
        ("outbox", "0002_group_permissions"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="message",
            name="approved_digest",
            field=models.CharField(blank=True, default="", editable=False, max_length=64),
        ),
        migrations.AddField(
            model_name="message",
            name="edited_by",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="last changed by",
            ),
        ),
        migrations.AlterField(
            model_name="message",
            name="status",
            field=models.CharField(
                choices=[
                    ("draft", "Draft"),
                    ("approved", "Approved"),
                    ("sending", "Sending"),
                    ("sent", "Sent"),
                    ("failed", "Failed"),
                    ("unsubscribed", "Not sent: unsubscribed"),
                ],
                default="draft",
                max_length=12,
                verbose_name="status",
            ),
        ),
        migrations.RunPython(record_digests, migrations.RunPython.noop, elidable=True),
    ]
