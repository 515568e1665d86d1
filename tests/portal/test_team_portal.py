"""The stand team in the portal: an exhibitor registers its stand staff within the allowance of
its stand's size, changes and removes them, sees only its own, and their photos only through
the portal."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from PIL import Image

from exhibitors.models import Stand
from portal.models import Contact, StandAllowance, StandStaff
from portal.team_allowance import badges_for_area
from siteplan.models import StandPlacement
from tests.factories import make_exhibitor, make_stand_staff
from tests.helpers import image_upload

pytestmark = pytest.mark.django_db


def signed_in(exhibitor, email):
    user = get_user_model().objects.create_user(username=email, email=email, password="a long passphrase 2026")
    Contact.objects.create(exhibitor=exhibitor, user=user, name=email.split("@")[0], email=email, is_main=True)
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def hall(edition):
    from model_bakery import baker

    return baker.make("expo.Venue", edition=edition, code="A", slug="hall-a", kind="hall", name_en="Hall A", order=1)


@pytest.fixture
def viettel(edition, hall):
    """An exhibitor with a 3 × 3 m stand (9 m²: two badges) on the plan, and its signed-in contact."""
    exhibitor = make_exhibitor("viettel", "Viettel", "VN", stand=(hall, "A-12"), edition=edition)
    StandPlacement.objects.create(stand=Stand.objects.get(exhibitor=exhibitor), x=20, y=20, width=3, depth=3)
    return exhibitor


@pytest.fixture
def contact(viettel):
    return signed_in(viettel, "an@viettel.example")


def photo_with_gps():
    """A JPEG portrait carrying EXIF (the camera's GPS would be in there): none of it may be kept."""
    image = Image.new("RGB", (600, 800), (120, 90, 60))
    exif = Image.Exif()
    exif[0x010F] = "SecretCam"  # Make
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif)
    return buffer.getvalue()


def member_form(**changes):
    data = {
        "name": "Nguyễn Văn Gian",
        "role": "Trưởng gian hàng",
        "nationality": "VN",
        "id_number": "c1234567",
        "photo": image_upload(photo_with_gps(), "portrait.jpg", "image/jpeg"),
    }
    data.update(changes)
    return data


def test_the_exhibitor_adds_a_member_to_vet_with_a_private_photo(contact, viettel, edition, settings):
    response = contact.post("/en/exhibitor/team/add/", member_form())
    assert response.status_code == 302
    member = StandStaff.objects.get()
    assert (member.exhibitor, member.edition, member.status, member.id_number) == (
        viettel,
        edition,
        "to_vet",
        "C1234567",
    )
    stored = settings.PRIVATE_MEDIA_ROOT / member.photo.name
    assert stored.exists() and not (settings.MEDIA_ROOT / member.photo.name).exists()
    assert b"SecretCam" not in stored.read_bytes()
    with pytest.raises(ValueError):
        member.photo.url  # noqa: B018 -- private storage has no public URL
    page = contact.get("/en/exhibitor/team/").content.decode()
    assert "Nguyễn Văn Gian" in page and "To vet" in page
    assert "C1234567" not in page  # the ID number is not repeated on the list
    assert "1 used, 1 left." in page
    photo = contact.get(f"/en/exhibitor/team/{member.pk}/photo/")
    assert photo["Content-Type"] == "image/jpeg" and "no-store" in photo["Cache-Control"]
    assert b"".join(photo.streaming_content)[:2] == b"\xff\xd8"


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("en", "Your stand&#x27;s allowance is 2 stand staff badges, and they are all used."),
        ("vi", "Gian hàng của quý vị được cấp 2 thẻ nhân viên gian hàng và đã dùng hết."),
    ],
)
def test_the_portal_refuses_a_member_over_the_allowance(contact, viettel, edition, language, message):
    make_stand_staff(viettel, edition, name="Một")
    make_stand_staff(viettel, edition, name="Hai")
    response = contact.post(f"/{language}/exhibitor/team/add/", member_form())
    assert response.status_code == 400
    assert message in response.content.decode()
    assert StandStaff.objects.count() == 2
    # A refused member does not count: the exhibitor may register someone in their place.
    StandStaff.objects.filter(name="Hai").update(status="refused", reason="Không đạt.")
    assert contact.post(f"/{language}/exhibitor/team/add/", member_form()).status_code == 302


def test_the_allowance_follows_the_stand_size_unless_the_organisers_set_it(contact, viettel, edition):
    assert [badges_for_area(area) for area in (None, 0, 9, 12, 18, 36, 100)] == [2, 2, 2, 3, 3, 5, 13]
    StandPlacement.objects.filter(stand__exhibitor=viettel).update(width=6, depth=6)
    assert (
        "Stand A · A-12: 5 stand staff badges. By your stand's size (36.0 m²)."
        in contact.get("/en/exhibitor/team/").content.decode()
    )
    StandAllowance.objects.create(stand=Stand.objects.get(exhibitor=viettel), badges=1)
    page = contact.get("/en/exhibitor/team/").content.decode()
    assert "1 stand staff badge. Set by the organisers." in page


def test_an_exhibitor_without_a_stand_registers_nobody(edition):
    client = signed_in(make_exhibitor("lone", "Lone Co", "FR"), "lone@example.fr")
    response = client.post("/en/exhibitor/team/add/", member_form())
    assert response.status_code == 400
    assert "no stand at this edition yet" in response.content.decode()
    assert not StandStaff.objects.exists()


