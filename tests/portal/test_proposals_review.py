"""Editors review exhibitors' proposals in the admin: the difference shows exactly the change;
approval publishes it (the cached public pages change then, not before); rejection tells the
exhibitor why, by mail in its contact's language."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.test import Client
from PIL import Image

from exhibitors.models import Product
from outbox.models import Message
from portal import proposal_fields, proposal_services
from portal.models import Contact, Proposal, ProposalFile
from tests.accounts import admin_login
from tests.helpers import image_upload, png_bytes, subject_of, text_of

pytestmark = pytest.mark.django_db
CHANGELIST = "/admin/portal/proposal/"


def contact_of(exhibitor, email, language):
    user = get_user_model().objects.create_user(username=email, email=email, password="x-portal-passphrase-2026")
    return Contact.objects.create(
        exhibitor=exhibitor, user=user, name="Nguyễn Thị Lan", email=email, language=language, is_main=True
    )


def reviewer(*, can_review=True):
    user = get_user_model().objects.create_user(username="editor", password="x", is_staff=True)
    user.groups.add(Group.objects.get(name="Proposal reviewers" if can_review else "Content editors"))
    # Reviewers approve: their admin session passes the second factor (a real TOTP device).
    return admin_login(Client(), user)


def profile_change(contact, **changes):
    kind = Proposal.Kind.PROFILE
    values = proposal_fields.current_values(kind, contact.exhibitor) | changes
    return proposal_services.submit(contact=contact, kind=kind, values=values)


@pytest.fixture
def song_hong(catalogue):
    exhibitor = catalogue["exhibitors"]["song_hong"]
    exhibitor.description_vi = "Công ty đóng tàu hàng đầu của Việt Nam."
    exhibitor.description_en = "Vietnam's leading shipbuilder."
    exhibitor.save()
    return exhibitor


def test_the_difference_shows_exactly_the_change_with_the_words_marked(song_hong):
    contact = contact_of(song_hong, "lan@songhong.example", "vi")
    proposal = profile_change(
        contact, description={"vi": "Công ty đóng tàu hàng đầu của Việt Nam.", "en": "Vietnam's largest shipbuilder."}
    )
    html = reviewer().get(f"{CHANGELIST}{proposal.pk}/change/").content.decode()
    rows = html.split('<table class="proposal-diff">')[1].split("</table>")[0]
    assert rows.count("<tr>") == 2  # the header and the one changed field in one language
    assert "<del>leading</del>" in rows and "<ins>largest</ins>" in rows
    assert "Vietnam&#x27;s" in rows and "Việt Nam" not in rows  # the Vietnamese text did not change


def test_approval_publishes_and_the_cached_public_page_changes_then(
    song_hong, client, caches_on, django_capture_on_commit_callbacks
):
    contact = contact_of(song_hong, "lan@songhong.example", "en")
    public = f"/en/exhibitors/{song_hong.slug}/"
    assert "leading shipbuilder" in client.get(public).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        proposal = profile_change(
            contact, description={"vi": song_hong.description_vi, "en": "Vietnam's largest shipbuilder."}
        )
    cached = client.get(public)
    assert cached["X-Cache"] == "HIT" and "leading shipbuilder" in cached.content.decode()
    editor = reviewer()
    with django_capture_on_commit_callbacks(execute=True):
        response = editor.post(f"{CHANGELIST}{proposal.pk}/change/", {"_approve": "1"})
    assert response.status_code == 302
    page = client.get(public).content.decode()
    assert "largest shipbuilder" in page and "leading shipbuilder" not in page
    proposal.refresh_from_db()
    assert proposal.status == "approved" and proposal.decided_by.username == "editor"


def test_an_editor_can_edit_before_approving(song_hong):
    contact = contact_of(song_hong, "lan@songhong.example", "en")
    proposal = profile_change(
        contact, description={"vi": song_hong.description_vi, "en": "Vietnams largest shipbulder."}
    )
    reviewer().post(
        f"{CHANGELIST}{proposal.pk}/change/",
        {
            "_approve": "1",
            "edit-description-vi": song_hong.description_vi,
            "edit-description-en": "Vietnam's largest shipbuilder.",
        },
    )
    song_hong.refresh_from_db()
    assert song_hong.description_en == "Vietnam's largest shipbuilder."
    mail = Message.objects.get(kind="portal.proposal_approved")
    assert (mail.to_email, mail.language) == ("lan@songhong.example", "en")
    assert mail.subject == "VIDE 2024: your change is published: Profile"


def test_rejection_mails_the_reason_in_vietnamese_to_a_vietnamese_contact(
    song_hong, smtp, django_capture_on_commit_callbacks
):
    contact = contact_of(song_hong, "lan@songhong.example", "vi")
    proposal = profile_change(contact, website="https://songhong.example.vn")
    reason = "Địa chỉ trang web chưa hoạt động; vui lòng kiểm tra lại."
    with django_capture_on_commit_callbacks(execute=True):
        response = reviewer().post(f"{CHANGELIST}{proposal.pk}/change/", {"_reject": "1", "reason": reason})
    assert response.status_code == 302
    (mail,) = smtp.messages
    assert mail["To"].addresses[0].addr_spec == "lan@songhong.example"
    assert subject_of(mail) == "VIDE 2024: thay đổi của quý vị không được duyệt: Giới thiệu"
    body = text_of(mail)
    assert "Ban tổ chức không duyệt thay đổi" in body and reason in body
    song_hong.refresh_from_db()
    assert song_hong.website == ""


def test_a_rejection_without_a_reason_is_refused_and_nothing_changes(song_hong):
    proposal = profile_change(contact_of(song_hong, "lan@songhong.example", "en"), website="https://x.example")
    response = reviewer().post(f"{CHANGELIST}{proposal.pk}/change/", {"_reject": "1", "reason": "  "})
    assert response.status_code == 400
    assert "Hãy nêu lý do" in response.content.decode()  # the admin's language
    proposal.refresh_from_db()
    assert proposal.status == "pending"


def test_an_editor_without_the_review_permission_sees_but_cannot_decide(song_hong):
    proposal = profile_change(contact_of(song_hong, "lan@songhong.example", "en"), website="https://x.example")
    editor = reviewer(can_review=False)
    assert editor.get(f"{CHANGELIST}{proposal.pk}/change/").status_code == 200
    assert editor.post(f"{CHANGELIST}{proposal.pk}/change/", {"_approve": "1"}).status_code == 403
    proposal.refresh_from_db()
    assert proposal.status == "pending"
    assert Permission.objects.filter(codename="review_proposal", group__name="Proposal reviewers").exists()


def test_an_approved_exhibit_change_publishes_its_image_specifications_and_removals(catalogue, sectors, client):
    kilo = catalogue["products"]["kilo"]
    old_image = kilo.images.get()
    contact = contact_of(kilo.exhibitor, "lan@songhong.example", "en")
    kind = Proposal.Kind.EXHIBIT
    values = proposal_fields.current_values(kind, kilo) | {
        "specifications": [{"label": {"vi": "Lượng giãn nước", "en": "Displacement"}, "value": "3100 t"}],
        "video_url": "https://vimeo.com/123",
    }
    proposal = proposal_services.submit(
        contact=contact,
        kind=kind,
        values=values,
        product=kilo,
        uploads={"image": (image_upload(png_bytes((1600, 900)), "new.png"), "Tàu ngầm SH-1", "SH-1 at sea")},
        remove=[f"i{old_image.pk}"],
    )
    pending = ProposalFile.objects.get(proposal=proposal)
    html = reviewer().get(f"{CHANGELIST}{proposal.pk}/change/").content.decode()
    assert f"/admin/portal/proposal/{proposal.pk}/file/{pending.pk}/" in html  # the new image
    assert old_image.thumbnail()[0] in html  # beside the one it replaces
    proposal_services.approve(proposal=proposal, by=None)
    kilo.refresh_from_db()
    (image,) = kilo.images.all()
    assert image.alt_text_en == "SH-1 at sea" and image.image_width == 1600 and image.image_renditions
    assert not ProposalFile.objects.exists()
    page = client.get(f"/en/exhibits/{kilo.slug}/").content.decode()
    assert "Displacement" in page and "https://vimeo.com/123" in page and image.image.url in page
    with Image.open(io.BytesIO(client.get(image.image.url).getvalue())) as published:
        assert published.size == (1600, 900)


def test_an_approved_new_exhibit_gets_a_slug_and_waits_for_its_declaration(catalogue, sectors, client):
    contact = contact_of(catalogue["exhibitors"]["duong"], "an@duong.example", "vi")
    kind = Proposal.Kind.NEW_EXHIBIT
    values = proposal_fields.current_values(kind, None) | {
        "name": {"vi": "Xe thiết giáp ĐL-9", "en": "DL-9 armoured vehicle"},
        "category": sectors["tanks"].pk,
    }
    proposal = proposal_services.submit(contact=contact, kind=kind, values=values)
    proposal_services.approve(proposal=proposal, by=None)
    product = Product.objects.get(name_vi="Xe thiết giáp ĐL-9")
    assert product.slug == "duong-lam-dl-9-armoured-vehicle"
    # A portal exhibitor's exhibit is published once its declaration is approved (declarations).
    assert not product.is_published
    assert "DL-9 armoured vehicle" not in client.get("/en/exhibits/?q=armoured").content.decode()
    proposal.refresh_from_db()
    assert proposal.status == "approved" and proposal.product == product


def test_a_proposal_is_decided_once(song_hong):
    proposal = profile_change(contact_of(song_hong, "lan@songhong.example", "en"), website="https://x.example")
    proposal_services.approve(proposal=proposal, by=None)
    with pytest.raises(Exception, match="already decided"):
        proposal_services.reject(proposal=proposal, by=None, reason="Too late")


@pytest.mark.parametrize("rows", [1, 12])
def test_the_changelist_costs_the_same_queries_for_one_row_or_many(catalogue, rows, django_assert_num_queries):
    exhibitors = list(catalogue["exhibitors"].values())
    for number in range(rows):
        exhibitor = exhibitors[number % len(exhibitors)]
        Proposal.objects.create(
            exhibitor=exhibitor,
            kind=Proposal.Kind.NEW_EXHIBIT,
            values={"name": {"vi": f"Tàu mẫu {number}", "en": ""}},
            submitted_at="2026-06-15T10:00:00+07:00",
        )
    editor = reviewer()
    # +1: the session's TOTP device, read by django-otp for staff who approve (common/second_factor.py).
    with django_assert_num_queries(8):
        response = editor.get(CHANGELIST)
    assert response.status_code == 200
    assert response.content.decode().count("Tàu mẫu ") == rows


def test_the_admin_applies_the_same_video_and_brochure_checks(catalogue):
    kilo = catalogue["products"]["kilo"]
    kilo.video_url = "https://videos.example.com/kilo"
    with pytest.raises(ValidationError) as refused:
        kilo.full_clean()
    assert "video_url" in refused.value.message_dict
