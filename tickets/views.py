"""Public registration pages: the two forms, the private page of a registration (confirm, change
the slot, cancel, answer a question); a full slot offers the nearest free ones and
its waiting list. Never cached, never indexed."""

from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from common import ratelimit
from common.responses import private
from tickets import passes, services, slots
from tickets.forms import AnswerForm, ChangeSlotForm, PublicForm, TradeForm
from tickets.models import Kind, Registration

_KEY_LENGTH = range(32, 65)


def _edition(request):
    if not request.edition:
        raise Http404
    return request.edition


def _page(request, template, context, status=200):
    rules = services.admission(request.edition)
    context = {"edition": request.edition, "rules": rules, "kept_until": rules.kept_until(), **context}
    return private(render(request, template, context, status=status))


@require_http_methods(["GET", "HEAD", "POST"])
def register(request):
    """The public ticket: a day and a time slot, for a small party."""
    edition = _edition(request)
    rules = services.admission(edition)
    form = PublicForm(
        request.POST or None, edition=edition, max_party_size=rules.max_party_size, today=edition.local_today()
    )
    if not rules.is_open:
        return _page(request, "tickets/register.html", {"closed": True}, status=403 if request.POST else 200)
    context, status = {"form": form, "kind": Kind.PUBLIC}, 200
    if request.method == "POST":
        source = ratelimit.client_address(request)
        if form.is_bot():
            services.charge_source(source)
            form.add_error(None, _("Your registration could not be accepted. Please try again."))
            status = 400
        elif not form.is_valid():
            status = 400
        elif request.POST.get("waiting"):
            try:
                services.join_waiting_list(
                    edition=edition,
                    slot=form.cleaned_data["slot"],
                    fields=form.registration_fields(),
                    language=translation.get_language(),
                    source=source,
                )
            except ratelimit.Exceeded as exceeded:
                context["refused"], status = exceeded.limit.message, 429
            else:
                return _page(request, "tickets/waiting.html", {"slot": form.cleaned_data["slot"]})
        else:
            try:
                registration = services.register_public(
                    edition=edition,
                    slot=form.cleaned_data["slot"],
                    fields=form.registration_fields(),
                    language=translation.get_language(),
                    source=source,
                    base_url=passes.site_url(request),
                    rules=rules,
                )
            except ratelimit.Exceeded as exceeded:
                context["refused"], status = exceeded.limit.message, 429
            except slots.SlotFull as full:
                context["full"], status = full, 409
            except ValidationError as error:
                form.add_error(None, error)
                status = 400
            else:
                return redirect("tickets:sent", kind=registration.kind)
    return _page(request, "tickets/register.html", context, status=status)


@require_http_methods(["GET", "HEAD", "POST"])
def register_trade(request):
    edition = _edition(request)
    if not services.admission(edition).is_open:
        return _page(request, "tickets/register.html", {"closed": True}, status=403 if request.POST else 200)
    form = TradeForm(request.POST or None, request.FILES or None)
    context, status = {"form": form, "kind": Kind.TRADE}, 200
    if request.method == "POST":
        source = ratelimit.client_address(request)
        if form.is_bot():
            services.charge_source(source)
            form.add_error(None, _("Your registration could not be accepted. Please try again."))
            status = 400
        elif not form.is_valid():
            status = 400
        else:
            try:
                registration = services.register_trade(
                    edition=edition,
                    fields=form.registration_fields(),
                    photo=form.cleaned_data.get("photo"),
                    language=translation.get_language(),
                    source=source,
                    base_url=passes.site_url(request),
                )
            except ratelimit.Exceeded as exceeded:
                context["refused"], status = exceeded.limit.message, 429
            except ValidationError as error:
                form.add_error(None, error)
                status = 400
            else:
                return redirect("tickets:sent", kind=registration.kind)
    return _page(request, "tickets/register.html", context, status=status)


@require_safe
def sent(request, kind):
    if kind not in Kind.values:
        raise Http404
    return _page(request, "tickets/sent.html", {"kind": kind})


def _registration(key):
    if len(key) not in _KEY_LENGTH:
        return None
    return Registration.objects.filter(access_key=key).select_related("edition", "slot__day").first()


@require_http_methods(["GET", "HEAD", "POST"])
def manage(request, key):
    """The private page of a registration: its status and ticket, and what the visitor may do."""
    registration = _registration(key)
    if registration is None:
        return private(render(request, "tickets/link_invalid.html", status=404))
    edition = registration.edition
    change_form = ChangeSlotForm(
        request.POST if request.POST.get("action") == "change" else None, edition=edition, today=edition.local_today()
    )
    answer_form = AnswerForm(request.POST if request.POST.get("action") == "answer" else None)
    context, status = {}, 200
    if request.method == "POST":
        action, base_url = request.POST.get("action"), passes.site_url(request)
        try:
            if action == "confirm":
                services.confirm(registration=registration, base_url=base_url)
            elif action == "cancel":
                services.cancel(registration=registration, base_url=base_url)
            elif action == "change" and change_form.is_valid():
                services.change_slot(
                    registration=registration, slot=change_form.cleaned_data["slot"], base_url=base_url
                )
            elif action == "answer" and answer_form.is_valid():
                services.answer(registration=registration, text=answer_form.cleaned_data["text"], base_url=base_url)
            else:
                raise ValidationError(_("Please correct the fields marked below; nothing has been changed."))
        except slots.SlotFull as full:
            context["full"], status = full, 409
        except ValidationError as error:
            context["error"], status = " ".join(error.messages), 400
        else:
            return redirect("tickets:manage", key=key)
        registration.refresh_from_db()
    context.update(
        {
            "registration": registration,
            "edition": edition,
            "change_form": change_form,
            "answer_form": answer_form,
            "qr_code": passes.qr_png(registration, scale=6) if registration.status == "issued" else "",
        }
    )
    return private(render(request, "tickets/manage.html", context, status=status))


@require_safe
def ticket_pdf(request, key):

    registration = _registration(key)
    if registration is None or registration.status != "issued":
        raise Http404
    response = HttpResponse(passes.ticket_pdf(registration), content_type="application/pdf")
    response["Content-Disposition"] = 'inline; filename="ticket.pdf"'
    return private(response)
