"""The visitor information page links the map's gates, car parks and shuttle stops, each to the
map centred on it."""

import re

from siteplan.models import PointOfInterest


def test_visit_page_links_gates_parking_and_shuttle_to_the_map_centred_on_them(client, site, edition):
    parking = PointOfInterest.objects.create(
        edition=edition, kind="parking", name_vi="Bãi đỗ xe P1", name_en="Car park P1", x=350, y=20
    )
    PointOfInterest.objects.create(
        edition=edition, kind="shuttle", name_vi="Điểm đón xe buýt", name_en="Shuttle stop", x=380, y=22
    )
    PointOfInterest.objects.create(edition=edition, kind="toilets", name_vi="Nhà vệ sinh", name_en="Toilets", x=5, y=5)
    html = client.get("/en/visit/").content.decode()
    links = re.findall(r'<li><a href="(/en/map/\?point=\d+)">([^<]+)</a></li>', html)
    names = [text for _href, text in links]
    assert names == ["Entrance: Main gate", "Parking: Car park P1", "Shuttle stop: Shuttle stop"]
    assert "Toilets" not in html
    vi = client.get("/vi/visit/").content.decode()
    assert "Bãi đỗ xe: Bãi đỗ xe P1" in vi and "Cổng, bãi đỗ xe và điểm đón xe buýt trên sơ đồ" in vi

    # The link opens the map centred on the car park, marked, and named above the plan.
    href = f"/en/map/?point={parking.pk}"
    assert href in dict(links)
    map_html = client.get(href).content.decode()
    x, y, width, depth = (float(n) for n in re.search(r'viewBox="([^"]+)"', map_html).group(1).split())
    assert (x + width / 2, y + depth / 2) == (350.0, 20.0)
    assert map_html.count('class="poi poi--parking is-highlighted"') == 1
    assert '<p class="map-result" role="status">Car park P1</p>' in map_html


def test_visit_page_without_such_points_has_no_map_list(client, edition):
    html = client.get("/en/visit/").content.decode()
    assert "on the map" not in html
