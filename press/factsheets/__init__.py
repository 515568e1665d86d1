"""Fact sheets of the expo, its exhibitors and exhibits, in Vietnamese and English."""

from press.factsheets.data import (
    Sheet,
    exhibit_queryset,
    exhibit_sheet,
    exhibit_sheets,
    exhibitor_sheet,
    exhibitor_sheets,
    expo_sheet,
    site_url,
)
from press.factsheets.render import render_sheet, store_many, stored_sheet

__all__ = [
    "Sheet",
    "exhibit_queryset",
    "exhibit_sheet",
    "exhibit_sheets",
    "exhibitor_sheet",
    "exhibitor_sheets",
    "expo_sheet",
    "render_sheet",
    "site_url",
    "store_many",
    "stored_sheet",
]
