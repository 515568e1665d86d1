"""Demo meetings and outcomes: invented requests, meetings over the four days, a few agreements.

All of it is fictitious demo content. Totals agree everywhere because every page, the API, the
feed and the briefing read the same selectors.
"""

import datetime
from decimal import Decimal

from auditlog.context import disable_auditlog
from django.contrib.auth import get_user_model
from django.utils import timezone

from common import demo_registry
from delegations.models import Delegation, Interpreter
from exhibitors.models import Exhibitor
from expo.models import Venue
from meetings import services
from meetings.models import Agreement, Meeting, MeetingDay, MeetingPlace, MeetingPlan, MeetingRequest

S = MeetingRequest.Status
ROOMS = [
    ("Phòng họp song phương 1", "Bilateral meeting room 1", MeetingPlace.Kind.ROOM),
    ("Phòng họp song phương 2", "Bilateral meeting room 2", MeetingPlace.Kind.ROOM),
    ("Bàn giao thương 1", "Matchmaking table 1", MeetingPlace.Kind.TABLE),
    ("Bàn giao thương 2", "Matchmaking table 2", MeetingPlace.Kind.TABLE),
]
# Interpreters kept for meetings, beside those accompanying delegations.
INTERPRETERS = [("Đặng Thu Hà", "en,fr"), ("Lê Minh Tuấn", "en,ko")]
STAND_EXHIBITORS = ["truong-son-electronics", "ha-long-xanh-shipbuilding"]
# (country, organisation) of party A, counterpart (country, organisation) or exhibitor slug,
# interpretation language (a code of common/languages.py), priority, final status, wished day
# numbers (0 = first day; empty: any day)
REQUESTS = [
    (("FR", "Ministry of the Armed Forces"), ("VN", "Bộ Quốc phòng"), "fr", 1, S.HELD, []),
    (("IN", "Ministry of Defence"), ("VN", "Bộ Quốc phòng"), "", 1, S.HELD, []),
    (("KR", "Ministry of National Defense"), "truong-son-electronics", "ko", 2, S.HELD, [1]),
    (("FR", "Ministry of the Armed Forces"), "ha-long-xanh-shipbuilding", "fr", 2, S.HELD, [1]),
    (("IN", "Ministry of Defence"), "song-hong-precision", "", 2, S.NO_SHOW, [2]),
    (("KR", "Ministry of National Defense"), "dong-nai-optics", "", 3, S.SCHEDULED, [3]),
    (("FR", "Ministry of the Armed Forces"), "duong-lam-security", "", 3, S.SCHEDULED, []),
    (("IN", "Ministry of Defence"), "lac-long-cyber", "ar", 2, S.ACCEPTED, []),
    (("KR", "Ministry of National Defense"), "bau-troi-viet-aviation", "", 2, S.DECLINED, []),
    (("FR", "Ministry of the Armed Forces"), "song-hong-precision", "", 3, S.REQUESTED, []),
]
# kind, title vi/en, party a vi/en, party b vi/en, signed day, value, currency, usd rate, disclosure
AGREEMENTS = [
    (
        Agreement.Kind.CONTRACT,
        ("Hợp đồng cung cấp radar cảnh giới (demo)", "Surveillance radar supply contract (demo)"),
        ("Viện Kỹ thuật Điện tử Trường Sơn (demo)", "Truong Son Electronics Institute (demo)"),
        ("Bộ Quốc phòng Hàn Quốc (demo)", "Republic of Korea Ministry of National Defense (demo)"),
        1,
        Decimal("42000000"),
        "USD",
        Decimal("1"),
        Agreement.Disclosure.PUBLIC,
    ),
    (
        Agreement.Kind.CONTRACT,
        ("Hợp đồng đóng tàu tuần tra (demo)", "Patrol vessel construction contract (demo)"),
        ("Tổng công ty Đóng tàu Hạ Long Xanh (demo)", "Ha Long Xanh Shipbuilding (demo)"),
        ("Bộ Quân lực Pháp (demo)", "French Ministry of the Armed Forces (demo)"),
        1,
        Decimal("25000000"),
        "EUR",
        Decimal("1.05"),
        Agreement.Disclosure.PUBLIC,
    ),
    (
        Agreement.Kind.MOU,
        ("Biên bản ghi nhớ hợp tác đào tạo (demo)", "Memorandum on training cooperation (demo)"),
        ("Bộ Quốc phòng Việt Nam (demo)", "Ministry of National Defence of Viet Nam (demo)"),
        ("Bộ Quốc phòng Ấn Độ (demo)", "Ministry of Defence of India (demo)"),
        0,
        None,
        "",
        None,
        Agreement.Disclosure.PUBLIC,
    ),
    (
        Agreement.Kind.AGREEMENT,
        ("Thỏa thuận hợp tác công nghiệp quốc phòng (demo)", "Defence-industry cooperation agreement (demo)"),
        ("Tổng cục Công nghiệp Quốc phòng (demo)", "General Department of Defence Industry (demo)"),
        ("Bộ Quân lực Pháp (demo)", "French Ministry of the Armed Forces (demo)"),
        0,
        None,
        "",
        None,
        Agreement.Disclosure.ANNOUNCEABLE,
    ),
    (
        Agreement.Kind.CONTRACT,
        ("Hợp đồng linh kiện (nội bộ, demo)", "Spare parts contract (internal, demo)"),
        ("Công ty Cơ khí Chính xác Sông Hồng (demo)", "Song Hong Precision Engineering (demo)"),
        ("Bộ Quốc phòng Ấn Độ (demo)", "Ministry of Defence of India (demo)"),
        2,
        Decimal("3000000"),
        "USD",
        Decimal("1"),
        Agreement.Disclosure.INTERNAL,
    ),
]


