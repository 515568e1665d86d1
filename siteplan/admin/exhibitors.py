"""Saving an exhibitor's stands says which of them the site plan does not show yet.

Stands are edited on the exhibitor's page (the catalogue's admin), and the catalogue imports no
app, so the site plan extends the registered ExhibitorAdmin here, as it extends the venue page.
"""

from django.contrib import admin, messages
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _

from exhibitors.admin.catalogue import ExhibitorAdmin
from exhibitors.models import Exhibitor, Stand
from siteplan.models import StandPlacement

admin.site.unregister(Exhibitor)


@admin.register(Exhibitor)
class ExhibitorWithPlanAdmin(ExhibitorAdmin):
    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        saved = [
            stand_form.instance.pk
            for formset in formsets
            if formset.model is Stand
            for stand_form in formset.forms
            if stand_form.instance.pk and not formset._should_delete_form(stand_form)
        ]
        may_place = request.user.has_perm("siteplan.add_standplacement")
        unplaced = Stand.objects.filter(pk__in=saved, placement__isnull=True).select_related("venue", "edition")
        for stand in unplaced.order_by("edition__start_date", "code"):
            self.message_user(request, unplaced_message(stand, may_place=may_place), messages.WARNING)


def unplaced_message(stand, *, may_place):
    text = _(
        "Stand %(stand)s (%(venue)s, %(edition)s) has no position on the site plan yet: the map, the "
        "plan PDF and the stand card leave it out."
    ) % {"stand": stand.code, "venue": stand.venue.name, "edition": stand.edition}
    if not may_place:
        return text
    url = reverse(f"admin:{StandPlacement._meta.app_label}_standplacement_add") + f"?stand={stand.pk}"
    return format_html('{} <a href="{}">{}</a>', text, url, _("Place it"))
