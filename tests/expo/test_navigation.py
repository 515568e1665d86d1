"""The main navigation marks the section a page belongs to."""

import re

from model_bakery import baker


def current_nav(html):
    """The section marked in the row of links; the phone's folded menu marks the same one."""
    wide, phone = re.findall(r'<ul class="wrap site-nav__list[^"]*">(.*?)</ul>', html, re.S)
    marked = re.findall(r'<a href="([^"]+)" aria-current="page">([^<]+)</a>', wide)
    assert re.findall(r'<a href="([^"]+)" aria-current="page">([^<]+)</a>', phone) == marked
    return marked


def test_programme_section_is_current_on_its_item_and_changes_pages(client, edition):
    venue = baker.make("expo.Venue", edition=edition, slug="hall-a", name_en="Hall A")
    baker.make(
        "expo.ProgrammeItem",
        edition=edition,
        venue=venue,
        slug="opening",
        title_en="Opening ceremony",
        start="2024-12-19T08:00+07:00",
        end="2024-12-19T09:00+07:00",
        is_published=True,
    )
    for path in ("/en/programme/", "/en/programme/opening/", "/en/programme/changes/"):
        assert current_nav(client.get(path).content.decode()) == [("/en/programme/", "Programme")], path
    assert current_nav(client.get("/en/").content.decode()) == [("/en/", "Home")]
