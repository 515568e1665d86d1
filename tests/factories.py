"""Rows for tests, made the way the site makes them: one function a model, sensible defaults,
every field overridable. Fixtures that combine them live in the conftest.py files."""

import datetime
import itertools

from django.contrib.auth.models import Group, User
from django.core.files.base import ContentFile
from django.test import Client
from django.utils import timezone
from model_bakery import baker

from common.private_files import badge_photo
from delegations.models import Delegation, Interpreter, LiaisonOfficer, Member, Movement
from exhibitors.models import Exhibitor, Product, ProductImage, Stand
from expo.models import ProgrammeItem
from meetings import services as meeting_services
from meetings.models import Agreement, MeetingRequest
from outbox import registry
from outbox.models import Message
from portal.models import StandStaff
from press.models import MediaAccreditation, PressRelease
from tests.accounts import admin_login
from tests.helpers import png_bytes
from tickets.models import Admission, Gate, Kind, TimeSlot, VisitDay

_numbers = itertools.count(1)


# --- times ------------------------------------------------------------------------------------


def local(edition, day, hour, minute=0):
    """A time at the venue on the edition's `day`-th day (0 = first day)."""
    return datetime.datetime.combine(
        edition.start_date + datetime.timedelta(days=day), datetime.time(hour, minute), tzinfo=edition.tz
    )


def at(edition, day, hhmm):
    """An aware datetime: `day` of December 2024 (or a date) at HH:MM in the edition's zone."""
    date = day if isinstance(day, datetime.date) else datetime.date(2024, 12, day)
    hours, minutes = map(int, hhmm.split(":"))
    return datetime.datetime.combine(date, datetime.time(hours, minutes), tzinfo=edition.tz)


# --- people -----------------------------------------------------------------------------------


def staff(group, name=None):
    """A signed-in staff member of `group` (named after it unless `name`): (user, client).

    Signed in as `admin_login` does: a group whose members approve gets its second factor too."""
    user = User.objects.create_user(name or group, is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    return user, admin_login(Client(), user)


# --- programme --------------------------------------------------------------------------------


def make_item(edition, *, day=19, start="09:00", end="10:00", **fields):
    n = next(_numbers)
    values = {
        "slug": f"item-{n}",
        "title_vi": f"Mục chương trình {n}",
        "title_en": f"Programme item {n}",
        "type": ProgrammeItem.Type.SEMINAR,
        "is_published": True,
    }
    values.update(fields)
    return baker.make(
        "expo.ProgrammeItem", edition=edition, start=at(edition, day, start), end=at(edition, day, end), **values
    )


def make_venue(edition, slug="hall-a", code="A", name_vi="Nhà trưng bày A", name_en="Exhibition Hall A"):
    return baker.make("expo.Venue", edition=edition, slug=slug, code=code, name_vi=name_vi, name_en=name_en)


# --- catalogue --------------------------------------------------------------------------------


def make_exhibitor(slug, name, country, *, sectors=(), stand=None, edition=None):
    exhibitor = Exhibitor.objects.create(slug=slug, name=name, country=country)
    exhibitor.sectors.set(sectors)
    if stand:
        venue, code = stand
        Stand.objects.create(exhibitor=exhibitor, edition=edition, venue=venue, code=code)
    return exhibitor


def make_product(exhibitor, category, slug, name_vi, name_en="", *, published=True, image=False, **extra):
    product = Product.objects.create(
        exhibitor=exhibitor,
        category=category,
        slug=slug,
        name_vi=name_vi,
        name_en=name_en,
        is_published=published,
        **extra,
    )
    if image:
        ProductImage.objects.create(
            product=product,
            image=ContentFile(png_bytes(), name="photo.png"),
            alt_text_vi=f"Ảnh {name_vi}",
            alt_text_en=f"Photo of {name_en}",
        )
    return product


# --- press ------------------------------------------------------------------------------------


def make_release(edition, slug, *, hours=-1, title_vi=None, title_en=None, **extra):
    return PressRelease.objects.create(
        edition=edition,
        slug=slug,
        title_vi=title_vi or f"Thông cáo {slug}",
        title_en=title_en or f"Release {slug}",
        body_vi=extra.pop("body_vi", "<p>Nội dung thông cáo.</p>"),
        body_en=extra.pop("body_en", "<p>Release text.</p>"),
        publish_at=timezone.now() + datetime.timedelta(hours=hours),
        **extra,
    )


# The eve of the test edition (19–22/12/2024): journalists accredited, the show not yet open.
MEDIA_AREA_NOW = datetime.datetime(2024, 12, 18, 2, 0, tzinfo=datetime.UTC)


def journalist(edition, *, status="approved", email="alice@example.co.uk", language="en", **extra):
    """A journalist's accreditation (approved unless told otherwise), with a photo."""
    accreditation = MediaAccreditation(
        edition=edition,
        name="Alice Hartley",
        outlet="Defence Weekly",
        country="GB",
        role="reporter",
        email=email,
        phone="+44 20 7946 0000",
        press_card_number="UK-778",
        language=language,
        status=status,
        reason="" if status != "rejected" else "Not a journalist.",
        decided_at=None if status == "pending" else timezone.now(),
        **extra,
    )
    accreditation.photo.save("a.png", ContentFile(png_bytes()), save=False)
    accreditation.save()
    return accreditation


# --- tickets ----------------------------------------------------------------------------------

TRADE_DAY = datetime.date(2024, 12, 19)
PUBLIC_DAY = datetime.date(2024, 12, 21)


def make_show(edition):
    """Two trade days, two public days with three slots each, two gates; registration open."""
    Admission.objects.create(edition=edition, is_open=True, max_party_size=5, retention_days=90)
    for offset, kind in enumerate([Kind.TRADE, Kind.TRADE, Kind.PUBLIC, Kind.PUBLIC]):
        day = VisitDay.objects.create(edition=edition, date=TRADE_DAY + datetime.timedelta(days=offset), kind=kind)
        if kind == Kind.PUBLIC:
            for hour in (8, 11, 14):
                TimeSlot.objects.create(
                    day=day, starts_at=datetime.time(hour), ends_at=datetime.time(hour + 3), capacity=10
                )
    Gate.objects.create(edition=edition, code="G1", name="Cổng Bắc")
    Gate.objects.create(edition=edition, code="G2", name="Cổng Nam")
    return edition


def slot(hour=8, date=PUBLIC_DAY):
    """The time slot of `date` starting at `hour` (of make_show's public days)."""
    return TimeSlot.objects.get(day__date=date, starts_at=datetime.time(hour))


# --- delegations and meetings -----------------------------------------------------------------


def make_delegation(edition, country="VN", organisation="Bộ Quốc phòng", **fields):
    delegation = Delegation(edition=edition, country=country, organisation=organisation, **fields)
    delegation.save()
    return delegation


def accepted_delegation(edition, country, organisation="Bộ Quốc phòng", **fields):
    return make_delegation(edition, country, organisation, **{"status": Delegation.Status.ACCEPTED, **fields})


def make_member(delegation, family_name="Nguyễn", given_name="Văn An", **fields):
    member = Member(delegation=delegation, family_name=family_name, given_name=given_name, **fields)
    member.save()
    return member


def make_movement(delegation, kind, at, **fields):
    return Movement.objects.create(delegation=delegation, kind=kind, at=at, **fields)


def make_officer(name="Nguyễn Thành Long"):
    return LiaisonOfficer.objects.create(name=name, rank="Thượng tá")


def make_interpreter(name, languages):
    return Interpreter.objects.create(name=name, languages=languages)


def accepted_request(edition, delegation, *, counterpart=None, exhibitor=None, user=None, **fields):

    request = MeetingRequest.objects.create(
        edition=edition,
        delegation=delegation,
        counterpart_delegation=counterpart,
        counterpart_exhibitor=exhibitor,
        **fields,
    )
    meeting_services.set_status(request=request, status=MeetingRequest.Status.ACCEPTED, by=user)
    return request


# The expo's last evening in Hanoi: every agreement of the results has been approved.
LAST_EVENING = datetime.datetime(2024, 12, 22, 18, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=7)))


