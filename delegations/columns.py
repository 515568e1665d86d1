"""The delegation spreadsheet's columns, defined once for the import, the export and the template.

Which columns are sensitive is not restated here: a column is sensitive when the member field it
fills is in `Member.SENSITIVE_FIELDS`, so a field added there is masked in the admin, left out of
the export and refused in a restricted user's import at once.
"""

from delegations.models import Member

# Import column -> the Member field it fills; `position` is written in the import's language.
MEMBER_COLUMNS = {
    "role": "role",
    "family_name": "family_name",
    "given_name": "given_name",
    "rank": "rank",
    "position": "position",
    "gender": "gender",
    "nationality": "nationality",
    "passport_no": "passport_no",
    "date_of_birth": "date_of_birth",
    "email": "email",
    "phone": "phone",
    "needs": "needs",
}

# Every column, in the order of the template and the export.
COLUMNS = (
    "country",
    "organisation",
    "delegation_type",
    "level",
    "role",
    "family_name",
    "given_name",
    "rank",
    "position",
    "gender",
    "nationality",
    "passport_no",
    "date_of_birth",
    "email",
    "phone",
    "arrival_at",
    "arrival_flight",
    "departure_at",
    "departure_flight",
    "needs",
)
REQUIRED_COLUMNS = ("country", "organisation", "family_name")

SENSITIVE_COLUMNS = tuple(c for c in COLUMNS if MEMBER_COLUMNS.get(c) in Member.SENSITIVE_FIELDS)

# Member fields an import writes (position aside, which goes to position_<language>).
MEMBER_IMPORT_FIELDS = tuple(field for field in MEMBER_COLUMNS.values() if field != "position")


def visible_columns(*, sensitive):
    """The columns a user sees in an export or may send in an import."""
    return tuple(c for c in COLUMNS if sensitive or c not in SENSITIVE_COLUMNS)
