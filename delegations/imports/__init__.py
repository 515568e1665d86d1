"""Spreadsheet import of delegation lists: one service for the admin page and the command."""

from delegations.imports.reading import COLUMNS, REQUIRED_COLUMNS, template_csv
from delegations.imports.service import ImportResult, RowError, import_delegations

__all__ = ["COLUMNS", "REQUIRED_COLUMNS", "ImportResult", "RowError", "import_delegations", "template_csv"]
