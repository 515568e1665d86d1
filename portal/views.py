"""The portal's home and its sign-in. Every page but the sign-in is an `exhibitor_area`."""

from django.contrib import auth
from django.contrib.auth.forms import AuthenticationForm
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from common.responses import private
from portal.access import contact_for, contact_of, exhibitor_area
from portal.access_views import finish_sign_in, next_url


@require_http_methods(["GET", "HEAD", "POST"])
def sign_in(request):
    """E-mail and password. django-axes counts failures and locks out as on the admin's sign-in."""
    if contact_of(request) is not None:
        return private(redirect(next_url(request) or "portal:home"))
    data = None
    if request.method == "POST":
        # Accounts are named by their address in lower case: "An@Viettel.example" is the same person.
        data = request.POST.copy()
        data["username"] = data.get("username", "").strip().lower()
    form = AuthenticationForm(request, data=data)
    if request.method == "POST" and form.is_valid():
        user = form.get_user()
        if contact_for(user) is not None:
            return finish_sign_in(request, user, next_url(request))
        form.add_error(None, form.get_invalid_login_error())
    status = 400 if request.method == "POST" else 200
    context = {"form": form, "next": next_url(request) or ""}
    return private(render(request, "portal/sign_in.html", context, status=status))


@require_POST
def sign_out(request):
    auth.logout(request)
    return private(redirect("portal:sign_in"))


@require_safe
@exhibitor_area
def home(request):
    return render(request, "portal/home.html", {"contact": request.contact, "exhibitor": request.exhibitor})
