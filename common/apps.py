from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommonConfig(AppConfig):
    name = "common"
    verbose_name = _("Common")

    def ready(self):
        # admin_language connects the sign-in hook; jobs_admin registers the batch jobs' page here,
        # not from common/admin.py, which is the admin site's own module (imported while it is made).
        from common import admin_language, checks, jobs_admin  # noqa: F401
        from common.forms import explain_date_errors

        explain_date_errors()
