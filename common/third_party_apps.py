"""Admin names for third-party apps that ship none, or only an English literal.

The admin index groups models under each app's ``verbose_name``: django-axes has none (the
index shows "Axes") and django-tasks' database backend has an untranslated "Tasks Database
Backend". INSTALLED_APPS names these configs instead of the apps' own. Their admins also label
a few columns with English literals, which get the catalogue's words here (labels only: nothing
that would change a model's migrations).
"""

from axes.apps import AppConfig as AxesConfig
from django.contrib.admin.apps import AdminConfig as DjangoAdminConfig
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.apps import DefaultConfig as TOTPConfig
from django_tasks_db.apps import TasksAppConfig


class LoginSecurityConfig(AxesConfig):
    verbose_name = _("Login security")

    def ready(self):
        super().ready()
        from axes.admin import AccessAttemptAdmin

        AccessAttemptAdmin.status.short_description = _("status")


class BackgroundTasksConfig(TasksAppConfig):
    verbose_name = _("Background tasks")

    def ready(self):
        super().ready()
        from django_tasks_db.admin import DBTaskResultAdmin
        from django_tasks_db.models import DBTaskResult

        DBTaskResult.task_name.fget.short_description = _("task name")
        DBTaskResultAdmin.formatted_traceback.short_description = _("traceback")
        DBTaskResultAdmin.display_run_after.short_description = _("run after")


class AdminConfig(DjangoAdminConfig):
    """django.contrib.admin with common.admin's site: its index in the language's alphabetical order."""

    default_site = "common.admin.AdminSite"


class SecondFactorConfig(TOTPConfig):
    """django-otp's TOTP devices. Its admin (English only, and a key anyone with the model's
    permission could read) is taken off the site: a lost phone is a device removed, which the
    Contact admin and `manage.py reset_second_factor` do."""

    verbose_name = _("Second factor")

    def ready(self):
        super().ready()
        from django.contrib import admin
        from django_otp.plugins.otp_totp.models import TOTPDevice

        if admin.site.is_registered(TOTPDevice):
            admin.site.unregister(TOTPDevice)
