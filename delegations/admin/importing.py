"""The delegation list import inside the admin: its templates to download, and upload →
preview (a dry run: counts and every error) → confirm (writes the checked rows)."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext_lazy as _

from delegations.admin.base import admin_page, require_permission
from delegations.admin.forms import ImportForm
from delegations.columns import visible_columns
from delegations.imports import check_file, pending, template_csv, write_rows
from delegations.imports.service import ImportResult, may_see_sensitive
from delegations.imports.template import coded_columns, template_xlsx
from expo.models import Edition
from expo.selectors import chosen_edition


def import_template(model_admin, request):
    require_permission(request, "delegations.add_delegation")
    columns = visible_columns(sensitive=may_see_sensitive(request.user))
    response = HttpResponse(template_csv(columns), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="delegations-template.csv"'
    return response


def import_template_xlsx(model_admin, request):
    require_permission(request, "delegations.add_delegation")
    response = HttpResponse(
        template_xlsx(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = 'attachment; filename="delegations-template.xlsx"'
    return response


def import_view(model_admin, request):
    """Upload → preview (a dry run: counts and every error) → confirm (writes the checked rows)."""
    require_permission(request, "delegations.add_delegation")
    require_permission(request, "delegations.change_delegation")
    edition = chosen_edition(request)
    form = ImportForm(request.POST or None, request.FILES or None, initial={"edition": edition})
    result, token = None, ""
    if request.method == "POST" and "confirm" in request.POST:
        return _confirm(request)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        data = upload.read()
        edition = form.cleaned_data["edition"]
        language = form.cleaned_data["language"]
        sensitive = may_see_sensitive(request.user)
        headers, rows, errors = check_file(
            data=data, filename=upload.name, edition=edition, sensitive=sensitive, language=language
        )
        if errors:
            result = ImportResult(rows=len(rows), dry_run=True, errors=errors)
        else:
            result = write_rows(
                headers=headers,
                rows=rows,
                edition=edition,
                user=request.user,
                language=language,
                dry_run=True,
                request=request,
            )
        if result.ok:
            # The checked rows wait in private storage (never the session or a shared cache).
            token = pending.stash(
                data=data,
                filename=upload.name,
                headers=headers,
                rows=rows,
                edition=edition,
                language=language,
                user=request.user,
            )
    return admin_page(
        model_admin,
        request,
        "admin/delegations/import.html",
        _("Import delegations"),
        form=form,
        result=result,
        token=token,
        columns=visible_columns(sensitive=may_see_sensitive(request.user)),
        coded_columns=coded_columns(),
    )


def _confirm(request):
    try:
        facts, headers, rows = pending.claim(request.POST.get("token", ""), user=request.user)
    except pending.PreviewExpired:
        messages.error(request, _("This preview has expired or is not yours: upload the file again."))
        return redirect(request.path)
    except pending.AlreadyImported:
        messages.warning(request, _("This list was already imported (confirmed twice?): nothing more was done."))
        return redirect("admin:delegations_delegation_changelist")
    result = write_rows(
        headers=headers,
        rows=rows,
        edition=get_object_or_404(Edition, pk=facts["edition"]),
        user=request.user,
        language=facts["language"],
        request=request,
    )
    if result.ok:
        messages.success(request, result.summary())
        return redirect("admin:delegations_delegation_changelist")
    for error in result.errors:
        messages.error(request, str(error))
    messages.error(request, _("Nothing was imported: upload the file again."))
    return redirect(request.path)
