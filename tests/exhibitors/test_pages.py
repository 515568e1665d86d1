"""Public catalogue pages: facets, search, sorting, bad input, detail pages and query counts."""

import re

import pytest
from model_bakery import baker

from common.cache import bump_content_version
from exhibitors.models import Category, Exhibitor, Stand
from tests.factories import make_exhibitor, make_product
from tests.forms import facet_counts, titles


def test_product_list_shows_published_exhibits_with_facet_counts(client, catalogue):
    html = client.get("/en/exhibits/").content.decode()
    assert titles(html) == ["DL-3 tank", "MA-4 submarine", "SH-1 submarine", "SH-2 corvette"]
    assert "MA-5 secret ship" not in html
    counts = facet_counts(html)
    assert counts["Naval"] == 3 and counts["Ground forces"] == 1
    assert counts["Submarines"] == 2 and counts["Tanks"] == 1
    assert counts["Vietnam"] == 3 and counts["France"] == 1
    assert counts["A · Hall A"] == 2 and counts["B · Hall B"] == 2


def test_product_list_combines_facets(client, catalogue):
    html = client.get("/en/exhibits/?sector=naval&country=VN").content.decode()
    assert titles(html) == ["SH-1 submarine", "SH-2 corvette"]
    counts = facet_counts(html)
    # Each facet counts what the other filters leave: France still offers its one naval exhibit.
    assert counts["France"] == 1 and counts["Vietnam"] == 2
    assert counts["Ground forces"] == 1
    html = client.get("/en/exhibits/?category=submarines&hall=hall-b").content.decode()
    assert titles(html) == ["MA-4 submarine"]


def test_product_list_in_vietnamese_sorts_by_vietnamese_name(client, catalogue):
    html = client.get("/vi/exhibits/").content.decode()
    assert titles(html) == ["Tàu hộ vệ SH-2", "Tàu ngầm MA-4", "Tàu ngầm SH-1", "Xe tăng ĐL-3"]


def test_product_list_sorts_by_country(client, catalogue):
    html = client.get("/en/exhibits/?sort=country").content.decode()
    assert titles(html) == ["MA-4 submarine", "DL-3 tank", "SH-1 submarine", "SH-2 corvette"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("tau ngam", ["MA-4 submarine", "SH-1 submarine"]),
        ("TÀU NGẦM sh", ["SH-1 submarine"]),
        ("DUONG", ["DL-3 tank"]),
        ("song hong", ["SH-1 submarine", "SH-2 corvette"]),
        ("corvette", ["SH-2 corvette"]),
        ("secret", []),
    ],
)
def test_product_search_ignores_accents_and_case(client, catalogue, query, expected):
    html = client.get("/en/exhibits/", {"q": query}).content.decode()
    assert titles(html) == expected


def test_exhibitor_list_facets_and_search(client, catalogue):
    html = client.get("/en/exhibitors/").content.decode()
    assert titles(html) == ["Công ty Cơ khí Sông Hồng", "Marine Atlantique", "Tập đoàn An ninh Đường Lâm"]
    counts = facet_counts(html)
    assert counts["Naval"] == 2 and counts["Submarines"] == 2 and counts["Vietnam"] == 2
    assert titles(client.get("/en/exhibitors/?q=duong").content.decode()) == ["Tập đoàn An ninh Đường Lâm"]
    assert titles(client.get("/en/exhibitors/?q=viet+nam").content.decode()) == [
        "Công ty Cơ khí Sông Hồng",
        "Tập đoàn An ninh Đường Lâm",
    ]
    assert titles(client.get("/en/exhibitors/?category=submarines&country=FR").content.decode()) == [
        "Marine Atlantique"
    ]
    html = client.get("/en/exhibitors/?sort=country").content.decode()
    assert titles(html)[0] == "Marine Atlantique"


def test_list_paginates_24_per_page_with_shareable_links(client, edition, sectors):
    maker = make_exhibitor("maker", "Maker", "VN")
    for n in range(30):
        make_product(maker, sectors["tanks"], f"t-{n:02d}", f"Xe {n:02d}", f"Tank {n:02d}")
    html = client.get("/en/exhibits/?category=tanks").content.decode()
    assert len(titles(html)) == 24
    assert 'href="?category=tanks&amp;page=2" rel="next"' in html
    html = client.get("/en/exhibits/?category=tanks&page=2").content.decode()
    assert titles(html) == [f"Tank {n}" for n in range(24, 30)]
    assert "Page 2 of 2" in html


