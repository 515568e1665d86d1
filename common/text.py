"""Accent folding for comparisons (common/ imports no app, so it keeps its own copy of the rule
that expo.text.fold applies: diacritics dropped, đ → d, case removed)."""

import unicodedata

_EXTRA = str.maketrans({"đ": "d", "Đ": "d"})


def fold_text(value):
    decomposed = unicodedata.normalize("NFKD", (value or "").translate(_EXTRA))
    return " ".join("".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold().split())
