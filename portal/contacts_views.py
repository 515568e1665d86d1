"""The exhibitor's contacts in the portal: everyone sees who speaks for the company; the main contact
invites the others, removes them and hands "main" over."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from portal import access_services
from portal.access import exhibitor_area, main_contact_only, own
from portal.access_forms import InviteForm
from portal.models import Contact
from tickets.passes import site_url


@require_http_methods(["GET", "HEAD", "POST"])
@exhibitor_area
def contacts(request):
    form = InviteForm(request.POST or None, initial={"language": request.contact.language})
    if request.method == "POST":
        if not request.contact.is_main:
            return render(request, "portal/access/contacts.html", _context(request, None), status=403)
        if form.is_valid():
            try:
                invited = access_services.invite(
                    exhibitor=request.exhibitor,
                    invited_by=request.user,
                    inviter_name=f"{request.contact.name} ({request.exhibitor.name})",
                    base_url=site_url(request),
                    **form.cleaned_data,
                )
            except ValidationError as error:
                form.add_error("email", error)
            else:
                done = _("%(name)s is invited: the invitation is on its way.") % {"name": invited.name}
                messages.success(request, done)
                return redirect("portal:contacts")
    return render(request, "portal/access/contacts.html", _context(request, form), status=400 if form.errors else 200)


def _context(request, form):
    rows = own(Contact.objects.filter(removed_at__isnull=True), request).select_related("user")
    return {"contacts": rows, "form": form if request.contact.is_main else None}


def _colleague(request, contact_id):
    """Another contact of the signed-in contact's own exhibitor, with access (else 404)."""
    rows = own(Contact.objects.with_access(), request).exclude(pk=request.contact.pk)
    return get_object_or_404(rows, pk=contact_id)


@require_POST
@exhibitor_area
@main_contact_only
def remove(request, contact_id):
    colleague = _colleague(request, contact_id)
    access_services.remove(contact=colleague)
    messages.success(request, _("%(name)s can no longer sign in.") % {"name": colleague.name})
    return redirect("portal:contacts")


@require_POST
@exhibitor_area
@main_contact_only
def make_main(request, contact_id):
    colleague = _colleague(request, contact_id)
    access_services.hand_over_main(exhibitor=request.exhibitor, to=colleague)
    messages.success(request, _("%(name)s is now the main contact.") % {"name": colleague.name})
    return redirect("portal:contacts")
