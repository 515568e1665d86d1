"""Spreadsheet import of delegation lists: one service for the admin page and the command."""

from delegations.columns import COLUMNS, REQUIRED_COLUMNS
from delegations.imports.reading import template_csv
from delegations.imports.service import ImportResult, RowError, check_file, import_delegations, write_rows

__all__ = [
    "COLUMNS",
    "REQUIRED_COLUMNS",
    "ImportResult",
    "RowError",
    "check_file",
    "import_delegations",
    "template_csv",
    "write_rows",
]
