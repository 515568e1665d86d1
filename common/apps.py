from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommonConfig(AppConfig):
    name = "common"
    verbose_name = _("Common")

    def ready(self):
        # admin_language connects the sign-in hook; jobs_admin registers the batch jobs' page here,
        # not from common/admin.py, which is the admin site's own module (imported while it is made).
        from django.db.backends.signals import connection_created

        from common import admin_language, checks, jobs_admin  # noqa: F401
        from common.forms import explain_date_errors
        from common.planner import plan_for_pages_in_memory

        explain_date_errors()
        connection_created.connect(plan_for_pages_in_memory, dispatch_uid="common.plan_for_pages_in_memory")
