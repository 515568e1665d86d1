"""A delegation's free-text "hotel" and "vehicle" go: their values move into the rooming list and
the vehicle pool where they match, and stay in the delegation's notes where they do not.

- Hotel: a hotel of the delegation's edition with the same name (accents and case ignored) gets a
  room (number to be filled in) for each member who has none yet, from the member's arrival day
  (or the day before the opening) to their departure day (or the day after the closing). The text
  is kept in the notes when no hotel matches, when there is nobody to room, or when a member
  already stays at another hotel (the rooming list is kept; the contradiction is for a person).
- Vehicle: a pool vehicle of the edition with the same plate or call sign (case, spaces, dots and
  dashes ignored) is booked on the delegation's engagements and whole-delegation arrivals and
  departures that have no vehicle: the car the text named. Kept in the notes when no vehicle
  matches or there is nothing to book it on.
Nothing is lost: every value either lands in a record or is in the notes, labelled in vi and en.
"""

import datetime
import re
import zoneinfo

from django.db import migrations
from django.db.models import F

from common.text import fold

HOTEL_NOTE = "Khách sạn (ghi tay trước đây, chưa khớp danh sách phòng) / Hotel (former free text, not matched): %s"
VEHICLE_NOTE = "Xe (ghi tay trước đây, chưa khớp đội xe) / Vehicle (former free text, not matched): %s"


def plate(value):
    return re.sub(r"[\s.\-]", "", value).casefold()


def _day(moment, edition):
    return moment.astimezone(zoneinfo.ZoneInfo(edition.time_zone)).date()


def _nights(member, delegation, edition, Movement):
    def first(kind):
        own = Movement.objects.filter(delegation=delegation, member=member, kind=kind).order_by("at").first()
        return own or Movement.objects.filter(delegation=delegation, member=None, kind=kind).order_by("at").first()

    arrival, departure = first("arrival"), first("departure")
    check_in = _day(arrival.at, edition) if arrival else edition.start_date - datetime.timedelta(days=1)
    check_out = _day(departure.at, edition) if departure else edition.end_date + datetime.timedelta(days=1)
    return check_in, max(check_out, check_in + datetime.timedelta(days=1))


def _into_rooms(apps, delegation, text):
    Hotel = apps.get_model("delegations", "Hotel")
    Member = apps.get_model("delegations", "Member")
    Movement = apps.get_model("delegations", "Movement")
    RoomAssignment = apps.get_model("delegations", "RoomAssignment")
    hotel = next(
        (h for h in Hotel.objects.filter(edition_id=delegation.edition_id) if fold(h.name) == fold(text)), None
    )
    members = list(Member.objects.filter(delegation=delegation))
    if hotel is None or not members:
        return False
    agrees = True
    for member in members:
        stays = list(RoomAssignment.objects.filter(member=member))
        if stays:
            agrees = agrees and all(stay.hotel_id == hotel.pk for stay in stays)
            continue
        check_in, check_out = _nights(member, delegation, delegation.edition, Movement)
        RoomAssignment.objects.create(hotel=hotel, member=member, room="", check_in=check_in, check_out=check_out)
    return agrees


def _into_pool(apps, delegation, text):
    Vehicle = apps.get_model("delegations", "Vehicle")
    Engagement = apps.get_model("delegations", "Engagement")
    Movement = apps.get_model("delegations", "Movement")
    vehicles = Vehicle.objects.filter(edition_id=delegation.edition_id)
    vehicle = next((v for v in vehicles if plate(v.registration) == plate(text)), None)
    if vehicle is None:
        return False
    booked = Engagement.objects.filter(delegation=delegation, vehicle=None).update(vehicle=vehicle)
    booked += Movement.objects.filter(delegation=delegation, member=None, vehicle=None).update(vehicle=vehicle)
    return booked > 0


def forwards(apps, schema_editor):
    Delegation = apps.get_model("delegations", "Delegation")
    for delegation in Delegation.objects.exclude(hotel="", vehicle="").select_related("edition"):
        kept = []
        hotel, vehicle = delegation.hotel.strip(), delegation.vehicle.strip()
        if hotel and not _into_rooms(apps, delegation, hotel):
            kept.append(HOTEL_NOTE % hotel)
        if vehicle and not _into_pool(apps, delegation, vehicle):
            kept.append(VEHICLE_NOTE % vehicle)
        if kept:
            notes = "\n".join(part for part in [delegation.notes.strip(), *kept] if part)
            # A new version: a page opened before cannot save over the notes' new lines.
            Delegation.objects.filter(pk=delegation.pk).update(notes=notes, version=F("version") + 1)


class Migration(migrations.Migration):
    dependencies = [("delegations", "0004_logistics_permissions")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop, elidable=True)]
