"""Word streams of sources and quotations, normalised only as far as Chicago forgives.

A quotation is compared word by word. What may differ without it being a misquotation:
quotation marks (curly or straight, double turned single when nested), whitespace including
line and paragraph breaks, punctuation, footnote reference marks printed as superscript digits,
and the case of the first letter. Everything else is the source's wording and must match.
"""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from assistant.library.model import Document, Passage

# Superscript digits are footnote reference marks in extracted text ("reunification."¹), never
# part of a quoted word; replacing them by spaces keeps every other character's offset.
_SUPERSCRIPTS = str.maketrans({c: " " for c in "⁰¹²³⁴⁵⁶⁷⁸⁹"})
_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "‘": "'", "`": "'"})
WORD_RE = re.compile(r"[^\W_]+(?:['’ʼ][^\W_]+)*")


@dataclass(frozen=True, slots=True)
class Token:
    """A word: `text` is its normalised spelling (case kept), `start`/`end` its original span."""

    text: str
    start: int
    end: int

    @property
    def fold(self) -> str:
        return self.text.casefold()


def strip_marks(text: str) -> str:
    """`text` with footnote marks (superscript digits) turned into spaces, offsets kept.

    A `replace` per digit (each a C-speed scan) beats `translate`'s per-character lookups.
    """
    for mark in "⁰¹²³⁴⁵⁶⁷⁸⁹":
        if mark in text:
            text = text.replace(mark, " ")
    return text


def normalise_word(word: str) -> str:
    return unicodedata.normalize("NFKC", word).translate(_APOSTROPHES)


def _words(cleaned: str) -> list[str]:
    """The normalised words of text already cleared of footnote marks.

    Most texts are already in NFKC form, and then one C-level `findall` does it all; a
    text with ligatures or compatibility characters is normalised word by word.
    """
    found = WORD_RE.findall(cleaned)
    if unicodedata.is_normalized("NFKC", cleaned):
        if "’" in cleaned or "ʼ" in cleaned:
            return [w.translate(_APOSTROPHES) if "’" in w or "ʼ" in w else w for w in found]
        return found
    return [normalise_word(w) for w in found]


class Stream:
    """One run of a source's words, searchable as a space-joined string.

    The joined string makes exact matching a regex search (in C, even over a million words).
    Words are found with one `findall` per piece of text; their character offsets, needed
    only to report a problem, are worked out per piece on first use.
    """

    def __init__(self, pieces: Sequence[tuple[int, str]]) -> None:
        # pieces: (offset of the piece in the document, the piece's text cleared of marks)
        self.words: list[str] = []
        self._piece_first: list[int] = []
        self._pieces = list(pieces)
        self._offsets: dict[int, list[tuple[int, int]]] = {}
        for _, text in self._pieces:
            self._piece_first.append(len(self.words))
            self.words.extend(_words(text))
        self.joined = " " + " ".join(self.words) + " "
        self._cumulative = list(itertools.accumulate(map(len, self.words)))
        self._positions: dict[str, list[int]] | None = None
        self.tokens = _Tokens(self)

    def __len__(self) -> int:
        return len(self.words)

    def token_at(self, joined_offset: int) -> int:
        """The index of the token starting at or containing `joined_offset`."""
        # Token i starts at 1 + i + (sum of the lengths of the tokens before it).
        low, high = 0, len(self.words)
        while low < high:
            middle = (low + high) // 2
            if self.joined_offset(middle) <= joined_offset:
                low = middle + 1
            else:
                high = middle
        return max(0, low - 1)

    def joined_offset(self, token_index: int) -> int:
        if token_index >= len(self.words):
            return len(self.joined)
        if token_index <= 0:
            return 1
        return 1 + token_index + self._cumulative[token_index - 1]

    def span(self, token_index: int) -> tuple[int, int]:
        """Where token `token_index` is in the document's text."""
        piece = bisect.bisect_right(self._piece_first, token_index) - 1
        offsets = self._offsets.get(piece)
        if offsets is None:
            base, text = self._pieces[piece]
            offsets = [(m.start() + base, m.end() + base) for m in WORD_RE.finditer(text)]
            self._offsets[piece] = offsets
        return offsets[token_index - self._piece_first[piece]]

    def positions(self, fold: str) -> list[int]:
        """Where a (case-folded) word occurs; built on first use, for locating misquotations."""
        if self._positions is None:
            table: dict[str, list[int]] = {}
            for index, word in enumerate(self.words):
                table.setdefault(word.casefold(), []).append(index)
            self._positions = table
        return self._positions.get(fold, [])


