"""Forms that do the obvious (common/admin.py FormDefaultsMixin, mixed into every admin)."""

import re

import pytest
from django.contrib import admin
from django.urls import NoReverseMatch, reverse

from expo.models import Venue

pytestmark = pytest.mark.django_db


def test_every_add_form_with_an_edition_starts_on_the_current_edition(admin_client, edition):
    """Walks every registered admin whose model has an edition: its add form preselects the
    current edition instead of "---------" (a new admin is covered without editing this test)."""
    checked = []
    for model in admin.site._registry:
        fields = {field.name: field for field in model._meta.get_fields()}
        if "edition" not in fields or not fields["edition"].is_relation:
            continue
        try:
            url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_add")
        except NoReverseMatch:
            continue
        response = admin_client.get(url)
        if response.status_code == 403:  # made by the system only (messages, accreditations)
            continue
        page = response.content.decode()
        select = re.search(r'<select name="edition"[^>]*>(.*?)</select>', page, re.S)
        if select is None:  # the edition is chosen elsewhere (a hidden or read-only field)
            continue
        assert re.search(rf'<option value="{edition.pk}" selected>', select.group(1)), model._meta.label
        checked.append(model._meta.label)
    assert {"expo.Venue", "press.PressRelease", "delegations.Delegation"} <= set(checked)


def test_a_slug_left_empty_is_made_from_the_vietnamese_name_and_kept_unique(admin_client, edition):
    url = reverse("admin:expo_venue_add")
    data = {
        "edition": edition.pk,
        "name_vi": "Khu trưng bày Hải quân",
        "name_en": "",
        "slug": "",
        "code": "N",
        "kind": "hall",
        "order": 0,
        "description_vi": "",
        "description_en": "",
        # The venue's outline on the plan (siteplan's inline), left empty.
        "outline-TOTAL_FORMS": 0,
        "outline-INITIAL_FORMS": 0,
    }
    assert admin_client.post(url, data).status_code == 302
    assert admin_client.post(url, {**data, "code": "N2"}).status_code == 302
    slugs = list(Venue.objects.filter(edition=edition, name_vi="Khu trưng bày Hải quân").values_list("slug", flat=True))
    assert sorted(slugs) == ["khu-trung-bay-hai-quan", "khu-trung-bay-hai-quan-2"]
    # A slug the editor types is kept as typed.
    assert admin_client.post(url, {**data, "code": "N3", "slug": "naval-hall"}).status_code == 302
    assert Venue.objects.filter(slug="naval-hall").exists()
