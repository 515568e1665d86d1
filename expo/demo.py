"""The demo: VIDE 2024 archived as published (EXPO-FACTS.md) and an invented demo edition, about
to happen, that each app fills with its invented rows.

Apps add their own demo rows with `@demo_registry.register(order=…)` in their `demo.py`
(common/demo_registry.py); the `load_demo` command runs the expo's own loader first, then
theirs, in one transaction. Everything is keyed on natural keys (slugs, codes), so loading
twice leaves the same rows.
"""

import datetime
import zoneinfo

from django.conf import settings
from django.utils import timezone

from common.dates import DAY_MONTH, formatted
from expo.demo_artwork import store_key_visual
from expo.models import Edition, KeyFigure, Venue, VisitorInfo

VENUES = [
    # code, slug, kind, name vi, name en
    ("A", "hall-a", Venue.Kind.HALL, "Nhà trưng bày A", "Exhibition Hall A"),
    ("B", "hall-b", Venue.Kind.HALL, "Nhà trưng bày B", "Exhibition Hall B"),
    ("C", "hall-c", Venue.Kind.HALL, "Nhà trưng bày C", "Exhibition Hall C"),
    ("S", "static-display", Venue.Kind.STATIC_DISPLAY, "Khu trưng bày ngoài trời", "Outdoor static display"),
    ("F", "flight-line", Venue.Kind.FLIGHT_LINE, "Đường băng trình diễn bay", "Flying display line"),
    ("D", "demonstration-ground", Venue.Kind.DEMONSTRATION, "Khu trình diễn mặt đất", "Ground demonstration area"),
    ("H1", "conference-hall", Venue.Kind.CONFERENCE, "Hội trường hội thảo", "Seminar hall"),
    ("P", "press-centre", Venue.Kind.PRESS, "Trung tâm báo chí", "Press centre"),
]

# Invitation targets from the Ministry's press meeting of 26 January 2024 (EXPO-FACTS.md);
# what the data counts (exhibitors, countries, exhibits…) is added by common.facts.
KEY_FIGURES_ANNOUNCED_ON = datetime.date(2024, 1, 26)
KEY_FIGURES = [
    ("140+", "đoàn quốc tế cấp cao được mời", "high-level international delegations invited"),
    ("50", "quốc gia có đoàn được mời", "countries with invited delegations"),
    ("350+", "đoàn trong nước cấp cao được mời", "high-level domestic delegations invited"),
]


