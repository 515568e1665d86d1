"""The organisers' admin: changelists stay flat in queries, groups hold the right permissions."""

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.urls import reverse
from model_bakery import baker

CHANGELISTS = [
    ("expo", "edition"),
    ("expo", "venue"),
    ("exhibitors", "sector"),
    ("exhibitors", "category"),
]


def make_rows(model_name, numbers, edition):
    if model_name == "edition":
        for n in numbers:
            baker.make("expo.Edition", slug=f"edition-{n}", acronym=f"ED {n}")
    elif model_name == "venue":
        for n in numbers:
            baker.make("expo.Venue", edition=edition, slug=f"venue-{n}", name_vi=f"Khu {n}")
    elif model_name == "sector":
        for n in numbers:
            sector = baker.make("exhibitors.Sector", slug=f"sector-{n}", name_vi=f"Lĩnh vực {n}")
            baker.make("exhibitors.Category", sector=sector, slug=f"cat-{n}-a")
    else:
        sector = baker.make("exhibitors.Sector", slug=f"s-{numbers[0]}")
        for n in numbers:
            baker.make("exhibitors.Category", sector=sector, slug=f"category-{n}", name_vi=f"Danh mục {n}")


@pytest.mark.parametrize(("app_label", "model_name"), CHANGELISTS)
def test_changelist_query_count_is_flat(admin_client, edition, django_assert_max_num_queries, app_label, model_name):
    url = reverse(f"admin:{app_label}_{model_name}_changelist")
    make_rows(model_name, [0], edition)
    with django_assert_max_num_queries(10):
        response = admin_client.get(url, headers={"accept-language": "en"})
    assert response.status_code == 200
    make_rows(model_name, range(1, 51 if model_name != "edition" else 50), edition)
    with django_assert_max_num_queries(10):
        response = admin_client.get(url, headers={"accept-language": "en"})
    plural = apps.get_model(app_label, model_name)._meta.verbose_name_plural
    assert f"51 {plural}" in response.content.decode()


def test_edition_form_has_vietnamese_and_english_tabs(admin_client, edition):
    html = admin_client.get(reverse("admin:expo_edition_change", args=[edition.pk])).content.decode()
    assert 'name="name_vi"' in html and 'name="name_en"' in html
    assert "/static/vendor/jquery-ui/jquery-ui.min.js" in html
    assert "googleapis" not in html


def test_editor_saves_an_edition_in_the_admin(admin_client, edition):
    url = reverse("admin:expo_edition_change", args=[edition.pk])
    data = {
        "name_vi": "Triển lãm 2024",
        "name_en": "Expo 2024",
        "acronym": "VIDE 2024",
        "slug": "vide-2024",
        "ordinal": 2,
        "theme_vi": "Hòa bình",
        "theme_en": "Peace",
        "organiser_vi": "",
        "organiser_en": "",
        "start_date": "2024-12-22",
        "end_date": "2024-12-19",
        "time_zone": "Asia/Ho_Chi_Minh",
        "venue_name_vi": "Sân bay Gia Lâm",
        "venue_name_en": "Gia Lam Airfield",
        "city_vi": "",
        "city_en": "",
        "description_vi": "",
        "description_en": "",
        "is_current": "on",
        "venues-TOTAL_FORMS": 0,
        "venues-INITIAL_FORMS": 0,
        "key_figures-TOTAL_FORMS": 0,
        "key_figures-INITIAL_FORMS": 0,
        "visitor_info-TOTAL_FORMS": 0,
        "visitor_info-INITIAL_FORMS": 0,
    }
    response = admin_client.post(url, data, headers={"accept-language": "en"})
    assert "The last day cannot be before the first day." in response.content.decode()
    response = admin_client.post(url, data, headers={"accept-language": "vi"})
    assert "Ngày bế mạc không thể trước ngày khai mạc." in response.content.decode()
    data["start_date"], data["end_date"] = "2024-12-19", "2024-12-22"
    response = admin_client.post(url, data)
    assert response.status_code == 302
    edition.refresh_from_db()
    assert (edition.name_vi, edition.theme_en) == ("Triển lãm 2024", "Peace")


@pytest.mark.django_db
def test_groups_exist_with_their_permissions():
    editors = Group.objects.get(name="Content editors")
    codenames = set(editors.permissions.values_list("codename", flat=True))
    assert {"change_edition", "add_venue", "change_sector", "delete_category"} <= codenames
    protocol = Group.objects.get(name="Protocol")
    assert set(protocol.permissions.values_list("codename", flat=True)) >= {"view_edition", "view_venue"}
    assert not protocol.permissions.filter(codename="change_edition").exists()
    assert Group.objects.filter(name="Press office").exists()


def test_anonymous_visitor_cannot_open_the_admin(client, db):
    response = client.get(reverse("admin:expo_edition_changelist"))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
