"""Real queries on the demo catalogue, in both languages: the site's own category and sector
names, English plurals, "rađa"/"radar", hyphens. Each is asked of the exhibit list page (the
in-process word index) and of the SQL search (the reference): both must give the same exhibits."""

import re

import pytest

from exhibitors.models import Category, Product

# query, language of the page, the categories of every exhibit found, the category whose every
# exhibit must be found (None: see the test of spellings below)
QUERIES = [
    ("máy bay không người lái", "vi", {"unmanned-aerial-vehicles"}, "unmanned-aerial-vehicles"),
    ("unmanned aerial vehicles", "en", {"unmanned-aerial-vehicles"}, "unmanned-aerial-vehicles"),
    ("UAV", "en", None, "unmanned-aerial-vehicles"),
    ("tên lửa phòng không", "vi", {"air-defence-missiles"}, "air-defence-missiles"),
    ("air-defence missiles", "en", {"air-defence-missiles"}, "air-defence-missiles"),
    ("air defence missile", "en", {"air-defence-missiles"}, "air-defence-missiles"),
    ("máy bay trực thăng", "vi", {"helicopters"}, "helicopters"),
    ("helicopters", "en", {"helicopters"}, "helicopters"),
    ("helicopter", "en", {"helicopters"}, "helicopters"),
    ("tên lửa", "vi", {"air-defence-missiles", "warships"}, "air-defence-missiles"),
    ("missile", "en", {"air-defence-missiles", "warships"}, "air-defence-missiles"),
    ("missiles", "en", {"air-defence-missiles", "warships"}, "air-defence-missiles"),
    ("tàu ngầm", "vi", {"submarines", "underwater-reconnaissance"}, "submarines"),
    ("submarines", "en", {"submarines"}, "submarines"),
]


def page_slugs(client, language, query):
    html = client.get(f"/{language}/exhibits/", {"q": query}).content.decode()
    return set(re.findall(rf'class="card__title"><a href="/{language}/exhibits/([^/"]+)/"', html))


def sql_slugs(query):
    return set(Product.objects.published().search(query).values_list("slug", flat=True))


@pytest.mark.parametrize(("query", "language", "categories", "whole_category"), QUERIES)
def test_real_query_finds_the_category_it_names(client, demo, query, language, categories, whole_category):
    found = page_slugs(client, language, query)
    assert found == sql_slugs(query)
    every = set(Product.objects.published().filter(category__slug=whole_category).values_list("slug", flat=True))
    assert every and every <= found
    if categories is not None:
        kinds = set(Product.objects.filter(slug__in=found).values_list("category__slug", flat=True))
        assert kinds == categories


@pytest.mark.parametrize(
    ("vi", "en"),
    [
        ("tên lửa", "missile"),
        ("máy bay trực thăng", "helicopters"),
        ("máy bay không người lái", "unmanned aerial vehicles"),
    ],
)
def test_a_category_found_by_its_names_in_either_language_gives_the_same_exhibits(client, demo, vi, en):
    assert page_slugs(client, "vi", vi) == page_slugs(client, "en", en)


def test_radar_spellings_find_the_same_exhibits(client, demo):
    radars = set(Product.objects.filter(name_en__icontains="radar", is_published=True).values_list("slug", flat=True))
    assert radars  # "Rađa dẫn bắn" / "fire-control radar"
    found = {query: page_slugs(client, "vi", query) for query in ("radars", "rađa", "radar", "Radar", "rada")}
    assert all(slugs == found["radar"] for slugs in found.values())
    assert radars <= found["radar"]
    assert found["radar"] == sql_slugs("radars")


def test_search_page_offers_the_category_a_query_names(client, demo):
    html = client.get("/vi/search/", {"q": "tên lửa phòng không"}).content.decode()
    assert 'href="/vi/exhibits/?category=air-defence-missiles"' in html
    assert "Danh mục có tên khớp với tìm kiếm này" in html
    html = client.get("/en/exhibits/", {"q": "helicopters"}).content.decode()
    assert 'href="/en/exhibits/?category=helicopters"' in html
    assert "Categories named by this search:" in html
    # A word of a sector's name leads to the sector.
    sector = Category.objects.get(slug="helicopters").sector
    html = client.get("/en/search/", {"q": sector.name_en}).content.decode()
    assert f'href="/en/exhibits/?sector={sector.slug}"' in html


def test_an_empty_result_suggests_where_to_go_on(client, demo):
    html = client.get("/vi/search/", {"q": "Sakura tàu ngầm zzz"}).content.decode()
    assert "Không có kết quả nào khớp với “Sakura tàu ngầm zzz”" in html
    assert 'href="/vi/exhibits/?category=submarines"' in html  # nearest category
    assert "Sakura Rotorcraft" in html  # nearest exhibitor
    assert 'href="/en/search/?q=Sakura+t%C3%A0u+ng%E1%BA%A7m+zzz" hreflang="en" lang="en">Search in English</a>' in html
    html = client.get("/en/exhibits/", {"q": "Sakura submarine zzz"}).content.decode()
    assert "No exhibit matches these filters" in html
    assert 'href="/en/exhibits/?category=submarines"' in html and "Sakura Rotorcraft" in html
    assert ">Tìm bằng tiếng Việt</a>" in html
