"""Facet counts and result counts kept in the shared cache: cheaper repeat visits, never stale."""

import re

import pytest

from exhibitors import services
from exhibitors.models import Product, Sector
from tests.factories import make_exhibitor, make_product
from tests.forms import facet_counts, titles


@pytest.fixture(autouse=True)
def _fragment_cache(settings):
    settings.EXPO_FRAGMENT_CACHE_SECONDS = 600


@pytest.mark.parametrize("url", ["/en/exhibits/?country=VN", "/en/exhibitors/?sector=naval"])
def test_a_repeat_visit_reuses_the_cached_facets(client, catalogue, url, django_assert_num_queries):
    first = client.get(url).content.decode()
    # The facets, the count and the page's cards all come from the shared cache: no query at all.
    with django_assert_num_queries(0):
        again = client.get(url).content.decode()
    assert facet_counts(again) == facet_counts(first)
    assert titles(again) == titles(first)
    assert "result" in again


def test_a_new_exhibit_shows_in_the_counts_at_once(client, catalogue, sectors, django_capture_on_commit_callbacks):
    before = facet_counts(client.get("/en/exhibits/").content.decode())
    with django_capture_on_commit_callbacks(execute=True):  # the version bumps when the writes commit
        maker = make_exhibitor("new-maker", "Ha Long Yards", "VN", sectors=[sectors["naval"]])
        make_product(maker, sectors["submarines"], "hl-1", "Tàu HL-1", "HL-1 submarine")
    html = client.get("/en/exhibits/").content.decode()
    after = facet_counts(html)
    assert after["Submarines"] == before["Submarines"] + 1
    assert after["Vietnam"] == before["Vietnam"] + 1
    assert "HL-1 submarine" in titles(html)
    assert "5 results" in html


def test_unpublishing_through_the_service_updates_the_counts(client, catalogue, django_capture_on_commit_callbacks):
    assert facet_counts(client.get("/en/exhibits/").content.decode())["Tanks"] == 1
    with django_capture_on_commit_callbacks(execute=True):
        services.set_published(products=Product.objects.filter(category__slug="tanks"), published=False)
    html = client.get("/en/exhibits/").content.decode()
    assert "Tanks" not in facet_counts(html)
    assert "DL-3 tank" not in titles(html)


def test_a_renamed_exhibit_shows_on_its_cached_page_at_once(client, catalogue, django_capture_on_commit_callbacks):
    for language in ("vi", "en"):
        client.get(f"/{language}/exhibits/?page=1")
    product = Product.objects.get(name_en="DL-3 tank")
    product.name_vi, product.name_en = "Xe tăng DL-4", "DL-4 tank"
    with django_capture_on_commit_callbacks(execute=True):
        product.save()
    assert "DL-4 tank" in titles(client.get("/en/exhibits/?page=1").content.decode())
    vietnamese = titles(client.get("/vi/exhibits/?page=1").content.decode())
    assert "Xe tăng DL-4" in vietnamese and "DL-3" not in " ".join(vietnamese)


def test_renaming_a_sector_shows_in_the_facets_at_once(client, catalogue, django_capture_on_commit_callbacks):
    assert "Naval" in facet_counts(client.get("/en/exhibitors/").content.decode())
    sector = Sector.objects.get(slug="naval")
    sector.name_en = "Maritime"
    with django_capture_on_commit_callbacks(execute=True):
        sector.save()
    counts = facet_counts(client.get("/en/exhibitors/").content.decode())
    assert "Maritime" in counts and "Naval" not in counts


def test_each_language_keeps_its_own_facet_labels(client, catalogue):
    english = facet_counts(client.get("/en/exhibits/").content.decode())
    vietnamese = facet_counts(client.get("/vi/exhibits/").content.decode())
    assert "Naval" in english and "Hải quân" in vietnamese
    assert english["Naval"] == vietnamese["Hải quân"]


def highlight_titles(html):
    section = html[html.index('id="highlights-title"') :]
    section = section[: section.index("</section>")]
    return re.findall(r"<h3><a [^>]*>([^<]+)</a></h3>", section)


def test_the_home_pages_highlights_are_chosen_once_and_change_with_the_catalogue(
    client, demo, django_capture_on_commit_callbacks, django_assert_num_queries
):
    first = highlight_titles(client.get("/en/").content.decode())
    assert len(first) == 4  # one exhibit with a photo per sector
    # The venues, the 4 exhibits and their images (the choice is kept); the demo edition has ended
    # in the tests (19–22/12/2024), so its home page also looks for the next edition.
    with django_assert_num_queries(4):
        again = client.get("/en/").content.decode()
    assert highlight_titles(again) == first
    with django_capture_on_commit_callbacks(execute=True):
        services.set_published(products=Product.objects.filter(name_en=first[0]), published=False)
    after = highlight_titles(client.get("/en/").content.decode())
    assert first[0] not in after
    assert len(after) == 4
