"""One presentation of each row kind (exhibitor, exhibit) for the pages and the API.

`present(rows, kind)` gives each row the facts both readers show — its link, its country's
name in the active language, its stand label and its first image — computed once per page in
Python: per card in a template each would cost a reverse(), a translation lookup or a query.
The pages render these attributes; the API serialises the same attributes.
"""

from django.urls import reverse
from django.utils.translation import gettext
from django_countries import countries

DETAIL_URL_NAMES = {"exhibitor": "exhibitors:exhibitor_detail", "exhibit": "exhibitors:product_detail"}


def present(rows, kind):
    """Annotate and return `rows` (exhibitors or exhibits, as the catalogue or a selector gave them)."""
    # One reverse() for the page: a slug is URL-safe, so the others follow the same pattern.
    prefix = reverse(DETAIL_URL_NAMES[kind], kwargs={"slug": "slug"}).removesuffix("slug/")
    names = {}
    stand = gettext("Stand %(code)s")
    for row in rows:
        exhibitor = getattr(row, "exhibitor", row)
        code = exhibitor.country.code
        if code not in names:
            names[code] = str(countries.name(code))
        row.url = f"{prefix}{row.slug}/"
        row.country_name = names[code]
        row.stand_code = getattr(row, "stand_code", None)
        # The same message as the templates' {% blocktranslate %}Stand {{ code }}…
        row.stand_label = stand % {"code": row.stand_code} if row.stand_code else ""
        if "images" in getattr(row, "_prefetched_objects_cache", {}):
            images = row._prefetched_objects_cache["images"]
            row.first_image = images[0] if images else None
    return rows
