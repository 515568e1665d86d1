"""Cell parsers for the import: each returns a value or raises CellError with a reason."""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _
from django.utils.translation import override

from common.countries import CountryError, resolver
from common.dates import formatted
from common.text import fold
from delegations.models import Delegation, Member


class CellError(ValueError):
    pass


def _choice_lookup(choices):
    """Accept a choice's value or its label in either language, accent- and case-blind."""
    lookup = {}
    for value, label in choices:
        lookup[fold(value.replace("_", " "))] = value
        for language in ("en", "vi"):
            with override(language):
                lookup[fold(str(label))] = value
    return lookup


# Arrivals and departures more than this many days before the opening or after the closing are
# typing mistakes (a wrong year, a month-first date), not travel plans: row errors.
DAYS_AROUND_EDITION = 30


def delegation_key(clean):
    """Which delegation a row belongs to: its country and its organisation's names, folded."""
    return (clean["country"], fold(clean["organisation_vi"]), fold(clean["organisation_en"]))


class Parsers:
    """Built once per import: lookups of countries and choices in both languages."""

    def __init__(self, tz, edition=None):
        self.tz = tz
        self.edition = edition
        self.countries = resolver()
        self.types = _choice_lookup(Delegation.Type.choices)
        self.types.update({"quoc te": "international", "trong nuoc": "domestic"})
        self.levels = _choice_lookup(Delegation.Level.choices)
        self.levels.update(
            {"bo truong": "minister", "thu truong": "deputy_minister", "tong tham muu truong": "chief_of_defence"}
        )
        self.roles = _choice_lookup(Member.Role.choices)
        self.roles.update(
            {"truong doan": "head", "pho doan": "deputy", "thanh vien": "member", "tro ly": "aide"}
            | {"phien dich": "interpreter", "an ninh": "security", "bao ve": "security"}
        )
        self.genders = _choice_lookup([c for c in Member.Gender.choices if c[0]])
        self.genders.update({"m": "male", "f": "female", "nam": "male", "nu": "female"})

    def country(self, value):
        try:
            return self.countries.resolve(value)
        except CountryError as exc:
            raise CellError(str(exc)) from exc

    def choice(self, lookup, value):
        # "deputy_minister", "Deputy minister" and "Thứ trưởng" all name the same level.
        found = lookup.get(fold(str(value).replace("_", " ")))
        if not found:
            raise CellError(_("Unknown value “%(value)s”.") % {"value": value})
        return found

    def date(self, value):
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        text = str(value).strip()
        for pattern in ("%Y-%m-%d", "%d/%m/%Y"):
            try:
                return datetime.datetime.strptime(text, pattern).date()
            except ValueError:
                continue
        raise CellError(_("“%(value)s” is not a date (use YYYY-MM-DD or DD/MM/YYYY).") % {"value": value})

    def datetime(self, value):
        """A local time at the event (its time zone), as an aware datetime."""
        if isinstance(value, datetime.datetime):
            moment = value
        else:
            text = " ".join(str(value).replace("T", " ").split())
            moment = None
            for pattern in ("%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S", "%d/%m/%Y %H:%M", "%d/%m/%Y %H:%M:%S"):
                try:
                    moment = datetime.datetime.strptime(text, pattern)
                    break
                except ValueError:
                    continue
            if moment is None:
                raise CellError(
                    _("“%(value)s” is not a date and time (use YYYY-MM-DD HH:MM or DD/MM/YYYY HH:MM).")
                    % {"value": value}
                )
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=self.tz)
        return moment

    def during_edition(self, value):
        """A local time at the event, within DAYS_AROUND_EDITION days of its opening and closing."""
        moment = self.datetime(value)
        if self.edition is None:
            return moment
        margin = datetime.timedelta(days=DAYS_AROUND_EDITION)
        day = moment.astimezone(self.tz).date()
        if not self.edition.start_date - margin <= day <= self.edition.end_date + margin:
            raise CellError(
                _(
                    "%(date)s is more than %(days)s days from the expo (%(first)s – %(last)s): "
                    "check the year and that the day comes first."
                )
                % {
                    "date": formatted(day),
                    "days": DAYS_AROUND_EDITION,
                    "first": formatted(self.edition.start_date),
                    "last": formatted(self.edition.end_date),
                }
            )
        return moment

    def email(self, value):
        try:
            validate_email(value)
        except ValidationError as exc:
            raise CellError(_("“%(value)s” is not an email address.") % {"value": value}) from exc
        return value.lower()


@dataclass(frozen=True)
class RowError:
    row: int
    column: str
    message: str

    def __str__(self):
        return _("Row %(row)s, column “%(column)s”: %(message)s") % {
            "row": self.row,
            "column": self.column,
            "message": self.message,
        }
