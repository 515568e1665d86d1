"""The interpretation a meeting request needs becomes a code of the list (common/languages.py)."""

from django.db import migrations, models


def code_from_free_text(apps, schema_editor):
    """Free text such as "Russian" or "tiếng Nga" becomes "ru"; what names no language of the list is kept at the
    end of the request's purpose, so nobody's note is lost."""
    from common.languages import read_typed

    requests = apps.get_model("meetings", "MeetingRequest").objects
    for pk, typed, purpose in requests.exclude(language="").values_list("pk", "language", "purpose"):
        codes, unknown = read_typed(typed)
        first = codes.split(",")[0] if codes else ""
        extra = [code for code in codes.split(",")[1:] if code] + unknown
        update = {"language": first}
        if extra:
            update["purpose"] = f"{purpose}\n\nInterpretation / Phiên dịch: {typed}".strip()
        requests.filter(pk=pk).update(**update)


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0003_labels_in_both_languages"),
    ]

    operations = [
        migrations.AlterField(
            model_name="meetingrequest",
            name="language",
            field=models.CharField(
                blank=True,
                choices=[
                    ("ar", "Arabic"),
                    ("cs", "Czech"),
                    ("de", "German"),
                    ("en", "English"),
                    ("es", "Spanish"),
                    ("fa", "Persian"),
                    ("fr", "French"),
                    ("he", "Hebrew"),
                    ("hi", "Hindi"),
                    ("id", "Indonesian"),
                    ("it", "Italian"),
                    ("ja", "Japanese"),
                    ("km", "Khmer"),
                    ("kk", "Kazakh"),
                    ("ko", "Korean"),
                    ("lo", "Lao"),
                    ("mn", "Mongolian"),
                    ("ms", "Malay"),
                    ("my", "Burmese"),
                    ("nl", "Dutch"),
                    ("pl", "Polish"),
                    ("pt", "Portuguese"),
                    ("ru", "Russian"),
                    ("sv", "Swedish"),
                    ("th", "Thai"),
                    ("tr", "Turkish"),
                    ("uk", "Ukrainian"),
                    ("vi", "Vietnamese"),
                    ("zh", "Chinese"),
                ],
                help_text="The language the interpreter must speak with Vietnamese. Empty: none needed.",
                max_length=40,
                verbose_name="interpretation needed",
            ),
        ),
        migrations.RunPython(code_from_free_text, migrations.RunPython.noop, elidable=True),
    ]
