"""Demo delegations: invented people (real country names), in every status, with one clash.

Everything here is fictitious demo content; no real official's name or data appears.
"""

import datetime

from auditlog.context import disable_auditlog

from common import demo_registry
from delegations.models import Delegation, Engagement, Interpreter, LiaisonOfficer, Member, Movement, StatusChange
from expo.models import Venue

S = Delegation.Status
L = Delegation.Level
# country, organisation, level, status, head (family, given, rank, position vi, position en), members
DELEGATIONS = [
    ("VN", "Bộ Quốc phòng", L.MINISTER, S.ACCEPTED, ("Trần", "Minh Quang", "Đại tướng", "Bộ trưởng", "Minister")),
    (
        "FR",
        "Ministère des Armées",
        L.DEPUTY_MINISTER,
        S.ARRIVED,
        ("Moreau", "Claire", "", "Thứ trưởng", "Deputy Minister"),
    ),
    ("IN", "Ministry of Defence", L.MINISTER, S.ACCEPTED, ("Sharma", "Arjun", "", "Bộ trưởng", "Minister")),
    (
        "JP",
        "Ministry of Defense",
        L.DEPUTY_MINISTER,
        S.INVITED,
        ("Tanaka", "Hiroshi", "", "Thứ trưởng", "Vice-Minister"),
    ),
    (
        "KR",
        "Ministry of National Defense",
        L.CHIEF_OF_DEFENCE,
        S.ACCEPTED,
        ("Park", "Ji-ho", "General", "Tổng Tham mưu trưởng", "Chairman of the Joint Chiefs"),
    ),
    (
        "LA",
        "Ministry of National Defence",
        L.MINISTER,
        S.DEPARTED,
        ("Phommavong", "Khamla", "General", "Bộ trưởng", "Minister"),
    ),
    (
        "KH",
        "Ministry of National Defence",
        L.MINISTER,
        S.ARRIVED,
        ("Sok", "Vannak", "General", "Bộ trưởng", "Minister"),
    ),
    (
        "ID",
        "Ministry of Defence",
        L.SERVICE_COMMANDER,
        S.DECLINED,
        ("Santoso", "Budi", "Admiral", "Tư lệnh Hải quân", "Navy Chief of Staff"),
    ),
    (
        "AU",
        "Department of Defence",
        L.OTHER,
        S.DRAFT,
        ("Wilson", "Emma", "", "Trưởng phòng", "First Assistant Secretary"),
    ),
    (
        "RU",
        "Ministry of Defence",
        L.DEPUTY_MINISTER,
        S.ACCEPTED,
        ("Ivanov", "Sergei", "Colonel General", "Thứ trưởng", "Deputy Minister"),
    ),
    (
        "US",
        "Department of Defense",
        L.OTHER,
        S.CANCELLED,
        ("Miller", "James", "", "Trợ lý Bộ trưởng", "Assistant Secretary"),
    ),
    (
        "GB",
        "Ministry of Defence",
        L.OTHER,
        S.INVITED,
        ("Taylor", "Oliver", "Air Marshal", "Tùy viên", "Defence Attaché"),
    ),
    (
        "TH",
        "Ministry of Defence",
        L.CHIEF_OF_DEFENCE,
        S.ARRIVED,
        ("Srisuk", "Anan", "General", "Tổng Tư lệnh", "Chief of Defence Forces"),
    ),
    (
        "MY",
        "Ministry of Defence",
        L.SERVICE_COMMANDER,
        S.ACCEPTED,
        ("Ismail", "Aziz", "General", "Tư lệnh Lục quân", "Chief of Army"),
    ),
    (
        "SG",
        "Ministry of Defence",
        L.DEPUTY_MINISTER,
        S.INVITED,
        ("Lim", "Wei Ming", "", "Quốc vụ khanh", "Minister of State"),
    ),
    ("PH", "Department of National Defense", L.OTHER, S.DRAFT, ("Reyes", "Maria", "", "Vụ trưởng", "Director")),
    (
        "VN",
        "Quân chủng Phòng không – Không quân",
        L.SERVICE_COMMANDER,
        S.ACCEPTED,
        ("Lê", "Hoàng Nam", "Trung tướng", "Tư lệnh", "Commander"),
    ),
    (
        "VN",
        "Quân chủng Hải quân",
        L.SERVICE_COMMANDER,
        S.ARRIVED,
        ("Phạm", "Đức Thắng", "Phó Đô đốc", "Tư lệnh", "Commander"),
    ),
    (
        "VN",
        "Bộ Tư lệnh Cảnh sát biển",
        L.OTHER,
        S.INVITED,
        ("Đỗ", "Thị Hương", "Thiếu tướng", "Phó Tư lệnh", "Deputy Commander"),
    ),
    ("EG", "Ministry of Defence", L.OTHER, S.DECLINED, ("Hassan", "Omar", "Major General", "Vụ trưởng", "Director")),
]
# Each organisation and rank in both languages: the Vietnamese letter and printouts use the
# first, the English ones the second (keyed by the name or rank as listed above).
ORGANISATIONS = {
    ("VN", "Bộ Quốc phòng"): ("Bộ Quốc phòng", "Ministry of National Defence"),
    ("FR", "Ministère des Armées"): ("Bộ Quân đội Pháp", "Ministry of the Armed Forces"),
    ("RU", "Ministry of Defence"): ("Bộ Quốc phòng Liên bang Nga", "Ministry of Defence of the Russian Federation"),
    ("VN", "Quân chủng Phòng không – Không quân"): ("Quân chủng Phòng không – Không quân", "Air Defence – Air Force"),
    ("VN", "Quân chủng Hải quân"): ("Quân chủng Hải quân", "Viet Nam People's Navy"),
    ("VN", "Bộ Tư lệnh Cảnh sát biển"): ("Bộ Tư lệnh Cảnh sát biển", "Viet Nam Coast Guard Command"),
}
RANKS = {
    "": ("", ""),
    "Đại tướng": ("Đại tướng", "General"),
    "General": ("Đại tướng", "General"),
    "Colonel General": ("Thượng tướng", "Colonel General"),
    "Admiral": ("Đô đốc", "Admiral"),
    "Air Marshal": ("Trung tướng Không quân", "Air Marshal"),
    "Major General": ("Thiếu tướng", "Major General"),
    "Trung tướng": ("Trung tướng", "Lieutenant General"),
    "Phó Đô đốc": ("Phó Đô đốc", "Vice Admiral"),
    "Thiếu tướng": ("Thiếu tướng", "Major General"),
}


