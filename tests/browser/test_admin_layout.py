"""Every admin list and form fits a 1280 px screen, in Vietnamese and in English.

A superuser walks, on the demo data (load_demo), every registered model's changelist and the change form of
one of its rows (the row with the most related rows where a model has inlines, so a delegation
shows its members), in one browser context per language (the admin follows Accept-Language).
Nothing may stick out to the right: neither the document (`scrollWidth`) nor any visible element
of `#content`. Only measured; a page that fails is screenshotted into test-results/.
"""

import os

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.db.models import Count
from django.urls import reverse
from django.utils import timezone
from model_bakery import baker

from expo.models import Edition
from tests.browsers import admin_sign_in

WIDTH = 1280
LONG_APPLICANTS = [
    ("Nguyễn Thị Phương Thảo", "Thông tấn xã Việt Nam (TTXVN) – Ban Biên tập tin Đối ngoại"),
    ("Jean-Baptiste Delacroix-Montgomery", "Agence France-Presse, bureau régional Asie du Sud-Est"),
]
PASSWORD = "a-long-test-password"

# Whatever reaches past the right edge of the viewport: the document itself, or the visible
# elements of #content (with their id/class, to find them in the stylesheet).
MEASURE = """(width) => {
  const found = [];
  const root = document.documentElement;
  if (root.scrollWidth > width) found.push(`document is ${root.scrollWidth} px wide`);
  const name = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
    (typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().split(/\\s+/).join('.') : '');
  for (const el of document.querySelectorAll('#content *')) {
    if (found.length > 4) break;
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || style.position === 'fixed') continue;
    if (el.closest('svg') !== el && el.closest('svg')) continue;  // drawn inside a map's viewBox
    if (box.right > width + 1) {
      found.push(`${name(el)} reaches ${Math.round(box.right)} px`);
    } else if (!el.matches('input, select, textarea, svg') && style.overflowX !== 'visible' &&
               style.textOverflow !== 'ellipsis' &&
               !style.textIndent.startsWith('-') && el.scrollWidth > el.clientWidth + 1) {
      // A box that scrolls or clips sideways hides columns as surely as the screen's edge.
      found.push(`${name(el)} hides ${el.scrollWidth - el.clientWidth} px on its right`);
    }
  }
  return found;
}"""


# Boxes of text (elements with their own words) that cover each other inside one part of a page.
OVERLAPS = """(selector) => {
  const boxes = [];
  for (const el of document.querySelectorAll(selector + ' *')) {
    const words = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    const box = el.getBoundingClientRect();
    if (words && box.width > 0 && box.height > 0) boxes.push([el, box]);
  }
  const found = [];
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
    const [a, p] = boxes[i], [b, q] = boxes[j];
    if (a.contains(b) || b.contains(a)) continue;
    const w = Math.min(p.right, q.right) - Math.max(p.left, q.left);
    const h = Math.min(p.bottom, q.bottom) - Math.max(p.top, q.top);
    if (w > 2 && h > 2) found.push(`${a.textContent.trim().slice(0, 30)} / ${b.textContent.trim().slice(0, 30)}`);
  }
  return found;
}"""


def check_delegation_page(page):
    """Members: one compact line each, their sensitive fields folded away until asked for; the
    status history's text does not overlap."""
    members = page.locator("#members-group tbody tr.form-row:not(.empty-form)")
    assert members.count() >= 2
    passport = page.locator("#members-group input[name$='-passport_no']").first
    assert not passport.is_visible()
    lines = {
        round(box["y"])
        for box in (
            cell.bounding_box()
            for cell in members.first.locator("td:not(.member-details):not(.original):not(.hidden)").all()
        )
    }
    assert len(lines) == 1, "a member's main columns sit on one line"
    page.locator("#members-group summary").first.click()
    assert passport.is_visible()
    assert page.evaluate(MEASURE, WIDTH) == [], "a member's details, opened, fit as well"
    assert page.evaluate(OVERLAPS, "#status_changes-group") == []


def admin_pages():
    """(label, path) of every changelist and of one change form per model with a row."""
    for model, model_admin in admin.site._registry.items():
        opts = model._meta
        base = f"admin:{opts.app_label}_{opts.model_name}"
        yield f"{opts.label} list", reverse(f"{base}_changelist")
        rows = model._default_manager.all()
        inlines = [inline.model for inline in model_admin.inlines]
        related = [
            field.related_name or f"{field.model._meta.model_name}"
            for field in opts.related_objects
            if field.related_model in inlines and not field.many_to_many
        ]
        if related:
            rows = rows.annotate(related_rows=Count(related[0])).order_by("-related_rows", "pk")
        else:
            rows = rows.order_by("pk")
        row = rows.first()
        if row is not None:
            yield f"{opts.label} form", reverse(f"{base}_change", args=[row.pk])


@pytest.fixture
def superuser(committed_demo):
    user = get_user_model().objects.create_superuser("layout", "layout@example.vn", PASSWORD)
    # The demo has no press applications: two with long names and outlets fill the list's columns.
    for name, outlet in LONG_APPLICANTS:
        baker.make(
            "press.MediaAccreditation",
            edition=Edition.objects.get(is_current=True),
            name=name,
            outlet=outlet,
            role="photographer",
            email="applicant@example.com",
            phone="+84 912 345 678",
            press_card_number="PC-123456",
            photo="accreditation/photo.jpg",
            country="FR",
            status="approved",
            decided_by=user,
            decided_at=timezone.now(),
        )
    return user


def sign_in(page, base_url):
    admin_sign_in(page, base_url, "layout", PASSWORD)
    page.wait_for_url(f"{base_url}/admin/")


def test_every_admin_list_and_form_fits_1280_px_in_both_languages(superuser, live_server, browser):
    pages = list(admin_pages())
    assert len(pages) > 40
    overflowing = []
    os.makedirs("test-results", exist_ok=True)
    for language in ("vi", "en"):
        context = browser.new_context(
            viewport={"width": WIDTH, "height": 900}, locale=language, extra_http_headers={"Accept-Language": language}
        )
        page = context.new_page()
        sign_in(page, live_server.url)
        assert page.locator("html").get_attribute("lang") == language
        for label, path in pages:
            answer = page.goto(f"{live_server.url}{path}", wait_until="load")
            assert answer.status == 200, f"{path}: {answer.status}"
            found = page.evaluate(MEASURE, WIDTH)
            if label == "delegations.Delegation form":
                check_delegation_page(page)
            if found:
                overflowing.append(f"[{language}] {label} {path}: {'; '.join(found)}")
                name = f"{language}-{label.replace(' ', '-').replace('.', '-')}"
                page.screenshot(path=f"test-results/admin-layout-{name}.png", full_page=True)
        context.close()
    assert overflowing == [], "\n".join(overflowing)
