from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommonConfig(AppConfig):
    name = "common"
    verbose_name = _("Common")

    def ready(self):
        from common import admin_language  # noqa: F401  (connects the sign-in hook)

        # The batch jobs' page. Registered here, not from common/admin.py: that module is the
        # admin site's own, imported while the site is being made.
        from common import jobs_admin  # noqa: F401
        from common.forms import explain_date_errors

        explain_date_errors()
