"""Search columns rebuilt for word-start matching, and Vietnamese name order served by indexes.

- `search_text` becomes `common.text.search_text` (each folded word after a space), and an
  exhibit's column also carries its exhibitor's words, so a search reads one indexed column.
- On PostgreSQL, the lists' name order (`common.collation.by_name`, ICU "vi-x-icu") gets the
  same partial indexes as before with the collation, so the first page is still read off an
  index. SQLite sorts through the collation registered per connection and needs none.
"""

from django.db import migrations
from django.utils import translation
from django_countries import countries

from common.text import search_text

INDEXES = [
    ("exhibitor_name_vi_order", 'exhibitors_exhibitor (name COLLATE "vi-x-icu", id)'),
    ("product_published_name_vi_order", 'exhibitors_product (name_vi COLLATE "vi-x-icu", id) WHERE is_published'),
    (
        "product_published_name_en_order",
        "exhibitors_product ((COALESCE(NULLIF(name_en, ''), name_vi)) COLLATE \"vi-x-icu\", id) WHERE is_published",
    ),
]


def _country_names(code):
    names = []
    for language in ("vi", "en"):
        with translation.override(language):
            names.append(str(countries.name(code)))
    return names if code else []


def rebuild(apps, schema_editor):
    Exhibitor = apps.get_model("exhibitors", "Exhibitor")
    Product = apps.get_model("exhibitors", "Product")
    makers = {}
    exhibitors = list(Exhibitor.objects.only("pk", "name", "slug", "country"))
    for exhibitor in exhibitors:
        exhibitor.search_text = search_text(
            exhibitor.name, exhibitor.slug.replace("-", " "), *_country_names(exhibitor.country)
        )
        makers[exhibitor.pk] = exhibitor.search_text
    Exhibitor.objects.bulk_update(exhibitors, ["search_text"], batch_size=1000)
    products = list(
        Product.objects.only("pk", "exhibitor_id", "slug", "name_vi", "name_en", "summary_vi", "summary_en")
    )
    for p in products:
        parts = [p.name_vi, p.name_en, p.summary_vi, p.summary_en, p.slug.replace("-", " ")]
        p.search_text = search_text(*parts) + makers.get(p.exhibitor_id, "")
    Product.objects.bulk_update(products, ["search_text"], batch_size=1000)
    if schema_editor.connection.vendor == "postgresql":
        for name, definition in INDEXES:
            schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {definition}")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name, _definition in INDEXES:
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("exhibitors", "0006_list_order_indexes")]

    operations = [migrations.RunPython(rebuild, drop)]
