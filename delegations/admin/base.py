"""What every delegations admin shares: folded search, stale-save refusal, protocol pages.

Sensitive fields are guarded for every admin by common.sensitive_admin, from Member.SENSITIVE_FIELDS."""

from concurrency.exceptions import RecordModifiedError
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Exists, OuterRef, Q
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from common.images import SafeImageField
from common.sensitive import may_see
from common.text import fold
from delegations.models import Delegation, Member

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
    "photo",
    *Member.SENSITIVE_FIELDS,
    "version",
)

# The photo lives in private storage with no URL: a plain file input (no "Currently: <link>").
PHOTO_INPUT = {SafeImageField: {"widget": forms.FileInput(attrs={"accept": "image/jpeg,image/png,image/webp"})}}


def can_see_sensitive(request):
    return may_see(request.user, Member)


def require_permission(request, codename="delegations.view_delegation"):
    if not request.user.has_perm(codename):
        raise PermissionDenied


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
