from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExpoConfig(AppConfig):
    name = "expo"
    verbose_name = _("Expo")

    def ready(self):
        # Cache freshness, not business logic: any write to public content bumps the version.
        from common.cache import connect_invalidation

        connect_invalidation()
        # Registers the Vietnamese collation on every SQLite connection (PostgreSQL has ICU's).
        from common import collation  # noqa: F401

        # The programme's counted figure of the home page and the expo fact sheet (common.facts).
        from expo import facts  # noqa: F401
