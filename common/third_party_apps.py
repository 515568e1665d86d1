"""Admin names for third-party apps that ship none, or only an English literal.

The admin index groups models under each app's ``verbose_name``: django-axes has none (the
index shows "Axes") and django-tasks' database backend has an untranslated "Tasks Database
Backend". INSTALLED_APPS names these configs instead of the apps' own.
"""

from axes.apps import AppConfig as AxesConfig
from django.utils.translation import gettext_lazy as _
from django_tasks_db.apps import TasksAppConfig


class LoginSecurityConfig(AxesConfig):
    verbose_name = _("Login security")


class BackgroundTasksConfig(TasksAppConfig):
    verbose_name = _("Background tasks")
