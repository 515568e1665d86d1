"""Text helpers shared by every app: Unicode normalisation and accent folding.

Vietnamese typed on some keyboards arrives decomposed (NFD), which breaks search, uniqueness
and some PDF engines, so every stored text is NFC. Search compares *folded* text: diacritics
dropped, đ/Đ turned into d, case removed, so "tau ngam" finds "Tàu ngầm" on any database.
"""

import unicodedata

from django.db import models

_FOLD_EXTRA = str.maketrans({"đ": "d", "Đ": "d", "ð": "d", "ø": "o", "ß": "ss", "æ": "ae", "œ": "oe"})


def nfc(value):
    """Return `value` in Unicode NFC; non-strings pass through unchanged."""
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    return value


def fold(value):
    """Fold text for accent-insensitive search: 'Đường Hà Nội' -> 'duong ha noi'."""
    if not value:
        return ""
    decomposed = unicodedata.normalize("NFKD", value.translate(_FOLD_EXTRA))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.casefold().split())


class NormalizedTextModel(models.Model):
    """Keeps every text column (translated ones included) in NFC on save."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        for field in self._meta.concrete_fields:
            if isinstance(field, (models.CharField, models.TextField)):
                value = getattr(self, field.attname)
                if isinstance(value, str):
                    setattr(self, field.attname, nfc(value))
        super().save(*args, **kwargs)
