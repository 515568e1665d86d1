"""Page weight (issue 29): each public page's HTML plus the CSS and JS it loads, compressed.

The budget is 100 KB per page before images: the HTML gzipped as the app serves it (level 6,
Django's GZipMiddleware and nginx) and each stylesheet and script gzipped as whitenoise
precompresses it (level 9), resolved through the staticfiles finders. Images, fonts, PDFs and
the manifest are not counted. The pages: one of each kind the sitemap lists (a list, a detail),
plus the pages it leaves out (search, My visit, the live board, the archive…), in both
languages. Runs inside Django: the test suite on the demo (tests/test_page_weight.py) and
`make bench` on its data.
"""

import gzip
import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders

BUDGET = 100 * 1024
# Public pages the sitemap does not list (or lists only as one of many), per language.
FIXED = [
    "",
    "visit/",
    "exhibitors/",
    "exhibits/",
    "programme/",
    "programme/changes/",
    "map/",
    "press/",
    "press/photos/",
    "results/",
    "search/?q=radar",
    "search/?q=xyzzy-nothing",
    "my/",
    "live/",
    "live/?screen=1",
    "register/",
    "editions/2024/",
    "editions/2024/exhibitors/",
    "editions/2024/exhibits/",
    "editions/2024/programme/",
    "editions/2024/results/",
    "editions/2024/press/",
]
LANGUAGES = ("vi", "en")
# A fingerprinted static name (ManifestStaticFilesStorage): name.0123456789ab.css.
HASHED = re.compile(r"\.[0-9a-f]{12}(\.\w+)$")
# <link rel> values that load a stylesheet or a script (a preload counts by its `as`).
LOADED_LINKS = {"stylesheet", "modulepreload"}
CSS_IMPORT = re.compile(r"""@import\s+(?:url\()?["']?([^"')\s;]+)""")


class _Assets(HTMLParser):
    """The stylesheets and scripts a page makes the browser load."""

    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        rel = set((attrs.get("rel") or "").lower().split())
        if tag == "script" and attrs.get("src"):
            self.urls.append(attrs["src"])
        elif tag == "link" and attrs.get("href") and (rel & LOADED_LINKS or attrs.get("as") in {"script", "style"}):
            self.urls.append(attrs["href"])


def gzipped(data, level):
    return len(gzip.compress(data, compresslevel=level))


def static_file(url):
    """The bytes of a /static/ URL, found as the staticfiles finders find it (None if not static)."""
    path = urlsplit(url).path
    if not path.startswith(settings.STATIC_URL):
        return None
    name = HASHED.sub(r"\1", path.removeprefix(settings.STATIC_URL))
    found = finders.find(name)
    if not found:
        raise LookupError(f"{url}: no such static file")
    with open(found, "rb") as handle:
        return handle.read()


def _assets(html):
    parser = _Assets()
    parser.feed(html)
    seen, sizes = set(), {}
    queue = list(parser.urls)
    while queue:
        url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        data = static_file(url)
        if data is None:
            continue
        sizes[url] = gzipped(data, 9)
        if urlsplit(url).path.endswith(".css"):
            base = url.rsplit("/", 1)[0] + "/"
            queue += [i if i.startswith("/") else base + i for i in CSS_IMPORT.findall(data.decode())]
    return sizes


def public_paths(client):
    """One page of each kind in the sitemap (the first of a detail kind), plus FIXED, in both languages."""
    xml = client.get("/sitemap.xml").content.decode()
    kinds = {}
    for location in re.findall(r"<loc>([^<]+)</loc>", xml):
        path = urlsplit(location).path
        if not path.endswith("/"):
            continue  # PDFs and other files
        parts = path.strip("/").split("/")
        kind = "/".join(parts[:-1]) + "/*" if len(parts) > 2 or parts[-1:] == ["releases"] else path
        kinds.setdefault(kind, path)
    fixed = [f"/{language}/{rest}" for language in LANGUAGES for rest in FIXED]
    return list(dict.fromkeys([*fixed, *kinds.values()]))


def weigh(client, paths):
    """[(path, status, HTML bytes gz, CSS+JS bytes gz, total, {asset: bytes gz})] for each path."""
    rows = []
    for path in paths:
        response = client.get(path)
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            rows.append((path, response.status_code, 0, 0, 0, {}))
            continue
        html = b"".join(response) if response.streaming else response.content
        assets = _assets(html.decode())
        page = gzipped(html, 6)
        rows.append((path, 200, page, sum(assets.values()), page + sum(assets.values()), assets))
    return rows


def table(rows):
    """A Markdown table of the weights, in KB, with the budget's verdict."""
    lines = [
        "| page | HTML KB gz | CSS + JS KB gz | total KB | budget 100 KB |",
        "|---|---|---|---|---|",
    ]
    for path, status, page, assets, total, _files in rows:
        if status != 200:
            lines.append(f"| `{path}` | – | – | – | not served ({status}) |")
            continue
        verdict = "ok" if total < BUDGET else "**over**"
        lines.append(f"| `{path}` | {page / 1024:.1f} | {assets / 1024:.1f} | {total / 1024:.1f} | {verdict} |")
    return "\n".join(lines)
