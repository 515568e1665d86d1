from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SiteplanConfig(AppConfig):
    name = "siteplan"
    verbose_name = _("Site plan")

    def ready(self):
        from common import slots
        from siteplan.slots import visit_places

        # The visitor information page links the map's gates, car parks and shuttle stops.
        slots.register(slots.VISIT_PLACES, visit_places)
