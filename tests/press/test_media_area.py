"""The accredited journalists' area: sign-in by single-use e-mailed link, and nothing reachable without it."""

import datetime

import pytest
import time_machine
from django.core.files.base import ContentFile
from django.urls import reverse
from model_bakery import baker

from press.models import MediaAccreditation, MediaSignInLink, MediaVideo, PressConference
from tests.factories import MEDIA_AREA_NOW, journalist, make_release
from tests.helpers import ask_media_link, media_link_in, media_sign_in, subject_of, text_of


@pytest.fixture(autouse=True)
def _now():
    with time_machine.travel(MEDIA_AREA_NOW, tick=False):
        yield


def test_approved_journalist_gets_a_link_in_their_language_and_it_signs_in_once(
    client, edition, smtp, django_capture_on_commit_callbacks
):
    journalist(edition)
    response = ask_media_link(client, "Alice@Example.co.uk", django_capture_on_commit_callbacks)
    assert "a sign-in link is on its way" in response.content.decode()
    [message] = smtp.messages
    assert subject_of(message) == "VIDE 2024: your link to the media area"
    assert message["To"].addresses[0].username == "alice"
    assert "The link works once, for 30 minutes." in text_of(message)
    url = media_link_in(message).removeprefix("http://testserver")
    assert url.startswith("/en/press/media/sign-in/")
    # Opening the link (a mail scanner does) uses nothing; the button does.
    assert "Sign in to the media area" in client.get(url).content.decode()
    response = client.post(url)
    assert response.status_code == 302 and response["Location"] == "/en/press/media/"
    home = client.get("/en/press/media/")
    assert "Alice Hartley" in home.content.decode() and "no-store" in home["Cache-Control"]
    # Single use: a second browser with the same link gets nowhere.
    other = client.__class__()
    assert other.post(url).status_code == 404
    assert not client.session.get("_auth_user_id")  # never a Django user


def test_vietnamese_journalist_gets_the_link_in_vietnamese(client, edition, smtp, django_capture_on_commit_callbacks):
    journalist(edition, email="nhung@example.vn", language="vi")
    ask_media_link(client, "nhung@example.vn", django_capture_on_commit_callbacks)
    [message] = smtp.messages
    assert "Kính gửi nhà báo," in text_of(message) and "/vi/press/media/sign-in/" in text_of(message)


@pytest.mark.parametrize("status", ["pending", "rejected"])
def test_pending_or_refused_applicant_gets_no_mail_and_the_same_answer(
    client, edition, smtp, django_capture_on_commit_callbacks, status
):
    journalist(edition, status=status)
    response = ask_media_link(client, "alice@example.co.uk", django_capture_on_commit_callbacks)
    assert "a sign-in link is on its way" in response.content.decode()
    assert smtp.messages == [] and not MediaSignInLink.objects.exists()


def test_link_expires_after_thirty_minutes(client, edition, smtp, django_capture_on_commit_callbacks):
    journalist(edition)
    ask_media_link(client, "alice@example.co.uk", django_capture_on_commit_callbacks)
    url = media_link_in(smtp.messages[-1]).removeprefix("http://testserver")
    with time_machine.travel(MEDIA_AREA_NOW + datetime.timedelta(minutes=31), tick=False):
        response = client.post(url)
    assert response.status_code == 404 and "This sign-in link does not work" in response.content.decode()


def test_sign_in_links_are_rate_limited(client, edition, smtp, django_capture_on_commit_callbacks):
    journalist(edition)
    for _ in range(3):
        ask_media_link(client, "alice@example.co.uk", django_capture_on_commit_callbacks)
    response = ask_media_link(client, "alice@example.co.uk", django_capture_on_commit_callbacks)
    assert (
        response.status_code == 429 and "Sign-in links were already sent to this address" in response.content.decode()
    )
    assert len(smtp.messages) == 3


def test_bad_address_is_a_400_in_the_page_language(client, edition):
    response = client.post("/vi/press/media/sign-in/", {"email": "không-phải-email"})
    assert response.status_code == 400 and "Nhập địa chỉ email." in response.content.decode()


def media_urls(edition):
    """Every URL of the media area (besides the sign-in pages), with the objects it needs."""
    release = make_release(edition, "early", hours=30, early_for_media=True)
    photo = baker.make("press.ReleasePhoto", release=release, caption_vi="Ảnh", credit_vi="TTXVN", image="x.jpg")
    item = baker.make(
        "expo.ProgrammeItem",
        edition=edition,
        type="press",
        slug="pc",
        is_published=True,
        start=MEDIA_AREA_NOW + datetime.timedelta(days=1),
        end=MEDIA_AREA_NOW + datetime.timedelta(days=1, hours=1),
    )
    conference = PressConference.objects.create(programme_item=item, seats=2)
    video = MediaVideo(edition=edition, title_vi="Video", credit_vi="VTV", duration_seconds=60)
    video.file.save("v.mp4", ContentFile(bytes(range(256)) * 40), save=False)
    video.save()
    return [
        ("get", reverse("press:media_home")),
        ("get", reverse("press:media_release", args=[release.slug])),
        ("get", reverse("press:media_release_pdf", args=[release.slug])),
        ("post", reverse("press:media_register", args=[conference.pk])),
        ("post", reverse("press:media_give_back", args=[conference.pk])),
        ("get", reverse("press:media_photos")),
        ("get", reverse("press:media_photos_zip") + f"?photo=r{photo.pk}"),
        ("get", reverse("press:media_photo_file", args=["r", photo.pk])),
        ("get", reverse("press:media_videos")),
        ("get", reverse("press:media_video_file", args=[video.pk])),
        ("get", reverse("interviews:list")),
        ("post", reverse("interviews:list")),
    ]


def _walk(client, urls):
    for method, url in urls:
        response = getattr(client, method)(url)
        assert response.status_code == 302, url
        assert response["Location"].endswith("/press/media/sign-in/"), url
        assert "no-store" in response["Cache-Control"], url


def test_every_media_url_sends_an_anonymous_visitor_to_sign_in(client, edition, settings):
    _walk(client, media_urls(edition))


def test_every_media_url_is_closed_once_the_accreditation_is_withdrawn(
    client, edition, smtp, django_capture_on_commit_callbacks
):
    alice = journalist(edition)
    urls = media_urls(edition)
    media_sign_in(client, edition, smtp, django_capture_on_commit_callbacks)
    assert client.get("/en/press/media/").status_code == 200
    for status in ("pending", "rejected"):
        MediaAccreditation.objects.filter(pk=alice.pk).update(status=status, reason="Withdrawn.")
        _walk(client, urls)


def test_a_staff_login_does_not_open_the_media_area(admin_client, edition):
    _walk(admin_client, media_urls(edition))
