"""What an accredited journalist gets in the media area: embargoed material early, photos in bulk
with caption and credit inside the files, video by range, press-conference seats."""

import datetime
import io
import zipfile

import pytest
import time_machine
from django.core.files.base import ContentFile
from django.test import Client
from PIL import Image

from outbox.models import Message
from press import media_services
from press.models import MediaVideo, ReleasePhoto
from tests.factories import MEDIA_AREA_NOW, journalist, make_release
from tests.helpers import body, media_sign_in, pdf_text, png_bytes, subject_of, text_of


@pytest.fixture(autouse=True)
def _now():
    with time_machine.travel(MEDIA_AREA_NOW, tick=False):
        yield


@pytest.fixture
def alice(client, edition, smtp, django_capture_on_commit_callbacks):
    accreditation = journalist(edition)
    media_sign_in(client, edition, smtp, django_capture_on_commit_callbacks)
    return accreditation


def jpeg_bytes():
    out = io.BytesIO()
    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: (21.0, 1.0, 30.0)}  # a GPS position the camera wrote
    Image.new("RGB", (1200, 800), (40, 90, 60)).save(out, "JPEG", exif=exif.tobytes())
    return out.getvalue()


@pytest.fixture
def early(edition):
    release = make_release(
        edition,
        "sap-ra-mat",
        hours=30,
        title_vi="Ra mắt tàu ngầm mới",
        title_en="A new submarine is unveiled",
        early_for_media=True,
    )
    ReleasePhoto.objects.create(
        release=release,
        image=ContentFile(png_bytes(size=(900, 600)), name="early.png"),
        caption_vi="Tàu ngầm mới tại cảng",
        caption_en="The new submarine in port",
        credit_vi="Ảnh: TTXVN",
        credit_en="Photo: VNA",
    )
    return release


def test_embargoed_release_is_in_the_media_area_with_its_time_in_bold(client, alice, early):
    html = client.get("/en/press/media/").content.decode()
    assert '<strong class="embargo">EMBARGOED UNTIL 19 December 2024, 15:00 (UTC+7)</strong>' in html
    page = client.get("/en/press/media/releases/sap-ra-mat/").content.decode()
    assert "<strong>EMBARGOED UNTIL 19 December 2024, 15:00 (UTC+7)</strong>" in page
    assert "A new submarine is unveiled" in page
    # Nowhere public before the time, not even by its address.
    assert Client().get("/en/press/releases/sap-ra-mat/").status_code == 404
    assert "unveiled" not in Client().get("/en/press/").content.decode()


def test_embargoed_release_pdf_says_the_embargo_in_its_header_and_file_name(client, alice, early):
    response = client.get("/en/press/media/releases/sap-ra-mat/release.pdf")
    assert response["Content-Type"] == "application/pdf"
    assert 'filename="EMBARGO-2024-12-19-1500-UTC+7-sap-ra-mat-en.pdf"' in response["Content-Disposition"]
    assert response["Content-Disposition"].startswith("inline")
    text = pdf_text(body(response))
    assert "EMBARGOED UNTIL 19 December 2024, 15:00 (UTC+7)" in text


def test_three_photos_download_as_one_zip_each_with_caption_and_credit_inside(client, alice, early, edition):
    release = make_release(edition, "khai-mac", hours=-2)
    photos = [early.photos.get()]
    for n in (1, 2):
        photos.append(
            ReleasePhoto.objects.create(
                release=release,
                image=ContentFile(jpeg_bytes(), name=f"p{n}.jpg"),
                caption_vi=f"Khách tham quan {n}",
                caption_en=f"Visitors {n}",
                credit_vi="Ảnh: QĐND",
                credit_en="Photo: QDND",
            )
        )
    query = "&".join(f"photo=r{photo.pk}" for photo in photos)
    response = client.get(f"/en/press/media/photos/photos.zip?{query}")
    assert response.streaming and response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(body(response)))
    names = sorted(archive.namelist())
    assert len(names) == 3
    assert [n for n in names if n.startswith("EMBARGO-2024-12-19-1500-UTC+7-sap-ra-mat")]  # the embargo in its name
    for name in names:
        image = Image.open(io.BytesIO(archive.read(name)))
        xmp = image.info.get("xmp") or image.info.get("XML:com.adobe.xmp")
        xmp = xmp.decode() if isinstance(xmp, bytes) else xmp
        assert 'xml:lang="vi"' in xmp and 'xml:lang="en"' in xmp
        assert ("Ảnh: TTXVN" in xmp and "Photo: VNA" in xmp) or ("Ảnh: QĐND" in xmp and "Photo: QDND" in xmp)
        assert 0x8825 not in image.getexif()  # no GPS
        assert (archive.getinfo(name).external_attr >> 16) & 0o777 == 0o644


