"""Past editions at stable addresses: `/<lang>/editions/<year>/…` is the public site as it was.

Every public page (home, catalogue, programme, results, press releases…) is mounted again under
`editions/<year>/` in a URL map of its own, made once per year. The middleware picks the edition
for such a request (`request.edition`, the one the whole site reads; `Edition.objects.archived`),
marks the request `request.archive`, and points Django at that map (`request.urlconf`), so every
link a page reverses stays inside the archive. Read-only: a form posted there is refused (405)
and the pages say "archive" in both languages. A year with no ended edition is a plain 404.
"""

import functools
import re
import types

from django.conf.urls.i18n import i18n_patterns
from django.http import HttpResponseNotAllowed
from django.urls import URLResolver, include, path
from django.urls.resolvers import LocalePrefixPattern

from expo.models import Edition

ARCHIVE_PATH = re.compile(r"^/[a-z]{2}/editions/(?P<year>\d{4})/")
SAFE_METHODS = ("GET", "HEAD", "OPTIONS")


@functools.cache
def archive_urlconf(year):
    """The root URL map with the public pages under /<lang>/editions/<year>/ (a module-like
    object: Django caches one resolver per URL map)."""
    from config import urls

    machine = [
        pattern
        for pattern in urls.urlpatterns
        if not (isinstance(pattern, URLResolver) and isinstance(pattern.pattern, LocalePrefixPattern))
    ]
    module = types.ModuleType(f"config.archive_urls_{year}")
    module.urlpatterns = machine + i18n_patterns(
        path(f"editions/{year}/", include(urls.public_patterns)), prefix_default_language=True
    )
    return module


class ArchiveMiddleware:
    """After EditionMiddleware: an archive address replaces the current edition with the past one."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.archive = False
        match = ARCHIVE_PATH.match(request.path_info)
        if match:
            edition = Edition.objects.archived(int(match["year"]))
            if edition is not None:
                if request.method not in SAFE_METHODS:
                    return HttpResponseNotAllowed(SAFE_METHODS)
                request.edition = edition
                request.archive = True
                request.urlconf = archive_urlconf(edition.start_date.year)
        return self.get_response(request)
