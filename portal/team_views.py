"""The exhibitor's stand team in the portal: the list with the allowance, add, change, remove,
and a member's photo (only through this view, only to its own exhibitor)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from portal import team_services
from portal.access import exhibitor_area, own
from portal.models import StandStaff
from portal.team_allowance import allowance
from portal.team_forms import StandStaffForm


def _edition(request):
    if not request.edition:
        raise Http404
    return request.edition


def _members(request):
    return own(StandStaff.objects.active().filter(edition=_edition(request)), request)


@require_safe
@exhibitor_area
def team(request):
    edition = _edition(request)
    context = {
        "members": _members(request).order_by("name", "pk"),
        "allowance": allowance(request.exhibitor, edition),
        "edition": edition,
    }
    return render(request, "portal/team/list.html", context)


def _form_page(request, form, member=None, status=200):
    context = {"form": form, "member": member, "allowance": allowance(request.exhibitor, _edition(request))}
    return render(request, "portal/team/form.html", context, status=status)


@require_http_methods(["GET", "HEAD", "POST"])
@exhibitor_area
def add(request):
    edition = _edition(request)
    form = StandStaffForm(request.POST or None, request.FILES or None, exhibitor=request.exhibitor, edition=edition)
    if request.method == "POST" and form.is_valid():
        try:
            member = team_services.add_member(
                exhibitor=request.exhibitor, edition=edition, values=form.changed_values()
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("%(name)s is registered; the organisers will vet them.") % {"name": member})
            return redirect("portal:team")
    return _form_page(request, form, status=400 if request.method == "POST" else 200)


@require_http_methods(["GET", "HEAD", "POST"])
@exhibitor_area
def change(request, pk):
    member = get_object_or_404(_members(request), pk=pk)
    form = StandStaffForm(
        request.POST or None,
        request.FILES or None,
        instance=member,
        exhibitor=request.exhibitor,
        edition=member.edition,
    )
    if request.method == "POST" and form.is_valid():
        was = member.status
        values = form.changed_values()
        member = StandStaff.objects.get(pk=member.pk)  # the form has written onto its instance
        try:
            member = team_services.change_member(member=member, values=values)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if values and was != member.status:
                messages.success(request, _("Saved. The organisers will vet %(name)s again.") % {"name": member})
            else:
                messages.success(request, _("Saved."))
            return redirect("portal:team")
    return _form_page(request, form, member, status=400 if request.method == "POST" else 200)


@require_http_methods(["GET", "HEAD", "POST"])
@exhibitor_area
def remove(request, pk):
    member = get_object_or_404(_members(request), pk=pk)
    if request.method == "POST":
        team_services.remove_member(member=member)
        messages.success(
            request,
            _("%(name)s is removed from your stand team; their badge no longer opens the gates.")
            % {"name": member.name},
        )
        return redirect("portal:team")
    return render(request, "portal/team/remove.html", {"member": member})


@require_safe
@exhibitor_area
def photo(request, pk):
    member = get_object_or_404(_members(request).exclude(photo=""), pk=pk)
    try:
        opened = member.photo.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    response = FileResponse(opened, content_type="image/jpeg")
    response["X-Content-Type-Options"] = "nosniff"
    return response
