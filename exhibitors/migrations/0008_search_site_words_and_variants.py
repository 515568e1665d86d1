"""Search columns rebuilt: words under one spelling ("radars" and "rađa" as "radar", plurals as
the singular, hyphenated words also joined; common.text.variant), and each exhibit's column also
carries its category's and sector's names in both languages."""

from django.db import migrations
from django.utils import translation
from django_countries import countries

from common.text import search_text


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
    products = list(Product.objects.select_related("category__sector"))
    for p in products:
        category = p.category
        parts = [p.name_vi, p.name_en, p.summary_vi, p.summary_en, p.slug.replace("-", " ")]
        kind = [category.name_vi, category.name_en, category.sector.name_vi, category.sector.name_en]
        p.search_text = search_text(*parts, *kind) + makers.get(p.exhibitor_id, "")
    Product.objects.bulk_update(products, ["search_text"], batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [("exhibitors", "0007_word_start_search_vi_order")]

    operations = [migrations.RunPython(rebuild, migrations.RunPython.noop, elidable=True)]
