"""The edition's key visual: uploaded in the admin through the safe image pipeline, shown on the home page."""

import re

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from model_bakery import baker
from PIL import Image

from expo.models import Edition
from tests.helpers import png_bytes
from tests.hostile import truncated_png_with_iend

ALT_VI = "Ba máy bay phản lực bay đội hình trên đường băng Gia Lâm lúc hoàng hôn"
ALT_EN = "Three jets in formation over the Gia Lam runway at dusk"


def key_visual_tag(html):
    found = re.findall(r'<div class="hero__visual">(<img [^>]*>)</div>', html)
    assert len(found) == 1, "the home page shows exactly one key visual"
    return found[0]


def attribute(tag, name):
    match = re.search(rf'\s{name}="([^"]*)"', tag)
    return match and match.group(1)


@pytest.fixture
def with_key_visual(edition):
    edition.key_visual = SimpleUploadedFile("poster.png", png_bytes((1920, 1080)), content_type="image/png")
    edition.key_visual_alt_vi, edition.key_visual_alt_en = ALT_VI, ALT_EN
    edition.save()
    return edition


def test_home_shows_the_key_visual_responsive_with_its_alt_text_in_each_language(client, with_key_visual):
    vi = key_visual_tag(client.get("/vi/").content.decode())
    en = key_visual_tag(client.get("/en/").content.decode())
    assert attribute(vi, "alt") == ALT_VI
    assert attribute(en, "alt") == ALT_EN
    for tag in (vi, en):
        assert (attribute(tag, "width"), attribute(tag, "height")) == ("1920", "1080")
        widths = [entry.rsplit(" ", 1)[1] for entry in attribute(tag, "srcset").split(", ")]
        assert widths == ["320w", "640w", "1280w", "1920w"]
        assert attribute(tag, "sizes")
        # It is the largest picture when the page loads: fetched at once, never lazily.
        assert attribute(tag, "loading") is None
        assert attribute(tag, "fetchpriority") == "high"
        for url in [attribute(tag, "src"), *(e.split(" ")[0] for e in attribute(tag, "srcset").split(", "))]:
            assert default_storage.exists(url.removeprefix("/media/"))


def test_key_visual_is_stored_without_metadata_and_resized(with_key_visual):
    with default_storage.open(with_key_visual.key_visual.name) as stored, Image.open(stored) as image:
        assert image.format == "PNG" and image.size == (1920, 1080)
        assert not image.info.get("exif")
    assert with_key_visual.key_visual.name.startswith("expo/key-visuals/")


def test_home_without_a_key_visual_keeps_the_text_hero(client, edition):
    html = client.get("/en/").content.decode()
    assert '<section class="hero" aria-labelledby="edition-title">' in html
    assert "hero__visual" not in html
    assert "Browse the exhibits" in html


def test_home_query_count_is_the_same_with_a_key_visual(client, edition, django_assert_num_queries):
    baker.make("expo.Venue", edition=edition, _quantity=3)
    # Edition, venues, key figures, highlights and the counted facts (one query); the key visual
    # is read with the edition and costs nothing more. The edition has ended: the next one is looked for.
    with django_assert_num_queries(6):
        client.get("/vi/")
    edition.key_visual = SimpleUploadedFile("poster.png", png_bytes((1600, 900)))
    edition.key_visual_alt_vi, edition.key_visual_alt_en = ALT_VI, ALT_EN
    edition.save()
    with django_assert_num_queries(6):
        html = client.get("/vi/").content.decode()
    assert ALT_VI in html


def edition_form(edition, **changes):
    data = {
        "name_vi": edition.name_vi,
        "name_en": edition.name_en,
        "acronym": edition.acronym,
        "slug": edition.slug,
        "ordinal": edition.ordinal,
        "theme_vi": edition.theme_vi,
        "theme_en": edition.theme_en,
        "organiser_vi": "",
        "organiser_en": "",
        "start_date": "2024-12-19",
        "end_date": "2024-12-22",
        "time_zone": "Asia/Ho_Chi_Minh",
        "venue_name_vi": edition.venue_name_vi,
        "venue_name_en": edition.venue_name_en,
        "city_vi": edition.city_vi,
        "city_en": edition.city_en,
        "description_vi": "",
        "description_en": "",
        "is_current": "on",
        "key_visual_alt_vi": "",
        "key_visual_alt_en": "",
        "venues-TOTAL_FORMS": 0,
        "venues-INITIAL_FORMS": 0,
        "key_figures-TOTAL_FORMS": 0,
        "key_figures-INITIAL_FORMS": 0,
        "visitor_info-TOTAL_FORMS": 0,
        "visitor_info-INITIAL_FORMS": 0,
    }
    return {**data, **changes}


def post_edition(admin_client, edition, language, **changes):
    url = reverse("admin:expo_edition_change", args=[edition.pk])
    return admin_client.post(url, edition_form(edition, **changes), headers={"accept-language": language})


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "Say what the key visual shows, for readers who cannot see it."),
        ("vi", "Hãy mô tả nội dung ảnh nhận diện cho người đọc không nhìn thấy ảnh."),
    ],
)
def test_admin_refuses_a_key_visual_without_its_text_alternative(admin_client, edition, language, expected):
    poster = SimpleUploadedFile("poster.png", png_bytes((1600, 900)), content_type="image/png")
    response = post_edition(admin_client, edition, language, key_visual=poster, key_visual_alt_vi=ALT_VI)
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count(expected) == 1  # English is missing; Vietnamese was given
    edition.refresh_from_db()
    assert not edition.key_visual


