"""No inline script or style on any admin page: the CSP would refuse it, and the page would half work.

A superuser walks every page the admin offers on the demo data: the index, each app, each
model's changelist, add and change pages, and every extra page a model admin adds (import,
export, history, delete confirmation, custom views), then the import preview with a real file.
Each HTML answer is parsed: no <style> element, no `style=` or `on…=` attribute, no <script>
without `src` (JSON data blocks aside).
"""

import re
from html.parser import HTMLParser

from django.contrib import admin
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import NoReverseMatch, reverse

SKIPPED = {"logout", "view_on_site", "autocomplete", "jsi18n"}


class InlineFinder(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found = []
        self._script = None

    def handle_starttag(self, tag, attrs):
        names = {name.lower(): value for name, value in attrs}
        for name in names:
            if name == "style" or re.fullmatch(r"on[a-z]+", name):
                self.found.append(f"<{tag} {name}=…>")
        if tag == "style":
            self.found.append("<style> element")
        # JSON data and the release editor's import map (data, allowed by its hash in the CSP:
        # press/csp.py) are not code.
        if tag == "script" and "src" not in names and names.get("type") not in ("application/json", "importmap"):
            self._script = ""

    def handle_data(self, data):
        if self._script is not None:
            self._script += data

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            if self._script.strip():
                self.found.append(f"inline <script>: {self._script.strip()[:60]!r}")
            self._script = None


def inline_code(html):
    finder = InlineFinder()
    finder.feed(html)
    return finder.found


def admin_pages():
    yield reverse("admin:index")
    yield reverse("admin:password_change")
    for model, model_admin in admin.site._registry.items():
        opts = model._meta
        yield reverse("admin:app_list", args=[opts.app_label])
        obj = model._default_manager.order_by("pk").first()
        for pattern in model_admin.get_urls():
            name = getattr(pattern, "name", None)
            if not name or any(skip in name for skip in SKIPPED):
                continue
            try:
                yield reverse(f"admin:{name}")
                continue
            except NoReverseMatch:
                pass
            if obj is None:
                continue
            try:
                yield reverse(f"admin:{name}", args=[obj.pk])
            except NoReverseMatch:
                continue


def test_no_admin_page_carries_inline_script_or_style(admin_client, demo):
    visited, offenders = 0, {}
    for url in sorted(set(admin_pages())):
        response = admin_client.get(url, headers={"accept-language": "vi"})
        assert response.status_code < 500, url
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            if response.streaming:  # a file (a photo, a certificate): read to its end, which closes it
                b"".join(response.streaming_content)
            continue
        content = b"".join(response.streaming_content) if response.streaming else response.content
        visited += 1
        found = inline_code(content.decode())
        if found:
            offenders[url] = sorted(set(found))
    assert visited > 40
    assert not offenders, offenders


def test_export_page_select_all_is_wired_from_our_own_script(admin_client, demo):
    html = admin_client.get(reverse("admin:exhibitors_product_export")).content.decode()
    assert 'class="select-toggle"' in html and "onchange" not in html
    assert "/static/expo/admin/import_export.js" in html
    assert "/static/expo/admin/import_export.css" in html


def test_import_preview_has_no_inline_style(admin_client, demo):
    url = reverse("admin:exhibitors_exhibitor_import")
    html = admin_client.get(url).content.decode()
    fmt = re.search(r'<option value="(\d+)">csv</option>', html).group(1)
    from exhibitors.models import Exhibitor

    exhibitor = Exhibitor.objects.order_by("pk").first()
    sheet = (
        "slug,name,country,website,press_contact,description_vi,description_en,sectors\n"
        f"{exhibitor.slug},{exhibitor.name} (đã sửa),{exhibitor.country.code},,,,,\n"
    )
    upload = SimpleUploadedFile("exhibitors.csv", sheet.encode())
    response = admin_client.post(url, {"resource": "0", "format": fmt, "import_file": upload})
    assert response.status_code == 200
    html = response.content.decode()
    assert "(đã sửa)" in html
    assert not inline_code(html)