def test_photo_search_by_caption_and_day(client, alice, early, edition):
    make_release(edition, "khai-mac", hours=-2)
    html = client.get("/en/press/media/photos/?q=cảng").content.decode()
    assert "Tàu ngầm mới tại cảng" in html or "The new submarine in port" in html
    assert "The new submarine in port" not in client.get("/en/press/media/photos/?q=xyz").content.decode()
    assert "The new submarine in port" in client.get("/en/press/media/photos/?day=19/12/2024").content.decode()
    assert "The new submarine in port" not in client.get("/en/press/media/photos/?day=20/12/2024").content.decode()


def test_video_is_served_by_range(client, alice, edition):
    video = MediaVideo(
        edition=edition, title_vi="Bay trình diễn", title_en="Flying display", credit_vi="VTV", duration_seconds=95
    )
    video.file.save("flight.mp4", ContentFile(bytes(range(256)) * 100), save=False)
    video.save()
    page = client.get("/en/press/media/videos/").content.decode()
    assert "Flying display" in page and "1:35" in page and "25.0" in page  # duration and size (KB)
    response = client.get(f"/en/press/media/videos/{video.pk}/file", HTTP_RANGE="bytes=256-511")
    assert response.status_code == 206 and response["Content-Range"] == "bytes 256-511/25600"
    assert body(response) == bytes(range(256))
    assert client.get(f"/en/press/media/videos/{video.pk}/file", HTTP_RANGE="bytes=99999-").status_code == 416


def test_press_conference_takes_registrations_up_to_its_seats(
    client, alice, conference, edition, smtp, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/en/press/media/conferences/{conference.pk}/register/")
    assert response.status_code == 302
    seat = [m for m in smtp.messages if "your seat" in subject_of(m)]
    assert subject_of(seat[0]) == "VIDE 2024: your seat at “Opening press conference”"
    # The reminder waits in the outbox until two hours before.
    reminder = Message.objects.get(kind="press.conference_reminder")
    assert reminder.send_after == MEDIA_AREA_NOW + datetime.timedelta(days=1, hours=-2)
    assert "You have a seat." in client.get("/en/press/media/").content.decode()
    # The only seat is taken: the next journalist is told so.
    bob = journalist(edition, email="bob@example.com")
    with pytest.raises(Exception, match="Every seat"):
        media_services.register_for_conference(conference=conference, accreditation=bob, base_url="")
    pdf = pdf_text(media_services.attendance_pdf(conference))
    assert "Opening press conference" in pdf or "Họp báo khai mạc" in pdf
    assert "Alice Hartley" in pdf and alice.reference in pdf and "Bob" not in pdf
    # Giving the seat back withdraws a reminder still waiting (the test queue sent the first at once).
    client.post(f"/en/press/media/conferences/{conference.pk}/give-back/")
    with django_capture_on_commit_callbacks(execute=False):
        client.post(f"/en/press/media/conferences/{conference.pk}/register/")
    waiting = Message.objects.filter(kind="press.conference_reminder", status="approved")
    assert waiting.count() == 1
    client.post(f"/en/press/media/conferences/{conference.pk}/give-back/")
    assert not waiting.exists()


def test_interview_request_is_answered_in_the_journalists_language(
    client, alice, edition, smtp, django_capture_on_commit_callbacks, admin_user
):
    from meetings import interviews
    from meetings.models import InterviewRequest, MeetingPlace

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/en/press/media/interviews/",
            {
                "with_kind": "organiser",
                "topic": "Vietnam's defence industry",
                "languages": "English",
                "wished_times": "19/12 afternoon",
            },
        )
    assert response.status_code == 302
    interview = InterviewRequest.objects.get()
    assert subject_of(smtp.messages[-1]) == "VIDE 2024: your interview request with The organisers"
    room = MeetingPlace.objects.create(edition=edition, name_vi="Phòng họp báo 1", name_en="Press room 1")
    start = MEDIA_AREA_NOW + datetime.timedelta(days=1, hours=6)
    with django_capture_on_commit_callbacks(execute=True):
        interviews.decide(
            interview=interview,
            status="arranged",
            by=admin_user,
            place=room,
            start=start,
            end=start + datetime.timedelta(minutes=30),
            base_url="http://testserver",
        )
    message = smtp.messages[-1]
    assert subject_of(message) == "VIDE 2024: your interview with The organisers is arranged"
    assert "Where: Press room 1" in text_of(message) and "Thursday 19/12/2024 15:00–15:30" in text_of(message)
    # The room is taken then: a second interview there is refused, nothing saved.
    other = InterviewRequest.objects.create(
        accreditation=alice, with_kind="organiser", topic="x", languages="English", wished_times="any"
    )
    with pytest.raises(Exception, match="is taken at that time"):
        interviews.decide(
            interview=other,
            status="arranged",
            by=admin_user,
            place=room,
            start=start,
            end=start + datetime.timedelta(minutes=30),
            base_url="",
        )
    assert InterviewRequest.objects.get(pk=other.pk).status == "requested"
    assert "defence industry" in client.get("/en/press/media/interviews/").content.decode()
