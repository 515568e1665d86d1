"""A stand the site plan does not show is flagged where organisers look: on saving it, and on the
admin's dashboard (issue 26: "a stand without a map position gets no warning")."""

from django.contrib.auth import get_user_model
from django.urls import reverse

from exhibitors.models import Stand
from siteplan.models import StandPlacement
from tests.forms import form_data

DASHBOARD_WARNING = "1 gian hàng của VIDE 2024 chưa có vị trí trên sơ đồ: bản đồ chưa thể hiện các gian này."


def _save(client, exhibitor):
    url = reverse("admin:exhibitors_exhibitor_change", args=[exhibitor.pk])
    response = client.post(url, form_data(client, url), follow=True)
    assert response.redirect_chain, "the exhibitor was not saved"
    return response.content.decode()


def test_saving_a_stand_without_a_position_says_so_with_a_link_to_place_it(admin_client, site):
    html = _save(admin_client, site["exhibitors"]["late"])
    stand = Stand.objects.get(code="B-99")
    assert (
        "Gian B-99 (Nhà trưng bày B, VIDE 2024) chưa có vị trí trên sơ đồ: bản đồ, sơ đồ PDF và biển gian hàng "
        "chưa thể hiện gian này." in html
    )
    assert f'<a href="/admin/siteplan/standplacement/add/?stand={stand.pk}">Đặt vị trí</a>' in html


def test_saving_a_placed_stand_warns_of_nothing(admin_client, site):
    html = _save(admin_client, site["exhibitors"]["song_hong"])
    assert "chưa có vị trí trên sơ đồ" not in html


def test_the_dashboard_counts_the_stands_without_a_position(admin_client, site):
    html = admin_client.get("/admin/").content.decode()
    assert DASHBOARD_WARNING in html
    assert '<a href="/admin/siteplan/standplacement/unplaced/">Đặt vị trí</a>' in html

    StandPlacement.objects.create(stand=site["stands"]["B-99"], x=180, y=70, width=10, depth=8)
    assert "chưa có vị trí trên sơ đồ" not in admin_client.get("/admin/").content.decode()


def test_the_dashboard_warning_is_for_those_who_see_the_plan(client, site):
    user = get_user_model().objects.create_user("visitor-desk", password="a-long-test-password", is_staff=True)
    client.force_login(user)
    assert "chưa có vị trí trên sơ đồ" not in client.get("/admin/").content.decode()
