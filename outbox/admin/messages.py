"""Outbox in the admin: each team sees its own messages, approves, edits until sent, sends again,
and views a message exactly as it is delivered. Recipients' addresses are masked, and kept out of
lookups, search and ordering, for staff who may not see them (Message.SENSITIVE_FIELDS, guarded
for every admin by common.sensitive_admin)."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from common.sensitive import shown
from common.text import nfc
from outbox import registry, services
from outbox.delivery import build_email
from outbox.models import Message


class KindFilter(admin.SimpleListFilter):
    title = _("kind")
    parameter_name = "kind"

    def lookups(self, request, model_admin):
        teams = {team for team in registry.Team if request.user.has_perm(f"outbox.{team}_messages")}
        return [(k.code, k.label) for k in registry.all_kinds() if request.user.is_superuser or k.team in teams]

    def queryset(self, request, queryset):
        return queryset.filter(kind=self.value()) if self.value() else queryset


class MessageForm(forms.ModelForm):
    TEXT_FIELDS = ("subject", "body_text", "body_html")

    class Meta:
        model = Message
        fields = ["subject", "body_text", "body_html"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.TEXT_FIELDS:
            if name in self.fields:
                self.fields[name].strip = False  # a saved message keeps its text exactly

    def clean(self):
        cleaned = super().clean()
        for name in self.TEXT_FIELDS:
            if isinstance(cleaned.get(name), str):
                # Browsers send text areas with CRLF line ends; the message is stored with LF.
                cleaned[name] = nfc(cleaned[name].replace("\r\n", "\n"))
        if "_approve" in self.data:
            # Approval from the message page approves the text the reviewer opened, unchanged.
            if self.data.get("_reviewed") != self.instance.content_digest():
                raise ValidationError(_("This message changed after you reviewed it: read it again before approving."))
            if any(cleaned.get(name) != getattr(self.instance, name) for name in self.TEXT_FIELDS):
                raise ValidationError(
                    _("You changed the text, so you cannot approve it: save it, and another person must approve it.")
                )
        return cleaned


@admin.register(Message)
class MessageAdmin(admin.ModelAdmin):
    form = MessageForm
    list_display = ("subject", "to_email", "kind_label", "language", "status", "attempts", "created_at", "sent_at")
    list_filter = ("status", KindFilter, "team", "language")
    list_select_related = ()  # no column reads a relation
    search_fields = ("subject", "to_email", "to_name")
    date_hierarchy = "created_at"
    actions = ["approve", "send_again"]
    info_fields = (
        "kind_label",
        "to_email",
        "to_name",
        "language",
        "status",
        "drafted_by",
        "edited_by",
        "approved_by",
        "approved_at",
        "send_after",
        "attempts",
        "last_error",
        "sent_at",
        "attachment_list",
        "view_link",
    )
    change_form_template = "admin/outbox/message/change_form.html"

    def get_queryset(self, request):
        return super().get_queryset(request).for_user(request.user)

    def has_add_permission(self, request):
        return False  # the system drafts messages; staff review them

    def has_delete_permission(self, request, obj=None):
        return False  # the outbox is also the record of what was sent

    def has_approve_permission(self, request):
        return request.user.has_perm("outbox.approve_message")

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or obj.is_editable)

    def get_fields(self, request, obj=None):
        return [*self.info_fields, "subject", "body_text", "body_html"]

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and obj.is_editable:
            return self.info_fields
        return [*self.info_fields, "subject", "body_text", "body_html"]

    @admin.display(description=_("kind"), ordering="kind")
    def kind_label(self, message):
        try:
            return registry.get(message.kind).label
        except LookupError:
            return message.kind

    @admin.display(description=_("attachments"))
    def attachment_list(self, message):
        items = [
            (reverse("admin:outbox_message_attachment", args=[message.pk, a.pk]), a.filename)
            for a in message.attachments.all()
        ]
        return format_html_join(", ", '<a href="{}">{}</a>', items) if items else "—"

    @admin.display(description=_("as delivered"))
    def view_link(self, message):
        if not message.pk:
            return "—"
        return format_html('<a href="{}">{}</a>', reverse("admin:outbox_message_view", args=[message.pk]), _("View"))

    def get_urls(self):
        wrap = self.admin_site.admin_view
        own = [
            path("<int:pk>/view/", wrap(self.delivered_view), name="outbox_message_view"),
            path("<int:pk>/html/", wrap(self.html_view), name="outbox_message_html"),
            path(
                "<int:pk>/attachment/<int:attachment_pk>/", wrap(self.attachment_view), name="outbox_message_attachment"
            ),
        ]
        return own + super().get_urls()

    def _viewable(self, request, pk):
        if not self.has_view_permission(request):
            raise PermissionDenied
        return get_object_or_404(self.get_queryset(request).prefetch_related("attachments"), pk=pk)

    def delivered_view(self, request, pk):
        message = self._viewable(request, pk)
        email = build_email(message)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": message,
            "title": _("Message as delivered"),
            "headers": [
                (name, shown(request.user, message, "to_email") if name == "To" else value)
                for name, value in email.message().items()
                if name != "Content-Type"
            ],
            "body_text": message.body_text,
            "has_html": bool(message.body_html),
            "attachments": message.attachments.all(),
        }
        return TemplateResponse(request, "admin/outbox/message/view.html", context)

    def html_view(self, request, pk):
        message = self._viewable(request, pk)
        if not message.body_html:
            raise Http404
        response = HttpResponse(message.body_html, content_type="text/html; charset=utf-8")
        # Shown as it is, but sandboxed: no script, no form, no request anywhere.
        response["Content-Security-Policy"] = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:"
        response["Cache-Control"] = "private, no-store"
        return response

    def attachment_view(self, request, pk, attachment_pk):
        message = self._viewable(request, pk)
        attachment = get_object_or_404(message.attachments.all(), pk=attachment_pk)
        response = HttpResponse(bytes(attachment.content), content_type=attachment.content_type)
        response["Content-Disposition"] = f'attachment; filename="{attachment.filename}"'
        response["Cache-Control"] = "private, no-store"
        return response

    def save_model(self, request, obj, form, change):
        was = Message.objects.filter(pk=obj.pk).values_list("status", flat=True).first()
        try:
            saved = services.edit(
                message=obj,
                user=request.user,
                subject=obj.subject,
                text=obj.body_text,
                html=obj.body_html,
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return
        if saved.status == Message.Status.DRAFT and was != Message.Status.DRAFT:
            self.message_user(
                request,
                _("The message changed after its approval: it is a draft again, and another person must approve it."),
                messages.WARNING,
            )

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and obj.pk:
            # As stored, not as typed into a form sent back with an error: that is what is approved.
            stored = Message.objects.prefetch_related("attachments").get(pk=obj.pk)
            context["approve_refusal"] = services.approval_refusal(stored, request.user)
            context["reviewed_digest"] = stored.content_digest()
        return super().render_change_form(request, context, add=add, change=change, form_url=form_url, obj=obj)

    def response_change(self, request, obj):
        if "_approve" in request.POST:
            self._approve(request, [obj], {obj.pk: request.POST.get("_reviewed", "")})
        return super().response_change(request, obj)

    def _approve(self, request, queryset, reviewed):
        """Approve each message as reviewed ({pk: digest of what the reviewer was shown})."""
        done = 0
        for message in queryset:
            try:
                services.approve(message=message, user=request.user, digest=reviewed.get(message.pk, ""))
            except (ValidationError, PermissionDenied) as exc:
                text = " ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc)
                self.message_user(request, f"{message.subject}: {text}", messages.WARNING)
                continue
            done += 1
        if done:
            self.message_user(
                request,
                ngettext("%(n)d message approved for sending.", "%(n)d messages approved for sending.", done)
                % {"n": done},
                messages.SUCCESS,
            )

    @admin.action(description=_("Approve and send the selected messages"), permissions=["approve"])
    def approve(self, request, queryset):
        """First a page with each selected message as it will be sent; approving there approves that."""
        selected = list(queryset.prefetch_related("attachments"))
        if request.POST.get("post") == "yes":
            reviewed = {message.pk: request.POST.get(f"reviewed_{message.pk}", "") for message in selected}
            self._approve(request, selected, reviewed)
            return None
        rows = [
            {
                "message": message,
                "recipient": shown(request.user, message, "to_email"),
                "kind": self.kind_label(message),
                "digest": message.content_digest(),
                "refusal": services.approval_refusal(message, request.user),
            }
            for message in selected
        ]
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Approve and send these messages?"),
            "rows": rows,
            "approvable": any(row["refusal"] is None for row in rows),
        }
        return TemplateResponse(request, "admin/outbox/message/approve.html", context)

    @admin.action(description=_("Send the selected failed messages again"), permissions=["change"])
    def send_again(self, request, queryset):
        queued = 0
        for message in queryset.filter(status=Message.Status.FAILED):
            try:
                services.send_again(message=message)
            except ValidationError as exc:
                self.message_user(request, f"{message.subject}: {' '.join(exc.messages)}", messages.WARNING)
                continue
            queued += 1
        self.message_user(
            request,
            ngettext("%(n)d message queued again.", "%(n)d messages queued again.", queued) % {"n": queued},
        )
