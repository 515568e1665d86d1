"""The catalogue's search, answered in process from the rows' folded search columns.

The rows' folded search columns, read once per catalogue version (on the first search after an
edit: one query), give each word the rows holding it; a search is then one bitset per word,
ANDed. The rules are those of `common.text.matching` (the admin's and the press centre's SQL
search), word for word:
- every word but the last is a whole word of the row's column (`' ' + word + ' '`);
- the last may be the start of a word (`' ' + word`): "tau ng" finds "tàu ngầm";
- rows holding the words together, in the order typed, form the phrase group that comes first
  (`common.text.phrase_rank`).
`tests/exhibitors/test_facet_index.py` compares every match and order with an SQL reference.
"""

import bisect
from array import array
from itertools import chain

from exhibitors.catalogue.bitsets import bitset, members
from exhibitors.catalogue.courtesy import every, give_way

# Joins the texts and words handed to the other processes: never in a text (PostgreSQL's text
# holds no NUL, and a row's text is cleaned of it anyway), so never in a word.
SEPARATOR = "\x00"
PIECE = 4000  # strings per piece handed over


def _pieces(strings):
    """`strings` as UTF-8 runs of PIECE of them, joined by SEPARATOR."""
    return [SEPARATOR.join(strings[start : start + PIECE]).encode() for start in range(0, len(strings), PIECE)]


def _strings(pieces):
    """The strings `_pieces` gave, giving way between two pieces."""
    strings = []
    for piece in pieces:
        give_way()
        strings.extend(piece.decode().split(SEPARATOR))
    return strings


class WordIndex:
    """Per word, the positions (in a `Side`) of the rows whose search column holds it."""

    def __init__(self, rows, positions):
        """`rows`: (primary key, search column) pairs; `positions`: the side's {pk: position}."""
        self.size = len(positions)
        self.texts = [""] * self.size
        rows_of = {}
        for pk, text in every(rows):
            at = positions.get(pk)
            if at is None:  # written after the index was built: the next version has it
                continue
            self.texts[at] = (text or "").replace(SEPARATOR, " ")  # handed over joined by it (below)
            for word in set(self.texts[at].split()):
                found = rows_of.get(word)
                if found is None:
                    found = rows_of[word] = array("I")
                found.append(at)
        self.rows_of = rows_of
        self.vocabulary = sorted(rows_of)

    def __getstate__(self):
        # Handed to the other processes through the shared cache (rebuild.py) in pieces that each
        # take one quick call to pickle and to read back: the texts and words as UTF-8 runs of
        # PIECE strings, the rows of every word as one flat array with each word's end. As lists
        # of 60,000 texts and 200,000 words and a dict of 200,000 arrays, one `pickle.loads`
        # held the interpreter, and with it every request of the process, for up to 120 ms at
        # 4 × the design scale (the texts alone, as one string, 25–40 ms). The pieces are read
        # back, and the dict rebuilt, below, in steps that give way (courtesy.py).
        rows, ends = array("I"), array("Q")
        for word in every(self.vocabulary):
            rows.extend(self.rows_of[word])
            ends.append(len(rows))
        return {
            "size": self.size,
            "texts": _pieces(self.texts),
            "vocabulary": _pieces(self.vocabulary),
            "rows": rows,
            "ends": ends,
        }

    def __setstate__(self, state):
        self.size = state["size"]
        self.texts, self.vocabulary = _strings(state["texts"]), _strings(state["vocabulary"])
        rows, self.rows_of, start = state["rows"], {}, 0
        for word, end in every(zip(self.vocabulary, state["ends"], strict=True)):
            self.rows_of[word] = rows[start:end]
            start = end

    def _starting(self, prefix):
        """Every row holding a word that starts with `prefix`."""
        start = bisect.bisect_left(self.vocabulary, prefix)
        stop = bisect.bisect_left(self.vocabulary, prefix + "\U0010ffff")
        # A row holding several such words sets its bit several times: harmless.
        return bitset(chain.from_iterable(self.rows_of[word] for word in self.vocabulary[start:stop]), self.size)

    def matching(self, words):
        """The rows holding every one of `words` (folded, as `common.text.search_words` gives
        them), the last as a word start; every row when there are none, as in SQL."""
        mask = (1 << self.size) - 1
        for word in words[:-1]:
            mask &= bitset(self.rows_of.get(word, ()), self.size)
            if not mask:
                return 0
        if words:
            mask &= self._starting(words[-1])
        return mask

    def phrase(self, mask, words):
        """The rows of `mask` holding `words` together, in order (every row of it for one word)."""
        if len(words) < 2:
            return mask
        phrase = " " + " ".join(words)
        texts = self.texts
        return bitset((at for at in members(mask) if phrase in texts[at]), self.size)
