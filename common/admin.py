"""Admin helpers shared by every app."""

import copy

from django.contrib import admin
from django.core.exceptions import FieldDoesNotExist
from django.http import HttpResponseRedirect
from django.urls import path
from django.utils.text import slugify
from django.utils.translation import get_language, gettext, gettext_lazy
from django_countries.filters import CountryFilter as CountriesPresentFilter

from common import admin_second_factor, second_factor
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


class FormDefaultsMixin:
    """What every add and change form does without being asked.

    Mixed into every ModelAdmin by AdminSite.register, so a new admin has it the day it is written:
    - a model with an `edition` starts on the current edition (`request.edition`), not "---------";
    - a slug left empty is made from the title or name, Vietnamese or English, accents folded
      ("Lễ khai mạc" -> "le-khai-mac"), and kept unique within the edition; the slug stays editable;
    - permissions and groups are listed in the admin's language (Django stores a permission's
      name in English: "Can add delegation").
    """

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        field = super().formfield_for_manytomany(db_field, request, **kwargs)
        related = db_field.related_model._meta.label
        if field is not None and related == "auth.Permission":
            field.label_from_instance = permission_label
        elif field is not None and related == "auth.Group":
            field.label_from_instance = lambda group: gettext(group.name)
        return field

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        edition = getattr(request, "edition", None)
        if "edition" not in initial and edition and _relation(self.model, "edition"):
            initial["edition"] = edition.pk
        return initial

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        sources = _slug_sources(self.model, self.prepopulated_fields.get("slug", ()))
        if "slug" not in form.base_fields or not sources:
            return form

        class SlugDefaultForm(form):
            def clean(self):
                data = super().clean()
                if not data.get("slug") and "slug" not in self.errors:
                    text = next((data[name] for name in sources if data.get(name)), "")
                    if text:
                        data["slug"] = unique_slug(self._meta.model, self.instance, text, data.get("edition"))
                return data

        slug = SlugDefaultForm.base_fields["slug"] = copy.deepcopy(form.base_fields["slug"])
        slug.required = False
        return SlugDefaultForm


# Django's default permissions, as each language says them ("Có thể thêm đoàn").
DEFAULT_PERMISSIONS = {
    "add": gettext_lazy("Can add %(model)s"),
    "change": gettext_lazy("Can change %(model)s"),
    "delete": gettext_lazy("Can delete %(model)s"),
    "view": gettext_lazy("Can view %(model)s"),
}


def permission_label(permission):
    """Django's label with the name translated: "Đoàn đại biểu | đoàn | Có thể thêm đoàn"."""
    model = permission.content_type.model_class()
    action = permission.codename.split("_", 1)[0]
    if (
        model is not None
        and action in DEFAULT_PERMISSIONS
        and permission.codename == f"{action}_{model._meta.model_name}"
    ):
        name = DEFAULT_PERMISSIONS[action] % {"model": model._meta.verbose_name}
    else:
        name = gettext(permission.name)
    return f"{permission.content_type} | {name}"


def _relation(model, name):
    try:
        return model._meta.get_field(name).is_relation
    except FieldDoesNotExist:
        return False


def _slug_sources(model, prepopulated):
    """The fields a slug is made from: the prepopulated ones, then the same field in the other
    language (a release written only in Vietnamese still gets a slug)."""
    names = []
    for name in prepopulated:
        base = name.removesuffix("_vi").removesuffix("_en")
        for candidate in (name, f"{base}_vi", f"{base}_en", base):
            try:
                model._meta.get_field(candidate)
            except FieldDoesNotExist:
                continue
            if candidate not in names:
                names.append(candidate)
    return names


def unique_slug(model, instance, text, edition=None):
    """A slug of `text` with accents folded, unique among the model's rows (of the same edition)."""
    field = model._meta.get_field("slug")
    base = slugify(fold(text))[: field.max_length - 4].strip("-") or "x"
    rows = model._default_manager.exclude(pk=instance.pk) if instance.pk else model._default_manager.all()
    if edition is not None and _relation(model, "edition"):
        rows = rows.filter(edition=edition)
    taken = set(rows.filter(slug__startswith=base).values_list("slug", flat=True))
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    return candidate


class AdminSite(admin.AdminSite):
    """Django's admin site, with its index in alphabetical order of the admin's language (Django
    sorts by code point, which puts "Đoàn" after "Xe" in the Vietnamese admin), and every model
    admin guarded over sensitive fields (common.sensitive_admin) and given the form defaults:
    registered here, a new admin has both without anyone remembering to."""

    def has_permission(self, request):
        # Staff who approve (common/second_factor.py) use the admin only once their code is checked.
        return super().has_permission(request) and not second_factor.pending(request)

    def login(self, request, extra_context=None):
        """The password, then (for staff who approve) the code: straight on to the second step."""
        if second_factor.pending(request):
            return HttpResponseRedirect(admin_second_factor.url(self, request.GET.get("next", "")))
        response = super().login(request, extra_context)
        if request.method == "POST" and response.status_code == 302 and second_factor.pending(request):
            return HttpResponseRedirect(admin_second_factor.url(self, response["Location"]))
        return response

    def second_factor(self, request):
        return admin_second_factor.view(request, self)

    def get_urls(self):
        return [path("second-factor/", self.second_factor, name="second_factor"), *super().get_urls()]

    def get_app_list(self, request, app_label=None):
        language = get_language() or "vi"
        apps = sorted(super().get_app_list(request, app_label), key=lambda app: name_key(str(app["name"]), language))
        for app in apps:
            app["models"].sort(key=lambda model: name_key(str(model["name"]), language))
        return apps

    def register(self, model_or_iterable, admin_class=None, **options):
        # Every admin gets the sensitive-field guard and the form defaults (FormDefaultsMixin).
        admin_class = admin_class or admin.ModelAdmin
        if not issubclass(admin_class, FormDefaultsMixin):
            attrs = {"__module__": admin_class.__module__, "__doc__": admin_class.__doc__}
            admin_class = type(admin_class.__name__, (FormDefaultsMixin, admin_class), attrs)
        return super().register(model_or_iterable, guarded(admin_class), **options)
