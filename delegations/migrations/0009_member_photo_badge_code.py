# A photo for the badge (private storage) and a random badge code for every member; existing rows get one each.
from django.db import migrations, models

import common.images
import delegations.models.member


def fill_codes(apps, schema_editor):
    member = apps.get_model("delegations", "Member")
    used = set()
    for row in member.objects.filter(badge_code__isnull=True).only("pk"):
        code = delegations.models.member.new_badge_code()
        while code in used:
            code = delegations.models.member.new_badge_code()
        used.add(code)
        member.objects.filter(pk=row.pk).update(badge_code=code)


class Migration(migrations.Migration):
    dependencies = [("delegations", "0008_mask_audit_entries")]

    operations = [
        migrations.AddField(
            model_name="member",
            name="photo",
            field=common.images.SafeImageField(
                blank=True,
                help_text="A portrait for the name badge; JPEG, PNG or WebP, at most 10 MB.",
                storage=delegations.models.member.private_storage,
                upload_to="delegations/photos/",
                verbose_name="photo for the badge",
            ),
        ),
        migrations.AddField(
            model_name="member",
            name="badge_code",
            field=models.CharField(editable=False, max_length=12, null=True, verbose_name="badge code"),
        ),
        migrations.RunPython(fill_codes, migrations.RunPython.noop, elidable=True),
        migrations.AlterField(
            model_name="member",
            name="badge_code",
            field=models.CharField(
                default=delegations.models.member.new_badge_code,
                editable=False,
                max_length=12,
                unique=True,
                verbose_name="badge code",
            ),
        ),
    ]
