"""Editors' release bodies reduced to safe formatting: paragraphs, links, lists, emphasis, tables.

nh3 (the Ammonia sanitiser) keeps only the tags below; every other tag is dropped with its
attributes, scripts and styles with their content. Links get rel="noopener nofollow".
Non-breaking spaces become ordinary ones: a browser whose editor lost its `white-space`
rule stores every typed space as &nbsp;, and a paragraph made of them cannot wrap on a phone.
"""

import re
from html.parser import HTMLParser
from urllib.parse import urljoin

import nh3

# Headings start at h2: the page's h1 is the release's title. Tables (a day's schedule) keep
# their rows and cells, so neither the page nor the plain text glues "Giờ", "Hoạt động", "09:00".
TAGS = {
    "p",
    "br",
    "a",
    "ul",
    "ol",
    "li",
    "strong",
    "em",
    "b",
    "i",
    "h2",
    "h3",
    "h4",
    "blockquote",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
}
ATTRIBUTES = {"a": {"href", "title"}}
URL_SCHEMES = {"http", "https", "mailto"}


# Word pastes leave empty paragraphs (<p class=MsoNormal>&nbsp;<o:p></o:p></p>) between real ones;
# once nh3 has removed the classes, spans and o:p tags, these are dropped too.
_EMPTY_BLOCK = re.compile(r"<(p|h2|h3|h4|li)>(\s|<br>)*</\1>")
# A run of spaces, ordinary or non-breaking (nh3 writes U+00A0 as &nbsp;), is one space.
_SPACES = re.compile(r"(?: |&nbsp;)+")


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
    return _EMPTY_BLOCK.sub("", _SPACES.sub(" ", cleaned)).strip()


# Blocks that start a line of their own in the plain text, and those set apart by a blank line.
_LINE_BLOCKS = {"li", "tr", "br"}
_PARAGRAPHS = {"p", "h2", "h3", "h4", "blockquote", "ul", "ol", "table"}
_CELL_SEPARATOR = " | "


class _PlainText(HTMLParser):
    def __init__(self, base_url):
        super().__init__(convert_charrefs=True)
        self.base_url = base_url
        self.lines = [""]  # the text of each line, spaces collapsed at the end; None is a blank line
        self.lists = []  # for each open list: the next number, or None for bullets
        self.cells = 0
        self.link = None
        self.marker = ""  # a list item's "– " or "2. ", written before its first word

    def _break(self, *, blank=False):
        if self.lines[-1].strip():
            self.lines.append("")
        if blank and len(self.lines) > 1 and self.lines[-2] is not None:
            self.lines.insert(-1, None)

    def handle_starttag(self, tag, attrs):
        if tag in _PARAGRAPHS:
            self._break(blank=not self.lists)
        elif tag in _LINE_BLOCKS:
            self._break()
        if tag in ("ul", "ol"):
            self.lists.append(1 if tag == "ol" else None)
        elif tag == "li" and self.lists:
            number = self.lists[-1]
            self.marker = f"{number}. " if number else "– "
            if number:
                self.lists[-1] += 1
        elif tag == "tr":
            self.cells = 0
        elif tag in ("td", "th"):
            if self.cells:
                self.lines[-1] += _CELL_SEPARATOR
            self.cells += 1
        elif tag == "a":
            self.link = (dict(attrs).get("href") or "", len(self.lines), len(self.lines[-1]))

    def handle_endtag(self, tag):
        if tag in ("ul", "ol") and self.lists:
            self.lists.pop()
        if tag == "a" and self.link:
            href, line, start = self.link
            self.link = None
            text = " ".join(self.lines[-1][start:].split()) if line == len(self.lines) else ""
            url = href if href.startswith("mailto:") else urljoin(self.base_url, href) if href else ""
            if url and url.removeprefix("mailto:") != text:
                self.lines[-1] += f" <{url}>"
        if tag in _PARAGRAPHS:
            self._break(blank=not self.lists)

    def handle_data(self, data):
        if self.marker and data.strip():
            # The item's first words: ProseMirror wraps them in a <p>, which must not part them from it.
            self.lines[-1] += self.marker
            self.marker = ""
        self.lines[-1] += data

    def text(self):
        # Inside a line, any run of white space (a newline in the HTML source too) is one space.
        lines = ["" if line is None else " ".join(line.split()) for line in self.lines]
        return "\n".join(lines).strip()


def plain_text(value, *, base_url=""):
    """The body as text a person reads in an e-mail or a feed: each paragraph, heading and
    table apart, each list item and table row on its own line (cells separated by " | "),
    links followed by their address (made absolute against `base_url`)."""
    cleaned = clean_html(value)
    if not cleaned:
        return ""
    parser = _PlainText(base_url)
    parser.feed(cleaned)
    parser.close()
    return parser.text()
