"""Who is in the portal: a signed-in account with a contact whose access was not removed.

Every portal view is wrapped by `exhibitor_area`, which sets `request.contact` and
`request.exhibitor`; every read a view makes starts from `request.exhibitor` (`own()`), so an
id from another exhibitor finds nothing (404), whatever the URL or query string names.
"""

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from common.responses import private
from portal import overview
from portal.models import Contact

# Organiser staff holding any of these must pass a TOTP second factor to use the admin (a
# superuser holds every one): registered with common.second_factor in PortalConfig.ready().
APPROVING_PERMISSIONS = ("portal.review_proposal", "portal.vet_stand_staff", "portal.review_declaration")

# The only portal pages (URL names) open without a contact's session: the ways in and out. Every
# other view is an `exhibitor_area` (tests/portal/test_access_walk.py holds every URL to this).
DOORS = frozenset({"sign_in", "sign_out", "welcome", "link_request", "link_sign_in", "code"})


def contact_for(user):
    """`user`'s contact with access, else None. Staff accounts never enter the portal."""
    if user is None or not user.is_authenticated or user.is_staff:
        return None
    return Contact.objects.with_access().select_related("exhibitor").filter(user=user).first()


def contact_of(request):
    """The signed-in account's contact with access, else None."""
    return contact_for(getattr(request, "user", None))


def exhibitor_area(view):
    """A portal page: only for a contact with access; never cached on the way."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        contact = contact_of(request)
        if contact is None:
            return private(redirect(f"{reverse('portal:sign_in')}?{urlencode({'next': request.get_full_path()})}"))
        request.contact = contact
        request.exhibitor = contact.exhibitor
        request.portal_sections = overview.for_request(request)
        return private(view(request, *args, **kwargs))

    # Copied outward by functools.wraps (require_POST…), so a URL's view says it is guarded.
    wrapped.exhibitor_area = True
    return wrapped


def main_contact_only(view):
    """Inside `exhibitor_area`: only the exhibitor's main contact (inviting, removing contacts)."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.contact.is_main:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


def own(queryset, request, field="exhibitor"):
    """`queryset` narrowed to the signed-in contact's exhibitor."""
    return queryset.filter(**{field: request.exhibitor})
