"""Shared helpers that belong to no app (imports no app)."""