def agreement(edition, title_en, *, disclosure=Agreement.Disclosure.PUBLIC, approved=True, **fields):
    values = {
        "kind": Agreement.Kind.CONTRACT,
        "title_vi": f"{title_en} (vi)",
        "title_en": title_en,
        "party_a_vi": "Tổng cục Công nghiệp Quốc phòng",
        "party_a_en": "General Department of Defence Industry",
        "party_b_vi": "Bộ Quốc phòng Ấn Độ",
        "party_b_en": "Ministry of Defence of India",
        "signed_on": edition.start_date,
        "disclosure": disclosure,
        **fields,
    }
    item = Agreement.objects.create(edition=edition, **values)
    if approved:
        item.approved_by = baker.make("auth.User")
        item.approved_at = LAST_EVENING
        item.save()
    return item


# --- outbox -----------------------------------------------------------------------------------

OUTBOX_TEXT = "Kính gửi Ông Nguyễn Văn Bình,\n\nLịch trình của đoàn đã thay đổi.\n"


def make_message(key="k1", kind="delegations.invitation", to="binh@qk7.vn", **changes):
    """An outbox message, approved unless told otherwise (with the digest approve() leaves)."""

    fields = {
        "kind": kind,
        "team": registry.get(kind).team,
        "key": key,
        "to_email": to,
        "to_name": "Nguyễn Văn Bình",
        "language": "vi",
        "subject": "Thư mời tham dự VIDE 2024",
        "body_text": OUTBOX_TEXT,
        "status": "approved",
    }
    fields.update(changes)
    message = Message.objects.create(**fields)
    if message.status in ("approved", "failed"):
        message.approved_digest = message.content_digest()
        message.save(update_fields=["approved_digest"])
    return message


# --- portal: stand team -----------------------------------------------------------------------


def make_stand_staff(exhibitor, edition, name="Trần Thị Gian Hàng", **fields):
    """A stand staff member to vet (a portrait in private storage), as the portal adds one."""
    values = {
        "role": "Stand manager",
        "nationality": "VN",
        "id_number": f"C{next(_numbers):07d}",
        "photo": badge_photo(ContentFile(png_bytes((300, 400)), name="portrait.png")),
        **fields,
    }
    return StandStaff.objects.create(exhibitor=exhibitor, edition=edition, name=name, **values)
