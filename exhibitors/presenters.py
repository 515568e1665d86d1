"""One presentation of each row kind (exhibitor, exhibit) for the pages and the API; the list
pages' cards and the catalogue's facet sidebar.

`present(rows, kind)` gives each row the facts both readers show — its link, its country's
name in the active language, its stand label and its first image — computed once per page in
Python: per card in a template each would cost a reverse(), a translation lookup or a query.
The API serialises these attributes; the pages render cards made of them.
"""

from urllib.parse import urlencode

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import get_language, gettext
from django_countries import countries

from common.cache import remember
from common.numbers import format_number
from common.text import translated

DETAIL_URL_NAMES = {"exhibitor": "exhibitors:exhibitor_detail", "exhibit": "exhibitors:product_detail"}

# One facet option: its link (the selected one's marked, with words for screen readers), count
# and, for a hall, its link to the map. The whitespace is the former template loop's.
OPTION = (
    '<li><a href="{}" rel="nofollow"{}>\n<span class="facet__label">{}{}</span>\n'
    '<span class="facet__count">{}</span></a>{}</li>'
)


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


# The list pages' cards are dicts of the texts they show: a template finds a dict's key at its
# first try, where a model's attribute costs a failed item lookup first, a tuple's `thumb.0`
# two, and a translated field (modeltranslation) its fallback on every read.


def exhibitor_cards(rows):
    """The exhibitor list's rows (`present`ed): logo, initial, link, name, country and stand."""
    cards = []
    for row in rows:
        logo = None
        if row.logo:
            src, width, height = row.logo_small()
            logo = {"src": src, "width": width, "height": height}
        name = row.name
        cards.append({
            "logo": logo,
            "initial": name[:1],
            "url": row.url,
            "name": name,
            "country": row.country_name,
            "stand": row.stand_label,
        })  # fmt: skip
    return cards


def exhibit_cards(rows):
    """The exhibit list's cards (`present`ed rows): image, category, link, name, maker, country
    and stand."""
    language = get_language()
    cards = []
    for row in rows:
        image, first = None, getattr(row, "first_image", None)
        if first:
            src, width, height = first.thumbnail()
            srcset, alt = first.srcset(), translated(first, "alt_text", language)
            image = {"src": src, "srcset": srcset, "width": width, "height": height, "alt": alt}
        cards.append({
            "image": image,
            "category": translated(row.category, "name", language),
            "url": row.url,
            "name": translated(row, "name", language),
            "maker": row.exhibitor.name,
            "country": row.country_name,
            "stand": row.stand_label,
        })  # fmt: skip
    return cards


def facet_sidebar(catalogue):
    """The catalogue's facet sidebar as HTML. It depends only on the catalogue's state, so it is
    rendered once per state and kept in the shared fragment cache beside the facet counts (the
    state's key names the language, edition and filters; remember() adds the content version)."""
    return remember(f"{catalogue.cache_key()}:sidebar", lambda: _render_sidebar(catalogue))


def _render_sidebar(catalogue):
    active = catalogue.filters.active()
    facets = [
        (facet, facet.name == "sector" or facet.name in active, _options_html(facet))
        for facet in catalogue.facets()
        if facet.options
    ]
    return render_to_string("exhibitors/includes/facets.html", {"facets": facets})


def _options_html(facet):
    """A facet's option items, built here rather than in a template loop: a facet offers up to
    some eighty options, and the template engine resolves each one's several values slowly."""
    plain = format_html(' class="{}"', "facet__option")
    selected = format_html(' aria-current="true" class="{}"', "facet__option facet__option--selected")
    remove = format_html('<span class="visually-hidden">{} </span>', gettext("Remove filter:"))
    map_url = reverse("siteplan:map") if facet.name == "hall" else ""
    counts = {}  # localised once per number: many options share a count
    rows = []
    for option in facet.options:
        if option.count not in counts:
            counts[option.count] = format_number(option.count)
        rows.append((
            option.query,
            selected if option.selected else plain,
            remove if option.selected else "",
            option.label,
            counts[option.count],
            _map_link(map_url, option) if map_url else "",
        ))  # fmt: skip
    return format_html_join("\n", OPTION, rows)


def _map_link(map_url, option):
    """A hall's link to the map, its message filled as {% blocktranslate %} fills it: the
    translation as it stands, the hall's name escaped."""
    message = gettext('<span class="visually-hidden">%(hall)s </span>on the map')
    text = format_html(message.replace("{", "{{").replace("}", "}}") % {"hall": "{}"}, option.label)
    return format_html(' <a class="facet__map" href="{}?{}">{}</a>', map_url, urlencode({"hall": option.value}), text)
