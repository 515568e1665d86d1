"""Vietnamese alphabetical order on PostgreSQL and SQLite alike.

Vietnamese sorts a ă â b c d đ e ê … o ô ơ … u ư …, with the tones after the bare letter in
the order ngang, huyền, hỏi, ngã, sắc, nặng (a à ả ã á ạ). Code-point order puts "Trung tâm"
before "Tập đoàn" and đ after z. PostgreSQL ships ICU's Vietnamese collation ("vi-x-icu");
SQLite has none, so every SQLite connection gets a collation of the same name, computed by
`sort_key` below, which follows the same rules (letters and their tones; then case; spaces
and punctuation before digits before letters). Ordering a queryset `by_name("name")` is then
the same on both databases, with no extra column to keep in step.
"""

import functools
import unicodedata

from django.db.backends.signals import connection_created
from django.db.models import F
from django.db.models.functions import Collate

VI = "vi-x-icu"

ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_LETTER_RANK = {letter: 1000 + n for n, letter in enumerate(ALPHABET)}
# The vowel marks that make a distinct letter (ă â ê ô ơ ư) and the tone marks, in order.
_LETTER_MARKS = {"\u0306", "\u0302", "\u031b"}
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}


@functools.lru_cache(maxsize=65536)
def sort_key(value):
    """A key that sorts text in Vietnamese alphabetical order: letters first (ă after a, đ
    after d), then tones, then lower case before upper case."""
    primary, tones, cases = [], [], []
    for ch in unicodedata.normalize("NFC", value or ""):
        decomposed = unicodedata.normalize("NFD", ch)
        base, marks = decomposed[0], decomposed[1:]
        lower = base.lower()
        letter = lower + "".join(m for m in marks if m in _LETTER_MARKS)
        letter = unicodedata.normalize("NFC", letter)
        if ch.lower() == "đ":
            letter, lower = "đ", "đ"
        if letter in _LETTER_RANK:
            rank = _LETTER_RANK[letter]
        elif lower.isdigit():
            rank = 500 + int(unicodedata.digit(lower, 0))
        elif lower.isalpha():
            rank = 2000 + ord(lower)  # other scripts and letters after the Latin alphabet
        else:
            rank = ord(lower) if ord(lower) < 500 else 400  # spaces and punctuation first
        primary.append(rank)
        tones.append(sum(_TONES.get(m, 0) for m in marks))
        cases.append(0 if ch == ch.lower() else 1)
    return (tuple(primary), tuple(tones), tuple(cases))


def name_key(text, language="vi"):
    """A key ordering names alphabetically in `language`: Vietnamese order in vi; elsewhere
    accents ignored (then the exact text breaks ties), so "Österreich" sorts with the O's."""
    if (language or "vi").startswith("vi"):
        return sort_key(text)
    lowered = unicodedata.normalize("NFC", text or "").casefold()
    base = "".join(
        ch for ch in unicodedata.normalize("NFD", lowered.replace("đ", "d")) if not unicodedata.combining(ch)
    )
    return ((base,), (lowered,), ())


def compare(left, right):
    """SQLite's collation callback: negative, zero or positive like strcmp."""
    a, b = sort_key(left), sort_key(right)
    return (a > b) - (a < b)


def by_name(expression):
    """An order_by() term sorting `expression` (a field name or expression) in Vietnamese order."""
    if isinstance(expression, str):
        expression = F(expression)
    return Collate(expression, VI)


def register(sender, connection, **kwargs):
    if connection.vendor == "sqlite":
        connection.connection.create_collation(VI, compare)


connection_created.connect(register, dispatch_uid="common.collation.register")
