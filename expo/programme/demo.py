# ruff: noqa: E501  (a data table: one programme item per line reads best)
"""Demo programme for the demo edition: about 30 invented items over its four days (written as
19–22, VIDE 2024's December days, and moved to the edition's own).

The exact daily programme was never published (EXPO-FACTS.md), so these are plausible
inventions, shown under the edition's "demo content" notice. A few items carry a delay, a
move or a cancellation, with matching change-log rows, so every state can be seen.
"""

import datetime

from common import demo_registry
from expo.models import ProgrammeChange, ProgrammeItem

T = ProgrammeItem.Type
A = ProgrammeItem.Audience

# Per type: (description vi, description en, hosts vi, hosts en)
ABOUT = {
    T.CEREMONY: (
        "Nghi lễ chính thức với sự tham dự của lãnh đạo Bộ Quốc phòng và các đoàn đại biểu quốc tế.",
        "Official ceremony attended by the leaders of the Ministry of National Defence and international delegations.",
        "Bộ Quốc phòng Việt Nam",
        "Ministry of National Defence of Viet Nam",
    ),
    T.FLYING_DISPLAY: (
        "Trình diễn bay trên đường băng sân bay Gia Lâm. Khán giả theo dõi từ khu khán đài phía tây.",
        "Flying display over the Gia Lam runway. Spectators watch from the western stands.",
        "Quân chủng Phòng không – Không quân",
        "Air Defence – Air Force Service",
    ),
    T.DEMONSTRATION: (
        "Trình diễn kỹ năng chiến đấu, cơ động và sử dụng vũ khí, trang bị trên khu trình diễn mặt đất.",
        "Demonstration of combat skills, manoeuvre and equipment on the ground demonstration area.",
        "Binh chủng Đặc công",
        "Special Forces Command",
    ),
    T.SEMINAR: (
        "Hội thảo chuyên đề với các báo cáo của chuyên gia trong nước và quốc tế, sau đó là phần thảo luận.",
        "Themed seminar with talks by Vietnamese and international experts, followed by a discussion.",
        "Tổng cục Công nghiệp quốc phòng",
        "General Department of Defence Industry",
    ),
    T.MATCHMAKING: (
        "Các cuộc gặp song phương được đặt lịch trước giữa doanh nghiệp trưng bày và đối tác tiềm năng.",
        "Pre-booked bilateral meetings between exhibitors and prospective partners.",
        "Ban Tổ chức Triển lãm",
        "Expo organising committee",
    ),
    T.PRESS_CONFERENCE: (
        "Thông tin cho báo chí trong nước và quốc tế; phóng viên cần thẻ tác nghiệp của Triển lãm.",
        "Briefing for Vietnamese and international media; journalists need an expo press badge.",
        "Trung tâm báo chí Triển lãm",
        "Expo press centre",
    ),
    T.VIP_TOUR: (
        "Các đoàn đại biểu cấp cao tham quan khu trưng bày theo lộ trình của Ban Tổ chức.",
        "High-level delegations tour the exhibition along the organisers' route.",
        "Ban Tổ chức Triển lãm",
        "Expo organising committee",
    ),
    T.OTHER: (
        "Hoạt động mở cho khách tham quan theo hướng dẫn của Ban Tổ chức.",
        "Activity open to visitors, following the organisers' guidance.",
        "Ban Tổ chức Triển lãm",
        "Expo organising committee",
    ),
}

