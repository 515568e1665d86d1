"""The audit log keeps no sensitive value in clear: every model's declared sensitive fields are
masked in its entries (common.sensitive), whether written by django-auditlog, by the import's
bulk writer, or before this rule (the data migration)."""

import importlib
import io
import json

from auditlog.models import LogEntry
from auditlog.registry import auditlog
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from openpyxl import Workbook

from common.sensitive import AUDIT_MASK_CALLABLE, MASK, sensitive_fields
from delegations.imports import import_delegations
from delegations.models import Member
from tests.factories import make_delegation, make_member

HEADER = [
    "country",
    "organisation",
    "role",
    "family_name",
    "given_name",
    "rank",
    "position",
    "gender",
    "passport_no",
    "date_of_birth",
    "email",
    "phone",
    "arrival_at",
    "arrival_flight",
    "needs",
]
# As a ministry sends them, saved from Excel: Vietnamese names, day-first dates.
FIRST = [
    ["Việt Nam", "Bộ Quốc phòng", "head", "Nguyễn", "Văn An", "Đại tướng", "Bộ trưởng", "nam", "C0456789",
     "01/05/1960", "an.nguyen@mod.gov.vn", "+84 24 3733 1234", "18/12/2024 14:30", "VN123", "Ăn chay"],
    ["Pháp", "Ministère des Armées", "head", "Dupont", "Marie", "", "Vice-ministre", "F", "19FR72531",
     "03/02/1970", "marie.dupont@defense.gouv.fr", "+33 1 42 19 30 11", "18/12/2024 09:00", "AF100",
     "Allergie aux arachides"],
]  # fmt: skip
# The same people sent again with corrections: each sensitive value changes.
SECOND = [
    ["Việt Nam", "Bộ Quốc phòng", "head", "Nguyễn", "Văn An", "Đại tướng", "Bộ trưởng", "nam", "C0456789",
     "02/05/1960", "an.nv@mod.gov.vn", "+84 912 000 111", "18/12/2024 14:30", "VN123", "Không ăn thịt bò"],
    ["Pháp", "Ministère des Armées", "head", "Dupont", "Marie", "", "Vice-ministre", "F", "19FR72531",
     "04/02/1970", "m.dupont@defense.gouv.fr", "+33 6 12 34 56 78", "18/12/2024 09:00", "AF100", "Sans gluten"],
]  # fmt: skip
# Every sensitive column, in clear, and dates also as stored (ISO).
SENSITIVE = {"passport_no", "date_of_birth", "email", "phone", "needs"}


def _xlsx(rows):
    book = Workbook()
    sheet = book.active
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _secrets(rows):
    values = set()
    for row in rows:
        for column in SENSITIVE:
            value = row[HEADER.index(column)]
            values.add(value)
            if column == "date_of_birth":
                day, month, year = value.split("/")
                values.add(f"{year}-{month}-{day}")
    return values


def _everything_logged():
    return [
        json.dumps([e.changes, e.changes_text, e.serialized_data, e.additional_data, e.object_repr], ensure_ascii=False)
        for e in LogEntry.objects.all()
    ]


def test_every_audited_model_masks_all_its_sensitive_fields():
    # Walks django-auditlog's registry: a model registered without its sensitive fields masked fails.
    for model, options in auditlog._registry.items():
        assert set(sensitive_fields(model)) <= set(options["mask_fields"]), model
        if sensitive_fields(model):
            assert options["mask_callable"] == AUDIT_MASK_CALLABLE, model


def test_a_full_import_leaves_no_sensitive_value_in_clear_in_the_audit_log(edition, protocol_user):
    for rows in (FIRST, SECOND):
        result = import_delegations(data=_xlsx(rows), filename="danh-sach.xlsx", edition=edition, user=protocol_user)
        assert result.ok, result.errors
    # And an edit in the admin's way (a save, recorded by auditlog's signals).
    member = Member.objects.get(family_name="Dupont")
    member.phone, member.needs = "+33 7 00 00 00 01", "Halal"
    member.save()

    logged = _everything_logged()
    assert len(logged) >= 6 and any("Dupont" in text for text in logged)  # the entries are there
    assert Member.objects.filter(passport_no="C0456789", email="an.nv@mod.gov.vn").exists()  # saved in clear
    for secret in _secrets(FIRST) | _secrets(SECOND) | {"+33 7 00 00 00 01", "Halal"}:
        for text in logged:
            assert secret not in text, secret
    updates = LogEntry.objects.filter(content_type__model="member", action=LogEntry.Action.UPDATE)
    assert updates.exists() and all(e.changes["phone"] == [MASK, MASK] for e in updates if "phone" in e.changes)


def test_the_migration_masks_entries_written_before(edition):
    member = make_member(make_delegation(edition), "Dupont", "Marie")
    old = {
        "family_name": ["None", "Dupont"],
        "passport_no": ["None", "****1234"],  # half masked, as auditlog's default did
        "date_of_birth": ["None", "1970-02-03"],
        "email": ["None", "marie@example.org"],
        "phone": ["+33 1 23", "+33 1 24"],
        "needs": ["None", "Ăn chay"],
    }
    LogEntry.objects.filter(object_pk=str(member.pk)).delete()
    entry = LogEntry.objects.create(
        content_type=ContentType.objects.get_for_model(Member),
        object_pk=str(member.pk),
        object_id=member.pk,
        object_repr="Marie Dupont",
        action=LogEntry.Action.CREATE,
        changes=old,
        changes_text=json.dumps(old),
    )
    migration = importlib.import_module("delegations.migrations.0008_mask_audit_entries")
    migration.forwards(apps, None)
    entry.refresh_from_db()
    assert entry.changes == {
        "family_name": ["None", "Dupont"],
        "passport_no": ["None", MASK],
        "date_of_birth": ["None", MASK],
        "email": ["None", MASK],
        "phone": [MASK, MASK],
        "needs": ["None", MASK],
    }
    assert json.loads(entry.changes_text) == entry.changes