# Visitor information (topic, vi, en, confirmed). The dates, the venue, who the demonstrations
# are for and the closing day come from EXPO-FACTS.md; the press reports published no hours,
# admission or security rules, so those sections say they are illustrative (the demo edition
# also carries the site-wide demo notice). Accessibility stays unconfirmed: hidden in public.
VISITOR_INFO = [
    (
        "hours",
        "Minh hoạ cho bản demo: 8:00–17:00 hằng ngày, giờ Hà Nội (UTC+7); các màn trình diễn bay theo "
        "lịch trong mục Chương trình. Giờ mở cửa chính thức do Bộ Quốc phòng công bố.",
        "Illustrative for the demo: 8:00–17:00 every day, Hanoi time (UTC+7); flying displays as listed in "
        "the Programme. The official opening hours are announced by the Ministry of National Defence.",
        True,
    ),
    (
        "days",
        "Triển lãm diễn ra trong bốn ngày, từ 19 đến 22/12/2024. Gồm khu trưng bày tĩnh sản phẩm quốc phòng "
        "và an ninh, các màn trình diễn bay của máy bay tiêm kích và trình diễn của lực lượng đặc công dành "
        "cho khách mời và công chúng, các hội thảo chuyên ngành kỹ thuật và hoạt động kết nối giao thương."
        "\n\nNgày bế mạc 22/12 trùng với ngày kỷ niệm 80 năm Ngày thành lập Quân đội nhân dân Việt Nam.",
        "The expo runs for four days, from 19 to 22 December 2024: a static display of defence and security "
        "products, fighter-aircraft flying displays and special-forces demonstrations for invited guests and "
        "the public, specialised technical seminars, and trade and matchmaking meetings."
        "\n\nThe closing day, 22 December, is the 80th anniversary of the Vietnam People's Army.",
        True,
    ),
    (
        "admission",
        "Các đoàn đại biểu trong nước và quốc tế tham dự theo lời mời của Bộ Quốc phòng. Các màn trình diễn "
        "bay và trình diễn đặc công dành cho khách mời và công chúng. Minh hoạ cho bản demo: khách tham quan "
        "đăng ký trước để nhận vé điện tử và xuất trình tại cổng.",
        "Domestic and international delegations attend at the invitation of the Ministry of National "
        "Defence. The flying displays and special-forces demonstrations are for invited guests and the "
        "public. Illustrative for the demo: visitors register in advance for an electronic ticket and show "
        "it at the gate.",
        True,
    ),
    (
        "transport",
        "Địa điểm: Sân bay Gia Lâm, Hà Nội. Các cổng vào, bãi đỗ xe và điểm đón xe buýt được đánh dấu trên "
        "sơ đồ khu triển lãm (danh sách bên dưới).",
        "Venue: Gia Lam Airfield, Hanoi. The gates, car parks and shuttle stop are marked on the site map "
        "(listed below).",
        True,
    ),
    (
        "security",
        "Minh hoạ cho bản demo: mang theo giấy tờ tùy thân và vé hoặc giấy mời; túi xách được kiểm tra an "
        "ninh tại cổng; không mang flycam, vũ khí, chất dễ cháy nổ; không vào khu vực trình diễn đang đóng "
        "và làm theo hướng dẫn của lực lượng bảo vệ.",
        "Illustrative for the demo: bring an identity document and your ticket or invitation; bags are "
        "screened at the gates; no drones, weapons or flammable items; keep out of display areas while they "
        "are closed and follow the security staff's instructions.",
        True,
    ),
    ("accessibility", "", "", False),
]


# VIDE 2024 as published (EXPO-FACTS.md): the archived past edition, nothing invented in it.
VIDE_2024 = {
    "acronym": "VIDE 2024",
    "ordinal": 2,
    "name_vi": "Triển lãm Quốc phòng quốc tế Việt Nam 2024",
    "name_en": "Vietnam International Defence Expo 2024",
    "theme_vi": "Hòa bình, Hữu nghị, Hợp tác cùng phát triển",
    "theme_en": "Peace, Friendship, Cooperation for Development",
    "organiser_vi": "Bộ Quốc phòng Việt Nam",
    "organiser_en": "Ministry of National Defence of Viet Nam",
    "venue_name_vi": "Sân bay Gia Lâm",
    "venue_name_en": "Gia Lam Airfield",
    "city_vi": "Hà Nội",
    "city_en": "Hanoi",
    "description_vi": (
        "Triển lãm nhằm chia sẻ thành tựu, kinh nghiệm trong nghiên cứu, sản xuất và sử dụng "
        "vũ khí, trang bị kỹ thuật; thúc đẩy hợp tác công nghiệp quốc phòng giữa các nước "
        "tham gia; giới thiệu văn hóa, hình ảnh đất nước, con người Việt Nam với bạn bè quốc tế."
    ),
    "description_en": (
        "The expo shares achievements and experience in the research, production and use of "
        "weapons and technical equipment; promotes defence-industry cooperation among "
        "participating countries; and presents the culture and people of Viet Nam to "
        "international friends."
    ),
    "start_date": datetime.date(2024, 12, 19),
    "end_date": datetime.date(2024, 12, 22),
    "time_zone": "Asia/Ho_Chi_Minh",
}

# The edition `make run` is about: invented, and labelled so in its name; it opens DEMO_LEAD_DAYS
# after the day the demo is loaded, so accreditation is open and the countdown runs.
DEMO_LEAD_DAYS = 14
DEMO_EDITION = {
    **VIDE_2024,
    "acronym": "VIDE (demo)",
    "ordinal": 3,
    "name_vi": "Triển lãm Quốc phòng quốc tế Việt Nam (bản trình diễn)",
    "name_en": "Vietnam International Defence Expo (demo)",
}


