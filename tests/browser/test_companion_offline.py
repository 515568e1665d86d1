"""The visitor's companion on a phone: stars three exhibits and a session, goes offline on a
repeat visit, and still opens My visit, the map with the walk between the starred stands, the
programme and the home page (the service worker's copies), told how old they are."""

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

from exhibitors.models import Product
from expo.models import Edition, ProgrammeItem
from tests.browsers import PageChecker

PHONE = {"width": 390, "height": 844}

# Is `path` among the service worker's copies?
KEPT = """async (path) => {
  for (const name of await caches.keys()) {
    if (await (await caches.open(name)).match(path)) { return true; }
  }
  return false;
}"""


@pytest.fixture
def demo(transactional_db):
    from io import StringIO

    from django.core.management import call_command

    call_command("load_demo", stdout=StringIO())


def test_my_visit_map_and_programme_open_offline(demo, live_server, browser, output_path):
    exhibits = list(
        Product.objects.filter(
            is_published=True,
            exhibitor__stands__edition__is_current=True,
            exhibitor__stands__placement__isnull=False,
        )
        .order_by("slug")
        .values_list("slug", "name_en")[:3]
    )
    session = ProgrammeItem.objects.filter(is_published=True, edition__is_current=True).order_by("start").first()
    context = browser.new_context(viewport=PHONE, service_workers="allow")
    page = context.new_page()
    checker = PageChecker(page, output_path)
    base = live_server.url

    page.goto(f"{base}/en/")
    page.wait_for_function("() => !!(navigator.serviceWorker && navigator.serviceWorker.controller)", timeout=30_000)
    page.wait_for_function(KEPT, arg="/en/programme/", timeout=30_000)

    for slug, _name in exhibits:
        page.goto(f"{base}/en/exhibits/{slug}/")
        star = page.get_by_role("button", name="Add to My visit")
        star.click()
        expect(page.get_by_role("button", name="In My visit (remove)")).to_have_attribute("aria-pressed", "true")
    page.goto(f"{base}{session.get_absolute_url().replace('/vi/', '/en/')}")
    page.get_by_role("button", name="Add to My visit").click()

    page.goto(f"{base}/en/my/")
    for _slug, name in exhibits:
        expect(page.locator("#my-list")).to_contain_text(name)
    expect(page.locator("#my-list")).to_contain_text(session.title_en)
    checker.check("my-visit-en")
    walk = page.get_by_role("link", name="The route between these stands on the map").get_attribute("href")
    page.wait_for_function(KEPT, arg=walk, timeout=30_000)

    context.set_offline(True)
    page.goto(f"{base}/en/my/")
    for _slug, name in exhibits:
        expect(page.locator("#my-list")).to_contain_text(name)
    expect(page.get_by_role("status").filter(has_text="Offline: this page is as of")).to_be_visible()
    page.goto(f"{base}{walk}")
    expect(page.locator(".way-result")).to_contain_text("The route:")
    expect(page.locator("polyline.way")).to_have_count(1)
    page.goto(f"{base}/en/programme/")
    expect(page.locator("h1")).to_have_text("Programme")
    page.goto(f"{base}/en/")
    expect(page.locator("h1")).to_have_text(Edition.objects.current().name_en)
    page.goto(f"{base}/vi/map/")
    expect(page.locator("svg.plan")).to_be_visible()
    # A page never opened is not there: the copies, not the network, answered.
    with pytest.raises(PlaywrightError):
        page.goto(f"{base}/en/exhibitors/?page=2")
    context.close()
