"""Sign-in to the media area: a single-use link e-mailed to the address an accreditation was made with.

No password, and no Django user: the session holds the accreditation's id and a digest of its
status key, so the journalist's session and a staff login never mix, and a session outlives
nothing — refusing, deleting or re-keying the accreditation, or a new current edition, ends it
at the next request. Who asks for a link learns nothing: the page answers alike whether the
address is accredited or not, and only approved accreditations of the current edition get mail.
"""

import datetime
import functools
import hashlib

from django.db import transaction
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from common import ratelimit
from common.responses import private
from press.models import MediaAccreditation, MediaSignInLink
from press.models.media import key_digest, new_sign_in_key

LINK_LIFETIME = datetime.timedelta(minutes=30)
SESSION_KEY = "press_media_accreditation"
SESSION_CHECK = "press_media_check"

PER_SOURCE = ratelimit.Limit(
    "media-sign-in.source",
    10,
    60 * 60,
    _("Too many sign-in links were asked for from your connection. Please wait an hour and try again."),
)
PER_ADDRESS = ratelimit.Limit(
    "media-sign-in.address",
    3,
    60 * 60,
    _("Sign-in links were already sent to this address in the last hour. Please use the newest one, or wait."),
)


def signed_in_journalists(edition, email):
    """Approved accreditations of `edition` made with `email` (one person may hold more than one)."""
    if edition is None or not edition.is_current:
        return MediaAccreditation.objects.none()
    return MediaAccreditation.objects.filter(
        edition=edition, status=MediaAccreditation.Status.APPROVED, email__iexact=email.strip()
    )


def send_sign_in_link(*, edition, email, source, base_url, now=None):
    """Mail a sign-in link to each approved accreditation made with `email`; returns how many.

    Raises ratelimit.Exceeded when the connection or the address asked too often (whether or not
    the address is accredited, so the answer tells nothing).
    """
    from press import media_mail

    now = now or timezone.now()
    with transaction.atomic():
        ratelimit.charge([(PER_SOURCE, source), (PER_ADDRESS, email.strip().lower())], now=now)
        sent = 0
        for accreditation in signed_in_journalists(edition, email):
            key = new_sign_in_key()
            link = MediaSignInLink.objects.create(
                accreditation=accreditation, key_hash=key_digest(key), created_at=now, expires_at=now + LINK_LIFETIME
            )
            media_mail.sign_in_link(accreditation, link=link, key=key, base_url=base_url)
            sent += 1
    return sent


def find_link(key, now=None):
    """The unused, unexpired link of `key` whose accreditation is still approved, or None."""
    if not key or len(key) > 64:
        return None
    now = now or timezone.now()
    return (
        MediaSignInLink.objects.filter(
            key_hash=key_digest(key),
            used_at__isnull=True,
            expires_at__gt=now,
            accreditation__status=MediaAccreditation.Status.APPROVED,
            accreditation__edition__is_current=True,
        )
        .select_related("accreditation__edition")
        .first()
    )


def _check(accreditation):
    # Changes when the accreditation is re-keyed (its status key): sessions made before end.
    return hashlib.sha256(f"media:{accreditation.pk}:{accreditation.status_key}".encode()).hexdigest()[:32]


def redeem(request, key, now=None):
    """Use the link once: the accreditation it opens is signed in (new session key), or None."""
    now = now or timezone.now()
    link = find_link(key, now)
    if link is None:
        return None
    # Conditional update: of two simultaneous uses, one wins.
    if not MediaSignInLink.objects.filter(pk=link.pk, used_at__isnull=True).update(used_at=now):
        return None
    request.session.cycle_key()
    request.session[SESSION_KEY] = link.accreditation_id
    request.session[SESSION_CHECK] = _check(link.accreditation)
    return link.accreditation


def sign_out(request):
    request.session.pop(SESSION_KEY, None)
    request.session.pop(SESSION_CHECK, None)
    request.session.cycle_key()


def journalist(request):
    """The signed-in journalist's accreditation (approved, current edition), or None."""
    pk = request.session.get(SESSION_KEY)
    if not pk:
        return None
    accreditation = (
        MediaAccreditation.objects.filter(pk=pk, status=MediaAccreditation.Status.APPROVED, edition__is_current=True)
        .select_related("edition")
        .first()
    )
    if accreditation is None or request.session.get(SESSION_CHECK) != _check(accreditation):
        return None
    return accreditation


def media_area(view):
    """Only a signed-in accredited journalist passes; everyone else goes to the sign-in page."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        request.journalist = journalist(request)
        if request.journalist is None:
            return private(redirect("press:media_sign_in"))
        return private(view(request, *args, **kwargs))

    return wrapped
