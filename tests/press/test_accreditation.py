"""Media accreditation: public form, honeypot, rate limit, private status link, vetting and badges."""

import re

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from press import services
from press.models import MediaAccreditation
from tests.forms import ACCREDITATION_URL, APPLICATIONS_OPEN, accreditation_form
from tests.helpers import decoded_qr_codes, pdf_text


@pytest.fixture(autouse=True)
def _applications_open():
    with time_machine.travel(APPLICATIONS_OPEN, tick=False):
        yield


def test_form_is_in_the_page_language_and_never_cached(client, edition):
    response = client.get(ACCREDITATION_URL)
    html = response.content.decode()
    assert "Đăng ký thẻ tác nghiệp" in html and "số thẻ nhà báo" in html.lower()
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert "Media accreditation" in client.get("/en/press/accreditation/").content.decode()


def test_application_is_saved_pending_with_a_private_status_link(client, edition, settings):
    response = client.post(ACCREDITATION_URL, accreditation_form())
    accreditation = MediaAccreditation.objects.get()
    assert accreditation.status == "pending" and accreditation.name == "Lê Thị Hồng Nhung"
    assert accreditation.language == "vi"
    assert response.status_code == 302 and response["Location"].startswith("/vi/press/accreditation/status/")
    page = client.get(response["Location"])
    html = page.content.decode()
    assert "Đang chờ duyệt" in html and "Báo Quân đội Nhân dân" in html
    assert "private" in page["Cache-Control"] and "no-store" in page["Cache-Control"]
    # The photo was re-encoded into private storage, never under the public media folder.
    assert str(settings.PRIVATE_MEDIA_ROOT) in accreditation.photo.path
    assert not settings.MEDIA_ROOT.exists() or not list(settings.MEDIA_ROOT.rglob("*.jpg"))


def test_altered_status_link_is_404(client, edition):
    client.post(ACCREDITATION_URL, accreditation_form())
    token = services.status_token(MediaAccreditation.objects.get())
    assert client.get(f"/vi/press/accreditation/status/{token}x/").status_code == 404
    assert client.get("/vi/press/accreditation/status/1/").status_code == 404


def test_bad_form_comes_back_with_messages_in_the_page_language_and_nothing_saved(client, edition):
    response = client.post("/en/press/accreditation/", accreditation_form(email="not-an-email", name=""))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Please correct the fields marked below; nothing has been saved yet." in html
    assert "Enter a valid email address." in html and "This field is required." in html
    html = client.post(ACCREDITATION_URL, accreditation_form(phone="")).content.decode()
    assert "Vui lòng sửa các ô được đánh dấu bên dưới; hồ sơ chưa được lưu." in html
    assert not MediaAccreditation.objects.exists()


def test_photo_that_is_not_an_image_is_refused_with_a_reason(client, edition):
    fake = SimpleUploadedFile("me.jpg", b"<html><script>alert(1)</script></html>", "image/jpeg")
    html = client.post(ACCREDITATION_URL, accreditation_form(photo=fake)).content.decode()
    assert "Tệp này không phải ảnh JPEG, PNG hay WebP" in html
    assert not MediaAccreditation.objects.exists()


def test_honeypot_saves_nothing(client, edition):
    html = client.post(ACCREDITATION_URL, accreditation_form(website="http://spam.example")).content.decode()
    assert "Không thể tiếp nhận hồ sơ của bạn." in html
    assert not MediaAccreditation.objects.exists()


def test_corrections_do_not_count_only_accepted_applications_do(edition):
    client = Client(REMOTE_ADDR="203.0.113.9")
    # A newsroom on one address: ten refused tries (corrections) never lock the form.
    for _ in range(10):
        assert client.post("/en/press/accreditation/", accreditation_form(name="")).status_code == 200
    for n in range(5):
        response = client.post("/en/press/accreditation/", accreditation_form(email=f"reporter{n}@example.vn"))
        assert response.status_code == 302
    assert MediaAccreditation.objects.count() == 5
    # The sixth accepted application from the address is refused, and keeps what was typed.
    response = client.post("/en/press/accreditation/", accreditation_form(name="Phạm Quốc Bảo", outlet="VnExpress"))
    html = response.content.decode()
    assert response.status_code == 429
    assert "Too many applications were sent from your connection." in html
    assert 'value="Phạm Quốc Bảo"' in html and 'value="VnExpress"' in html and 'value="BC-12345"' in html
    vietnamese = client.post(ACCREDITATION_URL, accreditation_form())
    assert vietnamese.status_code == 429 and "Có quá nhiều hồ sơ được gửi" in vietnamese.content.decode()
    assert MediaAccreditation.objects.count() == 5
    # Another address still gets through.
    assert Client(REMOTE_ADDR="198.51.100.7").post(ACCREDITATION_URL, accreditation_form()).status_code == 302


@pytest.fixture
def pending(client, edition):
    client.post(ACCREDITATION_URL, accreditation_form())
    return MediaAccreditation.objects.get()


