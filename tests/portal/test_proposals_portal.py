"""An exhibitor changes its profile and exhibits in the portal: each change waits as a proposal,
and nothing of it is public (page, API, search, sitemap, the pending image's file) until approved."""

import io
import re
import zlib

import pytest
from django.contrib.auth import get_user_model
from PIL import Image

from exhibitors.models import Product
from portal.models import Contact, Proposal, ProposalFile
from tests.factories import make_product
from tests.forms import form_fields
from tests.helpers import image_upload, named_file, png_bytes

pytestmark = pytest.mark.django_db
PROFILE = "/{}/exhibitor/profile/"


def signed_in(client, exhibitor, email, language="en"):
    user = get_user_model().objects.create_user(username=email, email=email, password="x-portal-passphrase-2026")
    Contact.objects.create(exhibitor=exhibitor, user=user, name="Lan", email=email, language=language, is_main=True)
    client.force_login(user)
    return client


@pytest.fixture
def song_hong(catalogue):
    return catalogue["exhibitors"]["song_hong"]


@pytest.fixture
def portal(client, song_hong):
    return signed_in(client, song_hong, "lan@songhong.example")


def png_claiming(width, height):
    """A small PNG whose header claims `width` × `height` pixels (a pixel bomb's header)."""
    data = bytearray(png_bytes((10, 10)))
    data[16:20], data[20:24] = width.to_bytes(4, "big"), height.to_bytes(4, "big")
    data[29:33] = zlib.crc32(bytes(data[12:29])).to_bytes(4, "big")
    return bytes(data)


def profile_post(client, language="en", **changes):
    """The profile form as loaded, with `changes`, posted (the sectors ticked stay ticked)."""
    html = client.get(PROFILE.format(language)).content.decode()
    data = form_fields(html)
    data["sectors"] = re.findall(r'name="sectors" value="(\d+)"[^>]*checked', html)
    data |= changes
    return client.post(PROFILE.format(language), data)


def test_the_profile_form_shows_both_languages_side_by_side_and_what_is_missing(portal, song_hong):
    song_hong.description_vi = "Đóng tàu và sửa chữa tàu."
    song_hong.save()
    html = portal.get(PROFILE.format("en")).content.decode()
    assert 'name="description_vi"' in html and 'name="description_en"' in html
    assert "Đóng tàu và sửa chữa tàu." in html
    assert "Missing in English" in html
    html_vi = portal.get(PROFILE.format("vi")).content.decode()
    assert "Thiếu tiếng Anh" in html_vi


def test_a_changed_description_waits_for_review_and_the_public_page_keeps_the_old_one(
    portal, song_hong, client, caches_on, django_capture_on_commit_callbacks
):
    song_hong.description_en = "Shipbuilding since 1960."
    song_hong.save()
    public = f"/en/exhibitors/{song_hong.slug}/"
    assert "Shipbuilding since 1960." in client.get(public).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = profile_post(portal, description_en="Submarines and corvettes since 1960.")
    assert response.status_code == 302
    proposal = Proposal.objects.get()
    assert proposal.values == {"description": {"vi": "", "en": "Submarines and corvettes since 1960."}}
    portal.logout()
    assert "Shipbuilding since 1960." in client.get(public).content.decode()
    assert "Submarines and corvettes" not in client.get(public).content.decode()
    api = client.get(f"/api/exhibitors/{song_hong.slug}?lang=en").json()
    assert api["description"] == "Shipbuilding since 1960."
    song_hong.refresh_from_db()
    assert song_hong.description_en == "Shipbuilding since 1960."


def test_a_second_edit_updates_the_open_proposal(portal, song_hong):
    profile_post(portal, description_en="First try.")
    profile_post(portal, description_en="Second try.", website="songhong.example.vn")
    proposal = Proposal.objects.get()
    assert proposal.values["description"]["en"] == "Second try."
    assert proposal.values["website"] == "https://songhong.example.vn"
    html = portal.get(PROFILE.format("en")).content.decode()
    assert "Second try." in html and "waiting for the organisers" in html


