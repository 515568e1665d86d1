"""Every admin search and autocomplete ignores accents: "phong khong" finds "Phòng không"."""

import unicodedata

import pytest
from django.urls import reverse
from model_bakery import baker


@pytest.fixture
def categories(db):
    sector = baker.make("exhibitors.Sector", name_vi="Vũ khí", name_en="Weapons", slug="weapons")
    return [
        baker.make(
            "exhibitors.Category",
            sector=sector,
            name_vi="Tên lửa phòng không",
            name_en="Air defence missiles",
            slug="sam",
        ),
        baker.make("exhibitors.Category", sector=sector, name_vi="Ra-đa", name_en="Radars", slug="radar"),
    ]


@pytest.mark.parametrize("term", ["phong khong", "PHONG KHÔNG", unicodedata.normalize("NFD", "phòng không"), "ten lua"])
def test_category_autocomplete_ignores_accents(admin_client, categories, term):
    response = admin_client.get(
        reverse("admin:autocomplete"),
        {"app_label": "exhibitors", "model_name": "product", "field_name": "category", "term": term},
    )
    assert [r["id"] for r in response.json()["results"]] == [str(categories[0].pk)]


def test_category_changelist_search_ignores_accents(admin_client, categories):
    response = admin_client.get(reverse("admin:exhibitors_category_changelist"), {"q": "ra da"})
    assert [c.slug for c in response.context["cl"].result_list] == ["radar"]
