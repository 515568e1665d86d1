"""Plan previews in the admin, the unplaced-stands list, and the plan on catalogue pages."""

from exhibitors.models import Stand
from siteplan.models import ExhibitPin, StandPlacement, VenueOutline


def test_venue_admin_page_shows_its_outline_and_the_plan_centred_on_it(admin_client, site):
    html = admin_client.get(f"/admin/expo/venue/{site['halls']['A'].pk}/change/").content.decode()
    assert "Trên sơ đồ khu triển lãm" in html
    assert '<g class="venue venue--hall is-highlighted"><title>Nhà trưng bày A</title>' in html
    assert "Gian hàng A-09: Công ty Cơ khí Sông Hồng" in html
    assert 'name="outline-0-points"' in html


def test_stand_position_admin_page_previews_the_stand_highlighted(admin_client, site):
    placement = StandPlacement.objects.get(stand__code="A-09")
    html = admin_client.get(f"/admin/siteplan/standplacement/{placement.pk}/change/").content.decode()
    assert 'class="stand s1 is-highlighted" id="stand-a-09"' in html


def test_admin_lists_the_stands_without_a_position(admin_client, site):
    html = admin_client.get("/admin/siteplan/standplacement/unplaced/").content.decode()
    assert "1 gian hàng của VIDE 2024 chưa có vị trí trên sơ đồ." in html
    assert "<td>B-99</td>" in html and "Late Comer Systems" in html
    assert "<td>A-09</td>" not in html


def test_stand_positions_changelist_queries_do_not_grow(admin_client, site, django_assert_num_queries):
    admin_client.get("/admin/siteplan/standplacement/")
    # 8 with the superuser's second factor (django-otp reads the session's device).
    with django_assert_num_queries(8):
        response = admin_client.get("/admin/siteplan/standplacement/")
    assert "Nhập vị trí gian hàng" in response.content.decode()


def test_placement_outside_its_hall_is_refused_in_the_admin(admin_client, site):
    stand = Stand.objects.get(code="B-99")
    data = {"stand": stand.pk, "x": 500, "y": 500, "width": 9, "depth": 6, "rotation": 0, "polygon": ""}
    response = admin_client.post("/admin/siteplan/standplacement/add/", data)
    assert "Gian hàng phải nằm trong đường bao của nhà trưng bày hoặc khu vực." in response.content.decode()
    assert not StandPlacement.objects.filter(stand=stand).exists()


def test_pin_outside_the_exhibitors_plot_is_refused(admin_client, site, edition):
    data = {"edition": edition.pk, "product": site["sub"].pk, "x": 300, "y": 40}
    response = admin_client.post("/admin/siteplan/exhibitpin/add/", data)
    assert "Điểm đánh dấu phải nằm trong khu đất của đơn vị trưng bày (gian hàng A-09)." in response.content.decode()
    assert not ExhibitPin.objects.filter(product=site["sub"]).exists()


def test_exhibitor_page_shows_a_small_plan_with_a_link_to_the_map(client, site):
    html = client.get("/en/exhibitors/song-hong/").content.decode()
    assert '<title id="plan-mini-title">Stand A-09 in Exhibition Hall A</title>' in html
    assert '<a href="/en/map/?stand=A-09">Show on the site map</a>' in html


def test_exhibit_page_links_the_map_centred_on_the_exhibit(client, site):
    html = client.get("/vi/exhibits/xe-tang-tn-1/").content.decode()
    assert '<a href="/vi/map/?exhibit=xe-tang-tn-1">Xem trên sơ đồ khu triển lãm</a>' in html


def test_exhibitor_without_a_position_shows_no_plan(client, site):
    html = client.get("/en/exhibitors/late-comer/").content.decode()
    assert "plan-mini" not in html


def test_hall_facet_links_to_the_hall_on_the_map(client, site):
    html = client.get("/en/exhibitors/").content.decode()
    assert (
        '<a class="facet__map" href="/en/map/?hall=hall-a">'
        '<span class="visually-hidden">A · Exhibition Hall A </span>on the map</a>' in html
    )


def test_demo_places_every_stand_inside_its_venue_and_pins_exhibits(demo):
    from siteplan import geometry

    stands = Stand.objects.filter(edition__is_current=True).select_related("placement", "venue__outline")
    assert stands.count() >= 40
    for stand in stands:
        assert geometry.inside(stand.placement.outline, stand.venue.outline.points), stand.code
    assert VenueOutline.objects.filter(venue__kind="hall").count() == 3
    assert 3 <= ExhibitPin.objects.count() <= 8
    for pin in ExhibitPin.objects.select_related("product"):
        plot = StandPlacement.objects.get(stand__exhibitor=pin.product.exhibitor_id)
        assert geometry.inside([(pin.x, pin.y)], plot.outline)