def organisation_names(country, listed):
    """(Vietnamese, English): a foreign ministry is "Bộ Quốc phòng <country>" in Vietnamese."""
    if (country, listed) in ORGANISATIONS:
        return ORGANISATIONS[(country, listed)]
    from common.countries import name

    return f"Bộ Quốc phòng {name(country, 'vi')}", listed


STEPS = {
    S.DRAFT: [],
    S.INVITED: [S.INVITED],
    S.ACCEPTED: [S.INVITED, S.ACCEPTED],
    S.DECLINED: [S.INVITED, S.DECLINED],
    S.ARRIVED: [S.INVITED, S.ACCEPTED, S.ARRIVED],
    S.DEPARTED: [S.INVITED, S.ACCEPTED, S.ARRIVED, S.DEPARTED],
    S.CANCELLED: [S.INVITED, S.CANCELLED],
}
# Languages as codes of common/languages.py.
OFFICERS = [("Nguyễn Thành Long", "Thượng tá", "en,fr"), ("Vũ Thu Trang", "Trung tá", "en,ru")]
INTERPRETERS = [("Hoàng Mai Anh", "en,fr"), ("Bùi Quốc Việt", "en,ja,ko")]


def _local(edition, day, hour, minute=0):
    return datetime.datetime.combine(
        edition.start_date + datetime.timedelta(days=day), datetime.time(hour, minute), tzinfo=edition.tz
    )


@demo_registry.register(order=40, label="Delegations (protocol, invented)")
def load(*, edition, progress):
    # Demo rows are not organisers' work: loading them (again) writes no audit entries.
    with disable_auditlog():
        return _load(edition)


