"""Editors' release bodies reduced to safe formatting: paragraphs, links, lists, emphasis.

nh3 (the Ammonia sanitiser) keeps only the tags below; every other tag is dropped with its
attributes, scripts and styles with their content. Links get rel="noopener nofollow".
"""

import nh3

TAGS = {"p", "br", "a", "ul", "ol", "li", "strong", "em", "b", "i", "h3", "blockquote"}
ATTRIBUTES = {"a": {"href", "title"}}
URL_SCHEMES = {"http", "https", "mailto"}


def clean_html(value):
    if not value:
        return ""
    return nh3.clean(value, tags=TAGS, attributes=ATTRIBUTES, url_schemes=URL_SCHEMES, link_rel="noopener nofollow")


def plain_text(value):
    """The body without any tag, for feeds' summaries and the press kit's text files."""
    return nh3.clean(value or "", tags=set()).strip()
