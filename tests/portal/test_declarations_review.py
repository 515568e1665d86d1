"""Organisers review declarations; an exhibit of a portal exhibitor is published only once its
declaration is approved, a refusal takes it down, and the security team prints what is not cleared."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from common.roles import CONTENT_EDITORS, SECURITY
from exhibitors.models import Product
from portal.models import Contact, Declaration
from tests.factories import make_exhibitor, make_product, staff
from tests.forms import form_data
from tests.helpers import pdf_text, subject_of, text_of

pytestmark = pytest.mark.django_db
EN = {"accept-language": "en"}


def in_portal(exhibitor, email="ha@viettel.example", language="vi"):
    user = get_user_model().objects.create_user(username=email, email=email)
    return Contact.objects.create(exhibitor=exhibitor, user=user, name="Lê Thu Hà", email=email, language=language)


@pytest.fixture
def show(edition, sectors, venues):
    viettel = make_exhibitor("viettel", "Viettel", "VN", stand=(venues["A"], "A-12"), edition=edition)
    kept_by_hand = make_exhibitor("song-hong", "Công ty Cơ khí Sông Hồng", "VN")
    in_portal(viettel)
    return {
        "rifle": make_product(viettel, sectors["tanks"], "stv", "Súng STV-380", "STV-380 rifle", published=False),
        "legacy": make_product(viettel, sectors["tanks"], "vrs", "Radar VRS", "VRS radar", published=True),
        "boat": make_product(kept_by_hand, sectors["warships"], "sh", "Tàu SH-2", "SH-2 boat", published=False),
    }


def publish(client, *products):
    url = reverse("admin:exhibitors_product_changelist")
    data = {"action": "publish", "_selected_action": [product.pk for product in products]}
    return client.post(url, data, headers=EN, follow=True)


def test_an_undeclared_exhibit_of_a_portal_exhibitor_is_held_back_with_a_reason(show):
    _, editor = staff(CONTENT_EDITORS)
    response = publish(editor, show["rifle"], show["boat"])
    page = response.content.decode()
    assert "1 exhibit published." in page
    assert "“STV-380 rifle” was not published: Its declaration for VIDE 2024 is not approved yet." in page
    assert list(Product.objects.published().order_by("slug").values_list("slug", flat=True)) == ["sh", "vrs"]


def test_ticking_published_on_the_exhibit_form_is_refused_until_approved(show, edition):
    _, editor = staff(CONTENT_EDITORS)
    url = reverse("admin:exhibitors_product_change", args=[show["rifle"].pk])
    data = {**form_data(editor, url), "is_published": "on"}
    refused = editor.post(url, data, headers=EN)
    assert refused.status_code == 200
    assert "Its declaration for VIDE 2024 is not approved yet." in refused.content.decode()
    assert not Product.objects.get(pk=show["rifle"].pk).is_published
    Declaration.objects.create(product=show["rifle"], edition=edition, status="approved")
    assert editor.post(url, data, headers=EN).status_code == 302
    assert Product.objects.get(pk=show["rifle"].pk).is_published


def test_a_spreadsheet_cannot_publish_an_undeclared_exhibit(show, admin_client):
    url = reverse("admin:exhibitors_product_import")
    fmt = re.search(r'<option value="(\d+)">csv</option>', admin_client.get(url).content.decode()).group(1)
    sheet = (
        "slug,exhibitor,category,name_vi,name_en,summary_vi,summary_en,description_vi,description_en,"
        "display_mode,is_published\n"
        "stv,viettel,tanks,Súng STV-380,STV-380 rifle,,,,,static,1\n"
    )
    upload = SimpleUploadedFile("exhibits.csv", sheet.encode(), content_type="text/csv")
    html = admin_client.post(url, {"resource": "0", "format": fmt, "import_file": upload}, headers=EN)
    assert "Its declaration for VIDE 2024 is not approved yet." in html.content.decode()
    assert not Product.objects.get(slug="stv").is_published


def test_approving_lets_the_exhibit_be_published_and_tells_the_exhibitor(
    show, edition, smtp, django_capture_on_commit_callbacks
):
    declaration = Declaration.objects.create(product=show["rifle"], edition=edition)
    reviewer, client = staff(SECURITY)
    url = reverse("admin:portal_declaration_changelist")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"action": "approve", "_selected_action": [declaration.pk]}, headers=EN)
    declaration.refresh_from_db()
    assert (declaration.status, declaration.decided_by) == ("approved", reviewer)
    [mail] = smtp.messages
    assert subject_of(mail) == "VIDE 2024: tờ khai cho Súng STV-380 đã được duyệt"
    _, editor = staff(CONTENT_EDITORS)
    publish(editor, show["rifle"])
    assert Product.objects.get(pk=show["rifle"].pk).is_published


def test_refusing_takes_the_exhibit_down_and_gives_the_reason(show, edition, smtp, django_capture_on_commit_callbacks):
    declaration = Declaration.objects.create(product=show["legacy"], edition=edition, status="approved")
    _, client = staff(SECURITY)
    url = reverse("admin:portal_declaration_change", args=[declaration.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"status": "refused", "reason": "Thiếu giấy phép xuất khẩu"}, headers=EN)
    assert response.status_code == 302
    assert not Product.objects.get(pk=show["legacy"].pk).is_published
    [mail] = smtp.messages
    assert "Thiếu giấy phép xuất khẩu" in text_of(mail) and "Radar VRS" in text_of(mail)
    assert "Súng STV-380" not in text_of(mail) and "Sông Hồng" not in text_of(mail)


@pytest.mark.parametrize("reason", ["", "   "])
def test_a_refusal_without_a_reason_is_a_form_error_in_the_reviewers_language(show, edition, reason):
    declaration = Declaration.objects.create(product=show["legacy"], edition=edition, status="approved")
    _, client = staff(SECURITY)
    url = reverse("admin:portal_declaration_change", args=[declaration.pk])
    response = client.post(url, {"status": "refused", "reason": reason}, headers={"accept-language": "vi"})
    assert response.status_code == 200
    assert "Hãy ghi lý do từ chối: đơn vị trưng bày sẽ đọc lý do này." in response.content.decode()
    declaration.refresh_from_db()
    assert declaration.status == "approved" and Product.objects.get(pk=show["legacy"].pk).is_published


def test_a_content_editor_sees_declarations_but_cannot_decide(show, edition):
    declaration = Declaration.objects.create(product=show["rifle"], edition=edition)
    _, editor = staff(CONTENT_EDITORS)
    url = reverse("admin:portal_declaration_change", args=[declaration.pk])
    assert editor.get(url, headers=EN).status_code == 200
    editor.post(url, {"status": "approved"}, headers=EN)
    declaration.refresh_from_db()
    assert declaration.status == "review"
    changelist = reverse("admin:portal_declaration_changelist")
    editor.post(changelist, {"action": "approve", "_selected_action": [declaration.pk]}, headers=EN)
    declaration.refresh_from_db()
    assert declaration.status == "review"


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "en",
            [
                "Exhibits not cleared",
                "Viettel A · A-12 STV-380 rifle — — — — Not declared",
                "(published before its declaration)",
            ],
        ),
        (
            "vi",
            [
                "Sản phẩm trưng bày chưa được thông qua",
                "Viettel A · A-12 Súng STV-380 — — — — Chưa khai báo",
                "(đã công bố trước khi khai báo)",
            ],
        ),
    ],
)
def test_the_not_cleared_list_names_every_exhibit_without_an_approved_declaration(show, edition, language, expected):
    Declaration.objects.create(
        product=show["legacy"],
        edition=edition,
        status="refused",
        reason="Thiếu giấy phép",
        is_weapon=True,
        condition="live",
    )
    _, client = staff(SECURITY)
    response = client.get(reverse("admin:portal_declaration_not_cleared"), {"lang": language})
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    for line in expected:
        assert line in text
    assert "Thiếu giấy phép" in text and "SH-2" not in text  # kept by hand: no declaration asked


@pytest.mark.parametrize("count", [1, 8])
def test_the_declarations_changelist_reads_a_fixed_number_of_queries(
    edition, sectors, count, django_assert_num_queries
):
    viettel = make_exhibitor("viettel", "Viettel", "VN")
    for n in range(count):
        Declaration.objects.create(product=make_product(viettel, sectors["tanks"], f"x{n}", f"Xe {n}"), edition=edition)
    _, client = staff(SECURITY)
    url = reverse("admin:portal_declaration_changelist")
    client.get(url, headers=EN)
    # +1: the session's TOTP device, read by django-otp for staff who approve (common/second_factor.py).
    with django_assert_num_queries(9):
        response = client.get(url, headers=EN)
    assert response.content.decode().count('class="field-status"') == count


def test_staff_open_the_papers_and_strangers_do_not(show, edition, client):
    from django.core.files.base import ContentFile

    declaration = Declaration.objects.create(product=show["rifle"], edition=edition)
    declaration.export_licence.save("licence.pdf", ContentFile(b"%PDF-1.4 licence"))
    url = reverse("admin:portal_declaration_licence", args=[declaration.pk])
    assert client.get(url).status_code == 302  # to the admin's sign-in
    _, reviewer = staff(SECURITY)
    response = reviewer.get(url)
    assert b"".join(response.streaming_content) == b"%PDF-1.4 licence"
