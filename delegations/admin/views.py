"""Protocol pages inside the admin: dashboard, clash report, import, printouts.

Every view is wrapped by `admin_site.admin_view` (staff login) and checks a delegations
permission itself, so a content editor or press officer gets nothing here.
"""

from collections import Counter, defaultdict
from urllib.parse import urlencode

from django.contrib import admin, messages
from django.db.models import Count
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import get_language, override
from django.utils.translation import gettext_lazy as _

from common.countries import sort_key as country_sort_key
from common.dates import local_text
from common.formats import utc_label
from common.pdf import render_pdf
from delegations import walking
from delegations.admin.base import can_see_sensitive, chosen_edition, require_permission
from delegations.admin.forms import ImportForm
from delegations.charts import HEIGHT, WIDTH, bar_chart
from delegations.clashes import find_clashes, over_capacity
from delegations.columns import visible_columns
from delegations.imports import check_file, pending, template_csv, write_rows
from delegations.imports.service import ImportResult, may_see_sensitive
from delegations.imports.template import coded_columns, template_xlsx
from delegations.models import Delegation, Member, Movement
from expo.models import Edition


def urls(model_admin):
    def wrap(view):
        def wrapped(request, *args, **kwargs):
            return view(model_admin, request, *args, **kwargs)

        return model_admin.admin_site.admin_view(wrapped)

    name = "delegations_delegation_"
    return [
        path("dashboard/", wrap(dashboard), name=f"{name}dashboard"),
        path("clashes/", wrap(clash_report), name=f"{name}clashes"),
        path("import/", wrap(import_view), name=f"{name}import"),
        path("import/template.csv", wrap(import_template), name=f"{name}import_template"),
        path("import/template.xlsx", wrap(import_template_xlsx), name=f"{name}import_template_xlsx"),
        path("print/list.pdf", wrap(print_list), name=f"{name}print_list"),
        path("print/movements.pdf", wrap(print_movements), name=f"{name}print_movements"),
        path("<int:pk>/itinerary.pdf", wrap(print_itinerary), name=f"{name}itinerary"),
        path("<int:pk>/badges.pdf", wrap(print_badges), name=f"{name}badges"),
    ]


def _page(model_admin, request, template, title, **context):
    return TemplateResponse(
        request,
        template,
        {**model_admin.admin_site.each_context(request), "opts": Delegation._meta, "title": title, **context},
    )


def dashboard(model_admin, request):
    require_permission(request)
    edition = chosen_edition(request)
    delegations = Delegation.objects.filter(edition=edition)
    statuses = dict(delegations.values_list("status").annotate(n=Count("pk")).order_by())
    levels = dict(delegations.values_list("level").annotate(n=Count("pk")).order_by())
    countries = Counter(dict(delegations.values_list("country").annotate(n=Count("pk")).order_by()))
    tz = edition.tz if edition else None
    arrivals = Counter(
        at.astimezone(tz).date()
        for at in Movement.objects.filter(delegation__edition=edition, kind=Movement.Kind.ARRIVAL).values_list(
            "at", flat=True
        )
    )
    days = sorted(arrivals)
    changelist = reverse("admin:delegations_delegation_changelist")

    def link(**params):
        # Every count opens the changelist filtered to exactly the rows it counts.
        return f"{changelist}?{urlencode({'edition__id__exact': edition.pk if edition else '', **params})}"

    by_country = sorted(
        ((Delegation(country=code).country.name, n, link(country=code)) for code, n in countries.items()),
        key=lambda row: country_sort_key(str(row[0]), get_language() or "vi"),
    )
    return _page(
        model_admin,
        request,
        "admin/delegations/dashboard.html",
        _("Protocol dashboard"),
        edition=edition,
        total=sum(statuses.values()),
        by_status=[
            (label, statuses.get(value, 0), link(status__exact=value)) for value, label in Delegation.Status.choices
        ],
        by_level=[(label, levels.get(value, 0), link(level__exact=value)) for value, label in Delegation.Level.choices],
        total_link=link(),
        over_capacity=over_capacity(edition) if edition else [],
        by_country=by_country,
        bars=bar_chart([(day.strftime("%d/%m"), arrivals[day]) for day in days]),
        chart_width=WIDTH,
        chart_height=HEIGHT,
        clashes=find_clashes(edition) if edition else [],
        members=Member.objects.filter(delegation__edition=edition).count(),
    )


