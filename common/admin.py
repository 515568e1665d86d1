"""Admin helpers shared by every app."""

from django.contrib import admin
from django.utils.translation import get_language
from django_countries.filters import CountryFilter as CountriesPresentFilter

from common.collation import name_key
from common.countries import sort_key
from common.sensitive_admin import guarded
from common.text import fold


class FoldedSearchMixin:
    """Accent-insensitive search and autocomplete for small tables without a folded column.

    "phong khong" finds "Phòng không": the search fields' values are folded in Python and the
    matching primary keys filtered in one more query. Meant for lists of tens to a few thousand
    rows (categories, sectors, venues); large tables keep a folded, indexed column instead.
    """

    def get_search_results(self, request, queryset, search_term):
        words = fold(search_term).split()
        if not words:
            return queryset, False
        fields = [name.lstrip("^=@") for name in self.get_search_fields(request)]
        matches = set()
        for pk, *values in queryset.order_by().values_list("pk", *fields):
            haystack = fold(" ".join(str(value) for value in values if value))
            if all(word in haystack for word in words):
                matches.add(pk)
        return queryset.filter(pk__in=matches), False


class CountryFilter(CountriesPresentFilter):
    """The countries present in the list, ordered by name in the admin's language.

    django-countries orders by ASCII-folded names, which in Vietnamese puts "Ấn Độ" before
    "Andorra" and "Đức" after "Zambia"; this is the order of `common.countries` instead (the
    dashboard's and the printouts'). For country fields, also across a relation:
    ``list_filter = [("exhibitor__country", CountryFilter)]``.
    """

    def lookup_choices(self, changelist):
        language = get_language() or "vi"
        return sorted(super().lookup_choices(changelist), key=lambda choice: sort_key(str(choice[1]), language))


class AdminSite(admin.AdminSite):
    """Django's admin site, with its index in alphabetical order of the admin's language (Django
    sorts by code point, which puts "Đoàn" after "Xe" in the Vietnamese admin), and every model
    admin guarded over sensitive fields (common.sensitive_admin): registered here, a new admin
    is guarded without anyone remembering to."""

    def register(self, model_or_iterable, admin_class=None, **options):
        super().register(model_or_iterable, guarded(admin_class or admin.ModelAdmin), **options)

    def get_app_list(self, request, app_label=None):
        language = get_language() or "vi"
        apps = sorted(super().get_app_list(request, app_label), key=lambda app: name_key(str(app["name"]), language))
        for app in apps:
            app["models"].sort(key=lambda model: name_key(str(model["name"]), language))
        return apps
