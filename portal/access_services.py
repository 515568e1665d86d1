"""Writes of portal access: invite a contact, accept the invitation, mail a sign-in link and use
it, remove a contact, hand over "main". Keyword-only, each in one transaction.

A contact's account is a Django user without staff status, its username the contact's address
(lower case). It has no usable password until the invitation is accepted. Removing a contact
makes its password unusable and its account inactive: Django checks every session against the
password's hash, so each of its sessions ends at its next request.
"""

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from common import ratelimit
from portal import access_mail
from portal.models import Contact, ContactLink
from portal.models.access import key_digest, new_key

PER_SOURCE = ratelimit.Limit(
    "portal-sign-in.source",
    10,
    60 * 60,
    _("Too many sign-in links were asked for from your connection. Please wait an hour and try again."),
)
PER_ADDRESS = ratelimit.Limit(
    "portal-sign-in.address",
    3,
    60 * 60,
    _("Sign-in links were already sent to this address in the last hour. Please use the newest one, or wait."),
)


def normal_email(email):
    return email.strip().lower()


def _new_link(contact, purpose, now):
    key = new_key()
    link = ContactLink.objects.create(
        contact=contact,
        purpose=purpose,
        key_hash=key_digest(key),
        created_at=now,
        expires_at=now + ContactLink.LIFETIME[purpose],
    )
    return link, key


def _account(email):
    User = get_user_model()
    user = User.objects.filter(username=email).first()
    if user is None:
        user = User(username=email, email=email)
        user.set_unusable_password()
        user.save()
    return user


def check_invitable(email, exhibitor=None):
    """Refuse an address already in use elsewhere (another exhibitor's contact, a staff account)."""
    email = normal_email(email)
    contact = Contact.objects.filter(email__iexact=email).first()
    # Only a removed contact of the same exhibitor may be invited back with its address.
    taken = contact is not None and not (exhibitor and contact.exhibitor_id == exhibitor.pk and contact.removed_at)
    user = get_user_model().objects.filter(username=email).first()
    if taken or (user is not None and (user.is_staff or (contact is None and hasattr(user, "portal_contact")))):
        raise ValidationError(_("This address cannot be invited. Ask the organisers."), code="address_taken")


@transaction.atomic
def invite(*, exhibitor, name, email, language, invited_by, base_url, inviter_name, phone="", is_main=False):
    """A new contact of `exhibitor` (or a removed one back), mailed an invitation; returns it."""
    email = normal_email(email)
    check_invitable(email, exhibitor)
    contact = Contact.objects.select_for_update().filter(email__iexact=email).first()
    if contact is None:
        contact = Contact(exhibitor=exhibitor, email=email, user=_account(email))
    contact.name, contact.language, contact.phone = name, language, phone
    contact.is_main = is_main and not Contact.objects.with_access().filter(exhibitor=exhibitor, is_main=True).exists()
    contact.invited_by, contact.removed_at = invited_by, None
    contact.save()
    get_user_model().objects.filter(pk=contact.user_id).update(is_active=True)
    send_invitation(contact=contact, base_url=base_url, inviter_name=inviter_name)
    return contact


@transaction.atomic
def send_invitation(*, contact, base_url, inviter_name, now=None):
    """A new invitation link for `contact` (earlier unused ones stop working)."""
    now = now or timezone.now()
    ContactLink.objects.filter(contact=contact, purpose=ContactLink.Purpose.INVITATION, used_at__isnull=True).delete()
    link, key = _new_link(contact, ContactLink.Purpose.INVITATION, now)
    access_mail.invitation(contact, link, key=key, base_url=base_url, inviter_name=inviter_name)
    return link


def find_link(key, purpose, now=None):
    if not key or len(key) > 64:
        return None
    return ContactLink.objects.usable(key, purpose, now).first()


@transaction.atomic
def use_link(key, purpose, now=None):
    """Use the link once: its contact, or None (unknown, used, expired, contact removed)."""
    now = now or timezone.now()
    link = find_link(key, purpose, now)
    # Conditional update: of two simultaneous uses, one wins.
    if link is None or not ContactLink.objects.filter(pk=link.pk, used_at__isnull=True).update(used_at=now):
        return None
    return link.contact


@transaction.atomic
def accept_invitation(*, key, password, now=None):
    """Set the contact's password from the invitation (validated by the caller's form)."""
    contact = use_link(key, ContactLink.Purpose.INVITATION, now)
    if contact is None:
        return None
    user = contact.user
    user.set_password(password)
    user.is_active = True
    user.save(update_fields=["password", "is_active"])
    return contact


@transaction.atomic
def send_sign_in_link(*, email, source, base_url, now=None):
    """Mail a sign-in link if `email` is a contact with access; says nothing either way.

    Raises ratelimit.Exceeded when the connection or the address asked too often (whether or
    not the address is a contact's, so the answer tells nothing).
    """
    now = now or timezone.now()
    email = normal_email(email)
    ratelimit.charge([(PER_SOURCE, source), (PER_ADDRESS, email)], now=now)
    contact = Contact.objects.with_access().select_related("exhibitor").filter(email__iexact=email).first()
    if contact is None:
        return None
    link, key = _new_link(contact, ContactLink.Purpose.SIGN_IN, now)
    return access_mail.sign_in_link(contact, link, key=key, base_url=base_url)


@transaction.atomic
def remove(*, contact, now=None):
    """End `contact`'s access now: its sessions, links and account stop working."""
    now = now or timezone.now()
    Contact.objects.filter(pk=contact.pk).update(removed_at=now, is_main=False)
    ContactLink.objects.filter(contact=contact, used_at__isnull=True).delete()
    if contact.user_id:
        user = get_user_model().objects.get(pk=contact.user_id)
        user.set_unusable_password()  # a new password hash: every session of the account ends
        user.is_active = False
        user.save(update_fields=["password", "is_active"])
    contact.refresh_from_db()
    return contact


@transaction.atomic
def hand_over_main(*, exhibitor, to):
    """Make `to` (a contact of `exhibitor` with access) the main contact instead of the current one."""
    target = Contact.objects.with_access().select_for_update().filter(pk=to.pk, exhibitor=exhibitor).first()
    if target is None:
        raise ValidationError(_("Only a contact of your company with access can become the main contact."))
    Contact.objects.filter(exhibitor=exhibitor, is_main=True).update(is_main=False)
    Contact.objects.filter(pk=target.pk).update(is_main=True)
    return target
