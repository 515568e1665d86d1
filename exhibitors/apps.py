from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExhibitorsConfig(AppConfig):
    name = "exhibitors"
    verbose_name = _("Exhibitors and exhibits")

    def ready(self):
        # The counted figures of the home page and the expo fact sheet (common.facts).
        from common.cache import area
        from exhibitors import facts  # noqa: F401
        from exhibitors.catalogue.index import AREA, MODELS

        # What the catalogue's index reads: its version moves with these writes alone.
        area(AREA, *MODELS)
