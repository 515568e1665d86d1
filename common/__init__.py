"""Helpers shared by every app that belong to none: text, images, spreadsheets, PDF, cache.

This package imports no app (enforced by import-linter, see pyproject.toml).
"""
