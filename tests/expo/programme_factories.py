"""Programme rows for tests: items at local times of the edition's days."""

import datetime
import itertools

from model_bakery import baker

from expo.models import ProgrammeItem

_numbers = itertools.count(1)


def at(edition, day, hhmm):
    """An aware datetime: `day` of December 2024 (or a date) at HH:MM in the edition's zone."""
    date = day if isinstance(day, datetime.date) else datetime.date(2024, 12, day)
    hours, minutes = map(int, hhmm.split(":"))
    return datetime.datetime.combine(date, datetime.time(hours, minutes), tzinfo=edition.tz)


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
