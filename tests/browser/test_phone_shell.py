"""The site on a 390 px phone: the main menu folds into one row that opens with the keyboard and
without JavaScript, and no page scrolls sideways."""

from playwright.sync_api import expect

from exhibitors.models import Product

PHONE = {"width": 390, "height": 844}


def test_menu_is_one_row_on_a_phone_and_opens_with_the_keyboard(committed_demo, live_server, page, checker):
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}/en/")
    nav = page.get_by_role("navigation", name="Main")
    # Folded: the "Menu" row only (the seven sections once wrapped to three rows, ~230 px).
    assert nav.bounding_box()["height"] < 60
    expect(nav.get_by_role("link", name="Programme")).to_have_count(0)
    toggle = nav.get_by_text("Menu", exact=True)
    for _ in range(12):  # skip link, brand, languages, then the menu
        page.keyboard.press("Tab")
        if toggle.evaluate("element => element === document.activeElement"):
            break
    expect(toggle).to_be_focused()
    page.keyboard.press("Enter")
    expect(nav.get_by_role("link", name="Programme")).to_be_visible()
    page.keyboard.press("Tab")
    expect(nav.get_by_role("link", name="Home")).to_be_focused()
    checker.check("menu-open-en")
    nav.get_by_role("link", name="Programme").click()
    expect(page.locator("h1")).to_have_text("Programme")
    # From 600 px up the sections are a row of links again, with no menu button.
    page.set_viewport_size({"width": 1280, "height": 900})
    expect(nav.get_by_role("link", name="Exhibits")).to_be_visible()
    expect(nav.get_by_text("Menu", exact=True)).to_be_hidden()


def test_menu_works_without_javascript(committed_demo, live_server, browser):
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    page = context.new_page()
    page.goto(f"{live_server.url}/vi/")
    nav = page.locator(".site-nav")
    nav.get_by_text("Trình đơn", exact=True).click()
    nav.get_by_role("link", name="Sản phẩm trưng bày").click()
    expect(page).to_have_url(f"{live_server.url}/vi/exhibits/")
    context.close()


def test_no_page_scrolls_sideways_on_a_phone(committed_demo, live_server, page):
    exhibit = Product.objects.filter(is_published=True, images__isnull=False, specifications__isnull=False).first()
    page.set_viewport_size(PHONE)
    for language in ("vi", "en"):
        for path in ("", "exhibits/", f"exhibits/{exhibit.slug}/", "programme/", "map/"):
            page.goto(f"{live_server.url}/{language}/{path}", wait_until="networkidle")
            overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
            assert overflow == 0, f"/{language}/{path} is {overflow} px wider than the phone"
