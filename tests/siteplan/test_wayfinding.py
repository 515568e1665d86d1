"""Way-finding on the public map: from here to there, the nearest service, "you are here"."""

import re

from siteplan.models import PointOfInterest


def way_result(html):
    match = re.search(r'<p class="map-result way-result" role="status">([^<]*)</p>', html)
    return match.group(1) if match else None


def test_route_between_two_stands_is_drawn_with_distance_and_time(client, site):
    html = client.get("/en/map/?from=A-09&to=B-07").content.decode()
    # A-09 centre (60, 40), B-07 centre (180, 50): 120.4 m straight, × 1.25 for paths = 151 m, 2.1 min.
    assert way_result(html) == (
        "From Stand A-09: Công ty Cơ khí Sông Hồng to Stand B-07: Tập đoàn An ninh Đường Lâm: "
        "151 m on foot, about 3 min."
    )
    assert '<polyline class="way" points="60.0,40.0 180.0,50.0"/>' in html


def test_route_in_vietnamese_reads_stand_codes_in_any_case(client, site):
    html = client.get("/vi/map/?from=a-09&to=s-01").content.decode()
    assert way_result(html).startswith("Từ Gian hàng A-09: Công ty Cơ khí Sông Hồng đến Gian hàng S-01:")
    assert "m đi bộ, khoảng" in way_result(html)


def test_nearest_service_from_a_stand_lists_the_closest_first(client, site, edition):
    for name, x, y in (("Toilets north", 70, 5), ("Toilets far", 390, 290), ("Toilets east", 240, 60)):
        PointOfInterest.objects.create(edition=edition, kind="toilets", name_vi=name, name_en=name, x=x, y=y)
    html = client.get("/en/map/?from=A-09&nearest=toilets").content.decode()
    assert way_result(html).startswith("From Stand A-09: Công ty Cơ khí Sông Hồng to Toilets north:")
    others = re.search(r'<ul class="way-nearest">(.*?)</ul>', html, re.S).group(1)
    assert others.index("Toilets east") < others.index("Toilets far")


def test_nearest_exit_counts_gates_too(client, site):
    html = client.get("/en/map/?here=B-07&nearest=exit").content.decode()
    assert "You are here: Stand B-07: Tập đoàn An ninh Đường Lâm" in html
    assert way_result(html).startswith("From Stand B-07: Tập đoàn An ninh Đường Lâm to Main gate:")
    assert '<g class="here"><title>You are here</title>' in html


def test_unknown_place_is_explained_not_an_error(client, site):
    response = client.get("/en/map/?from=Z-99&to=A-09")
    assert response.status_code == 200
    assert "No stand, service or hall has that name." in response.content.decode()
    response = client.get("/vi/map/?nearest=toilets")
    assert "Hãy cho biết bạn đang ở đâu trước" in response.content.decode()


def test_map_with_a_route_costs_no_more_queries_than_the_map(client, site, django_assert_num_queries):
    client.get("/en/map/")  # the edition, kept for the next requests
    with django_assert_num_queries(8):
        client.get("/en/map/?cache=off-1")
    with django_assert_num_queries(8):
        client.get("/en/map/?from=A-09&to=B-07&nearest=toilets")


def test_walk_through_my_visit_stands_starts_at_the_gate(client, site):
    html = client.get("/en/map/?walk=S-01,A-09,B-07").content.decode()
    result = " ".join(re.sub(r"<[^>]+>", " ", html.split('way-result" role="status">')[1].split("</p>")[0]).split())
    assert result.startswith("The route:") and "m on foot" in result
    # Main gate (200, 5) → B-07 (180, 50) → A-09 (60, 40) → S-01 (50, 160).
    assert "1 Main gate → 2 Stand B-07" in result and result.index("A-09") < result.index("S-01")
