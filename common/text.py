"""Text helpers shared by every app: Unicode normalisation and accent folding.

Vietnamese typed on some keyboards arrives decomposed (NFD), which breaks search, uniqueness
and some PDF engines, so every stored text is NFC. Search compares *folded* text: diacritics
dropped, đ/Đ turned into d, case removed, so "tau ngam" finds "Tàu ngầm" on any database.
"""

import re
import unicodedata

from django.conf import settings
from django.db import models
from django.db.models import Case, Q, Value, When
from django.utils.translation import get_language

_FOLD_EXTRA = str.maketrans({"đ": "d", "Đ": "d", "ð": "d", "ø": "o", "ß": "ss", "æ": "ae", "œ": "oe"})


def nfc(value):
    """Return `value` in Unicode NFC; non-strings pass through unchanged."""
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    return value


def translated(obj, field, language=None):
    """`obj.<field>_<language>` (the active language by default), else the first value set along
    MODELTRANSLATION_FALLBACK_LANGUAGES: what modeltranslation reads, for a model and for a row
    that carries the per-language values itself (an annotation such as `item_title_vi`)."""
    language = language or get_language()
    fallbacks = settings.MODELTRANSLATION_FALLBACK_LANGUAGES
    for code in (language, *fallbacks.get(language, fallbacks["default"])):
        if value := getattr(obj, f"{field}_{code}", None):
            return value
    return ""


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
        from modeltranslation.fields import TranslationFieldDescriptor  # needs settings: not at import

        for field in self._meta.concrete_fields:
            if isinstance(getattr(type(self), field.attname, None), TranslationFieldDescriptor):
                # The untranslated name of a translated field (`title`) reads the active language with
                # fallback and writes to the active language: going through it would copy the Vietnamese
                # text into an empty English `title_en` whenever an English-speaking editor saves. Its
                # per-language columns are normalised on their own.
                continue
            if isinstance(field, (models.CharField, models.TextField)):
                # The stored value itself, not getattr(): on a translated model the original field's
                # descriptor reads the active language with fallback and writes it back into that
                # language, so an empty English value would be filled with the Vietnamese one.
                value = self.__dict__.get(field.attname)
                if isinstance(value, str):
                    self.__dict__[field.attname] = nfc(value)
        super().save(*args, **kwargs)


_NON_WORD = re.compile(r"[\W_]+")
# Words joined by a hyphen or a slash ("anti-aircraft", "C4ISR/EW"): also indexed as one word.
_JOINED = re.compile(r"\w+(?:[-‐‑/]\w+)+")

# Spellings of one word that a search treats as the same (both folded): Vietnamese loanwords as
# they are written beside the English ("rađa" for "radar").
VARIANTS = {"rada": "radar", "dron": "drone"}
# English plurals a search takes as the singular: "missiles" finds "missile", "boxes" "box",
# "batteries" "battery". No Vietnamese word ends in s, so folded Vietnamese is never touched.
_KEEP_S = ("ss", "us", "is", "os", "as")


def variant(word):
    """The one spelling a folded `word` is indexed and searched under: 'radars' -> 'radar'."""
    word = VARIANTS.get(word, word)
    if len(word) > 3 and word.endswith("s") and not word.isdigit():
        if word.endswith("ies") and len(word) > 4:
            word = word[:-3] + "y"
        elif word.endswith(("sses", "xes", "ches", "shes", "zes")):
            word = word[:-2]
        elif not word.endswith(_KEEP_S):
            word = word[:-1]
    return VARIANTS.get(word, word)


def words(value):
    """The folded words of `value`, punctuation dropped, each under its one spelling (`variant`):
    'Tàu ngầm (Kilo-636)' -> ['tau', 'ngam', 'kilo', '636'], 'Radars' -> ['radar']."""
    return [variant(word) for word in _NON_WORD.sub(" ", fold(value)).split()]


def search_text(*parts):
    """A folded search column: every word between spaces (' tau ngam kilo 636 '), so that a
    whole word is `' ' + word + ' '` and a word start `' ' + word`: `LIKE '% ha %'` never
    matches inside a word ('nhan'), on any database and through PostgreSQL's trigram index.
    Hyphenated words come both apart and joined, after the rest ("anti aircraft … antiaircraft"),
    so "antiaircraft" and "anti-aircraft" both find them and phrases stay intact."""
    text = " ".join(part or "" for part in parts)
    joined = [_NON_WORD.sub("", fold(match)) for match in _JOINED.findall(text)]
    folded = words(text) + [variant(word) for word in joined if word]
    return " " + " ".join(folded) + " " if folded else ""


def search_words(query):
    """The folded words of a visitor's query (each under its one spelling), at most 8 of them
    (longer queries are noise)."""
    return words(query)[:8]


def matching(query_words, *lookups):
    """Every word must be a word of one of the folded search columns named by `lookups`
    (`search_text`), the last one may be the start of a word (typing "tau ng" finds "Tàu ngầm"):
    "ha noi" finds "Hà Nội" but never "nhận" or "Hàng"; accents and case are ignored.
    The `startswith` branch serves rows stored before this format (press releases not saved since)."""
    condition = Q()
    for n, word in enumerate(query_words):
        whole = n < len(query_words) - 1
        needle = f" {word} " if whole else f" {word}"
        either = Q()
        for lookup in lookups:
            legacy = f"{word} " if whole else word
            either |= Q(**{f"{lookup}__contains": needle}) | Q(**{f"{lookup}__startswith": legacy})
        condition &= either
    return condition


def holds(column, query_words):
    """`matching`'s rule for one search column in Python: every word whole, the last a word start."""
    *whole, last = query_words or [""]
    return all(f" {word} " in column for word in whole) and f" {last}" in column


def phrase_rank(query_words, lookup="search_text"):
    """0 where the words appear together, in the order typed ("ha noi" in "… hà nội …"), else 1:
    the first order_by() term of a search, so phrase matches come first."""
    if len(query_words) < 2:
        return Value(0)
    phrase = " " + " ".join(query_words)
    return Case(When(**{f"{lookup}__contains": phrase}, then=Value(0)), default=Value(1))
