"""A quotation as the writer typed it, turned into what the source must contain.

Chicago lets a writer omit words (an ellipsis: "…", ". . .", "...", "[…]") and change them inside
square brackets ("[t]he", "[Korean] population", "[sic]"). A quotation therefore becomes a list
of segments (split at each ellipsis), each a run of words where a bracketed change matches the
source's word(s) loosely.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.check.text import normalise_word

# An ellipsis in any of the forms writers type, optionally bracketed, optionally after a
# sentence's own period (the "four-dot" ellipsis).
ELLIPSIS_RE = re.compile(r"\[\s*(?:…|\.(?:\s?\.){2})\s*\]|…|\.(?:\s?\.){2,3}")
# A word, possibly with a bracketed change inside or attached to it ("[t]he", "reunif[ied]"),
# or a bracketed stretch of its own ("[Korean]", "[sic]").
_CHUNK_RE = re.compile(r"(?:\[[^\]\n]*\]|[^\W_]|(?<=[^\W_\]])['’ʼ](?=[^\W_\[]))+")
_BRACKET_RE = re.compile(r"\[[^\]\n]*\]")
# Bracketed remarks that stand for nothing in the source.
_REMARKS = {"sic", "emphasis added", "emphasis mine", "italics added", "italics mine", "sic!"}
_SUPERSCRIPTS = str.maketrans({c: " " for c in "⁰¹²³⁴⁵⁶⁷⁸⁹"})


@dataclass(frozen=True, slots=True)
class Item:
    """One word of a segment.

    `word` is the normalised spelling, `regex` what it matches in a stream's joined string,
    `editorial` is True for text inside brackets (a change the writer marked) and `gap` the
    number of source words a standalone bracketed stretch may replace (0 for a plain word).
    """

    word: str
    regex: str
    start: int
    end: int
    editorial: bool = False
    gap: int = 0


@dataclass(slots=True)
class Segment:
    """The words between two ellipses, with their span in the quotation text."""

    items: list[Item] = field(default_factory=list)
    start: int = 0
    end: int = 0
    _regex: re.Pattern[str] | None = None
    _anchor: tuple[str, int, int] | None = None

    @property
    def words(self) -> list[Item]:
        """Every item, bracketed stretches included (alignment lets them stand for anything)."""
        return list(self.items)

    @property
    def literal_words(self) -> list[Item]:
        """The words the source must contain as written."""
        return [item for item in self.items if not item.editorial]

    def regex(self) -> re.Pattern[str] | None:
        """Exact-match pattern: every word as written except the first letter's case."""
        if self._regex is None:
            self._regex = self._build_regex()
        return self._regex

    def plain(self) -> str | None:
        """The segment as it appears in a stream's joined words when it has no bracketed
        change ("the speech had a negligible impact"), else None."""
        if any(item.editorial for item in self.items):
            return None
        return " ".join(item.word for item in self.items)

    def anchor(self) -> tuple[str, int, int] | None:
        """The segment's longest run of words that must appear exactly as written (not the
        first word, whose case is free, nor bracketed ones), as " word word " for `str.find`,
        with how many characters of the match may come before and after it; None when there is
        no such run.

        Searching for this literal first (a C-speed scan) and running the regex only around
        each hit is much faster than letting the regex walk a whole book.
        """
        if self._anchor is None:
            best: tuple[int, int] = (0, 0)
            run_start = None
            for index, item in enumerate([*self.items, None]):
                plain = item is not None and index > 0 and not item.editorial
                if plain and run_start is None:
                    run_start = index
                elif not plain and run_start is not None:
                    if index - run_start > best[1] - best[0]:
                        best = (run_start, index)
                    run_start = None
            if best[1] == best[0]:
                self._anchor = ("", 0, 0)
            else:
                before = sum(_reach(item) for item in self.items[: best[0]])
                after = sum(_reach(item) for item in self.items[best[1] :])
                words = " ".join(item.word for item in self.items[best[0] : best[1]])
                self._anchor = (f" {words} ", before + 1, after + 1)
        return self._anchor if self._anchor[0] else None

    def _build_regex(self) -> re.Pattern[str] | None:
        parts: list[str] = []
        pending_gap = 0
        first = True
        for item in self.items:
            if item.gap:
                pending_gap += item.gap
                continue
            if parts:
                parts.append(" ")
                if pending_gap:
                    parts.append(f"(?:[^ ]+ ){{0,{pending_gap}}}")
            pending_gap = 0
            if first and not item.editorial:
                parts.append(_first_letter_free(item.word))
            else:
                parts.append(item.regex)
            first = False
        if not parts:
            return None
        return re.compile("(?<![^ ])" + "".join(parts) + "(?![^ ])")


def _reach(item: Item) -> int:
    """How many characters of the joined source an item can cover."""
    if item.gap:
        return item.gap * 40
    if item.editorial:
        return 200
    return len(item.word) + 1


def _first_letter_free(word: str) -> str:
    return f"[{re.escape(word[0].lower())}{re.escape(word[0].upper())}]" + re.escape(word[1:])


@dataclass(slots=True)
class Pattern:
    text: str
    segments: list[Segment]
    ellipses: list[str]

    @property
    def word_count(self) -> int:
        return sum(len(s.literal_words) for s in self.segments)


def parse_quotation(text: str) -> Pattern:
    """Split a quotation at its ellipses and read its bracketed changes."""
    segments: list[Segment] = []
    ellipses: list[str] = []
    position = 0
    for match in ELLIPSIS_RE.finditer(text):
        segments.append(_segment(text, position, match.start()))
        ellipses.append(match.group())
        position = match.end()
    segments.append(_segment(text, position, len(text)))
    # An ellipsis at the very start or end leaves an empty segment: nothing to match there.
    kept = [s for s in segments if s.literal_words]
    return Pattern(text, kept, ellipses)


def _segment(text: str, start: int, end: int) -> Segment:
    segment = Segment(start=start, end=end)
    piece = text[start:end].translate(_SUPERSCRIPTS)
    for match in _CHUNK_RE.finditer(piece):
        chunk = match.group()
        chunk_start, chunk_end = start + match.start(), start + match.end()
        brackets = list(_BRACKET_RE.finditer(chunk))
        if not brackets:
            word = normalise_word(chunk)
            segment.items.append(Item(word, re.escape(word), chunk_start, chunk_end))
        elif len(brackets) == 1 and brackets[0].group() == chunk:
            inner = chunk[1:-1].strip()
            if inner.casefold() in _REMARKS or not inner:
                continue
            inner_words = re.findall(r"[^\W_]+(?:['’ʼ][^\W_]+)*", inner)
            # A bracketed stretch may stand for a few source words or none (an interpolation).
            gap = max(3, 2 * len(inner_words) + 1)
            segment.items.append(Item(normalise_word(inner), "", chunk_start, chunk_end, True, gap))
        else:
            regex = []
            last = 0
            for bracket in brackets:
                regex.append(re.escape(normalise_word(chunk[last : bracket.start()])))
                regex.append("[^ ]*")
                last = bracket.end()
            regex.append(re.escape(normalise_word(chunk[last:])))
            word = normalise_word(_BRACKET_RE.sub(lambda m: m.group()[1:-1], chunk))
            segment.items.append(
                Item(word, "(?i:" + "".join(regex) + ")", chunk_start, chunk_end, True)
            )
    return segment
