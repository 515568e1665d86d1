"""RSS and Atom feeds of published releases, one per language (the URL's prefix).

RSS <description> and Atom <summary type="html"> are read as HTML by feed readers. The summary
is plain text we hold, so it is escaped; the body is HTML, reduced to its text (the feed
carries a teaser, not the formatted release) and escaped the same way. No staff-typed markup
reaches a reader live.
"""

from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.text import Truncator
from django.utils.translation import get_language, get_language_info, gettext_lazy
from django.utils.translation import gettext as _

from common.export_cache import CachedFeed
from common.sanitize import plain_text
from press.models import PressRelease
from press.views import expire_with_next_release


class ReleasesFeed(CachedFeed):
    title = gettext_lazy("Press releases")
    description = gettext_lazy("Press releases of the expo's press office.")

    def respond(self, request, *args, **kwargs):
        # Kept whole under the content version (CachedFeed), never past the next embargo's end.
        return expire_with_next_release(super().respond(request, *args, **kwargs))

    def link(self):
        return reverse("press:index")

    def items(self):
        return PressRelease.objects.published()[:30]

    def item_title(self, item):
        version = item.version(get_language())
        if version.is_original_only:
            language = get_language_info(version.language)["name_translated"]
            return _("%(title)s (%(language)s only)") % {"title": version.title, "language": language}
        return version.title

    def item_description(self, item):
        version = item.version(get_language())
        return escape(version.summary or Truncator(plain_text(version.body)).chars(500))

    def item_pubdate(self, item):
        return item.publish_at

    def item_updateddate(self, item):
        return max(item.publish_at, item.updated_at)


class ReleasesAtomFeed(ReleasesFeed):
    feed_type = Atom1Feed
    subtitle = ReleasesFeed.description
