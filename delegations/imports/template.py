"""The import template: the header row, and the allowed values of each coded column in vi and en.

Officers type labels in either language or the code; the template lists all three so nobody has
to guess what "level" accepts. The workbook's first sheet is the one imported; the allowed values
sit on a second sheet.
"""

import io

from django.utils.translation import gettext as _
from django.utils.translation import override
from openpyxl import Workbook

from delegations.columns import bilingual_header
from delegations.imports.parsing import DAYS_AROUND_EDITION
from delegations.imports.reading import COLUMNS
from delegations.models import Delegation, Member


def coded_columns():
    """[(column, [(code, Vietnamese label, English label)])] for every column with fixed values."""
    sets = [
        ("delegation_type", Delegation.Type.choices),
        ("level", Delegation.Level.choices),
        ("role", Member.Role.choices),
        ("gender", [choice for choice in Member.Gender.choices if choice[0]]),
    ]
    result = []
    for column, choices in sets:
        rows = []
        for code, label in choices:
            with override("vi"):
                vietnamese = str(label)
            with override("en"):
                english = str(label)
            rows.append((code, vietnamese, english))
        result.append((column, rows))
    return result


def template_xlsx():
    book = Workbook()
    sheet = book.active
    sheet.title = "delegations"
    # Each header in Vietnamese and English ("Quốc gia / Country"); codes and either language import too.
    sheet.append([bilingual_header(column) for column in COLUMNS])
    values = book.create_sheet(_("Allowed values"))
    values.append([_("Column"), _("Code"), "Tiếng Việt", "English"])
    for column, rows in coded_columns():
        for code, vietnamese, english in rows:
            values.append([column, code, vietnamese, english])
    values.append([])
    values.append(
        [
            "country",
            "",
            _(
                "Country name in Vietnamese or English, as the Ministry of Foreign Affairs writes it "
                "(“Cu-ba”, “Ô-xtrây-li-a”), or its ISO code in capitals (VN, VNM)."
            ),
        ]
    )
    values.append(
        [
            "organisation, rank, position",
            "",
            _("One column per language (…_vi, …_en); the letters use each language's own."),
        ]
    )
    values.append(["date_of_birth", "", _("DD/MM/YYYY or YYYY-MM-DD, e.g. 20/12/1970")])
    values.append(
        [
            "arrival_at, departure_at",
            "",
            _("DD/MM/YYYY HH:MM, local time at the event, e.g. 18/12/2024 14:30; within %(days)s days of the expo")
            % {"days": DAYS_AROUND_EDITION},
        ]
    )
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
