"""An exhibitor declares its exhibits in the portal: the papers are real PDFs, kept private, and
only its own contacts (and staff) ever read them; another exhibitor's ids find nothing."""

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile

from common.pdf import render_pdf
from portal.models import Contact, Declaration
from tests.factories import make_exhibitor, make_product
from tests.helpers import pdf_text

pytestmark = pytest.mark.django_db


def signed_in(client, exhibitor, email, language="en"):
    user = get_user_model().objects.create_user(username=email, email=email, password="x" * 20)
    Contact.objects.create(exhibitor=exhibitor, user=user, name="Lê Thu Hà", email=email, language=language)
    client.force_login(user)
    return client


def certificate(text="Giấy chứng nhận vô hiệu hóa số 17/2026"):
    data = render_pdf("portal/pdf/demo_certificate.html", {"product": {"name_vi": text}, "edition": {}})
    return SimpleUploadedFile("giấy chứng nhận.pdf", data, content_type="application/pdf")


@pytest.fixture
def two(edition, sectors):
    viettel = make_exhibitor("viettel", "Viettel", "VN")
    other = make_exhibitor("rheinmetall", "Rheinmetall", "DE")
    return {
        "rifle": make_product(viettel, sectors["tanks"], "str-17", "Súng STV-380", "STV-380 rifle", published=False),
        "radar": make_product(viettel, sectors["tanks"], "vrs", "Radar VRS", "VRS radar"),
        "theirs": make_product(other, sectors["tanks"], "skyranger", "Skyranger", "Skyranger", published=False),
        "viettel": viettel,
        "other": other,
    }


DEACTIVATED = {"is_weapon": "on", "condition": "deactivated", "export_control": "free", "licence_number": ""}


def test_a_deactivated_weapon_is_declared_with_its_certificate_kept_private(client, two):
    signed_in(client, two["viettel"], "ha@viettel.example")
    response = client.post(
        f"/en/exhibitor/declarations/{two['rifle'].pk}/", {**DEACTIVATED, "deactivation_certificate": certificate()}
    )
    assert response.status_code == 302
    declaration = Declaration.objects.get()
    assert declaration.status == "review" and declaration.edition.is_current
    path = declaration.deactivation_certificate.path
    assert path.startswith(str(settings.PRIVATE_MEDIA_ROOT)) and not path.startswith(str(settings.MEDIA_ROOT))
    assert declaration.deactivation_certificate.name.endswith("/giay-chung-nhan.pdf")
    page = client.get("/en/exhibitor/declarations/").content.decode()
    assert "STV-380 rifle" in page and "To review" in page and "Not declared yet" in page
    paper = client.get(f"/en/exhibitor/declarations/{declaration.pk}/certificate.pdf")
    assert paper["Content-Disposition"].startswith("attachment") and "no-store" in paper["Cache-Control"]
    assert "17/2026" in pdf_text(b"".join(paper.streaming_content))


def test_a_page_that_says_pdf_is_refused_in_the_exhibitors_language(client, two):
    signed_in(client, two["viettel"], "ha@viettel.example", language="vi")
    fake = SimpleUploadedFile("cert.pdf", b"<html>%PDF-1.4 %%EOF</html>", content_type="application/pdf")
    response = client.post(
        f"/vi/exhibitor/declarations/{two['rifle'].pk}/", {**DEACTIVATED, "deactivation_certificate": fake}
    )
    assert response.status_code == 400
    assert "Tệp này không phải tài liệu PDF" in response.content.decode()
    assert not Declaration.objects.exists()


@pytest.mark.parametrize(
    ("form", "message"),
    [
        (DEACTIVATED, "A deactivated weapon needs its deactivation certificate."),
        ({"is_weapon": "on", "condition": "none", "export_control": "free"}, "Say whether this weapon"),
        ({"condition": "live", "export_control": "free"}, "Only a weapon or an exhibit with energetic material"),
        ({"condition": "none", "export_control": "granted"}, "Give the number of the export licence."),
    ],
)
def test_a_declaration_that_contradicts_itself_says_what_to_fix(client, two, form, message):
    signed_in(client, two["viettel"], "ha@viettel.example")
    response = client.post(f"/en/exhibitor/declarations/{two['radar'].pk}/", form)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Declaration.objects.exists()


def test_another_exhibitors_exhibit_and_papers_are_not_found(client, two, edition):
    theirs = Declaration.objects.create(product=two["theirs"], edition=edition, condition="deactivated", is_weapon=True)
    theirs.deactivation_certificate.save("c.pdf", certificate())
    signed_in(client, two["viettel"], "ha@viettel.example")
    assert client.get(f"/en/exhibitor/declarations/{two['theirs'].pk}/").status_code == 404
    assert client.post(f"/en/exhibitor/declarations/{two['theirs'].pk}/", DEACTIVATED).status_code == 404
    assert client.get(f"/en/exhibitor/declarations/{theirs.pk}/certificate.pdf").status_code == 404
    assert "Skyranger" not in client.get("/en/exhibitor/declarations/").content.decode()


def test_an_approved_declaration_is_changed_by_the_organisers_only(client, two, edition):
    approved = Declaration.objects.create(product=two["radar"], edition=edition, status="approved")
    signed_in(client, two["viettel"], "ha@viettel.example", language="vi")
    response = client.post(f"/vi/exhibitor/declarations/{two['radar'].pk}/", {**DEACTIVATED, "is_weapon": ""})
    assert "Tờ khai này đã được duyệt" in response.content.decode()
    approved.refresh_from_db()
    assert approved.status == "approved" and approved.condition == "none"


def test_a_refused_declaration_goes_back_to_review_when_corrected(client, two, edition):
    refused = Declaration.objects.create(
        product=two["radar"], edition=edition, status="refused", reason="Thiếu giấy phép xuất khẩu"
    )
    signed_in(client, two["viettel"], "ha@viettel.example")
    assert "Thiếu giấy phép xuất khẩu" in client.get("/en/exhibitor/declarations/").content.decode()
    client.post(f"/en/exhibitor/declarations/{two['radar'].pk}/", {"condition": "none", "export_control": "free"})
    refused.refresh_from_db()
    assert (refused.status, refused.reason, refused.decided_by) == ("review", "", None)


@pytest.mark.parametrize("count", [1, 12])
def test_the_declarations_list_reads_a_fixed_number_of_queries(
    client, edition, sectors, count, django_assert_num_queries
):
    viettel = make_exhibitor("viettel", "Viettel", "VN")
    for n in range(count):
        product = make_product(viettel, sectors["tanks"], f"x-{n}", f"Xe {n}", f"Vehicle {n}")
        if n % 2:
            Declaration.objects.create(product=product, edition=edition)
    signed_in(client, viettel, "ha@viettel.example")
    client.get("/en/exhibitor/declarations/")
    # session, user, contact with its exhibitor, the edition, its deadlines, exhibits with their declarations
    with django_assert_num_queries(6):
        response = client.get("/en/exhibitor/declarations/")
    assert response.content.decode().count("<tr>") == count + 1