@pytest.mark.parametrize(
    "params",
    [
        {"page": "abc"},
        {"page": "99999"},
        {"page": "-1"},
        {"q": "x" * 5000},
        {"q": "<script>alert(1)</script>"},
        {"q": "' OR 1=1; DROP TABLE exhibitors_product; --"},
        {"sector": "<b>x</b>"},
        {"category": "nope"},
        {"country": "ZZ"},
        {"hall": "1' OR '1'='1"},
        {"sort": "-pk"},
        {"q": "\x07\x1b"},  # control characters (NUL is refused before any view)
    ],
)
@pytest.mark.parametrize("url", ["/en/exhibits/", "/en/exhibitors/", "/vi/exhibits/"])
def test_bad_parameters_never_break_a_list(client, catalogue, url, params):
    response = client.get(url, params)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "<b>x</b>" not in html


def test_unknown_facet_value_is_explained(client, catalogue):
    html = client.get("/en/exhibits/?sector=%3Cb%3Ex%3C%2Fb%3E").content.decode()
    assert "Nothing matches the filter “Sector = &lt;b&gt;x&lt;/b&gt;”" in html
    assert titles(html) == []
    html = client.get("/vi/exhibitors/?country=ZZ").content.decode()
    assert "ZZ" in html and titles(html) == []


def test_a_chosen_country_without_results_can_still_be_removed(client, catalogue):
    html = client.get("/en/exhibits/?country=FR&q=tank").content.decode()
    assert titles(html) == []
    assert '<a href="?q=tank" rel="nofollow" aria-current="true" class="facet__option facet__option--selected">' in html
    assert "France" in html


def test_bad_slugs_are_404(client, catalogue):
    assert client.get("/en/exhibits/no-such-thing/").status_code == 404
    assert client.get("/en/exhibitors/no-such-thing/").status_code == 404
    assert client.get("/en/exhibits/ma-5/").status_code == 404  # unpublished


def test_product_detail_shows_gallery_specifications_and_stand(client, catalogue):
    product = catalogue["products"]["kilo"]
    product.specifications.create(order=2, label_vi="Thủy thủ đoàn", label_en="Crew", value="52")
    product.specifications.create(order=1, label_vi="Chiều dài", label_en="Length", value="74 m")
    html = client.get("/en/exhibits/sh-1/").content.decode()
    assert "<h1>SH-1 submarine</h1>" in html
    assert re.search(r'<th scope="row">Length</th><td>74 m</td></tr><tr><th scope="row">Crew</th>', html)
    assert '<span class="nowrap">A-01</span> · Hall A' in html
    assert '<a href="/en/exhibitors/song-hong/">Công ty Cơ khí Sông Hồng</a>' in html
    image = product.images.get()
    assert f'srcset="{image.srcset()}"' in html and "320w" in image.srcset()
    assert 'width="800" height="600" alt="Photo of SH-1 submarine"' in html
    assert 'id="factsheet"' in html
    html = client.get("/vi/exhibits/sh-1/").content.decode()
    assert '<th scope="row">Chiều dài</th>' in html


def test_cards_use_lazy_thumbnails_with_dimensions(client, catalogue):
    html = client.get("/en/exhibits/").content.decode()
    img = re.search(r'<img class="card__image"[^>]+>', html).group(0)
    assert 'loading="lazy"' in img and 'width="320" height="240"' in img and "640w" in img


def test_card_without_english_texts_shows_the_vietnamese_ones_in_english(client, catalogue, sectors):
    """An exhibit, category and photo entered only in Vietnamese: the English card falls back."""
    drones = Category.objects.create(sector=sectors["ground"], slug="drones", name_vi="Thiết bị bay không người lái")
    product = make_product(Exhibitor.objects.get(slug="duong-lam"), drones, "uav-1", "Máy bay UAV-1", image=True)
    product.images.update(alt_text_en="")
    html = client.get("/en/exhibits/").content.decode()
    card = re.search(r'<li class="card">(?:(?!</li>).)*UAV-1.*?</li>', html, re.S).group(0)
    assert 'alt="Ảnh Máy bay UAV-1"' in card
    assert '<p class="card__kicker">Thiết bị bay không người lái</p>' in card
    assert ">Máy bay UAV-1</a></h2>" in card
    assert "Tập đoàn An ninh Đường Lâm · " in card


def test_exhibitor_detail_shows_profile_stand_and_its_published_exhibits(client, catalogue, edition):
    html = client.get("/en/exhibitors/marine-demo/").content.decode()
    assert "<h1>Marine Atlantique</h1>" in html
    assert '<span class="nowrap">B-01</span> · Hall B' in html
    assert "MA-4 submarine" in html and "MA-5 secret ship" not in html


def test_only_the_current_editions_stand_shows(client, catalogue, edition):
    old = baker.make("expo.Edition", slug="vide-2022", acronym="VIDE 2022", is_current=False)
    old_hall = baker.make("expo.Venue", edition=old, code="Z", slug="hall-z", name_en="Old hall")
    Stand.objects.create(exhibitor=catalogue["exhibitors"]["duong"], edition=old, venue=old_hall, code="Z-99")
    html = client.get("/en/exhibitors/duong-lam/").content.decode()
    assert "B-07" in html and "Z-99" not in html
    assert "Old hall" not in client.get("/en/exhibits/").content.decode()


