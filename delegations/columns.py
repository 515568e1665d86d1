"""The delegation spreadsheet's columns, defined once for the import, the export and the template.

Which columns are sensitive is not restated here: a column is sensitive when the member field it
fills is in `Member.SENSITIVE_FIELDS`, so a field added there is masked in the admin, left out of
the export and refused in a restricted user's import at once.

Organisation, rank and position have a column per language (`rank_vi`, `rank_en`); a file may
instead carry one `rank` column, written in the import's language (`IN_IMPORT_LANGUAGE`). Each
column has a Vietnamese and an English header (`HEADERS`): the template writes both, and the
import accepts the code, either header or both, in any case and with or without accents.
"""

from common.text import words
from delegations.models import Member

# Import column -> the Member field it fills.
MEMBER_COLUMNS = {
    "role": "role",
    "family_name": "family_name",
    "given_name": "given_name",
    "rank_vi": "rank_vi",
    "rank_en": "rank_en",
    "position_vi": "position_vi",
    "position_en": "position_en",
    "gender": "gender",
    "nationality": "nationality",
    "passport_no": "passport_no",
    "date_of_birth": "date_of_birth",
    "email": "email",
    "phone": "phone",
    "needs": "needs",
}

# Column: (Vietnamese header, English header), in the order of the template and the export.
HEADERS = {
    "country": ("Quốc gia", "Country"),
    "organisation_vi": ("Cơ quan (tiếng Việt)", "Organisation (Vietnamese)"),
    "organisation_en": ("Cơ quan (tiếng Anh)", "Organisation (English)"),
    "delegation_type": ("Loại đoàn", "Delegation type"),
    "level": ("Cấp đoàn", "Level"),
    "role": ("Vai trò", "Role"),
    "family_name": ("Họ", "Family name"),
    "given_name": ("Tên", "Given name"),
    "rank_vi": ("Cấp bậc (tiếng Việt)", "Rank (Vietnamese)"),
    "rank_en": ("Cấp bậc (tiếng Anh)", "Rank (English)"),
    "position_vi": ("Chức vụ (tiếng Việt)", "Position (Vietnamese)"),
    "position_en": ("Chức vụ (tiếng Anh)", "Position (English)"),
    "gender": ("Giới tính", "Gender"),
    "nationality": ("Quốc tịch", "Nationality"),
    "passport_no": ("Số hộ chiếu", "Passport number"),
    "date_of_birth": ("Ngày sinh", "Date of birth"),
    "email": ("Thư điện tử", "Email"),
    "phone": ("Điện thoại", "Phone"),
    "arrival_at": ("Thời gian đến", "Arrival"),
    "arrival_flight": ("Chuyến bay đến", "Arrival flight"),
    "departure_at": ("Thời gian đi", "Departure"),
    "departure_flight": ("Chuyến bay đi", "Departure flight"),
    "needs": ("Yêu cầu ăn uống, y tế", "Dietary and medical needs"),
}
COLUMNS = tuple(HEADERS)

# One column for both languages' fields, written in the import's language (--language, the form's choice).
IN_IMPORT_LANGUAGE = {
    "organisation": ("Cơ quan", "Organisation"),
    "rank": ("Cấp bậc", "Rank"),
    "position": ("Chức vụ", "Position"),
}
# Other headers ministries write.
MORE_HEADERS = {
    "country": ("Nước", "Tên nước"),
    "organisation": ("Đơn vị", "Tên cơ quan"),
    "family_name": ("Họ và tên đệm", "Surname", "Last name"),
    "given_name": ("First name",),
    "role": ("Chức danh trong đoàn",),
    "passport_no": ("Hộ chiếu", "Số hộ chiếu/Passport No", "Passport No"),
    "email": ("Email",),
    "phone": ("Số điện thoại", "Phone number"),
    "arrival_at": ("Ngày giờ đến", "Arrival time"),
    "departure_at": ("Ngày giờ đi", "Departure time"),
}
REQUIRED_COLUMNS = ("country", "family_name")
ORGANISATION_COLUMNS = ("organisation_vi", "organisation_en")

SENSITIVE_COLUMNS = tuple(c for c in COLUMNS if MEMBER_COLUMNS.get(c) in Member.SENSITIVE_FIELDS)

# Member fields an import writes.
MEMBER_IMPORT_FIELDS = tuple(MEMBER_COLUMNS.values())


def header_key(text):
    """How a header is compared: folded words ("Cơ quan (tiếng Việt)" -> "co_quan_tieng_viet")."""
    return "_".join(words(str(text or "")))


def _header_lookup():
    lookup = {}
    for column, names in (*HEADERS.items(), *IN_IMPORT_LANGUAGE.items()):
        vietnamese, english = names
        for name in (column, vietnamese, english, f"{vietnamese} / {english}", *MORE_HEADERS.get(column, ())):
            lookup[header_key(name)] = column
    for column, names in MORE_HEADERS.items():
        for name in names:
            lookup.setdefault(header_key(name), column)
    return lookup


HEADER_LOOKUP = _header_lookup()


def column_of(header):
    """The column a header names, or its folded form when it names none (reported as unknown)."""
    key = header_key(header)
    return HEADER_LOOKUP.get(key, key)


def bilingual_header(column):
    vietnamese, english = HEADERS[column]
    return f"{vietnamese} / {english}"


def visible_columns(*, sensitive):
    """The columns a user sees in an export or may send in an import."""
    return tuple(c for c in COLUMNS if sensitive or c not in SENSITIVE_COLUMNS)
