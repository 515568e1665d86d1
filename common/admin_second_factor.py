"""The admin's second step for staff who approve (common/second_factor.py): the code from their
authenticator app, or, for one without a device yet, enrolment (QR code and a first code).

Reached after the password (AdminSite.login sends there); never wrapped in admin_view, which
would send the staff member back to the login page it came from.
"""

from django.contrib import auth
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect

from common import second_factor


def _next(request, site):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return reverse("admin:index", current_app=site.name)


def url(site, next_url):
    return f"{reverse('admin:second_factor', current_app=site.name)}?{urlencode({'next': next_url})}"


@never_cache
@csrf_protect
def view(request, site):
    """The code (or the enrolment) of a signed-in staff member who owes the second factor."""
    if not second_factor.pending(request):
        # Verified already, or not signed in, or not one who needs it: the login page decides.
        return HttpResponseRedirect(_next(request, site))
    if request.method == "POST" and "cancel" in request.POST:
        auth.logout(request)
        return HttpResponseRedirect(reverse("admin:login", current_app=site.name))
    enrolling = not second_factor.has_device(request.user)
    device = second_factor.pending_device(request.user) if enrolling else None
    form = second_factor.CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        code = form.cleaned_data["code"]
        if second_factor.confirm(request, device, code) if enrolling else second_factor.verify(request, code):
            return HttpResponseRedirect(_next(request, site))
        form.add_error("code", second_factor.WRONG_CODE)
    context = {
        **site.each_context(request),
        "title": _("Enrol your authenticator app") if enrolling else _("Second step: your code"),
        "form": form,
        "next": _next(request, site),
        "enrolling": enrolling,
        "qr": second_factor.qr_data_uri(device) if enrolling else "",
        "secret": second_factor.secret_text(device) if enrolling else "",
    }
    request.current_app = site.name
    status = 400 if form.errors else 200
    return TemplateResponse(request, "admin/second_factor.html", context, status=status)