def test_an_edit_back_to_the_published_text_withdraws_the_proposal(portal, song_hong):
    profile_post(portal, description_en="First try.")
    profile_post(portal, description_en="")
    assert not Proposal.objects.exists()


def test_a_pending_logo_is_private_to_its_exhibitor(portal, song_hong, client, settings, catalogue):
    response = profile_post(portal, logo=image_upload(png_bytes((400, 200)), "logo.png"))
    assert response.status_code == 302
    row = ProposalFile.objects.get()
    assert (settings.PRIVATE_MEDIA_ROOT / row.file.name).exists()
    assert not (settings.MEDIA_ROOT / row.file.name).exists()
    own = portal.get(f"/en/exhibitor/proposals/files/{row.pk}/")
    assert own.status_code == 200 and own["Content-Type"] == "image/png"
    assert "no-store" in own["Cache-Control"]
    assert Image.open(io.BytesIO(b"".join(own.streaming_content))).size == (400, 200)
    assert client.get(f"/media/{row.file.name}").status_code == 404
    other = signed_in(type(client)(), catalogue["exhibitors"]["duong"], "an@duong.example")
    assert other.get(f"/en/exhibitor/proposals/files/{row.pk}/").status_code == 404


@pytest.mark.parametrize(
    ("language", "upload", "message"),
    [
        ("en", image_upload(b"GIF89a" + b"\0" * 64, "photo.png"), "not a JPEG, PNG or WebP image"),
        ("vi", image_upload(b"<svg xmlns='http://www.w3.org/2000/svg'/>", "logo.png"), "không phải ảnh JPEG, PNG"),
        ("en", image_upload(png_claiming(9000, 9000), "huge.png"), "9000 × 9000 pixels; images may have at most 40"),
        (
            "vi",
            image_upload(b"\xff" * (10 * 1024 * 1024 + 1), "big.jpg", "image/jpeg"),
            "hình ảnh chỉ được tối đa 10,0",
        ),
    ],
)
def test_a_bad_logo_is_refused_in_the_users_language_and_nothing_is_saved(portal, language, upload, message):
    response = profile_post(portal, language, description_en="Changed too.", logo=upload)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Proposal.objects.exists() and not ProposalFile.objects.exists()


def exhibit_post(client, url, **changes):
    data = form_fields(client.get(url).content.decode())
    data |= changes
    return client.post(url, data)