# slug, day (December), start, end, type, venue slug, audience, title vi, title en
ITEMS = [
    ("le-khai-mac", 19, "08:00", "09:30", T.CEREMONY, "static-display", A.DELEGATIONS,
     "Lễ khai mạc Triển lãm Quốc phòng quốc tế Việt Nam", "Opening ceremony of the Vietnam International Defence Expo"),
    ("bay-trinh-dien-19", 19, "09:45", "10:15", T.FLYING_DISPLAY, "flight-line", A.DELEGATIONS,
     "Trình diễn bay của máy bay chiến đấu", "Fighter aircraft flying display"),
    ("trinh-dien-dac-cong-19", 19, "10:30", "11:00", T.DEMONSTRATION, "demonstration-ground", A.DELEGATIONS,
     "Trình diễn của lực lượng đặc công", "Special-forces demonstration"),
    ("hop-bao-khai-mac", 19, "11:30", "12:15", T.PRESS_CONFERENCE, "press-centre", A.PRESS,
     "Họp báo ngày khai mạc", "Opening-day press conference"),
    ("tham-quan-doan-cap-cao", 19, "13:30", "15:30", T.VIP_TOUR, "hall-a", A.DELEGATIONS,
     "Các đoàn đại biểu cấp cao tham quan Nhà trưng bày A", "High-level delegations tour Exhibition Hall A"),
    ("hoi-thao-hop-tac-cnqp", 19, "14:00", "16:30", T.SEMINAR, "conference-hall", A.TRADE,
     "Hội thảo: Hợp tác công nghiệp quốc phòng vì hòa bình", "Seminar: Defence-industry cooperation for peace"),
    ("ky-ket-thoa-thuan", 19, "16:45", "17:30", T.CEREMONY, "conference-hall", A.DELEGATIONS,
     "Lễ ký kết các thỏa thuận hợp tác", "Signing of cooperation agreements"),
    ("bay-trinh-dien-20", 20, "09:00", "09:30", T.FLYING_DISPLAY, "flight-line", A.TRADE,
     "Trình diễn bay của máy bay chiến đấu", "Fighter aircraft flying display"),
    ("trinh-dien-dac-cong-20", 20, "10:00", "10:30", T.DEMONSTRATION, "demonstration-ground", A.TRADE,
     "Trình diễn của lực lượng đặc công", "Special-forces demonstration"),
    ("hoi-thao-tac-chien-dien-tu", 20, "09:00", "11:30", T.SEMINAR, "conference-hall", A.TRADE,
     "Hội thảo: An ninh mạng và tác chiến điện tử", "Seminar: Cyber security and electronic warfare"),
    ("gioi-thieu-san-pham-trong-nuoc", 20, "10:00", "12:00", T.SEMINAR, "hall-a", A.TRADE,
     "Giới thiệu sản phẩm mới của doanh nghiệp quốc phòng Việt Nam", "New products from Vietnamese defence companies"),
    ("tham-quan-doan-quoc-te", 20, "09:30", "11:30", T.VIP_TOUR, "hall-c", A.DELEGATIONS,
     "Các đoàn quốc tế tham quan Nhà trưng bày C", "International delegations tour Exhibition Hall C"),
    ("ket-noi-giao-thuong-20", 20, "14:00", "17:00", T.MATCHMAKING, "hall-b", A.TRADE,
     "Kết nối giao thương: doanh nghiệp trong nước và quốc tế", "Trade matchmaking: Vietnamese and international companies"),
    ("hop-bao-cong-nghiep-quoc-phong", 20, "15:00", "15:45", T.PRESS_CONFERENCE, "press-centre", A.PRESS,
     "Họp báo: Công nghiệp quốc phòng Việt Nam", "Press conference: Viet Nam's defence industry"),
    ("trinh-dien-uav", 20, "15:45", "16:15", T.FLYING_DISPLAY, "flight-line", A.TRADE,
     "Trình diễn thiết bị bay không người lái", "Unmanned aerial vehicle display"),
    ("bay-trinh-dien-21", 21, "09:00", "09:30", T.FLYING_DISPLAY, "flight-line", A.PUBLIC,
     "Trình diễn bay của máy bay chiến đấu", "Fighter aircraft flying display"),
    ("trinh-dien-dac-cong-21", 21, "10:00", "10:30", T.DEMONSTRATION, "demonstration-ground", A.PUBLIC,
     "Trình diễn của lực lượng đặc công", "Special-forces demonstration"),
    ("hoi-thao-hau-can-ky-thuat", 21, "09:00", "11:30", T.SEMINAR, "hall-c", A.TRADE,
     "Hội thảo: Hậu cần – kỹ thuật quân sự trong kỷ nguyên số", "Seminar: Military logistics and engineering in the digital age"),
    ("hop-bao-21", 21, "11:00", "11:45", T.PRESS_CONFERENCE, "press-centre", A.PRESS,
     "Họp báo: Các đoàn quốc tế tại Triển lãm", "Press conference: international delegations at the expo"),
    ("gioi-thieu-san-pham-quoc-te", 21, "13:30", "15:30", T.SEMINAR, "hall-a", A.TRADE,
     "Giới thiệu sản phẩm của doanh nghiệp quốc tế", "Product presentations by international companies"),
    ("ket-noi-giao-thuong-21", 21, "14:00", "17:00", T.MATCHMAKING, "hall-b", A.TRADE,
     "Kết nối giao thương: công nghệ lưỡng dụng", "Trade matchmaking: dual-use technologies"),
    ("trinh-dien-xe-thiet-giap", 21, "15:00", "15:30", T.DEMONSTRATION, "demonstration-ground", A.PUBLIC,
     "Trình diễn cơ động xe thiết giáp", "Armoured vehicle mobility demonstration"),
    ("ngay-cong-chung", 21, "13:00", "17:00", T.OTHER, "static-display", A.PUBLIC,
     "Ngày hội công chúng: tham quan khu trưng bày ngoài trời", "Public afternoon: visit the outdoor static display"),
    ("bay-trinh-dien-22", 22, "09:00", "09:30", T.FLYING_DISPLAY, "flight-line", A.PUBLIC,
     "Trình diễn bay của máy bay chiến đấu", "Fighter aircraft flying display"),
    ("trinh-dien-dac-cong-22", 22, "10:00", "10:30", T.DEMONSTRATION, "demonstration-ground", A.PUBLIC,
     "Trình diễn của lực lượng đặc công", "Special-forces demonstration"),
    ("hoi-thao-nguon-nhan-luc", 22, "09:00", "11:00", T.SEMINAR, "conference-hall", A.TRADE,
     "Hội thảo: Đào tạo nguồn nhân lực công nghiệp quốc phòng", "Seminar: Training the defence-industry workforce"),
    ("ket-noi-giao-thuong-22", 22, "09:00", "12:00", T.MATCHMAKING, "hall-b", A.TRADE,
     "Kết nối giao thương: phiên tổng kết", "Trade matchmaking: closing session"),
    ("tham-quan-hoc-sinh-sinh-vien", 22, "08:00", "11:00", T.OTHER, "static-display", A.PUBLIC,
     "Học sinh, sinh viên tham quan khu trưng bày ngoài trời", "Students visit the outdoor static display"),
    ("hop-bao-tong-ket", 22, "14:00", "14:45", T.PRESS_CONFERENCE, "press-centre", A.PRESS,
     "Họp báo tổng kết Triển lãm", "Closing press conference"),
    ("le-be-mac", 22, "16:00", "17:00", T.CEREMONY, "static-display", A.PUBLIC,
     "Lễ bế mạc, chào mừng 80 năm Ngày thành lập Quân đội nhân dân Việt Nam",
     "Closing ceremony, marking the 80th anniversary of the Vietnam People's Army"),
]  # fmt: skip