def test_a_change_to_an_approved_member_sends_them_back_to_vetting(contact, viettel, edition):
    member = make_stand_staff(viettel, edition, status="approved")
    form = contact.get(f"/en/exhibitor/team/{member.pk}/").content.decode()
    assert "This member is approved." in form
    response = contact.post(f"/en/exhibitor/team/{member.pk}/", member_form(photo="", role="Kỹ sư"))
    assert response.status_code == 302
    member.refresh_from_db()
    assert (member.role, member.status, member.decided_at) == ("Kỹ sư", "to_vet", None)
    assert member.photo  # kept: no new photo was sent


def test_saving_an_approved_member_unchanged_keeps_the_approval(contact, viettel, edition):
    member = make_stand_staff(viettel, edition, status="approved", id_number="C7654321", name="Lê Thị Bình")
    data = member_form(photo="", name="Lê Thị Bình", id_number="C7654321", role="Stand manager")
    assert contact.post(f"/en/exhibitor/team/{member.pk}/", data).status_code == 302
    member.refresh_from_db()
    assert member.status == "approved"


def test_removing_a_member_erases_their_data_and_revokes_an_approved_badge(
    contact, viettel, edition, settings, django_capture_on_commit_callbacks
):
    waiting = make_stand_staff(viettel, edition, name="Chờ Duyệt")
    approved = make_stand_staff(viettel, edition, name="Đã Duyệt", status="approved")
    photo_file = settings.PRIVATE_MEDIA_ROOT / approved.photo.name
    assert (
        "Remove Chờ Duyệt from your stand team?"
        in contact.get(f"/en/exhibitor/team/{waiting.pk}/remove/").content.decode()
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert contact.post(f"/en/exhibitor/team/{waiting.pk}/remove/").status_code == 302
        assert contact.post(f"/en/exhibitor/team/{approved.pk}/remove/").status_code == 302
    assert not StandStaff.objects.filter(pk=waiting.pk).exists()
    approved.refresh_from_db()
    assert approved.removed_at and not approved.id_number and not approved.photo and not photo_file.exists()
    assert list(StandStaff.objects.revoked().values_list("pass_id", flat=True)) == [approved.pass_id]
    assert f"/team/{approved.pk}/" not in contact.get("/en/exhibitor/team/").content.decode()


def test_another_exhibitors_members_are_not_found(contact, viettel, edition, hall):
    other = make_exhibitor("song-hong", "Sông Hồng", "VN", stand=(hall, "A-13"), edition=edition)
    theirs = make_stand_staff(other, edition, name="Người Khác")
    for url in (f"/en/exhibitor/team/{theirs.pk}/", f"/en/exhibitor/team/{theirs.pk}/remove/"):
        assert contact.get(url).status_code == 404
        assert contact.post(url, member_form(name="Hijack")).status_code == 404
    assert contact.get(f"/en/exhibitor/team/{theirs.pk}/photo/").status_code == 404
    assert "Người Khác" not in contact.get("/en/exhibitor/team/").content.decode()
    theirs.refresh_from_db()
    assert (theirs.name, theirs.removed_at) == ("Người Khác", None)


def test_strangers_and_staff_are_sent_to_the_sign_in(client, viettel, edition):
    member = make_stand_staff(viettel, edition)
    for url in ("/vi/exhibitor/team/", f"/vi/exhibitor/team/{member.pk}/photo/"):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/vi/exhibitor/sign-in/")


def test_a_bad_photo_is_refused_with_the_reason(contact):
    data = member_form(photo=image_upload(b"<svg></svg>", "me.jpg", "image/jpeg"))
    response = contact.post("/vi/exhibitor/team/add/", data)
    assert response.status_code == 400
    assert "không phải ảnh JPEG, PNG hay WebP" in response.content.decode()
    assert not StandStaff.objects.exists()


@pytest.mark.parametrize("rows", [1, 12])
def test_the_team_page_reads_a_fixed_number_of_queries(contact, viettel, edition, rows, django_assert_num_queries):
    StandAllowance.objects.create(stand=Stand.objects.get(exhibitor=viettel), badges=20)
    for n in range(rows):
        make_stand_staff(viettel, edition, name=f"Người {n}")
    with django_assert_num_queries(8):
        response = contact.get("/en/exhibitor/team/")
    assert response.content.decode().count("/remove/") == rows


def test_the_team_page_in_both_languages(contact):
    assert "Nhân sự gian hàng" in contact.get("/vi/exhibitor/team/").content.decode()
    assert "Stand team" in contact.get("/en/exhibitor/team/").content.decode()


def test_a_refused_member_sent_back_to_vetting_needs_room_in_the_allowance(contact, viettel, edition):
    make_stand_staff(viettel, edition, name="Một")
    make_stand_staff(viettel, edition, name="Hai")
    refused = make_stand_staff(viettel, edition, name="Ba", status="refused", reason="Ảnh mờ.")
    photo = refused.photo.name
    response = contact.post(f"/en/exhibitor/team/{refused.pk}/", member_form(name="Ba", role="Kỹ sư"))
    assert response.status_code == 400 and "and they are all used" in response.content.decode()
    refused.refresh_from_db()
    assert (refused.status, refused.role, refused.photo.name) == ("refused", "Stand manager", photo)
