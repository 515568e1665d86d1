"""Issue 30's "Done when", walked on the demo as its approved journalist would, the day before the
doors open: a sign-in link by mail, the embargoed release and photo in the media area and nowhere
else, an interview asked for, a seat at a press conference, three photos in one zip carrying their
caption and credit, and the press kit a newsroom can use as it is."""

import datetime
import io
import re
import shutil
import zipfile

import pytest
import time_machine
from PIL import Image, IptcImagePlugin

from exhibitors.models import Exhibitor
from meetings.models import InterviewRequest
from press.models import MediaAccreditation, PressConference, PressRelease, ReleasePhoto
from tests.helpers import body, pdf_text, subject_of, text_of

# The eve of the demo edition (tests/settings.py pins its first day to 19/12/2024), 10:00 in Hanoi:
# the opening day's release (08:00 on the 19th) is under embargo, given to accredited media early.
EVE = datetime.datetime(2024, 12, 18, 3, 0, tzinfo=datetime.UTC)
SECOND_DAY = datetime.datetime(2024, 12, 20, 3, 0, tzinfo=datetime.UTC)
JOURNALIST = "demo.journalist@example.org"


@pytest.fixture
def demo_with_kits(demo_press_kits, demo, demo_snapshot, settings, tmp_path):
    """The demo with its built kits, in a media folder of this test's own: the kit is rebuilt
    for the eve (the one built at load time holds the release the embargo now withholds)."""
    settings.MEDIA_ROOT = shutil.copytree(demo_snapshot["media"], tmp_path / "demo-media")


@pytest.fixture
def eve():
    with time_machine.travel(EVE, tick=False):
        yield


def sign_in(client, smtp, capture, acronym):
    with capture(execute=True):
        response = client.post("/en/press/media/sign-in/", {"email": JOURNALIST})
    assert "a sign-in link is on its way" in response.content.decode()
    [message] = smtp.messages
    assert subject_of(message) == f"{acronym}: your link to the media area"
    assert message["To"].addresses[0].addr_spec == JOURNALIST
    link = re.search(r"https?://\S+/en/press/media/sign-in/\S+/", text_of(message)).group(0)
    response = client.post(link.removeprefix("http://testserver"))
    assert response.status_code == 302 and response["Location"] == "/en/press/media/"


def download_kit(client, capture):
    """The kit, as a newsroom gets it: a stale one is rebuilt on the (inline) task queue first."""
    with capture(execute=True):
        response = client.get("/en/press/kit.zip")
    if response.status_code == 503:  # "being prepared": the rebuild ran as the request ended
        response = client.get("/en/press/kit.zip")
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    return zipfile.ZipFile(io.BytesIO(body(response)))


def kit_names(client, capture):
    archive = download_kit(client, capture)
    return [*archive.namelist(), archive.read("index.html").decode()]


def public_pages(client):
    """What anyone reads without signing in: site, feeds, sitemap, API and the public photo library."""
    return {
        url: body(client.get(url)).decode(errors="replace")
        for url in (
            "/en/press/",
            "/vi/press/",
            "/en/press/photos/",
            "/en/press/releases/feed/rss/",
            "/en/press/releases/feed/atom/",
            "/sitemap.xml",
            "/api/releases",
        )
    }


