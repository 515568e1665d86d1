"""Writes of the media area: press-conference seats (up to the seats, never one more)."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from common import clock
from common.dates import local_text
from common.pdf import render_pdf
from press import media_mail
from press.models import PressConference, PressConferenceRegistration


def register_for_conference(*, conference, accreditation, base_url):
    """Take a seat for `accreditation`; ValidationError when full, over, or already registered."""
    with transaction.atomic():
        # Locks the conference: two journalists racing for the last seat are served one after the other.
        conference = PressConference.objects.select_for_update().select_related("programme_item").get(pk=conference.pk)
        if conference.programme_item.start <= clock.now():
            raise ValidationError(_("This press conference has begun: registration is closed."), code="begun")
        if conference.registrations.filter(accreditation=accreditation).exists():
            raise ValidationError(_("You already have a seat at this press conference."), code="registered")
        if conference.registrations.count() >= conference.seats:
            raise ValidationError(_("Every seat at this press conference is taken."), code="full")
        try:
            with transaction.atomic():
                registration = PressConferenceRegistration.objects.create(
                    conference=conference, accreditation=accreditation
                )
        except IntegrityError:
            raise ValidationError(_("You already have a seat at this press conference."), code="registered") from None
        media_mail.conference_seat(registration, base_url=base_url)
    return registration


@transaction.atomic
def give_back_seat(*, conference, accreditation):
    registration = conference.registrations.filter(accreditation=accreditation).first()
    if registration is None:
        return False
    media_mail.withdraw_reminder(registration)
    registration.delete()
    return True


def attendance_pdf(conference):
    """The press office's list of a conference: name, outlet, country, role, badge reference; a
    box to tick at the door. Names as written in the applications."""
    registrations = conference.registrations.select_related("accreditation").order_by(
        "accreditation__outlet", "accreditation__name", "pk"
    )
    return render_pdf(
        "pdf/press_conference_list.html",
        {
            "conference": conference,
            "item": conference.programme_item,
            "registrations": registrations,
            "edition": conference.programme_item.edition,
            "printed_at": local_text(clock.now(), conference.programme_item.edition.tz),
        },
    )
