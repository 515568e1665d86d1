"""The admin's language switch: the organiser's choice, stored on the account, wins over the browser's.

The choice is copied into the session when the organiser signs in and when they switch, so that
the middleware reads it from the session the admin loads anyway (no query per admin page). Without
a choice the admin follows the browser as before, and Vietnamese when the browser states neither.
"""

from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.http import HttpResponseBadRequest, HttpResponseRedirect
from django.urls import reverse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

SESSION_KEY = "admin_language"


def remember_on_sign_in(sender, request, user, **kwargs):
    """Copy the stored choice into the new session (connected in CommonConfig.ready)."""
    from common.models import StaffPreference

    language = StaffPreference.objects.filter(user=user).values_list("admin_language", flat=True).first()
    if language and request is not None and hasattr(request, "session"):
        request.session[SESSION_KEY] = language


user_logged_in.connect(remember_on_sign_in, dispatch_uid="common.admin_language")


class AdminLanguageMiddleware:
    """Activates the organiser's chosen language on admin pages (after AuthenticationMiddleware)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.prefix = None

    def __call__(self, request):
        if self.prefix is None:
            self.prefix = reverse("admin:index")
        language = request.session.get(SESSION_KEY) if hasattr(request, "session") else None
        if language and request.path.startswith(self.prefix) and language in dict(settings.LANGUAGES):
            translation.activate(language)
            request.LANGUAGE_CODE = language
        return self.get_response(request)


@require_POST
def switch(request):
    """POST language=vi|en from the admin header: stored on the account and in the session."""
    from common.models import StaffPreference

    language = request.POST.get("language", "")
    if language not in dict(settings.LANGUAGES):
        return HttpResponseBadRequest(translation.gettext("Unknown language."))
    StaffPreference.objects.update_or_create(user=request.user, defaults={"admin_language": language})
    request.session[SESSION_KEY] = language
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        back = reverse("admin:index")
    return HttpResponseRedirect(back)
