"""Helpers for sending apps: render a message's text in the recipient's language and its HTML twin."""

import re

from django.template import Context
from django.template.loader import get_template, render_to_string
from django.utils import translation

from common.text import nfc

_BLANK_LINES = re.compile(r"\n\s*\n(\s*\n)+")


def render(template_base, context, *, language, unsubscribe_url=""):
    """(subject, text, html) from `<template_base>.subject.txt` and `.txt`, rendered in `language`.

    The HTML part is the same text in paragraphs (links made clickable), so both parts always agree.
    """
    with translation.override(language):
        subject = " ".join(_plain(f"{template_base}.subject.txt", context).split())
        text = _BLANK_LINES.sub("\n\n", _plain(f"{template_base}.txt", context)).strip() + "\n"
        html = render_to_string(
            "outbox/email.html",
            {"subject": subject, "text": text, "language": language, "unsubscribe_url": unsubscribe_url},
        )
    return nfc(subject), nfc(text), nfc(html)


def _plain(template_name, context):
    """A subject or text part: plain text, so rendered without HTML escaping ("Bộ Quốc phòng &
    Hậu cần" stays as typed, never "&amp;"); the HTML twin escapes it when it is built."""
    return get_template(template_name).template.render(Context(context, autoescape=False))