def _load(edition):
    officers = [
        LiaisonOfficer.objects.update_or_create(name=name, defaults={"rank": rank, "languages": languages})[0]
        for name, rank, languages in OFFICERS
    ]
    interpreters = [
        Interpreter.objects.update_or_create(name=name, defaults={"languages": languages})[0]
        for name, languages in INTERPRETERS
    ]
    venues = list(Venue.objects.filter(edition=edition).order_by("order"))
    members = engagements = 0
    for index, (country, organisation, level, status, head) in enumerate(DELEGATIONS):
        organisation_vi, organisation_en = organisation_names(country, organisation)
        delegation, _ = Delegation.objects.update_or_create(
            edition=edition,
            country=country,
            organisation_vi=organisation_vi,
            defaults={
                "organisation_en": organisation_en,
                "type": Delegation.Type.DOMESTIC if country == "VN" else Delegation.Type.INTERNATIONAL,
                "level": level,
                "status": status,
                "liaison_officer": officers[index % 2],
                "notes": "Demo content: invented delegation.",
            },
        )
        delegation.interpreters.set([interpreters[index % 2]])
        family, given, rank, position_vi, position_en = head
        people = [
            (family, given, rank, position_vi, position_en, Member.Role.HEAD),
            (family if country == "VN" else "Demo", f"Aide {index + 1}", "", "Trợ lý", "Aide", Member.Role.AIDE),
        ]
        for order, (fam, giv, rnk, pos_vi, pos_en, role) in enumerate(people):
            member, _ = Member.objects.update_or_create(
                delegation=delegation,
                family_name=fam,
                given_name=giv,
                defaults={
                    "rank_vi": RANKS[rnk][0],
                    "rank_en": RANKS[rnk][1],
                    "position_vi": pos_vi,
                    "position_en": pos_en,
                    "role": role,
                    "order": order,
                    "nationality": country,
                    "passport_no": f"DEMO{index:03d}{order}",
                    "needs": "Ăn chay" if index % 5 == 0 and order == 0 else "",
                    # Invitations and itineraries are e-mailed to the head (the demo writes them to var/mail).
                    "email": f"head-{country.lower()}-{index + 1}@delegation.example"
                    if role == Member.Role.HEAD
                    else "",
                },
            )
            members += 1
            if role == Member.Role.HEAD and delegation.head_id != member.pk:
                delegation.head = member
                delegation.save()
        for kind, day, hour in (
            (Movement.Kind.ARRIVAL, -1, 8 + index % 10),
            (Movement.Kind.DEPARTURE, 3, 12 + index % 8),
        ):
            Movement.objects.update_or_create(
                delegation=delegation,
                member=None,
                kind=kind,
                defaults={
                    "at": _local(edition, day + (index % 2 if kind == Movement.Kind.ARRIVAL else 0), hour),
                    "flight": f"VN{100 + index}" if kind == Movement.Kind.ARRIVAL else f"VN{200 + index}",
                    "airport": "Nội Bài T2",
                    "pickup_arranged": index % 3 != 0,
                },
            )
        for order, StatusValue in enumerate(STEPS[status]):
            StatusChange.objects.get_or_create(
                delegation=delegation, status=StatusValue, defaults={"at": _local(edition, -30 + order * 7, 9)}
            )
        Engagement.objects.update_or_create(
            delegation=delegation,
            kind=Engagement.Kind.STAND_VISIT,
            # A slot of its own for each delegation, so the only clash is the one made below.
            start=_local(edition, index % 4, 8 + (index // 4) * 2),
            defaults={
                "end": _local(edition, index % 4, 9 + (index // 4) * 2),
                "counterpart": "Demo Defence Industries",
                "venue": venues[index % len(venues)] if venues else None,
            },
        )
        engagements += 1
    # The one clash: two ministers' meetings at 18:00 and 18:30 share liaison officer Nguyễn Thành Long.
    clash_pair = Delegation.objects.filter(edition=edition, country__in=["VN", "IN"], level=L.MINISTER).order_by("pk")
    for minutes, delegation in zip((0, 30), clash_pair, strict=False):
        delegation.liaison_officer = officers[0]
        delegation.save()
        delegation.interpreters.set([interpreters[minutes // 30]])
        Engagement.objects.update_or_create(
            delegation=delegation,
            kind=Engagement.Kind.BILATERAL,
            start=_local(edition, 1, 18, minutes),
            defaults={"end": _local(edition, 1, 19, minutes), "counterpart": "Bộ Quốc phòng Việt Nam (demo)"},
        )
        engagements += 1
    return f"{len(DELEGATIONS)} delegations, {members} members, {engagements} engagements (one clash)"


# Hotels, rooms and vehicles register their own loader (after this one).
from delegations import demo_logistics  # noqa: E402, F401
