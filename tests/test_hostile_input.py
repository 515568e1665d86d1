"""Every public URL pattern under hostile parameters: never a 5xx, never reflected markup.

The URL patterns are read from the project's own URL map, so a page added later is swept
too. Each pattern is tried with its parameters replaced by bad values and with a set of bad
query strings; pages with real objects (from the demo edition) get the bad query strings.
"""

from urllib.parse import quote, urlencode

import pytest
from django.utils import translation

from tests.hostile import walk

MARKUP = "<script>alert(1)</script>"
SVG = '"><svg onload=alert(1)>'
BAD_SEGMENTS = ["no-such-thing", "x" * 300, MARKUP, "' OR '1'='1", "..%2F..%2Fetc%2Fpasswd", "%00", "１２３"]
BAD_QUERIES = [
    {"page": "abc"},
    {"page": "-1"},
    {"page": "9" * 30},
    {"q": "tàu ngầm " * 600},
    {"q": MARKUP},
    {"q": "'; DROP TABLE exhibitors_product; --"},
    {"q": "\x00"},
    {"sector": SVG, "category": MARKUP, "country": "ZZ", "hall": "' OR 1=1 --"},
    {"sector": "naval", "country": "VN", "sort": MARKUP},
    {"day": "2024-13-45"},
    {"day": "1999-01-01"},
    {"day": MARKUP},
    {"type": "bogus", "venue": SVG, "audience": "x" * 5000},
    {"lang": "xx"},
    {"lang": MARKUP},
    # The site map's centre-and-highlight parameters.
    {"stand": MARKUP, "exhibitor": SVG, "exhibit": "x" * 5000, "hall": "\x00", "point": "1e999"},
]
SKIP_PREFIXES = ("admin/", "media/", "static/")


def concrete(route, value):
    """The route with every <converter:name> replaced by `value` and regex anchors removed."""
    import re

    path = re.sub(r"<(?:\w+:)?\w+>", value, route)
    return "/" + path.replace("^", "").replace("$", "").replace("\\Z", "")


def assert_safe(client, url, failures):
    response = client.get(url)
    # Reading a download to its end closes its file (the test client closes it then).
    body = b"".join(response.streaming_content) if getattr(response, "streaming", False) else response.content
    if response.status_code >= 500:
        failures.append(f"{response.status_code} {url}")
    elif MARKUP.encode() in body or b"<svg onload" in body:
        failures.append(f"markup reflected unescaped: {url}")


def test_every_public_pattern_survives_bad_path_segments(client, demo):
    failures = []
    routes = [route for route, _ in walk() if not route.startswith(SKIP_PREFIXES)]
    assert len(routes) > 20
    for lang in ("vi", "en"):
        with translation.override(lang):
            routes = [route for route, _ in walk() if not route.startswith(SKIP_PREFIXES)]
        for route in routes:
            if "<" not in route:
                continue
            for bad in BAD_SEGMENTS:
                assert_safe(client, concrete(route, quote(bad, safe="%")), failures)
    assert failures == []


def test_every_public_page_survives_bad_query_strings(client, demo_press_kits, demo):
    from exhibitors.models import Exhibitor, Product
    from expo.models import ProgrammeItem

    pages = {"/vi/", "/en/", "/sitemap.xml", "/robots.txt", "/healthz"}
    for route, _ in walk():
        if "<" not in route and not route.startswith(SKIP_PREFIXES):
            pages.add(concrete(route, ""))
    for lang in ("vi", "en"):
        with translation.override(lang):
            pages.update(concrete(route, "") for route, _ in walk() if "<" not in route and "admin" not in route)
            pages.add(Product.objects.published().first().get_absolute_url())
            pages.add(Exhibitor.objects.first().get_absolute_url())
            pages.add(ProgrammeItem.objects.published().first().get_absolute_url())
            pages.add(f"/{lang}/map/stands/A-01.pdf")
    failures = []
    for page in sorted(pages):
        if page.startswith(("/admin", "/media", "/static")):
            continue
        for query in BAD_QUERIES:
            assert_safe(client, f"{page}?{urlencode(query)}", failures)
    assert failures == []


@pytest.mark.parametrize("path", ["/xx/", "/EN/", "/vi/../en/", "/vi//exhibits//", "/" + "a" * 3000])
def test_bad_language_prefixes_and_paths_are_404(client, demo, path):
    response = client.get(path)
    assert response.status_code == 404


@pytest.mark.parametrize("url", ["/api/programme/%00", "/api/releases/a%00b", "/vi/exhibits/?q=%00", "/en/%00/"])
def test_nul_bytes_are_refused_before_any_view(client, db, url):
    response = client.get(url)
    assert response.status_code == 400
    assert "NUL" in response.content.decode()