@pytest.mark.parametrize("group", [None, "Content editors", "Protocol"])
def test_only_the_press_office_sees_applications(client, pending, user_in, group):
    client.force_login(user_in(group))
    for url in (
        "/admin/press/mediaaccreditation/",
        f"/admin/press/mediaaccreditation/{pending.pk}/change/",
        f"/admin/press/mediaaccreditation/{pending.pk}/photo/",
        f"/admin/press/mediaaccreditation/{pending.pk}/badge.pdf",
    ):
        response = client.get(url)
        assert response.status_code == 403, url
        assert "Lê Thị Hồng Nhung" not in response.content.decode()


def test_anonymous_visitors_are_sent_to_the_login(pending):
    response = Client().get("/admin/press/mediaaccreditation/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_applicants_data_never_reaches_public_channels(client, pending):
    for url in ("/vi/press/", "/en/press/", "/sitemap.xml", "/api/releases", "/api/openapi.json"):
        assert "Lê Thị Hồng Nhung" not in client.get(url).content.decode()
        assert "nhung@example.vn" not in client.get(url).content.decode()


def test_press_office_approves_and_prints_the_badge(client, pending, user_in):
    officer = user_in("Press office")
    client.force_login(officer)
    url = f"/admin/press/mediaaccreditation/{pending.pk}/change/"
    html = client.get(url, headers={"accept-language": "en"}).content.decode()
    assert "Lê Thị Hồng Nhung" in html and "BC-12345" in html
    response = client.post(url, {"status": "approved", "reason": ""})
    assert response.status_code == 302
    pending.refresh_from_db()
    assert pending.status == "approved" and pending.decided_by == officer and pending.decided_at is not None
    badge = client.get(f"/admin/press/mediaaccreditation/{pending.pk}/badge.pdf")
    assert badge["Content-Type"] == "application/pdf"
    text = pdf_text(badge.content)
    assert "Lê Thị Hồng Nhung" in text and "Báo Quân đội Nhân dân" in text and "VIDE 2024" in text
    assert b"/Subtype /Image" in badge.content  # the photo (the QR code is vector graphics)
    assert f"Badge reference: {pending.reference}" in text or f"Mã thẻ: {pending.reference}" in text
    # The QR code is the gates' signed pass naming the reference, never the private status link;
    # searched in the admin, it finds the badge.
    codes = decoded_qr_codes(badge.content)
    assert len(codes) == 1 and codes[0].startswith(f"press.{pending.reference}.20241219.20241222.")
    assert "/status/" not in codes[0]
    lookup = client.get("/admin/press/mediaaccreditation/", {"q": codes[0]}).content.decode()
    assert "Lê Thị Hồng Nhung" in lookup and "1 media accreditation" in lookup or "1 hồ sơ" in lookup
    status = client.get(re.search(r"/vi/press/accreditation/status/[^/]+/", _status_url(pending)).group(0))
    assert "Đã duyệt" in status.content.decode()


def _status_url(accreditation):
    return f"/vi/press/accreditation/status/{services.status_token(accreditation)}/"


def test_rejection_needs_a_reason_and_is_shown_to_the_applicant(client, pending, user_in):
    officer = user_in("Press office")
    client.force_login(officer)
    url = f"/admin/press/mediaaccreditation/{pending.pk}/change/"
    html = client.post(url, {"status": "rejected", "reason": " "}).content.decode()
    assert "Hãy nêu lý do từ chối hồ sơ." in html
    pending.refresh_from_db()
    assert pending.status == "pending"
    client.post(url, {"status": "rejected", "reason": "Thẻ nhà báo đã hết hạn."})
    pending.refresh_from_db()
    assert pending.status == "rejected" and pending.decided_by == officer
    html = Client().get(_status_url(pending)).content.decode()
    assert "Bị từ chối" in html and "Thẻ nhà báo đã hết hạn." in html


def test_badge_of_a_pending_application_is_refused(client, pending, user_in):
    client.force_login(user_in("Press office"))
    response = client.post(
        "/admin/press/mediaaccreditation/",
        {"action": "print_badges", "_selected_action": [pending.pk]},
        follow=True,
    )
    assert "Không có hồ sơ nào trong số này đã được duyệt." in response.content.decode()


def test_approve_action_records_who_and_when(client, edition, pending, user_in):
    officer = user_in("Press office")
    client.force_login(officer)
    client.post("/admin/press/mediaaccreditation/", {"action": "approve", "_selected_action": [pending.pk]})
    pending.refresh_from_db()
    assert pending.status == "approved" and pending.decided_by == officer


def test_accreditation_changelist_query_count(client, edition, user_in, django_assert_num_queries):
    client.force_login(user_in("Press office"))
    client.post(ACCREDITATION_URL, accreditation_form())
    with django_assert_num_queries(8):
        client.get("/admin/press/mediaaccreditation/")
    for n in range(30):
        MediaAccreditation.objects.create(
            edition=edition,
            name=f"Nhà báo {n}",
            outlet="Báo",
            country="FR",
            role="editor",
            email=f"n{n}@example.fr",
            phone="1",
            press_card_number=str(n),
            photo="accreditation/x.jpg",
        )
    with django_assert_num_queries(8):
        html = client.get("/admin/press/mediaaccreditation/", headers={"accept-language": "en"}).content.decode()
    assert "31 media accreditations" in html
