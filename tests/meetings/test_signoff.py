"""A publication sign-off covers every field that reaches the public, and nothing else.

The list is not trusted: the first test changes each column of a signed-off agreement in turn,
renders every public output (results page, Atom feed, /api/results, the day's briefing PDF, in
both languages) and records which changes show. That set must be Agreement.PUBLIC_FIELDS, so a
field a template starts reading is caught the day it is added.
"""

import datetime
from decimal import Decimal

import pytest
import time_machine
from django.contrib.auth.models import Permission, User
from django.db import models
from django.test import Client
from model_bakery import baker
from modeltranslation.translator import translator

from meetings import services
from meetings.models import Agreement
from tests.accounts import admin_login
from tests.factories import LAST_EVENING
from tests.helpers import pdf_text

pytestmark = pytest.mark.django_db


def signed_off(edition):
    """A public agreement with every field filled, as the approver saw it."""
    item = Agreement.objects.create(
        edition=edition,
        kind=Agreement.Kind.CONTRACT,
        title_vi="Hợp đồng tàu tuần tra",
        title_en="Patrol boat contract",
        party_a_vi="Tổng công ty Ba Son",
        party_a_en="Ba Son Corporation",
        party_b_vi="Hải quân Philippines",
        party_b_en="Philippine Navy",
        signed_on=edition.start_date + datetime.timedelta(days=1),
        place_vi="Sân bay Gia Lâm, khu A",
        place_en="Gia Lam Airfield, area A",
        value=Decimal("10000000"),
        currency="EUR",
        usd_rate=Decimal("1.05"),
        rate_date=edition.start_date,
        disclosure=Agreement.Disclosure.ANNOUNCEABLE,
        announce_from=edition.start_date + datetime.timedelta(days=1),
    )
    services.approve_disclosure(agreement=item, by=User.objects.create_superuser("approver"))
    item.refresh_from_db()
    return item


def public_outputs(client, day):
    """Everything the public is shown of the results, as received."""
    seen = {}
    for lang in ("vi", "en"):
        for url in (f"/{lang}/results/", f"/{lang}/results/feed/", f"/api/results?lang={lang}"):
            response = client.get(url)
            assert response.status_code == 200
            seen[url] = response.content.decode()
        briefing = client.get(f"/{lang}/results/briefing.pdf?day={day.isoformat()}")
        seen[f"briefing {lang}"] = pdf_text(briefing.content)
    return seen


def changeable_fields():
    """Every stored column but the key, the sign-off itself and the untranslated originals of
    translated fields (modeltranslation reads the language columns, never those)."""
    translated = set(translator.get_options_for_model(Agreement).fields)
    return [
        field
        for field in Agreement._meta.concrete_fields
        if not field.primary_key and field.name not in Agreement.SIGNOFF_FIELDS and field.name not in translated
    ]


def alternatives(field, value, other_edition):
    """Other values the field could take (each one different from `value`)."""
    if field.choices:
        return [choice for choice, _label in field.choices if choice != value]
    if isinstance(field, models.ForeignKey):
        return [other_edition.pk]
    if isinstance(field, models.DateTimeField):
        return [value + datetime.timedelta(days=1)]
    if isinstance(field, models.DateField):
        return [value + datetime.timedelta(days=1)]
    if isinstance(field, models.DecimalField):
        return [value + 1]
    return [("Q" + value)[: field.max_length]]


def set_and_save(item, field, value):
    if isinstance(field, models.DateTimeField) and field.auto_now_add:
        Agreement.objects.filter(pk=item.pk).update(**{field.attname: value})
    else:
        setattr(item, field.attname, value)
        item.save()


@time_machine.travel(LAST_EVENING, tick=False)
def test_the_sign_off_covers_exactly_the_fields_the_public_outputs_read(client, edition):
    other_edition = baker.make(
        "expo.Edition", slug="vide-2026", start_date=datetime.date(2026, 12, 1), end_date=datetime.date(2026, 12, 4)
    )
    item = signed_off(edition)
    day = item.signed_on
    before = public_outputs(client, day)
    assert "Patrol boat contract" in before["/en/results/"] and "Hợp đồng tàu tuần tra" in before["briefing vi"]

    read = set()
    for field in changeable_fields():
        original = getattr(item, field.attname)
        for value in alternatives(field, original, other_edition):
            set_and_save(item, field, value)
            changed = public_outputs(client, day) != before
            set_and_save(item, field, original)
            if changed:
                read.add(field.name)
                break
    assert public_outputs(client, day) == before
    assert read == set(Agreement.PUBLIC_FIELDS)


