"""Personal data never reaches anyone without the permission to see it.

Every URL of the project (public pages, exports, API, every admin page of every registered
model and the apps' own admin views) is fetched anonymously and as each kind of staff member
without the permission; the sensitive values seeded below must appear in none of the responses
(PDFs are searched in their extracted text). The protocol team, who hold the permission, do
see them, which proves the probes would find the values if they leaked.
"""

import datetime
import io
import re

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group, Permission, User
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from pypdf import PdfReader

from delegations.models import Delegation, Member
from expo.models import Edition

SECRETS = {
    "passport": "ZX9988776",
    "email": "secret.member@example.invalid",
    "phone": "+84 99 888 7766",
    "needs": "Dị ứng hạt điều XYZ",
    "birth": "13/07/1961",
    "birth-iso": "1961-07-13",
}


# A journalist's application: seen by the press office only.
JOURNALIST = {
    "email": "secret.journalist@example.invalid",
    "phone": "+84 91 555 0101",
    "card": "PC-778899-Q",
}


@pytest.fixture
def seeded(demo_press_kits, demo):
    from press.models import MediaAccreditation

    MediaAccreditation.objects.create(
        edition=Edition.objects.current(),
        name="Phóng Viên Thử",
        outlet="Báo Thử Nghiệm",
        country="VN",
        role=MediaAccreditation.Role.REPORTER,
        email=JOURNALIST["email"],
        phone=JOURNALIST["phone"],
        press_card_number=JOURNALIST["card"],
        photo="accreditation/none.jpg",
    )
    delegation = Delegation.objects.order_by("pk").first()
    member = Member.objects.create(
        delegation=delegation,
        family_name="Bí Mật",
        given_name="Người Thử",
        passport_no=SECRETS["passport"],
        email=SECRETS["email"],
        phone=SECRETS["phone"],
        needs=SECRETS["needs"],
        date_of_birth=datetime.date(1961, 7, 13),
    )
    return delegation, member


def staff(username, *, group=None, perms=()):
    user = User.objects.create_user(username, f"{username}@example.vn", "a-long-password-1", is_staff=True)
    if group:
        user.groups.add(Group.objects.get(name=group))
    for perm in perms:
        app_label, codename = perm.split(".")
        user.user_permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    return user


def leaf_routes(resolver=None, prefix=""):
    for entry in (resolver or get_resolver()).url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from leaf_routes(entry, route)
        elif isinstance(entry, URLPattern):
            yield route


def project_urls(delegation, member):
    """Every GET-able URL, with real object ids put into the patterns."""
    urls = set()
    for model in admin.site._registry:
        info = (model._meta.app_label, model._meta.model_name)
        obj = model._default_manager.order_by("pk").first()
        urls.add(reverse("admin:{}_{}_changelist".format(*info)))
        urls.add(reverse("admin:{}_{}_changelist".format(*info)) + "?q=bi+mat")  # finds the seeded member
        if obj is not None:
            for view in ("change", "history", "delete"):
                urls.add(reverse(f"admin:{info[0]}_{info[1]}_{view}", args=[obj.pk]))
    urls.add("/admin/")
    ids = {"pk": delegation.pk, "object_id": member.pk, "item_id": "x", "slug": "x"}
    for route in leaf_routes():
        path = "/" + re.sub(r"<(?:\w+:)?(\w+)>", lambda m: str(ids.get(m.group(1), delegation.pk)), route)
        path = path.replace("^", "").replace("$", "")
        if "(?P" in path or path.startswith(("/static/", "/media/")):
            continue
        urls.add(path)
        if path.startswith("/vi/") or path == "/":
            urls.add(path.replace("/vi/", "/en/", 1))
    autocomplete = "?app_label=delegations&model_name=delegation&field_name=head&term=Bí"
    urls.add(reverse("admin:autocomplete") + autocomplete)
    return sorted(urls)


def body_text(response):
    data = b"".join(response.streaming_content) if getattr(response, "streaming", False) else response.content
    if response.get("Content-Type", "").startswith("application/pdf"):
        return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    return data.decode("utf-8", errors="replace")


def leaks(client, urls, secrets):
    found = []
    for url in urls:
        response = client.get(url)
        if response.status_code >= 500:
            found.append(f"{response.status_code} {url}")
            continue
        text = body_text(response)  # reads downloads to the end, which closes their file
        for label, secret in secrets.items():
            if secret in text:
                found.append(f"{label} at {url}")
    return found


@pytest.mark.parametrize("who", ["anonymous", "content editor", "press office", "protocol without permission"])
def test_no_url_shows_sensitive_data_without_the_permission(client, seeded, who):
    delegation, member = seeded
    users = {
        "content editor": lambda: staff("editor", group="Content editors"),
        "press office": lambda: staff("press", group="Press office"),
        # May work on delegations, but without delegations.view_sensitive.
        "protocol without permission": lambda: staff(
            "junior",
            perms=[
                "delegations.view_delegation",
                "delegations.change_delegation",
                "delegations.view_member",
                "delegations.change_member",
            ],
        ),
    }
    if who in users:
        client.force_login(users[who]())
    urls = project_urls(delegation, member)
    assert len(urls) > 80
    # The press office vets journalists, so only they may see applications; nobody here sees delegates.
    secrets = SECRETS if who == "press office" else {**SECRETS, **JOURNALIST}
    assert leaks(client, urls, secrets) == []
    if who == "protocol without permission":
        # They do reach the member (so the walk above saw the page), with the sensitive fields masked.
        page = client.get(reverse("admin:delegations_member_change", args=[member.pk])).content.decode()
        assert "Bí Mật" in page


def test_the_press_office_does_see_applications(client, seeded):
    from press.models import MediaAccreditation

    client.force_login(staff("press-officer", group="Press office"))
    application = MediaAccreditation.objects.get(press_card_number=JOURNALIST["card"])
    page = client.get(reverse("admin:press_mediaaccreditation_change", args=[application.pk])).content.decode()
    assert JOURNALIST["email"] in page and JOURNALIST["phone"] in page


def test_the_protocol_team_does_see_them(client, seeded):
    delegation, member = seeded
    client.force_login(staff("protocol", group="Protocol"))
    change = client.get(reverse("admin:delegations_member_change", args=[member.pk])).content.decode()
    assert SECRETS["passport"] in change and SECRETS["email"] in change and SECRETS["needs"] in change
    itinerary = client.get(reverse("admin:delegations_delegation_itinerary", args=[delegation.pk]))
    assert itinerary.status_code == 200
