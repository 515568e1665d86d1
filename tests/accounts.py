"""Who signs in, in tests: exhibitors' portal contacts, and organisers through the admin's second
factor (common/second_factor.py; docs/portal.md "Access"). Devices are real TOTP devices and
codes are computed with django-otp's own `totp`, as an authenticator app computes them."""

import time

from django.contrib.auth.models import User
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from common import second_factor
from portal.models import Contact

PORTAL_PASSWORD = "a long portal passphrase 2026"


def make_contact(exhibitor, email, *, name=None, password=PORTAL_PASSWORD, **fields):
    """An exhibitor's portal contact whose invitation was accepted (its password set)."""
    user = User.objects.create_user(username=email.lower(), email=email.lower(), password=password)
    name = name or email.split("@")[0].replace(".", " ").title()
    return Contact.objects.create(exhibitor=exhibitor, user=user, name=name, email=email.lower(), **fields)


def portal_client(contact):
    """A browser signed in to the portal as `contact` (without the sign-in page)."""
    client = Client()
    client.force_login(contact.user)
    return client


def totp_device(user):
    """A confirmed TOTP device of `user`, as if enrolled with an authenticator app."""
    return TOTPDevice.objects.create(user=user, name="phone", confirmed=True)


def _app(device):
    """The device's authenticator app: django-otp's own TOTP, on the clock (which may be frozen)."""
    return TOTP(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=device.drift)


def totp_code(device):
    """The code the device's app shows now."""
    return f"{_app(device).token():0{device.digits}d}"


def unused_totp_code(device, wait=35):
    """The code the device's app shows once it is one the device has not accepted yet. A code is
    refused the second time (a replay), so a person who signs in again within its 30 seconds
    waits for the next one; so does this, on the real clock, for `wait` seconds at most."""
    device.refresh_from_db()
    deadline = time.monotonic() + wait
    while _app(device).t() <= device.last_t:
        if time.monotonic() > deadline:
            break
        time.sleep(0.25)
    return totp_code(device)


def admin_login(client, user):
    """`client` signed in as `user` without the login page (Django's force_login), and, when the
    account must pass the second factor (staff who approve, superusers), its session verified
    by a real TOTP device of the user's, as django_otp.login marks it after a right code."""
    client.force_login(user)
    if second_factor.required(user):
        device = second_factor.confirmed_device(user) or totp_device(user)
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    return client


def admin_sign_in(client, username, password):
    """Sign in to the admin as a person does: the password, then, when the admin asks for it, the
    code of the account's TOTP device (made now if it has none: the person enrolls). Returns the
    last response."""
    response = client.post("/admin/login/", {"username": username, "password": password, "next": "/admin/"})
    if "/admin/second-factor/" not in response.get("Location", ""):
        return response
    user = User.objects.get(username=username)
    device = second_factor.confirmed_device(user)
    if device is None:
        client.get(response["Location"])  # the enrolment page makes the device the QR code shows
        device = TOTPDevice.objects.get(user=user, confirmed=False)
    return client.post(response["Location"], {"code": totp_code(device)})
