"""The venue page shows its outline and a preview of the plan centred on it.

Venues belong to expo, which imports no app, so the site plan extends expo's registered
VenueAdmin here instead of expo referring to the plan.
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from expo.admin import VenueAdmin
from expo.models import Venue
from siteplan.admin.preview import plan_preview
from siteplan.models import VenueOutline


class VenueOutlineInline(admin.StackedInline):
    model = VenueOutline
    extra = 0
    max_num = 1


admin.site.unregister(Venue)


@admin.register(Venue)
class VenueWithPlanAdmin(VenueAdmin):
    fields = (*VenueAdmin.fields, "plan")
    readonly_fields = ("plan",)
    inlines = [VenueOutlineInline]

    class Media:
        css = {"all": ["siteplan/map.css"]}

    @admin.display(description=_("On the site plan"))
    def plan(self, venue):
        if venue.pk is None:
            return "—"
        return plan_preview(venue.edition, hall=venue.slug)
