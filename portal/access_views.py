"""The ways into the portal besides the password: the invitation (choose a password), the e-mailed
sign-in link, the second-factor code, and the contact's own second-factor settings.

Links are used only by their page's button (POST): opening one (a mail scanner does) uses
nothing. A contact with a TOTP device is signed in only after its code (`finish_sign_in`).
"""

import time

import django_otp
from django.contrib import auth, messages
from django.contrib.auth.forms import SetPasswordForm
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from common import ratelimit, second_factor
from common.responses import private
from portal import access_services
from portal.access import contact_for, exhibitor_area
from portal.access_forms import LinkRequestForm
from portal.models import ContactLink
from tickets.passes import site_url

BACKEND = "django.contrib.auth.backends.ModelBackend"
PENDING = "portal_pending_second_factor"
PENDING_SECONDS = 10 * 60


def next_url(request):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return None


def finish_sign_in(request, user, target=None):
    """Sign `user` in, or, when they enrolled a device, ask for its code first."""
    if second_factor.has_device(user):
        request.session[PENDING] = {"user": user.pk, "next": target or "", "until": time.time() + PENDING_SECONDS}
        return private(redirect("portal:code"))
    auth.login(request, user, backend=BACKEND)
    return private(redirect(target or "portal:home"))


def _invalid(request, kind):
    return private(render(request, "portal/access/link_invalid.html", {"kind": kind}, status=404))


@require_http_methods(["GET", "HEAD", "POST"])
def welcome(request, key):
    """The invitation: choose a password (Django's validators); the button uses the link."""
    link = access_services.find_link(key, ContactLink.Purpose.INVITATION)
    if link is None:
        return _invalid(request, "invitation")
    form = SetPasswordForm(link.contact.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        contact = access_services.accept_invitation(key=key, password=form.cleaned_data["new_password1"])
        if contact is None:
            return _invalid(request, "invitation")
        auth.logout(request)
        messages.success(request, _("Your password is set. Welcome to the exhibitors' portal."))
        # A contact invited back who had enrolled a device still gives its code.
        return finish_sign_in(request, contact.user)
    status = 400 if form.errors else 200
    context = {"form": form, "contact": link.contact}
    return private(render(request, "portal/access/welcome.html", context, status=status))


@require_http_methods(["GET", "HEAD", "POST"])
def link_request(request):
    """Ask for a sign-in link: the answer is the same whether the address is a contact's or not."""
    form = LinkRequestForm(request.POST or None)
    status, sent, refused = 200, False, ""
    if request.method == "POST":
        if form.is_valid():
            try:
                access_services.send_sign_in_link(
                    email=form.cleaned_data["email"],
                    source=ratelimit.client_address(request),
                    base_url=site_url(request),
                )
            except ratelimit.Exceeded as exceeded:
                refused, status = exceeded.limit.message, 429
            else:
                sent = True
        else:
            status = 400
    context = {"form": form, "sent": sent, "refused": refused}
    return private(render(request, "portal/access/link_request.html", context, status=status))


@require_http_methods(["GET", "HEAD", "POST"])
def link_sign_in(request, key):
    """GET shows a button; only its POST uses the link."""
    if access_services.find_link(key, ContactLink.Purpose.SIGN_IN) is None:
        return _invalid(request, "sign_in")
    if request.method == "POST":
        contact = access_services.use_link(key, ContactLink.Purpose.SIGN_IN)
        if contact is None or contact_for(contact.user) is None:
            return _invalid(request, "sign_in")
        auth.logout(request)
        return finish_sign_in(request, contact.user)
    return private(render(request, "portal/access/link_sign_in.html"))


def _pending_user(request):
    pending = request.session.get(PENDING) or {}
    if pending.get("until", 0) < time.time():
        return None, ""
    user = auth.get_user_model().objects.filter(pk=pending.get("user")).first()
    return (user if contact_for(user) is not None else None), pending.get("next", "")


@require_http_methods(["GET", "HEAD", "POST"])
def code(request):
    """The second step of a contact who enrolled a device: the code from their app."""
    user, target = _pending_user(request)
    if user is None:
        request.session.pop(PENDING, None)
        return private(redirect("portal:sign_in"))
    form = second_factor.CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = second_factor.device_accepting(user, form.cleaned_data["code"])
        if device is not None:
            request.session.pop(PENDING, None)
            auth.login(request, user, backend=BACKEND)
            django_otp.login(request, device)
            return private(redirect(target or "portal:home"))
        form.add_error("code", second_factor.WRONG_CODE)
    status = 400 if form.errors else 200
    return private(render(request, "portal/access/code.html", {"form": form}, status=status))


@require_http_methods(["GET", "HEAD", "POST"])
@exhibitor_area
def security(request):
    """Two-step sign-in for this contact: enrol a device (QR code, first code) or switch it off."""
    user = request.user
    enrolled = second_factor.has_device(user)
    device = None if enrolled else second_factor.pending_device(user)
    form = second_factor.CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        code = form.cleaned_data["code"]
        if enrolled and second_factor.device_accepting(user, code) is not None:
            second_factor.remove_devices(user)
            messages.success(request, _("Two-step sign-in is off. You sign in with your password or a link."))
            return redirect("portal:security")
        if not enrolled and second_factor.confirm(request, device, code):
            messages.success(request, _("Two-step sign-in is on. From now on, signing in asks for a code."))
            return redirect("portal:security")
        form.add_error("code", second_factor.WRONG_CODE)
    context = {
        "form": form,
        "enrolled": enrolled,
        "qr": "" if enrolled else second_factor.qr_data_uri(device),
        "secret": "" if enrolled else second_factor.secret_text(device),
    }
    return render(request, "portal/access/security.html", context, status=400 if form.errors else 200)
