"""Upload → preview with every error → confirm, for stand positions and venue outlines.

The checked table is kept in the organiser's server-side session between preview and
confirm (never in the shared cache); confirming checks it again against the database.
"""

import datetime

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from expo.models import Edition
from siteplan import imports, outlines

SESSION_KEY = "siteplan-stand-import"


class UploadForm(forms.Form):
    edition = forms.ModelChoiceField(queryset=Edition.objects.all(), label=gettext_lazy("Edition"))
    file = forms.FileField(label=gettext_lazy("File"), help_text=gettext_lazy("CSV (UTF-8) or XLSX, at most 5 MB."))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["edition"].initial = Edition.objects.filter(is_current=True).first()


def _plain(cell):
    """A cell as JSON-safe plain data for the session."""
    if cell is None or isinstance(cell, (int, float, str)):
        return cell
    if isinstance(cell, (datetime.date, datetime.time)):
        return cell.isoformat()
    return str(cell)


def import_positions_view(model_admin, request):
    if not (model_admin.has_add_permission(request) and model_admin.has_change_permission(request)):
        raise PermissionDenied
    context = {**model_admin._context(request, _("Import stand positions")), "columns": imports.COLUMNS}
    form = UploadForm()
    if request.method == "POST" and "confirm" in request.POST:
        stored = request.session.get(SESSION_KEY)
        edition = Edition.objects.filter(pk=(stored or {}).get("edition")).first()
        if not stored or edition is None:
            messages.error(request, _("Nothing to confirm: check the file again."))
            return redirect("admin:siteplan_standplacement_import")
        result = imports.import_positions(edition=edition, table=stored["table"])
        if result.saved:
            del request.session[SESSION_KEY]
            messages.success(request, _("%(count)s stand positions imported.") % {"count": len(result.rows)})
            return redirect("admin:siteplan_standplacement_changelist")
        context.update(result=result, edition=edition)
    elif request.method == "POST":
        form = UploadForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            edition = form.cleaned_data["edition"]
            try:
                if upload.size > imports.MAX_BYTES:
                    raise imports.UnreadableFile(_("The file is larger than 5 MB."))
                table = imports.read_table(upload.read(), upload.name)
            except imports.UnreadableFile as exc:
                form.add_error("file", str(exc))
            else:
                table = [[_plain(cell) for cell in row] for row in table]
                result = imports.import_positions(edition=edition, table=table, dry_run=True)
                if result.ok:
                    request.session[SESSION_KEY] = {"edition": edition.pk, "table": table}
                context.update(result=result, edition=edition)
    context["form"] = form
    status = (
        400 if request.method == "POST" and (form.errors or not context.get("result", imports.Result()).ok) else 200
    )
    return TemplateResponse(request, "admin/siteplan/import.html", context, status=status)


def import_outlines_view(model_admin, request):
    needed = (
        "siteplan.change_venueoutline",
        "siteplan.add_venueoutline",
        "siteplan.add_pointofinterest",
        "siteplan.delete_pointofinterest",
    )
    if not request.user.has_perms(needed):
        raise PermissionDenied
    context = {**model_admin._context(request, _("Import venue outlines and points")), "kinds": outlines.KINDS}
    form = UploadForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        edition = form.cleaned_data["edition"]
        if upload.size > imports.MAX_BYTES:
            drawing = outlines.Drawing(errors=[("", _("The file is larger than 5 MB."))])
        else:
            drawing = outlines.read_drawing(upload.read(), upload.name, edition)
        if drawing.ok and "save" in request.POST:
            outlines.save_drawing(edition=edition, drawing=drawing)
            messages.success(
                request,
                _("%(outlines)s outlines and %(points)s points saved.")
                % {"outlines": len(drawing.outlines), "points": len(drawing.points)},
            )
            return redirect("admin:siteplan_standplacement_changelist")
        if not drawing.ok and not drawing.errors:
            drawing.errors.append(("", _("The file has no venue outline and no point.")))
        context["drawing"] = drawing
        status = 200 if drawing.ok else 400
    elif request.method == "POST":
        status = 400
    context["form"] = form
    return TemplateResponse(request, "admin/siteplan/outlines.html", context, status=status)