@demo_registry.register(order=50, label="Meetings and results (invented)")
def load(*, edition, progress):
    with disable_auditlog():
        return _load(edition)


def _load(edition):
    days = _meeting_days(edition)
    exhibitors = _places(edition)
    made = _requests(edition, days, exhibitors)
    services.schedule(edition=edition, by=None)
    for request, final in made:
        request.refresh_from_db()
        if final in (S.HELD, S.NO_SHOW) and request.status == S.SCHEDULED:
            services.set_status(request=request, status=final, by=None)
    if made:
        first = made[-1][0]
        first.restricted = True
        first.save(update_fields=["restricted"])
    _agreements(edition)
    counts = MeetingRequest.objects.filter(edition=edition)
    return (
        f"{counts.count()} meeting requests, {Meeting.objects.filter(request__edition=edition).count()} meetings, "
        f"{len(AGREEMENTS)} agreements"
    )


def _meeting_days(edition):
    """The meeting plan and one meeting day a day of the edition, 09:00–17:00."""
    MeetingPlan.objects.update_or_create(edition=edition, defaults={"slot_minutes": 30, "buffer_minutes": 10})
    days = []
    for number in range((edition.end_date - edition.start_date).days + 1):
        day, _ = MeetingDay.objects.update_or_create(
            edition=edition,
            date=edition.start_date + datetime.timedelta(days=number),
            defaults={"opens": datetime.time(9, 0), "closes": datetime.time(17, 0)},
        )
        days.append(day)
    return days


def _places(edition):
    """Interpreters and meeting places: the rooms and the stands of some exhibitors; {slug: exhibitor}."""
    for name, languages in INTERPRETERS:
        Interpreter.objects.update_or_create(name=name, defaults={"languages": languages})
    hall = Venue.objects.filter(edition=edition, kind=Venue.Kind.CONFERENCE).first()
    for name_vi, name_en, kind in ROOMS:
        MeetingPlace.objects.update_or_create(
            edition=edition, name_vi=name_vi, defaults={"name_en": name_en, "kind": kind, "venue": hall}
        )
    exhibitors = {exhibitor.slug: exhibitor for exhibitor in Exhibitor.objects.all()}
    for slug in STAND_EXHIBITORS:
        if slug in exhibitors:
            MeetingPlace.objects.update_or_create(
                edition=edition,
                name_vi=f"Gian {exhibitors[slug].name}"[:120],
                defaults={
                    "name_en": f"Stand of {exhibitors[slug].name}"[:120],
                    "kind": MeetingPlace.Kind.STAND,
                    "exhibitor": exhibitors[slug],
                },
            )
    return exhibitors


def _requests(edition, days, exhibitors):
    """The invented requests, each taken to its first status; [(request, its final status)]."""
    delegations = {
        (d.country.code, name): d
        for d in Delegation.objects.filter(edition=edition)
        for name in (d.organisation_vi, d.organisation_en)
    }
    made = []
    for party, counterpart, language, priority, final, wished in REQUESTS:
        delegation = delegations.get(party)
        other = delegations.get(counterpart) if isinstance(counterpart, tuple) else None
        exhibitor = exhibitors.get(counterpart) if isinstance(counterpart, str) else None
        if delegation is None or (other is None and exhibitor is None):
            continue
        request, created = MeetingRequest.objects.get_or_create(
            edition=edition,
            delegation=delegation,
            counterpart_delegation=other,
            counterpart_exhibitor=exhibitor,
            defaults={
                "language": language,
                "priority": priority,
                "subject": "Hợp tác công nghiệp quốc phòng (demo)",
                "purpose": "Demo content: an invented meeting request.",
            },
        )
        if created:
            services.record_step(request, S.REQUESTED, by=None)
            request.wished_days.set([days[n] for n in wished if n < len(days)])
            if final != S.REQUESTED:
                services.set_status(request=request, status=S.DECLINED if final == S.DECLINED else S.ACCEPTED, by=None)
        made.append((request, final))
    return made


def _agreements(edition):
    """The invented agreements, each tied to one of the meetings held."""
    approver = _approver()
    held = list(Meeting.objects.filter(request__edition=edition).order_by("start", "pk"))
    for index, (kind, title, party_a, party_b, day, value, currency, rate, disclosure) in enumerate(AGREEMENTS):
        signed_on = edition.start_date + datetime.timedelta(days=day)
        agreement, _ = Agreement.objects.update_or_create(
            edition=edition,
            title_vi=title[0],
            defaults={
                "title_en": title[1],
                "kind": kind,
                "party_a_vi": party_a[0],
                "party_a_en": party_a[1],
                "party_b_vi": party_b[0],
                "party_b_en": party_b[1],
                "signed_on": signed_on,
                "place_vi": "Sân bay Gia Lâm, Hà Nội",
                "place_en": "Gia Lam Airfield, Hanoi",
                "value": value,
                "currency": currency,
                "usd_rate": rate,
                "rate_date": signed_on if rate is not None and currency != "USD" else None,
                "disclosure": disclosure,
                "announce_from": edition.end_date if disclosure == Agreement.Disclosure.ANNOUNCEABLE else None,
                "approved_by": approver if disclosure != Agreement.Disclosure.INTERNAL else None,
                "approved_at": timezone.now() if disclosure != Agreement.Disclosure.INTERNAL else None,
            },
        )
        if held and index < len(held):
            agreement.meetings.set([held[index]])


def _approver():
    user, created = get_user_model().objects.get_or_create(
        username="demo-approver", defaults={"is_active": False, "first_name": "Demo", "last_name": "Approver"}
    )
    if created:
        user.set_unusable_password()
        user.save()
    return user
