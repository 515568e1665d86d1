"""Languages become codes of a list (common/languages.py) instead of free text."""

import sys

import common.languages
from django.db import migrations


def codes_from_free_text(apps, schema_editor):
    """Free text such as "English, French" becomes "en,fr". A member's words that name no language of the list are
    kept in their delegation's notes; an officer's or interpreter's are printed (no notes field)."""
    from common.languages import read_typed

    for model_name in ("LiaisonOfficer", "Interpreter"):
        people = apps.get_model("delegations", model_name).objects
        for pk, typed in people.exclude(languages="").values_list("pk", "languages"):
            codes, unknown = read_typed(typed)
            people.filter(pk=pk).update(languages=codes)
            if unknown:
                sys.stdout.write(f"\n  {model_name} {pk}: not on the list of languages, left out: {', '.join(unknown)}")
    members = apps.get_model("delegations", "Member").objects
    kept = {}
    rows = members.exclude(languages="").values_list("pk", "delegation_id", "family_name", "given_name", "languages")
    for pk, delegation_id, family_name, given_name, typed in rows:
        codes, unknown = read_typed(typed)
        members.filter(pk=pk).update(languages=codes)
        if unknown:
            kept.setdefault(delegation_id, []).append(f"{family_name} {given_name}".strip() + ": " + ", ".join(unknown))
    delegations = apps.get_model("delegations", "Delegation").objects
    for delegation_id, lines in kept.items():
        notes = delegations.filter(pk=delegation_id).values_list("notes", flat=True).get()
        added = "Languages not on the list / Ngôn ngữ ngoài danh sách:\n" + "\n".join(lines)
        delegations.filter(pk=delegation_id).update(notes=f"{notes}\n\n{added}".strip())


class Migration(migrations.Migration):
    dependencies = [
        ("delegations", "0009_member_photo_badge_code"),
    ]

    operations = [
        migrations.AlterField(
            model_name="interpreter",
            name="languages",
            field=common.languages.LanguagesField(blank=True, max_length=200, verbose_name="languages"),
        ),
        migrations.AlterField(
            model_name="liaisonofficer",
            name="languages",
            field=common.languages.LanguagesField(blank=True, max_length=200, verbose_name="languages"),
        ),
        migrations.AlterField(
            model_name="member",
            name="languages",
            field=common.languages.LanguagesField(blank=True, max_length=200, verbose_name="languages"),
        ),
        migrations.RunPython(codes_from_free_text, migrations.RunPython.noop, elidable=True),
    ]