@pytest.mark.parametrize("name", Agreement.PUBLIC_FIELDS)
def test_changing_any_public_field_withdraws_the_sign_off(edition, name):
    other_edition = baker.make(
        "expo.Edition", slug="vide-2026", start_date=datetime.date(2026, 12, 1), end_date=datetime.date(2026, 12, 4)
    )
    item = signed_off(edition)
    field = Agreement._meta.get_field(name)
    setattr(item, field.attname, alternatives(field, getattr(item, field.attname), other_edition)[0])
    assert services.withdraw_approval_if_changed(item) is True
    item.save()
    item.refresh_from_db()
    assert (item.approved_by, item.approved_at) == (None, None)


def admin_form(item, **changes):
    """The agreement's change form as the admin posts it back."""
    data = {
        name: getattr(item, Agreement._meta.get_field(name).attname)
        for name in Agreement.PUBLIC_FIELDS
        if name != "edition"
    }
    data["edition"] = item.edition_id
    data = {name: "" if value is None else str(value) for name, value in data.items()}
    for name in ("signed_on", "rate_date", "announce_from"):
        data[name] = getattr(item, name).strftime("%d/%m/%Y")
    data.update(changes)
    return data


@time_machine.travel(LAST_EVENING, tick=False)
@pytest.mark.parametrize(
    "change",
    [
        {"place_vi": "Khách sạn Metropole, Hà Nội"},
        {"place_en": "Metropole Hotel, Hanoi"},
        {"rate_date": "21/12/2024"},
    ],
)
def test_editing_the_place_or_the_rate_date_in_the_admin_withdraws_the_sign_off(client, edition, change):
    item = signed_off(edition)
    editor = User.objects.create_user("editor", is_staff=True)
    editor.user_permissions.add(*Permission.objects.filter(codename__in=["change_agreement", "view_agreement"]))
    admin = Client()
    admin.force_login(editor)

    url = f"/admin/meetings/agreement/{item.pk}/change/"
    answer = admin.post(url, admin_form(item, **change), follow=True).content.decode()

    assert "Đã thu hồi phê duyệt công bố" in answer
    item.refresh_from_db()
    assert item.approved_at is None and item.approved_by is None
    assert "Patrol boat contract" not in client.get("/en/results/").content.decode()
    assert "Metropole" not in client.get("/en/results/").content.decode()


def test_saving_an_agreement_as_public_without_the_right_says_it_awaits_approval(edition):
    User.objects.create_user("lan", first_name="Lan", last_name="Trần Thị", is_staff=True).user_permissions.add(
        Permission.objects.get(codename="approve_disclosure")
    )
    editor = User.objects.create_user("editor", is_staff=True)
    editor.user_permissions.add(
        *Permission.objects.filter(codename__in=["add_agreement", "change_agreement", "view_agreement"])
    )
    admin = Client()
    admin.force_login(editor)
    form = {
        "edition": edition.pk,
        "kind": "mou",
        "title_vi": "Biên bản ghi nhớ hợp tác huấn luyện",
        "party_a_vi": "Học viện Quốc phòng",
        "party_b_vi": "Đại học Quốc phòng Ấn Độ",
        "signed_on": "20/12/2024",
        "disclosure": "public",
    }
    answer = admin.post("/admin/meetings/agreement/add/", form, follow=True).content.decode()

    assert "Đã lưu, nhưng chưa công bố: việc công bố đang chờ Lan Trần Thị phê duyệt." in answer
    assert Agreement.objects.get().approved_at is None


def test_approving_an_internal_agreement_from_the_list_does_not_say_it_was_approved(edition):
    internal = Agreement.objects.create(
        edition=edition, title_vi="Thỏa thuận nội bộ", party_a_vi="A", party_b_vi="B", signed_on=edition.start_date
    )
    admin = Client()
    admin_login(admin, User.objects.create_superuser("root"))
    answer = admin.post(
        "/admin/meetings/agreement/", {"action": "approve", "_selected_action": [internal.pk]}, follow=True
    ).content.decode()
    assert "Thỏa thuận nội bộ: " in answer and "Đã duyệt công bố." not in answer
    internal.refresh_from_db()
    assert internal.approved_at is None
