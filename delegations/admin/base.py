"""What every delegations admin shares: sensitive-field masking, folded search, stale-save refusal."""

from concurrency.exceptions import RecordModifiedError
from django import forms
from django.contrib import admin, messages
from django.core.exceptions import FieldDoesNotExist, PermissionDenied, ValidationError
from django.db.models import Exists, OuterRef, Q
from django.db.models.constants import LOOKUP_SEP
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from common.text import fold
from delegations.models import Delegation, Member
from expo.models import Edition

# A member's fields in the admin, in the order the protocol team reads them (inline and page).
MEMBER_FIELDS = (
    "order",
    "role",
    "family_name",
    "given_name",
    "rank",
    "position",
    "gender",
    "nationality",
    "languages",
    *Member.SENSITIVE_FIELDS,
    "version",
)

SENSITIVE_PERMISSION = "delegations.view_sensitive"
MASK = "••••••"


def can_see_sensitive(request):
    return request.user.has_perm(SENSITIVE_PERMISSION)


def require_permission(request, codename="delegations.view_delegation"):
    if not request.user.has_perm(codename):
        raise PermissionDenied


def chosen_edition(request):
    """The edition a protocol page is about: ?edition=<pk>, else the current one, else the latest."""
    editions = Edition.objects.all()
    raw = request.GET.get("edition", "")
    if raw.isdigit():
        edition = editions.filter(pk=int(raw)).first()
        if edition:
            return edition
    return request.edition or editions.first()


def admin_page(model_admin, request, template, title, **context):
    """A protocol page inside the admin's frame (header, sidebar, breadcrumbs under Delegations)."""
    return TemplateResponse(
        request,
        template,
        {**model_admin.admin_site.each_context(request), "opts": Delegation._meta, "title": title, **context},
    )


class StaleSaveRefusedForm(forms.ModelForm):
    """Refuses a save made from a page loaded before someone else's save (django-concurrency version)."""

    stale_message = _(
        "Someone else saved this record while you were editing it. Your changes were NOT saved and "
        "theirs were kept: reload the page, then make your changes again."
    )

    def clean(self):
        cleaned = super().clean()
        version = cleaned.get("version")
        if self.instance.pk and version is not None:
            current = (
                type(self.instance)
                ._default_manager.filter(pk=self.instance.pk)
                .values_list("version", flat=True)
                .first()
            )
            if current is not None and current != version:
                raise ValidationError(self.stale_message, code="stale")
        return cleaned


class StaleSaveMixin:
    """Two saves of one record at the same moment both pass the form's version check; the
    database then refuses the later one (django-concurrency's versioned UPDATE finds no row).
    That loser gets the same stale-save message, its whole save rolled back, instead of a 500."""

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except RecordModifiedError:
            self.message_user(request, StaleSaveRefusedForm.stale_message, messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())


def folded_search(queryset, term, *, member_path=None):
    """Accent-insensitive search on the stored folded names: "nguyen van" finds "Nguyễn Văn"."""
    words = fold(term).split()
    for word in words[:8]:
        condition = Q(search_name__contains=word)
        if member_path is not None:
            members = Member.objects.filter(**{member_path: OuterRef("pk")}, search_name__contains=word)
            condition |= Exists(members)
        queryset = queryset.filter(condition)
    return queryset


def touches_sensitive(model, lookup):
    """True when a changelist lookup or ordering path reaches a member's sensitive field.

    Walks the path through relations (members__passport_no, head__email, movements__member__phone…),
    so no route to a masked value is left open.
    """
    for part in lookup.lstrip("-").split(LOOKUP_SEP):
        try:
            field = model._meta.get_field(part)
        except FieldDoesNotExist:
            return False
        if issubclass(model, Member) and part in Member.SENSITIVE_FIELDS:
            return True
        if not field.is_relation or field.related_model is None:
            return False
        model = field.related_model
    return False


class SensitiveLookupsMixin:
    """Without delegations.view_sensitive no URL lookup may filter on a member's sensitive field:
    answering "1 member" or "0 members" would reveal the value one character at a time. Such a
    lookup is refused with a 400, like any lookup the admin does not allow."""

    def lookup_allowed(self, lookup, value, request=None):
        if (request is None or not can_see_sensitive(request)) and touches_sensitive(self.model, lookup):
            return False
        return super().lookup_allowed(lookup, value, request)


class SensitiveFieldsMixin(SensitiveLookupsMixin):
    """Without delegations.view_sensitive, a member's sensitive fields are replaced by a masked note."""

    sensitive_fields = Member.SENSITIVE_FIELDS

    def get_fields(self, request, obj=None):
        fields = list(super().get_fields(request, obj))
        if can_see_sensitive(request):
            return fields
        kept = [name for name in fields if name not in self.sensitive_fields]
        return [*kept, "sensitive_data"]

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        return readonly if can_see_sensitive(request) else [*readonly, "sensitive_data"]

    @admin.display(description=_("passport, date of birth, phone, email, needs"))
    def sensitive_data(self, obj):
        return _("Hidden: you do not have permission to see sensitive personal data.")
