"""Protocol pages inside the admin: dashboard and clash report here, the import
(`importing.py`) and printouts (`printouts.py`) beside them, all routed by `urls()`.

Every view is wrapped by `admin_site.admin_view` (staff login) and checks a delegations
permission itself, so a content editor or press officer gets nothing here.
"""

from collections import Counter
from urllib.parse import urlencode

from django.db.models import Count
from django.urls import path, reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from common.countries import sort_key as country_sort_key
from common.dates import DAY_MONTH, formatted
from delegations import walking
from delegations.admin.base import admin_page, require_permission
from delegations.admin.importing import import_template, import_template_xlsx, import_view
from delegations.admin.printouts import print_badges, print_itinerary, print_list, print_movements
from delegations.charts import HEIGHT, WIDTH, bar_chart
from delegations.clashes import find_clashes, over_capacity
from delegations.models import Delegation, Member, Movement
from expo.selectors import chosen_edition


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


def dashboard(model_admin, request):
    require_permission(request)
    edition = chosen_edition(request)
    delegations = Delegation.objects.filter(edition=edition)
    statuses = dict(delegations.values_list("status").annotate(n=Count("pk")).order_by())
    levels = dict(delegations.values_list("level").annotate(n=Count("pk")).order_by())
    countries = Counter(dict(delegations.values_list("country").annotate(n=Count("pk")).order_by()))
    tz = edition.tz if edition else None
    # Arrivals of the delegations that are coming: the same rows as the arrivals sheet.
    arriving = Movement.objects.filter(
        delegation__edition=edition, delegation__status__in=Delegation.COMING_STATUSES, kind=Movement.Kind.ARRIVAL
    )
    arrivals = Counter(at.astimezone(tz).date() for at in arriving.values_list("at", flat=True))
    days = sorted(arrivals)
    changelist = reverse("admin:delegations_delegation_changelist")

    def link(**params):
        # Every count opens the changelist filtered to exactly the rows it counts.
        return f"{changelist}?{urlencode({'edition__id__exact': edition.pk if edition else '', **params})}"

    by_country = sorted(
        ((Delegation(country=code).country.name, n, link(country=code)) for code, n in countries.items()),
        key=lambda row: country_sort_key(str(row[0]), get_language() or "vi"),
    )
    return admin_page(
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
        bars=bar_chart([(formatted(day, DAY_MONTH), arrivals[day]) for day in days]),
        chart_width=WIDTH,
        chart_height=HEIGHT,
        clashes=find_clashes(edition) if edition else [],
        members=Member.objects.filter(delegation__edition=edition).count(),
    )


def clash_report(model_admin, request):
    require_permission(request)
    edition = chosen_edition(request)
    return admin_page(
        model_admin,
        request,
        "admin/delegations/clashes.html",
        _("Clash report"),
        edition=edition,
        clashes=find_clashes(edition) if edition else [],
        walks=walking.walking_warnings(edition) if edition else [],
        tz=edition.tz if edition else None,
    )