def test_accredited_journalist_walks_the_media_centre_of_the_demo(
    client, demo_with_kits, eve, smtp, django_capture_on_commit_callbacks
):
    embargoed = PressRelease.objects.get(slug="demo-opening-ceremony")
    assert embargoed.early_for_media and not embargoed.is_published
    photo = ReleasePhoto.objects.get(release=embargoed)
    journalist = MediaAccreditation.objects.get(email=JOURNALIST)

    # 1. A single-use link, mailed to the address the application was made with.
    assert client.get("/en/press/media/").status_code == 302
    sign_in(client, smtp, django_capture_on_commit_callbacks, journalist.edition.acronym)
    home = client.get("/en/press/media/").content.decode()
    assert "Demo Journalist" in home and journalist.reference in home

    # 2. The embargoed release and its photo are in the media area, the embargo in bold…
    assert (
        "Vietnam International Defence Expo opens</a> — "
        '<strong class="embargo">EMBARGOED UNTIL 19 December 2024, 08:00 (UTC+7)</strong>'
    ) in home
    page = client.get(f"/en/press/media/releases/{embargoed.slug}/")
    assert page.status_code == 200 and "This morning the Vietnam International Defence Expo opened" in (
        page.content.decode()
    )
    pdf = client.get(f"/en/press/media/releases/{embargoed.slug}/release.pdf")
    assert "EMBARGO-2024-12-19-0800-UTC+7" in pdf["Content-Disposition"]
    assert "EMBARGOED UNTIL 19 December 2024, 08:00 (UTC+7)" in pdf_text(body(pdf))
    photos = client.get("/en/press/media/photos/").content.decode()
    assert f"r{photo.pk}" in photos
    file = client.get(f"/en/press/media/photos/r-{photo.pk}/file")
    assert file.status_code == 200 and "EMBARGO-2024-12-19-0800" in file["Content-Disposition"]

    # …and nowhere a visitor, a feed reader, a crawler or an API client looks.
    anonymous = client.__class__()
    assert anonymous.get(f"/en/press/releases/{embargoed.slug}/").status_code == 404
    assert anonymous.get(f"/en/press/media/releases/{embargoed.slug}/").status_code == 302
    assert anonymous.get(f"/en/press/media/photos/r-{photo.pk}/file").status_code == 302
    assert anonymous.get(f"/api/releases/{embargoed.slug}").status_code == 404
    for url, text in public_pages(anonymous).items():
        assert embargoed.slug not in text, url
        assert "Vietnam International Defence Expo opens" not in text, url
        assert "Khai mạc Triển lãm Quốc phòng quốc tế Việt Nam" not in text, url
        assert photo.image.name.rsplit("/", 1)[-1].split(".")[0] not in text, url
    assert "Expo programme announced" in public_pages(anonymous)["/en/press/"]  # the page itself works

    # 3. An interview with an exhibitor, and a seat at a press conference.
    exhibitor = Exhibitor.objects.filter(stands__edition=journalist.edition).order_by("name").first()
    asked = client.post(
        "/en/press/media/interviews/",
        {
            "with_kind": "exhibitor",
            "exhibitor": exhibitor.pk,
            "with_name": "",
            "topic": "Export plans for the region",
            "languages": "English",
            "wished_times": "19/12 afternoon",
        },
    )
    assert asked.status_code == 302
    interview = InterviewRequest.objects.get(accreditation=journalist)
    assert interview.exhibitor == exhibitor and interview.status == InterviewRequest.Status.REQUESTED
    interviews = client.get("/en/press/media/interviews/").content.decode()
    assert exhibitor.name in interviews and "Export plans for the region" in interviews
    conference = PressConference.objects.open_to_media(journalist.edition).order_by("programme_item__start").first()
    assert f"/en/press/media/conferences/{conference.pk}/register/" in home
    with django_capture_on_commit_callbacks(execute=True):
        registered = client.post(f"/en/press/media/conferences/{conference.pk}/register/")
    assert registered.status_code == 302
    home = client.get("/en/press/media/").content.decode()
    assert "You have a seat." in home and "1 of 30 seats taken" in home

    # 4. Three photos, one zip, each file with its caption and credit inside (XMP).
    chosen = list(ReleasePhoto.objects.filter(release__edition=journalist.edition).order_by("pk"))
    assert len(chosen) == 3 and photo in chosen
    response = client.get("/en/press/media/photos/photos.zip", {"photo": [f"r{p.pk}" for p in chosen]})
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(body(response)))
    assert len(archive.namelist()) == 3
    for item, name in zip(
        chosen, sorted(archive.namelist(), key=lambda n: int(n.rsplit("-", 1)[1].split(".")[0])), strict=True
    ):
        image = Image.open(io.BytesIO(archive.read(name)))
        xmp = image.info.get("xmp") or image.info.get("XML:com.adobe.xmp")
        xmp = xmp.decode() if isinstance(xmp, bytes) else xmp
        assert item.caption_en in xmp and item.caption_vi in xmp and "Demo · Expo CMS" in xmp, name
        iptc = IptcImagePlugin.getiptcinfo(image)
        assert item.caption_en in iptc[(2, 120)].decode() and iptc[(2, 110)].decode() == "Demo · Expo CMS", name
    assert any(name.startswith("EMBARGO-2024-12-19-0800") for name in archive.namelist())

    # The kit of the eve holds the published releases only.
    names = kit_names(client, django_capture_on_commit_callbacks)
    assert any(name.startswith("releases/") and "demo-programme-announced" in name for name in names)
    assert not any(embargoed.slug in name for name in names)
    assert "Vietnam International Defence Expo opens" not in names[-1]  # nor in its index

    # 5. On the second day the kit holds everything a newsroom needs, with true dates and normal modes.
    with time_machine.travel(SECOND_DAY, tick=False):
        archive = download_kit(client, django_capture_on_commit_callbacks)
    names = archive.namelist()
    slug = journalist.edition.slug
    for name in (
        "index.html",
        f"logo-{slug}.svg",
        f"logo-{slug}.png",
        f"programme-{slug}-en.pdf",
        f"map-{slug}-en.pdf",
        "briefings/results-2024-12-19-en.pdf",
        "briefings/results-2024-12-20-en.pdf",
        f"releases/2024-12-19-{embargoed.slug}-en.pdf",
        f"releases/2024-12-19-{embargoed.slug}-en.txt",
        f"catalogue-{slug}-en.pdf",
    ):
        assert name in names, name
    assert any(name.startswith(f"key-visual-{slug}.") for name in names)
    assert [name for name in names if name.startswith("catalogue")] == [f"catalogue-{slug}-en.pdf"]
    assert not any(name.startswith(("exhibitors/", "exhibits/")) for name in names)  # one catalogue, not thousands
    index = archive.read("index.html").decode()
    for name in names:
        if not name.startswith(("thumbs/", "logos/")) and name != "index.html":
            assert f'href="{name}"' in index, name
    assert "Vietnam International Defence Expo opens" in index
    for info in archive.infolist():
        assert info.date_time[0] >= 2024, info.filename  # when the file was made, never 1980-01-01
        assert (info.external_attr >> 16) & 0o777 == 0o644, info.filename
    # Built now (the clock's 10:00 in Hanoi); the first day's briefing as that day closed.
    assert archive.getinfo("index.html").date_time[:5] == (2024, 12, 20, 10, 0)
    assert archive.getinfo("briefings/results-2024-12-19-en.pdf").date_time[:5] == (2024, 12, 19, 23, 59)