def test_admin_saves_a_key_visual_with_both_text_alternatives(admin_client, edition, client):
    poster = SimpleUploadedFile("poster.png", png_bytes((1600, 900)), content_type="image/png")
    response = post_edition(
        admin_client, edition, "en", key_visual=poster, key_visual_alt_vi=ALT_VI, key_visual_alt_en=ALT_EN
    )
    assert response.status_code == 302
    edition.refresh_from_db()
    assert (edition.key_visual_width, edition.key_visual_height) == (1600, 900)
    assert [r["width"] for r in edition.key_visual_renditions] == [320, 640, 1280]
    assert attribute(key_visual_tag(client.get("/en/").content.decode()), "alt") == ALT_EN


HOSTILE = {
    "html named .png": (b"<!DOCTYPE html><html><script>alert(1)</script></html>", "poster.png", "format"),
    "truncated png": (truncated_png_with_iend(), "poster.png", "damaged"),
}
REASONS = {
    ("format", "en"): "This file is not a JPEG, PNG or WebP image, whatever its name says",
    ("format", "vi"): "Tệp này không phải ảnh JPEG, PNG hay WebP",
    ("damaged", "en"): "This image file is damaged or incomplete",
    ("damaged", "vi"): "Tệp hình ảnh này bị hỏng hoặc không đầy đủ",
}


@pytest.mark.parametrize("language", ["en", "vi"])
@pytest.mark.parametrize("case", HOSTILE)
def test_admin_refuses_a_hostile_key_visual(admin_client, edition, case, language):
    data, name, reason = HOSTILE[case]
    upload = SimpleUploadedFile(name, data, content_type="image/png")
    response = post_edition(
        admin_client, edition, language, key_visual=upload, key_visual_alt_vi=ALT_VI, key_visual_alt_en=ALT_EN
    )
    assert response.status_code == 200
    assert REASONS[reason, language] in response.content.decode()
    edition.refresh_from_db()
    assert not edition.key_visual
    assert not default_storage.exists("expo/key-visuals")


def test_demo_edition_has_a_labelled_key_visual(demo, client):
    edition = Edition.objects.get(slug="vide-demo")
    assert (edition.key_visual_width, edition.key_visual_height) == (2400, 1350)
    assert edition.key_visual_alt_vi.startswith("Ảnh nhận diện minh họa (DEMO)")
    assert edition.key_visual_alt_en.startswith("Demo key visual (DEMO)")
    assert "19–22.12.2024" in edition.key_visual_alt_en
    with default_storage.open(edition.key_visual.name) as stored, Image.open(stored) as image:
        assert image.format == "JPEG" and image.size == (2400, 1350)
        # The DEMO label's brass band sits in the top right corner.
        pixel = image.convert("RGB").getpixel((2326, 140))
        assert all(abs(got - brass) < 16 for got, brass in zip(pixel, (184, 134, 43), strict=True)), pixel
    tag = key_visual_tag(client.get("/en/").content.decode())
    assert attribute(tag, "alt") == edition.key_visual_alt_en


def test_demo_key_visual_alt_text_fits_even_with_a_long_official_name(edition):
    from expo.demo_artwork import store_key_visual

    edition.name_vi = "Triển lãm Quốc phòng quốc tế Việt Nam " * 5
    fields = store_key_visual(edition)
    for language in ("vi", "en"):
        alt = fields[f"key_visual_alt_{language}"]
        assert len(alt) <= 250
        assert "VIDE 2024" in alt and "19–22.12.2024" in alt
    assert edition.name_vi not in fields["key_visual_alt_vi"]
    assert edition.name_en in fields["key_visual_alt_en"]


def test_exhibitor_cards_show_the_logos_the_demo_drew(demo, client):
    html = client.get("/en/exhibitors/").content.decode()
    cards = re.findall(r'<li class="row">(.*?)</li>', html, flags=re.S)
    assert cards
    for card in cards:
        logo = re.search(r'<img class="row__logo" [^>]*>', card)
        assert logo, card
        tag = logo.group(0)
        assert attribute(tag, "src").startswith("/media/catalogue/demo/logo-")
        assert attribute(tag, "width") and attribute(tag, "height")
        assert attribute(tag, "loading") == "lazy"
        # The company's name is the card's heading right beside it: the logo adds no words.
        assert attribute(tag, "alt") == ""


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "The picture was replaced: say what the new one shows (this text describes the old one)."),
        ("vi", "Ảnh đã được thay: hãy mô tả ảnh mới (nội dung này mô tả ảnh cũ)."),
    ],
)
def test_replacing_the_key_visual_asks_for_a_new_description(admin_client, with_key_visual, client, language, expected):
    """The old picture's description silently stayed under a new picture."""
    ship = SimpleUploadedFile("ship.png", png_bytes((1600, 900)), content_type="image/png")
    kept = {"key_visual_alt_vi": ALT_VI, "key_visual_alt_en": ALT_EN}
    response = post_edition(admin_client, with_key_visual, language, key_visual=ship, **kept)
    assert response.status_code == 200
    assert response.content.decode().count(expected) == 2  # both languages still describe the jets
    ship.seek(0)
    described = {
        "key_visual_alt_vi": "Tàu hộ vệ tên lửa neo tại cảng",
        "key_visual_alt_en": "A missile corvette at berth",
    }
    assert post_edition(admin_client, with_key_visual, "en", key_visual=ship, **described).status_code == 302
    assert attribute(key_visual_tag(client.get("/en/").content.decode()), "alt") == "A missile corvette at berth"
    # Saving again without a new picture keeps the description as it is.
    assert post_edition(admin_client, with_key_visual, "en", **described).status_code == 302
