"""Forms as a browser posts them, and pages as a visitor reads them."""

import datetime
import re
from html.parser import HTMLParser

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from exhibitors.models import Exhibitor
from tests.helpers import png_bytes

# --- forms as a browser posts them ------------------------------------------------------------


class _FormFields(HTMLParser):
    """The values a browser would post from the page's main form."""

    def __init__(self):
        super().__init__()
        self.data, self._select, self._textarea = {}, None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in ("submit", "button", "file"):
            if attrs.get("type") in ("checkbox", "radio") and "checked" not in attrs:
                return
            self.data[name] = attrs.get("value", "on" if attrs.get("type") == "checkbox" else "")
        elif tag == "select" and name:
            self._select = name
            if "multiple" not in attrs:  # a multiple choice with nothing chosen is not posted
                self.data.setdefault(name, "")
        elif tag == "option" and self._select and "selected" in attrs:
            self.data[self._select] = attrs.get("value", "")
        elif tag == "textarea" and name:
            self._textarea = name
            self.data[name] = ""

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea] += data


def form_fields(html):
    """What a browser would post from the page's main form, as written in `html`."""
    parser = _FormFields()
    parser.feed(html)
    ignored = ("action", "select_across", "index")
    return {k: v for k, v in parser.data.items() if k not in ignored and "__prefix__" not in k}


def form_data(client, url):
    """What a browser would post from the admin page at `url`, as loaded now."""
    return form_fields(client.get(url).content.decode())


def delegation_change_form(client, delegation):
    """The delegation's admin change page as loaded now: (url, what saving it unchanged posts)."""
    url = reverse("admin:delegations_delegation_change", args=[delegation.pk])
    html = client.get(url).content.decode()
    version = re.search(r'name="version" value="([^"]+)"', html).group(1)
    data = {
        "edition": delegation.edition_id,
        "country": delegation.country.code,
        "type": delegation.type,
        "organisation_vi": delegation.organisation_vi or "",
        "organisation_en": delegation.organisation_en or "",
        "level": delegation.level,
        "head": "",
        "version": version,
        "liaison_officer": "",
        "notes": "",
    }
    for prefix in ("members", "movements", "engagements", "status_changes"):
        data |= {f"{prefix}-TOTAL_FORMS": 0, f"{prefix}-INITIAL_FORMS": 0}
    return url, data


def post_new_exhibit(admin_client, sectors, file, language):
    """Add an exhibit with one image through the admin, as an organiser would."""
    maker = Exhibitor.objects.create(slug="maker", name="Maker", country="VN")
    data = {
        "exhibitor": maker.pk,
        "name_vi": "Xe tăng X",
        "name_en": "Tank X",
        "slug": "tank-x",
        "category": sectors["tanks"].pk,
        "display_mode": "static",
        "summary_vi": "",
        "summary_en": "",
        "description_vi": "",
        "description_en": "",
        "specifications-TOTAL_FORMS": "0",
        "specifications-INITIAL_FORMS": "0",
        "images-TOTAL_FORMS": "1",
        "images-INITIAL_FORMS": "0",
        "images-0-image": file,
        "images-0-order": "0",
        "images-0-alt_text_vi": "Ảnh",
        "images-0-alt_text_en": "Photo",
        "images-0-caption_vi": "",
        "images-0-caption_en": "",
    }
    return admin_client.post(reverse("admin:exhibitors_product_add"), data, headers={"accept-language": language})


# --- pages ------------------------------------------------------------------------------------


def titles(html):
    """The titles of the catalogue's cards or rows, in order."""
    return re.findall(r'class="(?:card|row)__title"><a href="[^"]+">([^<]+)</a>', html)


def facet_counts(html):
    """{label: count} of every facet option on the page."""
    pairs = re.findall(
        r'facet__label">(?:<span[^>]*>[^<]*</span>)?([^<]+)</span>\s*<span class="facet__count">(\d+)', html
    )
    return {label.strip(): int(count) for label, count in pairs}


# --- the press accreditation form -------------------------------------------------------------

# The public accreditation form, and a moment while the test edition (19–22/12/2024) takes applications.
ACCREDITATION_URL = "/vi/press/accreditation/"
APPLICATIONS_OPEN = datetime.datetime(2024, 12, 2, 9, 30, tzinfo=datetime.UTC)


def accreditation_form(**changes):
    """What a journalist posts on the accreditation form (a fresh photo upload each call)."""
    return {
        "name": "Lê Thị Hồng Nhung",
        "outlet": "Báo Quân đội Nhân dân",
        "country": "VN",
        "role": "reporter",
        "email": "nhung@example.vn",
        "phone": "+84 90 000 0000",
        "press_card_number": "BC-12345",
        "photo": SimpleUploadedFile("me.png", png_bytes(size=(900, 1200)), "image/png"),
        "website": "",
        "consent": "on",
        **changes,
    }
