"""The admin dashboard's lines about the press kits: each build under way with how far along it is
(press/kit_progress.py), else when each language's kit was last built."""

from django import template
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from common.dates import local_text
from press import kit
from press.kit_progress import builds_under_way

register = template.Library()


@register.simple_tag
def press_kit_lines():
    """[(is_running, text)]: one line per kit being built, or per language's last built kit."""
    running = builds_under_way()
    lines = []
    for build in running:
        counted = (
            _("%(done)d of %(total)d") % {"done": build["done"], "total": build["total"]} if build["total"] else ""
        )
        text = _("Press kit (%(language)s) being built since %(since)s: %(step)s") % {
            "language": build["label"],
            "since": local_text(build["started"]),
            "step": build["step"],
        }
        lines.append((True, f"{text} {counted}".strip()))
    for code, _name in settings.LANGUAGES:
        meta = kit.current_kit(code)
        if meta and not any(code in build["label"].split("+") for build in running):
            text = _("Press kit (%(language)s) built %(built)s, %(size)s.") % {
                "language": code,
                "built": local_text(kit.built_at(meta)),
                "size": filesizeformat(kit.size(meta)),
            }
            lines.append((False, text))
    return lines
