from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True
    dependencies = []

    operations = [
        migrations.CreateModel(
            name="Row",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("name", models.CharField(max_length=100)),
                ("number", models.IntegerField()),
                ("created", models.DateTimeField()),
            ],
            options={"indexes": [models.Index(fields=["name", "id"], name="anchor_row_name_0a1c55_idx")]},
        ),
    ]