def demo_opens():
    """The demo edition's first day: EXPO_DEMO_OPENS when set (the tests pin it), else two weeks
    after today in Hanoi (the real today: EXPO_DEMO_NOW moves what the site shows, not this)."""
    pinned = getattr(settings, "EXPO_DEMO_OPENS", None)
    if pinned:
        return pinned
    return timezone.localdate(timezone.now(), zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")) + datetime.timedelta(
        days=DEMO_LEAD_DAYS
    )


def _visitor_info(edition):
    """The sections in the edition's own dates (the texts above name VIDE 2024's)."""
    old = {"vi": "từ 19 đến 22/12/2024", "en": "from 19 to 22 December 2024"}
    start, end = edition.start_date, edition.end_date
    if (start.year, start.month) == (end.year, end.month):
        new = {"vi": f"từ {start.day} đến {formatted(end)}", "en": f"from {start.day} to {end.day} {end:%B %Y}"}
    else:
        new = {
            "vi": f"từ {formatted(start, DAY_MONTH)} đến {formatted(end)}",
            "en": f"from {start.day} {start:%B} to {end.day} {end:%B %Y}",
        }
    for topic, body_vi, body_en, confirmed in VISITOR_INFO:
        if topic == "days" and edition.slug != "vide-2024":
            body_vi = body_vi.replace(old["vi"], new["vi"]).split("\n\n")[0]
            body_en = body_en.replace(old["en"], new["en"]).split("\n\n")[0]
        yield topic, body_vi, body_en, confirmed


def _edition_rows(edition, *, visitor_topics=None):
    for order, (code, slug, kind, name_vi, name_en) in enumerate(VENUES, start=1):
        Venue.objects.update_or_create(
            edition=edition,
            slug=slug,
            defaults={"code": code, "kind": kind, "name_vi": name_vi, "name_en": name_en, "order": order},
        )
    for order, (value, label_vi, label_en) in enumerate(KEY_FIGURES, start=1):
        KeyFigure.objects.update_or_create(
            edition=edition,
            order=order,
            defaults={"value": value, "label_vi": label_vi, "label_en": label_en, "as_of": KEY_FIGURES_ANNOUNCED_ON},
        )
    KeyFigure.objects.filter(edition=edition, order__gt=len(KEY_FIGURES)).delete()
    for order, (topic, body_vi, body_en, confirmed) in enumerate(_visitor_info(edition), start=1):
        if visitor_topics is not None and topic not in visitor_topics:
            continue
        VisitorInfo.objects.update_or_create(
            edition=edition,
            topic=topic,
            defaults={"order": order, "body_vi": body_vi, "body_en": body_en, "to_be_filled": not confirmed},
        )


def load_edition():
    """VIDE 2024 (archived, as published) and the demo edition (current, invented, opening two
    weeks after today); returns (the demo edition, summary). The apps' loaders fill the demo edition."""
    Edition.objects.exclude(slug="vide-demo").filter(is_current=True).update(is_current=False)
    archived, _ = Edition.objects.update_or_create(
        slug="vide-2024", defaults={**VIDE_2024, "is_current": False, "is_demo": False}
    )
    # Only what the press reports confirmed: the days and the place (EXPO-FACTS.md).
    _edition_rows(archived, visitor_topics={"days"})
    opens = demo_opens()
    length = VIDE_2024["end_date"] - VIDE_2024["start_date"]
    edition, _ = Edition.objects.update_or_create(
        slug="vide-demo",
        defaults={
            **DEMO_EDITION,
            "start_date": opens,
            "end_date": opens + length,
            "accreditation_closes_at": None,
            "is_current": True,
            "is_demo": True,
        },
    )
    # Drawn from the edition's own name, dates and place, labelled DEMO (expo.demo_artwork).
    for field, value in store_key_visual(edition).items():
        setattr(edition, field, value)
    edition.save()
    _edition_rows(edition)
    return edition, (
        f"2 editions (VIDE 2024 archived; the demo edition opens {formatted(edition.start_date)}) with the demo's "
        f"key visual, {len(VENUES)} venues, {len(KEY_FIGURES)} key figures, "
        f"{len(VISITOR_INFO)} visitor information topics"
    )
