from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExhibitorsConfig(AppConfig):
    name = "exhibitors"
    verbose_name = _("Exhibitors and exhibits")

    def ready(self):
        # The counted figures of the home page and the expo fact sheet (common.facts).
        from exhibitors import facts  # noqa: F401