def test_language_switcher_keeps_the_object(client, catalogue):
    html = client.get("/en/exhibits/sh-1/").content.decode()
    assert 'href="/vi/exhibits/sh-1/"' in html


def test_sitemap_lists_exhibitors_and_published_exhibits(client, catalogue):
    xml = client.get("/sitemap.xml").content.decode()
    assert "/vi/exhibitors/song-hong/" in xml and "/en/exhibits/sh-1/" in xml
    assert "/exhibits/ma-5/" not in xml


def _grow(edition, sectors, venues, n):
    for i in range(n):
        exhibitor = make_exhibitor(
            f"e-{i}",
            f"Exhibitor {i}",
            ["VN", "FR", "DE", "KR"][i % 4],
            sectors=[sectors["naval"]],
            stand=(venues["A"], f"A-{i}"),
            edition=edition,
        )
        make_product(exhibitor, sectors["submarines"], f"p-{i}", f"Tàu {i}", f"Boat {i}", image=True)
        exhibitor.products.get().specifications.create(label_vi="Dài", value="1 m")


@pytest.mark.parametrize(
    "url",
    [
        "/vi/exhibits/",
        "/en/exhibits/?sector=naval&category=submarines&country=VN&hall=hall-a&q=tau&sort=country",
        "/vi/exhibitors/",
        "/en/exhibitors/?sector=naval&category=submarines&country=VN&hall=hall-a&q=exhibitor&sort=country",
    ],
)
def test_list_query_count_is_flat(client, edition, sectors, venues, url, django_assert_max_num_queries):
    _grow(edition, sectors, venues, 1)
    # The first request after an edit builds the facet index (5 queries); a search then asks the
    # database which rows match (1 more). Later requests skip both (test_facet_index.py).
    budget = 9 if "q=" in url else 8
    with django_assert_max_num_queries(budget):
        assert len(titles(client.get(url).content.decode())) == 1
    for i in range(1, 50):
        exhibitor = make_exhibitor(
            f"e-{i}", f"Exhibitor {i}", "VN", sectors=[sectors["naval"]], stand=(venues["A"], f"A-{i}"), edition=edition
        )
        make_product(exhibitor, sectors["submarines"], f"p-{i}", f"Tàu {i}", f"Boat {i}")
    bump_content_version()  # what the commit of these writes does (a test's writes never commit)
    with django_assert_max_num_queries(budget):
        assert len(titles(client.get(url).content.decode())) == 24


# The current edition (the tests keep no shared fragments), then for an exhibit: the exhibit
# with its maker, category, sector and the maker's stand with its hall, its specifications, its
# images, the hall's stand positions and outline (the small plan); for an exhibitor: the
# exhibitor with its stand and hall, its sectors, the small plan, its exhibits, their images.
@pytest.mark.parametrize(("url", "queries"), [("/en/exhibits/p-0/", 5), ("/vi/exhibitors/e-0/", 6)])
def test_detail_query_count_is_flat(client, edition, sectors, venues, url, queries, django_assert_num_queries):
    _grow(edition, sectors, venues, 1)
    client.get(url)
    with django_assert_num_queries(queries):
        html = client.get(url).content.decode()
    assert "Boat 0" in html or "Tàu 0" in html
    exhibitor = Exhibitor.objects.get(slug="e-0")
    for i in range(50):
        make_product(exhibitor, sectors["submarines"], f"more-{i}", f"Tàu thêm {i}", f"More {i}", image=True)
    product = exhibitor.products.get(slug="p-0")
    for i in range(50):
        product.specifications.create(order=i, label_vi=f"Thông số {i}", value=str(i))
    with django_assert_num_queries(queries):
        html = client.get(url).content.decode()
    assert "Thông số 49" in html or "Tàu thêm 49" in html


def test_detail_pages_of_an_exhibitor_without_a_stand_say_so(client, catalogue, edition):
    Stand.objects.filter(exhibitor=catalogue["exhibitors"]["marine"]).delete()
    for url in ("/en/exhibitors/marine-demo/", "/en/exhibits/ma-4/"):
        html = client.get(url).content.decode()
        assert "<dd>No stand at this edition</dd>" in html and "B-01" not in html and "plan-mini" not in html
    # The other makers' stands still show.
    assert '<span class="nowrap">B-07</span> · Hall B' in client.get("/en/exhibits/dl-3/").content.decode()


def test_detail_pages_without_a_current_edition_show_no_stand(client, catalogue, edition):
    edition.is_current = False
    edition.save()
    bump_content_version()  # what the commit of the save does (a test's writes never commit)
    html = client.get("/vi/exhibits/sh-1/").content.decode()
    assert "Tàu ngầm SH-1" in html and "A-01" not in html and "<dd>Không có gian hàng tại kỳ này</dd>" in html
