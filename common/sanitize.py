"""Editors' release bodies reduced to safe formatting: paragraphs, links, lists, emphasis.

nh3 (the Ammonia sanitiser) keeps only the tags below; every other tag is dropped with its
attributes, scripts and styles with their content. Links get rel="noopener nofollow".
"""

import re

import nh3

# Headings start at h2: the page's h1 is the release's title.
TAGS = {"p", "br", "a", "ul", "ol", "li", "strong", "em", "b", "i", "h2", "h3", "h4", "blockquote"}
ATTRIBUTES = {"a": {"href", "title"}}
URL_SCHEMES = {"http", "https", "mailto"}


# Word pastes leave empty paragraphs (<p class=MsoNormal>&nbsp;<o:p></o:p></p>) between real ones;
# once nh3 has removed the classes, spans and o:p tags, these are dropped too.
_EMPTY_BLOCK = re.compile(r"<(p|h2|h3|h4|li)>(\s|&nbsp;|\xa0|<br>)*</\1>")


def clean_html(value):
    if not value:
        return ""
    cleaned = nh3.clean(
        value,
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener nofollow",
        # Word's conditional comments and <style> blocks go with their content.
        clean_content_tags={"script", "style", "xml", "title"},
    )
    return _EMPTY_BLOCK.sub("", cleaned).strip()


def plain_text(value):
    """The body without any tag, for feeds' summaries and the press kit's text files."""
    return nh3.clean(value or "", tags=set()).strip()