# What happened on the day (slug → change): the item is stored in its final state and the
# change log gets the matching row, both keyed on natural keys, so reloading changes nothing.
DELAYED = {"trinh-dien-uav": 15}
MOVED = {"hoi-thao-hau-can-ky-thuat": "conference-hall"}  # planned there, now in hall C
CANCELLED = {"trinh-dien-xe-thiet-giap"}
NOTES = {
    "trinh-dien-uav": ("Lùi 15 phút do gió mạnh trên đường băng.", "Delayed by 15 minutes because of strong wind."),
    "hoi-thao-hau-can-ky-thuat": (
        "Chuyển sang Nhà trưng bày C do số người đăng ký tăng.",
        "Moved to Exhibition Hall C: more people registered.",
    ),
    "trinh-dien-xe-thiet-giap": (
        "Hủy do mặt sân trình diễn bị ướt sau mưa.",
        "Cancelled: the demonstration ground is wet after rain.",
    ),
}


def _at(edition, day, hhmm):
    hours, minutes = map(int, hhmm.split(":"))
    date = edition.start_date + datetime.timedelta(days=day - 19)
    return datetime.datetime.combine(date, datetime.time(hours, minutes), tzinfo=edition.tz)


def _status(slug):
    if slug in DELAYED:
        return ProgrammeItem.Status.DELAYED
    if slug in MOVED:
        return ProgrammeItem.Status.MOVED
    if slug in CANCELLED:
        return ProgrammeItem.Status.CANCELLED
    return ProgrammeItem.Status.SCHEDULED


@demo_registry.register(order=30, label="Programme")
def load_programme(*, edition, progress):
    venues = {venue.slug: venue for venue in edition.venues.all()}
    changes = 0
    for slug, day, start, end, kind, venue_slug, audience, title_vi, title_en in progress.iterate(
        ITEMS, total=len(ITEMS), label="Programme items"
    ):
        about_vi, about_en, hosts_vi, hosts_en = ABOUT[kind]
        note_vi, note_en = NOTES.get(slug, ("", ""))
        planned_start, planned_end = _at(edition, day, start), _at(edition, day, end)
        shift = datetime.timedelta(minutes=DELAYED.get(slug, 0))
        item, _ = ProgrammeItem.objects.update_or_create(
            edition=edition,
            slug=slug,
            defaults={
                "title_vi": title_vi,
                "title_en": title_en,
                "description_vi": about_vi,
                "description_en": about_en,
                "hosts_vi": hosts_vi,
                "hosts_en": hosts_en,
                "type": kind,
                "audience": audience,
                "start": planned_start + shift,
                "end": planned_end + shift,
                "venue": venues[venue_slug],
                "status": _status(slug),
                "status_note_vi": note_vi,
                "status_note_en": note_en,
                "is_published": True,
            },
        )
        logged = planned_start - datetime.timedelta(hours=2)
        log = []
        if slug in DELAYED:
            log.append((ProgrammeChange.Kind.TIME, {"old_start": planned_start, "old_end": planned_end,
                                                    "new_start": item.start, "new_end": item.end}))  # fmt: skip
        if slug in MOVED:
            log.append((ProgrammeChange.Kind.VENUE, {"old_venue": venues[MOVED[slug]], "new_venue": item.venue}))
        if item.status != ProgrammeItem.Status.SCHEDULED:
            log.append((ProgrammeChange.Kind.STATUS, {"old_status": ProgrammeItem.Status.SCHEDULED,
                                                      "new_status": item.status}))  # fmt: skip
        for kind_changed, values in log:
            ProgrammeChange.objects.update_or_create(
                item=item, kind=kind_changed, defaults={**values, "changed_at": logged}
            )
            changes += 1
    return f"{len(ITEMS)} programme items, {changes} logged changes"
