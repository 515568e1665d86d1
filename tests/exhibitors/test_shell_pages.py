"""An exhibit as a reader and a link preview see it: its numbers in the page's language (page
and fact-sheet PDF; the API keeps the stored value), and its Open Graph and Twitter tags."""

from html.parser import HTMLParser

import pytest

from exhibitors.models import ProductSpecification
from tests.helpers import body, pdf_text


class MetaTags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and ("property" in attrs or "name" in attrs):
            self.tags.append((attrs.get("property") or attrs["name"], attrs.get("content")))


def meta_tags(html):
    parser = MetaTags()
    parser.feed(html)
    return parser.tags


def first(tags, name):
    return next(content for key, content in tags if key == name)


@pytest.fixture
def specs(catalogue, settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    kilo = catalogue["products"]["kilo"]
    ProductSpecification.objects.create(
        product=kilo, order=1, label_vi="Trần bay", label_en="Service ceiling", value="11\u202f509 m"
    )
    ProductSpecification.objects.create(
        product=kilo, order=2, label_vi="Tốc độ tối đa", label_en="Top speed", value="1472 km/h"
    )
    return kilo


@pytest.mark.parametrize(
    ("language", "ceiling", "speed"), [("vi", "11.509 m", "1.472 km/h"), ("en", "11,509 m", "1,472 km/h")]
)
def test_exhibit_page_and_fact_sheet_write_numbers_in_their_language(client, specs, language, ceiling, speed):
    page = client.get(f"/{language}/exhibits/{specs.slug}/").content.decode()
    assert f"<td>{ceiling}</td>" in page and f"<td>{speed}</td>" in page
    response = client.get(f"/{language}/exhibits/{specs.slug}/factsheet.pdf")
    assert response.status_code == 200
    text = pdf_text(body(response))
    assert ceiling in text and speed in text
    assert "11\u202f509" not in text and "1472" not in text


def test_the_api_keeps_the_stored_value(client, specs):
    data = client.get(f"/api/exhibits/{specs.slug}").json()
    assert [s["value"] for s in data["specifications"]] == ["11\u202f509 m", "1472 km/h"]


@pytest.mark.parametrize(
    ("language", "title", "locale", "alternate"),
    [("vi", "Tàu ngầm SH-1", "vi_VN", "en_GB"), ("en", "SH-1 submarine", "en_GB", "vi_VN")],
)
def test_exhibit_page_has_link_preview_tags(client, specs, settings, language, title, locale, alternate):
    settings.EXPO_SITE_URL = "https://vide.example.vn"
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "vide.example.vn"]
    html = client.get(f"/{language}/exhibits/{specs.slug}/?sort=name", HTTP_HOST="vide.example.vn").content.decode()
    tags = meta_tags(html)
    image = specs.images.get().image.url
    assert first(tags, "og:title") == title
    assert first(tags, "twitter:title") == title
    assert first(tags, "og:url") == f"https://vide.example.vn/{language}/exhibits/{specs.slug}/"
    assert first(tags, "og:image") == f"https://vide.example.vn{image}"
    assert first(tags, "twitter:image") == f"https://vide.example.vn{image}"
    assert first(tags, "twitter:card") == "summary_large_image"
    assert first(tags, "og:locale") == locale
    assert [content for key, content in tags if key == "og:locale:alternate"] == [alternate]
    assert first(tags, "og:type") == "article"


@pytest.mark.parametrize("path", ["/vi/", "/en/exhibits/", "/en/programme/", "/vi/map/", "/en/search/?q=x"])
def test_every_public_page_has_a_preview_title_and_address(client, catalogue, edition, settings, path):
    settings.EXPO_SITE_URL = "https://vide.example.vn"
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "vide.example.vn"]
    tags = meta_tags(client.get(path, HTTP_HOST="vide.example.vn").content.decode())
    assert first(tags, "og:title") == edition.name
    assert first(tags, "og:description") == edition.theme
    assert first(tags, "og:url") == "https://vide.example.vn" + path.split("?")[0]
    assert first(tags, "og:locale") == ("vi_VN" if path.startswith("/vi/") else "en_GB")
