"""The second factor (TOTP codes, django-otp): who must pass it, and the device steps every door shares.

Apps name the permissions whose holders must pass it to use the admin (`require_for`, from
their AppConfig.ready(): the portal's approving permissions). A staff account holding any of
them — a superuser holds every one — reaches the admin only from a session its own TOTP device
verified (common.admin.AdminSite). Exhibitor contacts may enrol one in the portal; once they
have, their sign-in asks for the code too.

A device is enrolled in two steps: `pending_device()` keeps one unconfirmed device per account
(its key shown once as a QR code and as text), and `confirm()` confirms it with a code from the
app. `verify()` checks a code against the confirmed device and marks the session verified
(`django_otp.login`). Failed codes slow the device down (django-otp's throttling doubles the
wait after each failure), so six digits cannot be guessed.
"""

import base64

import django_otp
import segno
from django import forms
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.models import TOTPDevice

CODE_LENGTH = 6  # django-otp's default: what authenticator apps show
_permissions: set[str] = set()


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code from your authenticator app"),
        min_length=CODE_LENGTH,
        max_length=12,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}),
    )


WRONG_CODE = _("This code is not the current one. Wait for the next code and try again.")


def require_for(*permissions):
    """Staff holding any of `permissions` must pass the second factor to use the admin."""
    _permissions.update(permissions)


def required(user):
    """Whether `user` must pass the second factor before the admin opens to them."""
    if not (user.is_authenticated and user.is_active and user.is_staff):
        return False
    return user.is_superuser or any(user.has_perm(permission) for permission in sorted(_permissions))


def verified(user):
    """Whether this request's session passed the second factor (django-otp's middleware says)."""
    is_verified = getattr(user, "is_verified", None)
    return bool(is_verified and is_verified())


def pending(request):
    """A staff member signed in with a password who still owes the second factor."""
    user = getattr(request, "user", None)
    return user is not None and required(user) and not verified(user)


def confirmed_device(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("pk").first()


def has_device(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def pending_device(user):
    """The account's device being enrolled: the same one until it is confirmed (reloading the page
    shows the same QR code)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    return device or TOTPDevice.objects.create(user=user, name="authenticator", confirmed=False)


def secret_text(device):
    """The key as authenticator apps take it typed (base32, in groups of four)."""
    secret = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[index : index + 4] for index in range(0, len(secret), 4))


def qr_data_uri(device):
    """The enrolment QR code (an otpauth:// URI) as an SVG data URI for an <img> (CSP allows data:)."""
    return segno.make(device.config_url, error="m").svg_data_uri(scale=4, border=2)


def _check(device, code):
    code = "".join((code or "").split())
    return code.isdigit() and len(code) == device.digits and device.verify_token(code)


@transaction.atomic
def confirm(request, device, code):
    """Confirm the signed-in account's enrolling device with a code from the app; the session is
    then verified."""
    device = TOTPDevice.objects.select_for_update().filter(pk=device.pk, user=request.user).first()
    if device is None or not _check(device, code):
        return False
    TOTPDevice.objects.filter(user=request.user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    django_otp.login(request, device)
    return True


@transaction.atomic
def device_accepting(user, code):
    """`user`'s confirmed device if `code` is its current code, else None (a failure slows it down)."""
    device = TOTPDevice.objects.select_for_update().filter(user=user, confirmed=True).order_by("pk").first()
    if device is None or not _check(device, code):
        return None
    return device


def verify(request, code):
    """Check `code` against the signed-in account's device; on success the session is verified."""
    device = device_accepting(request.user, code)
    if device is None:
        return False
    django_otp.login(request, device)
    return True


def remove_devices(user):
    """A lost phone: the account enrols again at its next sign-in (or, for a contact, may)."""
    return TOTPDevice.objects.filter(user=user).delete()[1].get(TOTPDevice._meta.label, 0)
