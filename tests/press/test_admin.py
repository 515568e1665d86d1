"""Press admin: group permissions and flat changelists."""

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile

from press.models import FactSheetUpload, PressContact


def codenames(group_name):
    return set(
        Group.objects.get(name=group_name)
        .permissions.filter(content_type__app_label="press")
        .values_list("codename", flat=True)
    )


def test_only_the_press_office_holds_press_permissions(db):
    press = codenames("Press office")
    assert {"add_pressrelease", "change_pressrelease", "view_mediaaccreditation", "change_mediaaccreditation"} <= press
    assert "add_mediaaccreditation" not in press  # journalists apply through the public form
    assert codenames("Content editors") == set()
    assert codenames("Protocol") == set()


def _grow(edition, catalogue, numbers):
    for n in numbers:
        PressContact.objects.create(edition=edition, name=f"Người {n}", role_vi="Báo chí", order=n)
        FactSheetUpload.objects.create(
            exhibitor=catalogue["exhibitors"]["song_hong"],
            language="vi",
            title=f"Tài liệu {n}",
            file=SimpleUploadedFile("a.pdf", b"%PDF-1.4\n%%EOF\n"),
        )


@pytest.mark.parametrize("model_name", ["presscontact", "factsheetupload"])
def test_changelist_query_count_is_flat(admin_client, edition, catalogue, model_name, django_assert_num_queries):
    url = f"/admin/press/{model_name}/"
    _grow(edition, catalogue, [0])
    # 6 with the superuser's second factor (django-otp reads the session's device).
    with django_assert_num_queries(6):
        admin_client.get(url)
    _grow(edition, catalogue, range(1, 40))
    with django_assert_num_queries(6):
        html = admin_client.get(url, headers={"accept-language": "en"}).content.decode()
    assert "40 " in html


def test_upload_form_offers_exhibitor_and_exhibit_search(admin_client, edition):
    html = admin_client.get("/admin/press/factsheetupload/add/", headers={"accept-language": "en"}).content.decode()
    assert 'name="exhibitor"' in html and 'name="product"' in html and "Replaces the generated fact sheet" in html


def test_badge_of_an_application_not_yet_approved_leads_back_with_a_warning(admin_client, db):
    from django.urls import reverse

    from expo.models import Edition
    from press.models import MediaAccreditation

    edition = Edition.objects.create(
        slug="e", acronym="E", name_vi="E", venue_name_vi="V", start_date="2024-12-19", end_date="2024-12-22"
    )
    application = MediaAccreditation.objects.create(
        edition=edition, name="A", outlet="B", country="VN", role="reporter", email="a@example.vn", phone="1",
        press_card_number="C", photo="accreditation/missing.jpg",
    )  # fmt: skip
    response = admin_client.get(reverse("admin:press_accreditation_badge", args=[application.pk]))
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:press_mediaaccreditation_change", args=[application.pk])
    photo = admin_client.get(reverse("admin:press_accreditation_photo", args=[application.pk]))
    assert photo.status_code == 404
