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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

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


def normalise_word(word: str) -> str:
    return unicodedata.normalize("NFKC", word).translate(_APOSTROPHES)


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """The words of `text` with their offsets (plus `offset`) into the original string."""
    cleaned = text.translate(_SUPERSCRIPTS)
    return [
        Token(normalise_word(m.group()), m.start() + offset, m.end() + offset)
        for m in WORD_RE.finditer(cleaned)
    ]


@dataclass(slots=True)
class Stream:
    """One run of a source's words, searchable as a space-joined string.

    The joined string makes exact matching a regex search (fast in C even over a million
    words); `_starts` maps a match back to token positions.
    """

    tokens: list[Token]
    joined: str = ""
    _starts: list[int] = field(default_factory=list)
    _positions: dict[str, list[int]] | None = None

    def __post_init__(self) -> None:
        starts = []
        position = 1
        for token in self.tokens:
            starts.append(position)
            position += len(token.text) + 1
        self._starts = starts
        self.joined = " " + " ".join(t.text for t in self.tokens) + " "

    def __len__(self) -> int:
        return len(self.tokens)

    def token_at(self, joined_offset: int) -> int:
        """The index of the token starting at or containing `joined_offset`."""
        return max(0, bisect.bisect_right(self._starts, joined_offset) - 1)

    def joined_offset(self, token_index: int) -> int:
        if token_index >= len(self._starts):
            return len(self.joined)
        return self._starts[token_index]

    def positions(self, fold: str) -> list[int]:
        """Where a (case-folded) word occurs; built on first use, for locating misquotations."""
        if self._positions is None:
            table: dict[str, list[int]] = {}
            for index, token in enumerate(self.tokens):
                table.setdefault(token.fold, []).append(index)
            self._positions = table
        return self._positions.get(fold, [])


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

    @classmethod
    def from_document(cls, document: Document) -> SourceText:
        passages = sorted(document.passages, key=lambda p: (p.start, p.ordinal))
        usable = [p for p in passages if p.end > p.start]
        if not usable:
            streams = [Stream(tokenize(document.text))]
        else:
            body: list[Token] = []
            notes: list[Token] = []
            for passage in usable:
                words = tokenize(document.text[passage.start : passage.end], passage.start)
                (notes if passage.kind == "note" else body).extend(words)
            streams = [Stream(body)] + ([Stream(notes)] if notes else [])
        return cls(document.source_id, document.text, passages, streams)

    def passage_at(self, offset: int) -> Passage | None:
        """The passage holding character `offset`, for reporting its page or section."""
        for passage in self.passages:
            if passage.start <= offset < passage.end:
                return passage
        return None

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


def words(text: str) -> list[str]:
    return [t.text for t in tokenize(text)]


def join_words(items: Iterable[str]) -> str:
    return " ".join(items)
