"""The public map: what a visitor sees, highlighted, searched and filtered."""

import datetime
import gzip
import re
import unicodedata
from pathlib import Path

import pytest
import time_machine
from django.conf import settings
from django.contrib.staticfiles import finders

from expo.models import ProgrammeItem


def stand_link(html, code):
    """The <a …> element of stand `code` on the plan."""
    match = re.search(rf'<a href="[^"]*" class="([^"]*)" id="stand-{code.lower()}"><title>([^<]*)</title>', html)
    assert match, f"stand {code} not drawn"
    return match.group(1), match.group(2)


def view_box(html):
    return [float(v) for v in re.search(r'<svg class="plan" viewBox="([^"]+)"', html).group(1).split()]


def test_map_draws_every_placed_stand_as_a_link_with_its_title(client, site):
    html = client.get("/vi/map/").content.decode()
    assert '<a href="/vi/exhibitors/song-hong/" class="stand' in html
    _classes, title = stand_link(html, "A-09")
    assert title == "Gian hàng A-09: Công ty Cơ khí Sông Hồng"
    stand_link(html, "B-07")
    stand_link(html, "S-01")
    # A stand without a position is not drawn, the pinned tank is a link to its page.
    assert 'id="stand-b-99"' not in html
    assert '<a href="/vi/exhibits/xe-tang-tn-1/" class="pin"><title>Xe tăng TN-1</title>' in html
    assert view_box(html) == [0.0, 0.0, 400.0, 300.0]


def test_map_lists_halls_and_stands_beside_the_plan(client, site):
    html = client.get("/en/map/").content.decode()
    listing = html[html.index('id="map-list-title"') :]
    assert "Halls and stands" in listing
    assert '<a class="map-list__hall" href="?hall=hall-a">Show Exhibition Hall A on the plan</a>' in listing
    assert '<a href="?stand=A-09">A-09</a> <a href="/en/exhibitors/song-hong/">Công ty Cơ khí Sông Hồng</a>' in listing
    assert listing.index("A-01") < listing.index("A-09") < listing.index("B-07")
    assert "Entrance: Main gate" in listing


def test_stand_parameter_centres_and_highlights_the_stand(client, site):
    html = client.get("/en/map/?stand=a-09").content.decode()
    classes, _title = stand_link(html, "A-09")
    assert "is-highlighted" in classes
    assert "is-highlighted" not in stand_link(html, "A-01")[0]
    x, y, width, height = view_box(html)
    assert x < 60 < x + width and y < 40 < y + height and width < 400
    assert "Stand A-09: Công ty Cơ khí Sông Hồng" in html
    assert '<li class="is-highlighted"><a href="?stand=A-09">' in html
    assert '<a href="/en/map/">Show the whole site</a>' in html


def test_exhibitor_parameter_highlights_its_stand(client, site):
    html = client.get("/vi/map/?exhibitor=duong-lam").content.decode()
    assert "is-highlighted" in stand_link(html, "B-07")[0]
    assert "is-highlighted" not in stand_link(html, "A-09")[0]


def test_exhibit_parameter_highlights_its_pin_or_else_its_stand(client, site):
    html = client.get("/en/map/?exhibit=xe-tang-tn-1").content.decode()
    assert '<a href="/en/exhibits/xe-tang-tn-1/" class="pin is-highlighted">' in html
    html = client.get("/en/map/?exhibit=tau-ngam-sh-2").content.decode()
    assert "is-highlighted" in stand_link(html, "A-09")[0]


@pytest.mark.parametrize("query", ["song hong", "SÔNG HỒNG", unicodedata.normalize("NFD", "Sông Hồng"), "b-07"])
def test_search_by_exhibitor_name_or_stand_code_ignores_accents_and_case(client, site, query):
    html = client.get("/vi/map/", {"q": query}).content.decode()
    highlighted = re.findall(r'class="stand[^"]*is-highlighted[^"]*" id="stand-([a-z0-9-]+)"', html)
    expected = ["b-07"] if query == "b-07" else ["a-09"]
    assert highlighted == expected
    assert "1 gian hàng" in html


def test_search_without_a_match_says_so(client, site):
    html = client.get("/en/map/?q=zzzz").content.decode()
    assert "0 stands found for “zzzz”." in html


def test_sector_facet_colours_and_dims_the_stands(client, site):
    html = client.get("/en/map/").content.decode()
    assert "stand s1" in stand_link(html, "A-09")[0]  # naval
    assert "stand s2" in stand_link(html, "B-07")[0]  # ground forces
    assert '<span class="swatch s1" aria-hidden="true"></span>Naval</a>' in html
    html = client.get("/en/map/?sector=naval").content.decode()
    assert "is-dimmed" in stand_link(html, "B-07")[0]
    assert "is-dimmed" not in stand_link(html, "A-09")[0]
    assert '<a href="?sector=naval" aria-current="true">' in html


def test_hall_parameter_outlines_and_centres_the_hall(client, site):
    html = client.get("/en/map/?hall=hall-b").content.decode()
    assert '<g class="venue venue--hall is-highlighted"><title>Exhibition Hall B</title>' in html
    x, _y, width, _h = view_box(html)
    assert x < 130 and x + width > 230 and width < 200