def clash_report(model_admin, request):
    require_permission(request)
    edition = chosen_edition(request)
    return _page(
        model_admin,
        request,
        "admin/delegations/clashes.html",
        _("Clash report"),
        edition=edition,
        clashes=find_clashes(edition) if edition else [],
        walks=walking.walking_warnings(edition) if edition else [],
        tz=edition.tz if edition else None,
    )


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
        headers, rows, errors = check_file(data=data, filename=upload.name, edition=edition, sensitive=sensitive)
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
    return _page(
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


def _pdf(request, template, context, filename):
    language = request.GET.get("lang") if request.GET.get("lang") in ("vi", "en") else "vi"
    with override(language):
        context = {**context, "sensitive": can_see_sensitive(request)}
        if context.get("edition") is not None:
            # Every page's footer: edition, local print time (zone named), page x/y.
            context["printed_at"] = local_text(timezone.now(), context["edition"].tz)
            context["zone_label"] = utc_label(context["edition"].tz)
        data = render_pdf(template, context, request=request)
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}-{language}.pdf"'
    return response


def edition_or_404(request):
    edition = chosen_edition(request)
    if edition is None:
        raise Http404("No edition")
    return edition


def print_list(model_admin, request):
    require_permission(request)
    edition = edition_or_404(request)
    language = request.GET.get("lang") if request.GET.get("lang") in ("vi", "en") else "vi"
    delegations = (
        Delegation.objects.filter(edition=edition)
        .exclude(status__in=[Delegation.Status.DECLINED, Delegation.Status.CANCELLED])
        .select_related("head", "liaison_officer")
        .annotate(member_total=Count("members"))
        .in_protocol_order(language)
    )
    return _pdf(request, "delegations/pdf/list.html", {"edition": edition, "delegations": delegations}, "delegations")


def print_movements(model_admin, request):
    require_permission(request)
    edition = edition_or_404(request)
    # Only delegations that are coming: a declined or cancelled one must not be met at the airport.
    movements = (
        Movement.objects.filter(
            delegation__edition=edition,
            delegation__status__in=[Delegation.Status.ACCEPTED, Delegation.Status.ARRIVED],
        )
        .select_related("delegation__liaison_officer", "member__delegation")
        .annotate(delegation_size=Count("delegation__members", distinct=True))
        .order_by("at", "flight", "pk")
    )
    by_day = defaultdict(list)
    for movement in movements:
        by_day[movement.at.astimezone(edition.tz).date()].append(movement)
    context = {"edition": edition, "days": sorted(by_day.items()), "tz": edition.tz}
    return _pdf(request, "delegations/pdf/movements.html", context, "arrivals-departures")


def print_itinerary(model_admin, request, pk):
    require_permission(request)
    delegation = get_object_or_404(
        Delegation.objects.select_related("edition", "liaison_officer", "head").prefetch_related("interpreters"),
        pk=pk,
    )
    context = {
        "delegation": delegation,
        "edition": delegation.edition,
        "members": delegation.members.order_by("order", "pk"),
        "movements": delegation.movements.select_related("member", "vehicle").order_by("at"),
        "engagements": delegation.engagements.select_related("programme_item", "venue", "vehicle").order_by("start"),
        "tz": delegation.edition.tz,
        "route": walking.route_for(delegation),
    }
    return _pdf(request, "delegations/pdf/itinerary.html", context, f"itinerary-{delegation.pk}")


def _badges(request, delegations):
    import segno

    members = Member.objects.filter(delegation__in=delegations).select_related("delegation__edition")
    # Standard QR only: segno.make() picks Micro QR for short data, which phones and zbar
    # cannot read.
    members = members.order_by("delegation__level_rank", "delegation__country", "delegation_id", "order", "pk")
    badges = [
        # The QR code holds a badge reference only, never personal data.
        (
            member,
            segno.make_qr(
                f"{member.delegation.edition.slug}:D{member.delegation_id}:M{member.pk}", error="m"
            ).svg_data_uri(scale=4),
        )
        for member in members
    ]
    return _pdf(request, "delegations/pdf/badges.html", {"badges": badges}, "badges")


def print_badges(model_admin, request, pk):
    require_permission(request)
    delegation = get_object_or_404(Delegation, pk=pk)
    return _badges(request, [delegation])


@admin.action(description=_("Print name badges of the selected delegations (PDF)"), permissions=["view"])
def badges_action(modeladmin, request, queryset):
    return _badges(request, list(queryset.values_list("pk", flat=True)))
