"""Exhibitors' portal contacts in the admin: an organiser adds a contact and it is invited (mail in
the contact's language); actions send the invitation again, remove access, or remove a lost
phone's second factor."""

from django import forms
from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from common import second_factor
from portal import access_services
from portal.models import Contact
from tickets.passes import site_url


class ContactForm(forms.ModelForm):
    class Meta:
        model = Contact
        fields = ("exhibitor", "name", "email", "phone", "language", "is_main")

    def clean_email(self):
        email = access_services.normal_email(self.cleaned_data["email"])
        if self.instance.pk is None:
            access_services.check_invitable(email)
        return email


@admin.register(Contact)
class ContactAdmin(admin.ModelAdmin):
    form = ContactForm
    list_display = ("name", "exhibitor", "email", "is_main", "language", "status", "last_sign_in")
    list_select_related = ("exhibitor", "user")
    list_filter = ("is_main", "language", ("removed_at", admin.EmptyFieldListFilter))
    search_fields = ("name", "exhibitor__name")
    autocomplete_fields = ("exhibitor",)
    readonly_fields = ("user", "invited_by", "invited_at", "removed_at")
    actions = ["invite_again", "remove_access", "remove_second_factor"]

    def get_readonly_fields(self, request, obj=None):
        # The address names the account: a new address is a new contact.
        return (*self.readonly_fields, "exhibitor", "email") if obj else self.readonly_fields

    def has_delete_permission(self, request, obj=None):
        # Access is removed (kept on record, sessions ended), not deleted; a superuser still may.
        return request.user.is_superuser

    @admin.display(description=_("status"))
    def status(self, obj):
        if obj.removed_at:
            return _("Access removed")
        if obj.user and obj.user.last_login:
            return _("Has signed in")
        if obj.user and obj.user.has_usable_password():
            return _("Password set")
        return _("Invited")

    @admin.display(description=_("last sign-in"), ordering="user__last_login")
    def last_sign_in(self, obj):
        return obj.user.last_login if obj.user else None

    def save_model(self, request, obj, form, change):
        if change:
            return super().save_model(request, obj, form, change)
        invited = access_services.invite(
            invited_by=request.user,
            inviter_name=_("The organisers"),
            base_url=site_url(request),
            **{name: form.cleaned_data[name] for name in ContactForm.Meta.fields},
        )
        obj.pk, obj.user_id, obj.invited_at = invited.pk, invited.user_id, invited.invited_at
        return None

    @admin.action(
        description=_("Send the invitation again (a removed contact gets access back)"), permissions=["change"]
    )
    def invite_again(self, request, queryset):
        rows = list(queryset.select_related("exhibitor"))
        sender = {"base_url": site_url(request), "inviter_name": _("The organisers")}
        for contact in rows:
            if contact.removed_at:
                fields = {name: getattr(contact, name) for name in ContactForm.Meta.fields if name != "is_main"}
                access_services.invite(invited_by=request.user, **sender, **fields)
            else:
                access_services.send_invitation(contact=contact, **sender)
        count = len(rows)
        self.message_user(request, ngettext("%d invitation sent.", "%d invitations sent.", count) % count)

    @admin.action(description=_("Remove access (ends their sessions now)"), permissions=["change"])
    def remove_access(self, request, queryset):
        rows = list(queryset.filter(removed_at__isnull=True))
        for contact in rows:
            access_services.remove(contact=contact)
        count = len(rows)
        self.message_user(request, ngettext("%d contact removed.", "%d contacts removed.", count) % count)

    @admin.action(description=_("Remove the second factor (a lost phone)"), permissions=["change"])
    def remove_second_factor(self, request, queryset):
        for contact in queryset.exclude(user=None).select_related("user"):
            second_factor.remove_devices(contact.user)
        self.message_user(request, _("Their next sign-in asks for no code until they enrol again."), messages.SUCCESS)