def test_unknown_or_hostile_parameters_show_the_whole_plan(client, site):
    response = client.get("/en/map/", {"stand": "<script>x</script>", "exhibitor": "x" * 5000, "q": "\x07"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>x" not in html
    assert view_box(html) == [0.0, 0.0, 400.0, 300.0]


def test_map_without_a_current_edition_is_404(client, db):
    assert client.get("/en/map/").status_code == 404


def test_map_page_queries_do_not_grow_with_the_stands(client, site, django_assert_num_queries):
    # Edition, site plan, venues, sectors, stands, pins, points, display areas.
    with django_assert_num_queries(8):
        client.get("/vi/map/?stand=A-09&sector=naval&q=song")


def test_map_page_is_page_cached_for_visitors(client, site, settings):
    settings.EXPO_PAGE_CACHE_SECONDS = 300
    assert client.get("/vi/map/")["X-Cache"] == "MISS"
    assert client.get("/vi/map/")["X-Cache"] == "HIT"


@time_machine.travel(datetime.datetime(2024, 12, 20, 9, 10, tzinfo=datetime.UTC), tick=False)
def test_display_areas_are_marked_while_a_flying_display_is_on(client, site, edition):
    start = datetime.datetime(2024, 12, 20, 9, 0, tzinfo=datetime.UTC)
    ProgrammeItem.objects.create(
        edition=edition,
        slug="bay-20",
        title_vi="Bay trình diễn",
        title_en="Flying display",
        type=ProgrammeItem.Type.FLYING_DISPLAY,
        venue=site["halls"]["F"],
        start=start,
        end=start + datetime.timedelta(minutes=30),
        is_published=True,
    )
    response = client.get("/en/map/")
    html = response.content.decode()
    assert "Flying display is on now, until 16:30 (UTC+7)" in html
    assert '<g class="area area--display"><title>Display runway · Flying display</title>' in html
    assert '<g class="area area--viewing"><title>Viewing stands · Flying display</title>' in html
    assert response["Cache-Control"] == "max-age=1200"
    html = client.get("/vi/map/").content.decode()
    assert "Bay trình diễn đang diễn ra, đến 16:30 (UTC+7)" in html


@time_machine.travel(datetime.datetime(2024, 12, 20, 10, 0, tzinfo=datetime.UTC), tick=False)
def test_display_areas_are_not_marked_after_the_display(client, site, edition):
    start = datetime.datetime(2024, 12, 20, 9, 0, tzinfo=datetime.UTC)
    ProgrammeItem.objects.create(
        edition=edition,
        slug="bay",
        title_vi="Bay",
        type=ProgrammeItem.Type.FLYING_DISPLAY,
        venue=site["halls"]["F"],
        start=start,
        end=start + datetime.timedelta(minutes=30),
        is_published=True,
    )
    html = client.get("/en/map/").content.decode()
    assert "area--display" not in html and "is on now" not in html


@time_machine.travel(datetime.datetime(2024, 12, 20, 8, 0, tzinfo=datetime.UTC), tick=False)
def test_map_page_is_cached_no_longer_than_until_the_next_display(client, site, edition):
    start = datetime.datetime(2024, 12, 20, 8, 2, tzinfo=datetime.UTC)
    ProgrammeItem.objects.create(
        edition=edition,
        slug="bay",
        title_vi="Bay",
        type=ProgrammeItem.Type.FLYING_DISPLAY,
        venue=site["halls"]["F"],
        start=start,
        end=start + datetime.timedelta(minutes=30),
        is_published=True,
    )
    assert client.get("/en/map/")["Cache-Control"] == "max-age=120"


def test_map_page_stays_under_150_kb_compressed_with_440_stands(client, edition, site):
    from exhibitors.models import Exhibitor, Stand
    from siteplan.models import StandPlacement

    hall = site["halls"]["S"]
    exhibitors = Exhibitor.objects.bulk_create(
        Exhibitor(slug=f"bench-{n}", name=f"Công ty Trình diễn Số {n}", country="VN") for n in range(436)
    )
    stands = Stand.objects.bulk_create(
        Stand(exhibitor=e, edition=edition, venue=hall, code=f"S-{n + 100}") for n, e in enumerate(exhibitors)
    )
    StandPlacement.objects.bulk_create(
        StandPlacement(stand=s, x=12 + (n % 48) * 6, y=125 + (n // 48) * 7, width=5, depth=6)
        for n, s in enumerate(stands)
    )
    html = client.get("/en/map/").content
    assert html.count(b'class="stand ') == 440
    static = b"".join(
        Path(finders.find(name)).read_bytes() for name in ("siteplan/map.css", "siteplan/map.js", "expo/css/site.css")
    )
    compressed = len(gzip.compress(html, 9)) + len(gzip.compress(static, 9))
    assert compressed < 150 * 1024, compressed
    assert settings  # the budget is for the production page, rendered here by the same view
