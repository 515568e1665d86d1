"""A visitor on the public site, in a real browser."""

import io
import re
from pathlib import Path

from playwright.sync_api import expect


def test_visitor_opens_home_and_switches_language(committed_demo, live_server, page, checker):
    page.goto(f"{live_server.url}/", wait_until="networkidle")
    # No Accept-Language preference from this browser profile beyond English: / → /en/ or /vi/.
    assert re.search(r"/(vi|en)/$", page.url)
    page.goto(f"{live_server.url}/vi/")
    expect(page.locator("h1")).to_have_text("Triển lãm Quốc phòng quốc tế Việt Nam (bản trình diễn)")
    expect(page.locator("html")).to_have_attribute("lang", "vi")
    expect(page.get_by_role("note")).to_contain_text("Nội dung minh họa")
    checker.check("home-vi")

    page.locator(".site-header").get_by_role("link", name="English").click()
    expect(page).to_have_url(f"{live_server.url}/en/")
    expect(page.locator("h1")).to_have_text("Vietnam International Defence Expo (demo)")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    checker.check("home-en")


def test_skip_link_moves_focus_to_the_content(committed_demo, live_server, page):
    page.goto(f"{live_server.url}/en/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    expect(skip).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{live_server.url}/en/#main")


def test_missing_page_in_the_browser(committed_demo, live_server, page, checker):
    response = page.goto(f"{live_server.url}/en/no-such-page/")
    assert response.status == 404
    expect(page.locator("h1")).to_have_text("Page not found")
    checker.check("404-en")


def test_visitor_follows_the_programme_and_takes_it_along(committed_demo, live_server, page, checker):
    page.goto(f"{live_server.url}/en/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Programme").click()
    expect(page.locator("h1")).to_have_text("Programme")
    expect(page.get_by_text("UTC+7").first).to_be_visible()
    checker.check("programme-en")
    page.get_by_role("link", name=re.compile("Day 4")).click()
    expect(page).to_have_url(re.compile(r"day=2024-12-22"))
    item = page.locator("main h3 a, main .prog-item a").first
    title = item.inner_text()
    item.click()
    expect(page.locator("h1")).to_have_text(title)
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Add to calendar (.ics)").click()
    ics = Path(download_info.value.path()).read_text(encoding="utf-8")
    assert "BEGIN:VEVENT" in ics and "TZID=Asia/Ho_Chi_Minh" in ics
    checker.check("programme-item-en")
    page.get_by_role("link", name="Tiếng Việt").first.click()
    expect(page.locator("html")).to_have_attribute("lang", "vi")
    checker.check("programme-item-vi")


def test_visitor_filters_searches_opens_an_exhibit_and_takes_its_fact_sheet(committed_demo, live_server, page, checker):
    from pypdf import PdfReader

    from exhibitors.models import Product

    expected = {
        p.name_en
        for p in Product.objects.published()
        .filter(category__sector__slug="naval", exhibitor__country="VN")
        .search("tau ngam")
    }
    assert expected  # the demo has Vietnamese submarines

    page.goto(f"{live_server.url}/en/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Exhibits").click()
    filters = page.get_by_role("complementary", name="Filters")
    filters.get_by_role("link", name=re.compile(r"^Naval\b")).click()
    expect(page).to_have_url(re.compile(r"sector=naval"))
    filters.locator("summary", has_text="Country").click()
    filters.get_by_role("link", name=re.compile(r"^Vietnam\b")).click()
    expect(page).to_have_url(re.compile(r"country=VN"))
    checker.check("exhibits-filtered-en")

    page.get_by_role("searchbox").fill("tau ngam")  # no diacritics
    page.get_by_role("button", name="Search").click()
    titles = page.locator(".card__title a")
    expect(titles).to_have_count(len(expected))
    assert set(titles.all_inner_texts()) == expected
    checker.check("exhibits-search-en")

    titles.first.click()
    expect(page.locator("h1")).to_have_text(sorted(expected)[0])
    checker.check("exhibit-en")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download", exact=True).click()
    data = Path(download_info.value.path()).read_bytes()
    assert data.startswith(b"%PDF-")
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
    assert sorted(expected)[0] in text


CARD_BOXES = """() => [...document.querySelectorAll('.cards > .card')].map(card => {
    const image = card.querySelector('.card__image').getBoundingClientRect();
    const text = card.querySelector('.card__body').getBoundingClientRect();
    const tokens = [...card.querySelectorAll('.card__meta .nowrap')]
        .map(s => [s.textContent, s.getClientRects().length]);
    return {image: {right: image.right, bottom: image.bottom, width: image.width},
            text: {left: text.left, top: text.top}, height: card.getBoundingClientRect().height, tokens};
})"""


def test_exhibit_cards_sit_beside_their_thumbnail_on_a_phone_and_stand_upright_on_a_desktop(
    committed_demo, live_server, page
):
    page.set_viewport_size({"width": 390, "height": 900})
    for language in ("vi", "en"):
        page.goto(f"{live_server.url}/{language}/exhibits/", wait_until="networkidle")
        cards = page.evaluate(CARD_BOXES)
        assert len(cards) == 24
        for card in cards:
            assert card["image"]["right"] <= card["text"]["left"]  # the thumbnail beside the text
            assert card["height"] < 200
            # A stand code ("Gian hàng A-07") or a country ("Ô-xtrây-li-a") never breaks across lines.
            assert [token for token, lines in card["tokens"] if lines != 1] == []
        # Full-width photos made this page about 10,000 px tall.
        assert page.evaluate("document.documentElement.scrollHeight") < 5500

    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{live_server.url}/vi/exhibits/", wait_until="networkidle")
    for card in page.evaluate(CARD_BOXES):
        assert card["image"]["bottom"] <= card["text"]["top"] and card["image"]["width"] > 200  # photo on top