class _Tokens(Sequence[Token]):
    """A stream's words as `Token`s, made when asked for."""

    def __init__(self, stream: Stream) -> None:
        self._stream = stream

    def __len__(self) -> int:
        return len(self._stream.words)

    def _token(self, index: int) -> Token:
        return Token(self._stream.words[index], *self._stream.span(index))

    def __getitem__(self, key):  # type: ignore[override]
        if isinstance(key, slice):
            return [self._token(i) for i in range(*key.indices(len(self)))]
        if key < 0:
            key += len(self)
        if not 0 <= key < len(self):
            raise IndexError(key)
        return self._token(key)


@dataclass(slots=True)
class SourceText:
    """A source document prepared for quotation matching.

    Notes printed between body paragraphs (the page's footnotes in extracted text) are taken
    out of the body stream, so a quotation that runs across a page or paragraph break matches
    the words on either side; the notes get a stream of their own, as a writer may quote one.
    """

    source_id: str
    text: str
    passages: list[Passage]
    streams: list[Stream]
    document: Document | None = None  # for the exact page of a word (PDF sources)

    @classmethod
    def from_document(cls, document: Document) -> SourceText:
        passages = sorted(document.passages, key=lambda p: (p.start, p.ordinal))
        usable = [p for p in passages if p.end > p.start]
        cleaned = strip_marks(document.text)
        if not usable:
            streams = [Stream([(0, cleaned)])]
        else:
            body: list[tuple[int, str]] = []
            notes: list[tuple[int, str]] = []
            for passage in usable:
                piece = (passage.start, cleaned[passage.start : passage.end])
                (notes if passage.kind == "note" else body).append(piece)
            streams = [Stream(body)] + ([Stream(notes)] if notes else [])
        return cls(document.source_id, document.text, passages, streams, document)

    def passage_at(self, offset: int) -> Passage | None:
        """The passage holding character `offset`, for reporting its page or section."""
        for passage in self.passages:
            if passage.start <= offset < passage.end:
                return passage
        return None

    def page_at(self, offset: int) -> str | None:
        """The printed page of character `offset`: exact even in a passage spanning "41–42"."""
        page = self.document.page_at(offset) if self.document is not None else None
        if page is None:
            passage = self.passage_at(offset)
            page = passage.page if passage is not None else None
        return page

    def wording(self, tokens: Sequence[Token]) -> str:
        """The source's own characters from the first to the last of `tokens`.

        Tokens that are not adjacent in the text (the stream skipped a note between them) are
        joined by a space; footnote marks and line breaks become nothing and spaces.
        """
        if not tokens:
            return ""
        pieces = [self.text[tokens[0].start : tokens[0].end]]
        for previous, token in itertools.pairwise(tokens):
            between = self.text[previous.end : token.start]
            if WORD_RE.search(between.translate(_SUPERSCRIPTS)):
                between = " "  # the stream skipped words here (a note between two pages)
            pieces.append(between)
            pieces.append(self.text[token.start : token.end])
        return clean_wording("".join(pieces))


def clean_wording(text: str) -> str:
    """Source characters as they go inside a quotation in running text.

    Whitespace (line breaks included) collapses, footnote marks go, Markdown emphasis markers go,
    and double quotation marks become single ones as Chicago requires for a quotation within a
    quotation.
    """
    text = text.translate(_SUPERSCRIPTS)
    text = re.sub(r"(?<!\w)[*_]+|[*_]+(?!\w)", "", text)
    text = text.replace("“", "‘").replace("”", "’").replace('"', "'")
    return re.sub(r"\s+", " ", text).strip()
