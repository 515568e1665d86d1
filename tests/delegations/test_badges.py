"""Name badges: every layout renders, every QR decodes to a token our key signed (a tampered one
fails), the photo or a "no photo" placeholder, category and zones, and no text leaves its card or
runs into other text, whatever was typed (poppler finds every word's box)."""

import io
import re
import subprocess
import unicodedata

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image
from pypdf import PdfReader

from common import signing
from delegations import badges
from delegations.models import Delegation, Member
from tests.factories import make_delegation, make_member
from tests.helpers import decoded_qr_codes, pdf_page_texts, printed_codes

POINTS_PER_MM = 72 / 25.4


def _photo():
    buffer = io.BytesIO()
    Image.new("RGB", (300, 400), (40, 90, 160)).save(buffer, "PNG")
    return SimpleUploadedFile("portrait.png", buffer.getvalue(), content_type="image/png")


@pytest.fixture
def scene(edition, settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    minister = make_delegation(
        edition, "FR", "Ministère des Armées", level=Delegation.Level.MINISTER, status=Delegation.Status.ACCEPTED
    )
    korea = make_delegation(edition, "KR", "Ministry of National Defense", status=Delegation.Status.ACCEPTED)
    members = [
        make_member(minister, family_name="Dupont", given_name="Marie", role="head", rank="Bộ trưởng", photo=_photo()),
        make_member(minister, family_name="Martin", given_name="Paul", role="interpreter"),
        make_member(korea, family_name="Kim", given_name="Min-jun", role="head", rank="Thiếu tướng"),
        make_member(
            korea,
            family_name="Park",
            given_name="Seo-yeon Ji-woo Ha-eun Da-eun Ye-jin Su-bin",
            position="Phó Cục trưởng Cục Đối ngoại, Bộ Quốc phòng, phụ trách hợp tác công nghiệp quốc phòng",
        ),
    ]
    return [minister, korea], members


def _sizes_mm(reader):
    return {
        (round(float(p.mediabox.width) / 72 * 25.4), round(float(p.mediabox.height) / 72 * 25.4)) for p in reader.pages
    }


def _print(client, delegations, layout):
    action = {"sheet": "badges_action", "cr80": "badges_cr80_action"}[layout]
    selected = [str(d.pk) for d in delegations]
    return client.post(
        reverse("admin:delegations_delegation_changelist"),
        {"action": action, "_selected_action": selected},
    )


@pytest.mark.parametrize("layout", ["sheet", "cr80"])
def test_every_qr_decodes_to_a_signed_badge_token_without_personal_data(protocol_client, scene, layout, tmp_path):
    delegations, members = scene
    response = _print(protocol_client, delegations, layout)
    assert response["Content-Type"] == "application/pdf"
    tokens = decoded_qr_codes(response, page=None)
    public = signing.public_key_text()
    passes = [signing.verify(token, public) for token in tokens]
    members[0].refresh_from_db()
    assert sorted(p.id for p in passes) == sorted(m.badge_code for m in members)
    edition = delegations[0].edition
    assert {(p.kind, p.first_day, p.last_day) for p in passes} == {("badge", edition.start_date, edition.end_date)}
    # Kind, badge code, days and signature: nothing else (no name, no database key).
    assert {len(token.split(".")) for token in tokens} == {5}
    # One changed character of the body (a day moved) or of the signature: refused.
    body, _, signature = tokens[0].rpartition(".")
    with pytest.raises(signing.BadToken):
        signing.verify(body.replace("2024122", "2024123") + "." + signature, public)
    with pytest.raises(signing.BadToken):
        signing.verify(body + "." + ("A" if signature[0] != "A" else "B") + signature[1:], public)


def test_sheet_layout_puts_eight_cards_on_a4_with_backs_mirrored(protocol_client, edition, scene):
    delegations, _ = scene
    extra = make_delegation(edition, "DE", "Bundesministerium der Verteidigung", status=Delegation.Status.ACCEPTED)
    for n in range(6):
        make_member(extra, family_name="Schmidt", given_name=f"Anna {n}")
    response = _print(protocol_client, [*delegations, extra], "sheet")
    reader = PdfReader(io.BytesIO(response.content))
    # Ten cards: a cover sheet listing them, then two sheets, each a front page and a back page, all A4.
    assert len(reader.pages) == 5
    cover = pdf_page_texts(response)[0]
    assert "Thẻ đeo · Bảng kê 10 thẻ" in cover and "Trang 1/1" in cover
    assert all(m.badge_code in printed_codes(cover) for m in Member.objects.all())
    assert {
        (round(float(p.mediabox.width) / 72 * 25.4), round(float(p.mediabox.height) / 72 * 25.4)) for p in reader.pages
    } == {(210, 297)}
    slots = badges.sheets(list(range(10)))
    assert len(slots) == 2 and len(slots[0][0]) == 8 and len(slots[1][0]) == 2
    # Turned over the long edge, the back of the first card (left column) is in the right column.
    assert slots[0][0][0][1] == (19, 40.5) and slots[0][1][0][1] == (105, 40.5)


def test_cr80_layout_is_one_card_per_page(protocol_client, scene):
    delegations, members = scene
    response = _print(protocol_client, delegations, "cr80")
    reader = PdfReader(io.BytesIO(response.content))
    assert len(reader.pages) == 2 * len(members)  # front and back of each card
    assert reader.metadata.title == "Thẻ đeo"  # what a viewer's title bar shows
    assert {
        (round(float(p.mediabox.width) / 72 * 25.4), round(float(p.mediabox.height) / 72 * 25.4)) for p in reader.pages
    } == {(86, 54)}


def test_front_shows_category_name_in_its_order_rank_country_zones_and_photo_or_placeholder(
    protocol_client, scene, tmp_path
):
    delegations, _ = scene
    response = _print(protocol_client, delegations, "cr80")
    texts = pdf_page_texts(response)
    fronts = texts[0::2]
    # Protocol order: the minister's delegation first. Names in the order their culture writes them.
    assert "VIP" in fronts[0] and "Marie Dupont" in fronts[0] and "Bộ trưởng" in fronts[0] and "FRA PHÁP" in fronts[0]
    assert "Không có ảnh" not in fronts[0]  # her photo is printed
    assert "NHÂN VIÊN" in fronts[1] and "Paul Martin" in fronts[1] and "Không có ảnh" in fronts[1]
    assert "ĐẠI BIỂU" in fronts[2] and "Kim Min-jun" in fronts[2] and "KOR HÀN QUỐC" in fronts[2]
    assert "A B C V" in fronts[0] and "A B" in fronts[1] and "A B C" in fronts[2]
    # Her photo where the photo goes (its middle, 14 mm in, 28 mm down); his a grey placeholder.
    (tmp_path / "badges.pdf").write_bytes(response.content)
    subprocess.run(["pdftoppm", "-r", "100", "-png", str(tmp_path / "badges.pdf"), str(tmp_path / "p")], check=True)
    middle = (round(14 / 25.4 * 100), round(28 / 25.4 * 100))
    photo = Image.open(tmp_path / "p-1.png").convert("RGB").getpixel(middle)
    assert max(abs(a - b) for a, b in zip(photo, (40, 90, 160), strict=True)) <= 4  # re-encoded as JPEG
    assert Image.open(tmp_path / "p-3.png").convert("RGB").getpixel(middle) == (242, 242, 242)
    # The back: the badge code a guard can type, the zones spelled out.
    assert "Khu trưng bày ngoài trời" in texts[1]


def _words(pdf, tmp_path):
    """Every word of every page with its box in mm, as poppler finds them: [[(text, box), …], …]."""
    (tmp_path / "words.pdf").write_bytes(pdf)
    found = subprocess.run(
        ["pdftotext", "-bbox", str(tmp_path / "words.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = []
    for page in found.split("<page ")[1:]:
        words = re.findall(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<', page)
        pages.append([(text, tuple(float(v) / POINTS_PER_MM for v in box)) for *box, text in words])
    return pages


def _inside(box, frame, slack=0.2):
    return (
        frame[0] - slack <= box[0]
        and frame[1] - slack <= box[1]
        and box[2] <= frame[2] + slack
        and box[3] <= frame[3] + slack
    )


def _overlap(one, other):
    # The middle three fifths of a word's box: its ascent and descent overlap the next line's.
    def band(box):
        cut = (box[3] - box[1]) / 5
        return box[0], box[1] + cut, box[2], box[3] - cut

    one, other = band(one), band(other)
    return one[0] < other[2] and other[0] < one[2] and one[1] < other[3] and other[1] < one[3]


@pytest.mark.parametrize("layout", ["sheet", "cr80"])
def test_no_text_leaves_its_card_or_runs_into_other_text_the_photo_or_the_qr(
    protocol_client, edition, scene, layout, tmp_path
):
    """Whatever was typed: the longest names and ranks, a word longer than a line."""
    delegations, _ = scene
    long = make_delegation(edition, "DE", "Bundesministerium der Verteidigung", status=Delegation.Status.ACCEPTED)
    make_member(
        long,
        family_name="Wolfeschlegelsteinhausenbergerdorffvoralternwarengewissenhaftschaferswessen",
        given_name="Hubert Blaine Charles David Earl Frederick Gerald",
        rank="Generalleutnant der Luftwaffe und Befehlshaber des Zentrums Luftoperationen der Bundeswehr",
        position="Stellvertretender Abteilungsleiter Rüstungskooperation " * 3,
    )
    make_member(long, family_name="Nguyễn", given_name="Thị Minh Khai", rank="Đại tá", position="Trưởng phòng")
    pages = _words(_print(protocol_client, [*delegations, long], layout).content, tmp_path)
    if layout == "sheet":
        cards = [[], []]
        for fronts, backs in badges.sheets(list(range(6))):
            cards = [[position for _, position in fronts], [position for _, position in backs]]
        pages = pages[1:]  # the cover sheet is a table, laid out by WeasyPrint
    else:
        cards = [[(0, 0)], [(0, 0)]]
    checked = 0
    for number, words in enumerate(pages):
        front = number % 2 == 0
        for left, top in cards[number % 2]:
            card = (left, top, left + badges.CARD_WIDTH_MM, top + badges.CARD_HEIGHT_MM)
            mine = [(text, box) for text, box in words if _inside(box, card, slack=5)]
            # The photo's frame on the front, the QR on the back.
            image = (left + 3, top + 13.5, left + 25, top + 42.5) if front else (left + 3, top + 5, left + 39, top + 41)
            for n, (text, box) in enumerate(mine):
                assert _inside(box, card), f"{text!r} leaves its card"
                if _inside(box, image):  # the placeholder's own words
                    assert front and text in ["Không", "có", "ảnh"], f"{text!r} is over the photo"
                else:
                    assert not _overlap(box, image), f"{text!r} runs into the {'photo' if front else 'QR code'}"
                for other, other_box in mine[n + 1 :]:
                    assert not _overlap(box, other_box), f"{text!r} runs into {other!r}"
                checked += 1
    assert checked > 150
    assert "Wolfeschlegelsteinhausenbergerdorf" in " ".join(text for words in pages for text, _ in words)


def test_a_delegations_page_prints_its_badges_in_either_language(protocol_client, scene):
    delegations, _ = scene
    page = protocol_client.get(reverse("admin:delegations_delegation_change", args=[delegations[0].pk]))
    url = reverse("admin:delegations_delegation_badges", args=[delegations[0].pk])
    text = page.content.decode()
    assert f'href="{url}?lang=vi">Thẻ đeo (PDF, tiếng Việt)' in text
    assert f'href="{url}?lang=en">Thẻ đeo (PDF, tiếng Anh)' in text
    cover, front, back = pdf_page_texts(protocol_client.get(url, {"lang": "en"}))
    assert "Name badges · Cover sheet 2 cards" in cover and "France · Ministère des Armées" in cover
    assert "VIP" in front and "STAFF" in front and "FRA FRANCE" in front and "No photo" in front
    assert "Exhibition halls" in back and "VIP lounge" in back and "Vietnam International Defence Expo" in back


def test_vietnamese_typed_decomposed_is_printed_as_one_glyph_a_letter(protocol_client, edition, scene):
    """A name saved decomposed (an old row, a raw import: the model normalises what it saves) is
    drawn in NFC: "ễ" one precomposed glyph, not an "e" with two marks placed by guess."""
    delegations, members = scene
    decomposed = unicodedata.normalize("NFD", "Nguyễn Thị Ánh Tuyết")
    Member.objects.filter(pk=members[2].pk).update(family_name="", given_name=decomposed, rank=decomposed)
    response = _print(protocol_client, delegations, "cr80")
    raw = PdfReader(io.BytesIO(response.content)).pages[4].extract_text()  # not normalised here
    assert "Nguyễn Thị Ánh Tuyết" in raw and unicodedata.normalize("NFC", raw).count("Tuyết") == 2
    assert "\u0303" not in raw and "\u0301" not in raw  # no combining tilde or acute left


def test_the_photo_is_kept_private_re_encoded_and_the_admin_pages_show_without_a_link(protocol_client, scene, settings):
    delegations, members = scene
    photo = members[0].photo
    assert photo.name.startswith("delegations/photos/") and photo.name.endswith(".jpg")
    assert (settings.PRIVATE_MEDIA_ROOT / photo.name).exists()
    assert not (settings.MEDIA_ROOT / photo.name).exists()
    for url in (
        reverse("admin:delegations_delegation_change", args=[delegations[0].pk]),
        reverse("admin:delegations_member_change", args=[members[0].pk]),
    ):
        response = protocol_client.get(url)
        assert response.status_code == 200
        assert "delegations/photos/" not in response.content.decode()


def test_without_a_signing_key_printing_badges_says_so(protocol_client, scene, settings):
    settings.EXPO_TICKET_SIGNING_KEY = ""
    settings.EXPO_TICKET_SIGNING_KEY_FILE = None  # production: no key generated
    delegations, _ = scene
    response = protocol_client.get(reverse("admin:delegations_delegation_badges", args=[delegations[0].pk]))
    assert response.status_code == 503
    assert "EXPO_TICKET_SIGNING_KEY is not set" in response.content.decode()


def test_a_configured_key_signs_and_another_key_does_not_verify(settings):
    import base64
    import datetime

    settings.EXPO_TICKET_SIGNING_KEY = base64.b64encode(bytes(range(32))).decode()
    token = signing.sign("badge", "ABCDEFGHJK", datetime.date(2024, 12, 19), datetime.date(2024, 12, 22))
    found = signing.verify(token)
    assert (found.kind, found.id, found.valid_on(datetime.date(2024, 12, 23))) == ("badge", "ABCDEFGHJK", False)
    other = signing.public_key_text()
    settings.EXPO_TICKET_SIGNING_KEY = base64.b64encode(bytes(range(1, 33))).decode()
    with pytest.raises(signing.BadToken):
        signing.verify(token)
    assert signing.verify(token, other).id == "ABCDEFGHJK"