def test_an_exhibit_change_with_a_new_image_and_brochure_waits_for_review(portal, catalogue, client):
    kilo = catalogue["products"]["kilo"]
    url = f"/en/exhibitor/exhibits/{kilo.pk}/"
    pdf = named_file(_pdf_bytes(), "brochure.pdf")
    response = exhibit_post(
        portal,
        url,
        description_vi="Tàu ngầm diesel-điện.",
        **{"specs-0-label_vi": "Tầm hoạt động", "specs-0-label_en": "Range", "specs-0-value": "6000 hải lý"},
        video_url="https://www.youtube.com/watch?v=abc",
        brochure=pdf,
        image=image_upload(png_bytes(), "new.png"),
        image_alt_vi="Tàu ngầm trên biển",
        image_alt_en="The submarine at sea",
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    proposal = Proposal.objects.get()
    assert proposal.kind == "exhibit" and proposal.product == kilo
    assert proposal.values["specifications"] == [
        {"label": {"vi": "Tầm hoạt động", "en": "Range"}, "value": "6000 hải lý"}
    ]
    assert sorted(proposal.files.values_list("field", flat=True)) == ["brochure", "image"]
    portal.logout()
    page = client.get(f"/en/exhibits/{kilo.slug}/").content.decode()
    assert "Tầm hoạt động" not in page and "Range" not in page and "youtube" not in page


@pytest.mark.parametrize(
    ("language", "field", "value", "message"),
    [
        ("en", "video_url", "https://video.example.com/x", "Video links may point to"),
        ("vi", "video_url", "http://www.youtube.com/watch?v=x", "Liên kết video chỉ"),
        ("en", "brochure", named_file(b"<html>%PDF-1.4 %%EOF</html>", "brochure.pdf"), "not a PDF document"),
        ("vi", "brochure", named_file(b"%PDF-1.4\nnot really a pdf", "brochure.pdf"), "PDF này bị hỏng"),
        ("en", "image", image_upload(b"not an image at all", "x.jpg", "image/jpeg"), "not a JPEG, PNG or WebP"),
    ],
)
def test_bad_exhibit_input_is_refused_clearly_and_nothing_is_saved(portal, catalogue, language, field, value, message):
    kilo = catalogue["products"]["kilo"]
    url = f"/{language}/exhibitor/exhibits/{kilo.pk}/"
    extra = {"image_alt_vi": "Ảnh"} if field == "image" else {}
    response = exhibit_post(portal, url, description_en="A change that must not be kept.", **{field: value}, **extra)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Proposal.objects.exists() and not ProposalFile.objects.exists()


def test_a_new_exhibit_is_a_proposal_and_nowhere_public(portal, catalogue, sectors, client):
    response = exhibit_post(
        portal,
        "/en/exhibitor/exhibits/new/",
        name_vi="Tàu tuần tra TT-400",
        name_en="TT-400 patrol boat",
        category=str(sectors["warships"].pk),
        summary_vi="Tàu tuần tra cao tốc.",
    )
    assert response.status_code == 302
    proposal = Proposal.objects.get()
    assert proposal.kind == "new_exhibit" and proposal.product is None
    assert not Product.objects.filter(name_en="TT-400 patrol boat").exists()
    portal.logout()
    assert "patrol boat" not in client.get("/en/search/?q=tuan+tra").content.decode()
    assert "patrol boat" not in client.get("/en/exhibits/?q=tuan+tra").content.decode()
    assert "tt-400" not in client.get("/sitemap.xml").content.decode().lower()
    assert client.get("/api/exhibits?q=tuan+tra").json()["count"] == 0


def test_another_exhibitors_exhibit_is_a_404(portal, catalogue):
    tank = catalogue["products"]["tank"]
    assert portal.get(f"/en/exhibitor/exhibits/{tank.pk}/").status_code == 404
    assert portal.post(f"/en/exhibitor/exhibits/{tank.pk}/", {"name_vi": "x"}).status_code == 404


def _pdf_bytes():
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def test_the_exhibits_page_lists_published_and_proposed_exhibits(portal, catalogue, sectors):
    make_product(catalogue["exhibitors"]["song_hong"], sectors["warships"], "sh-9", "Tàu SH-9", published=False)
    html = portal.get("/en/exhibitor/exhibits/").content.decode()
    assert "SH-1 submarine" in html and "Not published" in html
    assert "DL-3" not in html  # another exhibitor's


@pytest.mark.parametrize("extra", [0, 8])
def test_the_exhibits_page_costs_the_same_queries_for_few_or_many(
    portal, catalogue, sectors, extra, django_assert_num_queries
):
    song_hong = catalogue["exhibitors"]["song_hong"]
    for number in range(extra):
        make_product(song_hong, sectors["warships"], f"sh-x{number}", f"Tàu SH-X{number}")
        Proposal.objects.create(
            exhibitor=song_hong,
            kind=Proposal.Kind.NEW_EXHIBIT,
            values={"name": {"vi": f"Tàu đề xuất {number}", "en": ""}},
            submitted_at="2026-06-15T10:00:00+07:00",
            status=Proposal.Status.REJECTED if number % 2 else Proposal.Status.PENDING,
            reason="Thiếu ảnh.",
            decided_at="2026-06-16T10:00:00+07:00",
        )
    with django_assert_num_queries(7):
        html = portal.get("/en/exhibitor/exhibits/").content.decode()
    assert html.count("Tàu SH-X") == extra
