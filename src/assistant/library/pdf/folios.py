"""Printed page numbers and running heads/feet of a PDF without trustworthy page labels.

A journal offprint prints 211, 212, 213 where its PDF pages are 1, 2, 3; a book numbers its
front matter i, ii, iii. The folio sits in the header on most pages and in the footer on
chapter openings, and some pages print none. So every number at either end of a page's top
and bottom rows is a candidate, and the candidates that run in sequence with the PDF page
index (value − index constant over several pages) are the folios. Pages between or around
them are numbered by the same sequence; when no sequence exists, the PDF page number is used
and flagged so the hit can say "PDF p. 3".

Running heads and feet are rows at the top or bottom of pages that repeat across pages once
their numbers are blanked (the journal's name, the article's short title, "Page # of #").
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from assistant.library.pdf.lines import Line, PageLines

_ROMAN = re.compile(r"^(?=[mdclxvi]+$)m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$")
_ROMAN_VALUES = {"m": 1000, "d": 500, "c": 100, "l": 50, "x": 10, "v": 5, "i": 1}
_TOKEN_TRIM = "-–—()[]{}.,:;|•·*"
_FOLIO_ONLY = re.compile(r"^(page|p\.?|s\.|стр\.?)?#(of#)?$")
_NOTE_START = re.compile(r"^(\d{1,3}\.\s|[⁰¹²³⁴⁵⁶⁷⁸⁹]+\s*\S)")
# Rows at each end of a page that may be furniture: a download notice, a running foot, a folio.
BAND_ROWS = 3
_ARABIC = re.compile(r"[0-9]{1,4}")  # not str.isdigit: "²" is a digit to it


@dataclass(slots=True)
class Row:
    page: int  # index into the pages list
    lines: list[Line]
    top_band: bool

    @property
    def text(self) -> str:
        return " ".join(line.text for line in sorted(self.lines, key=lambda ln: ln.x0))


@dataclass(slots=True)
class Folios:
    labels: list[str]  # the printed page of every page
    pdf_numbered: list[bool]  # True where the label is only the PDF page number
    furniture: set[int]  # id() of the Line objects to drop (running heads, feet, folios)


def roman_value(token: str) -> int | None:
    token = token.lower()
    if not token or not _ROMAN.match(token):
        return None
    total = 0
    for a, b in zip(token, token[1:] + " ", strict=True):
        value = _ROMAN_VALUES[a]
        total += -value if b != " " and _ROMAN_VALUES[b] > value else value
    return total


def to_roman(value: int, upper: bool = False) -> str:
    numerals = [
        (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
        (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
    ]  # fmt: skip
    out = []
    for amount, letters in numerals:
        while value >= amount:
            out.append(letters)
            value -= amount
    text = "".join(out)
    return text.upper() if upper else text


def rows(page: PageLines, index: int) -> list[Row]:
    """The page's top and bottom rows (fragments sharing a baseline), at most BAND_ROWS each."""
    ordered = sorted(page.lines, key=lambda line: -line.baseline)
    grouped: list[list[Line]] = []
    for line in ordered:
        if grouped and abs(grouped[-1][0].baseline - line.baseline) <= 0.35 * line.size:
            grouped[-1].append(line)
        else:
            grouped.append([line])
    top = grouped[:BAND_ROWS]
    bottom = grouped[-BAND_ROWS:] if len(grouped) > BAND_ROWS else []
    bottom = [group for group in bottom if all(group is not t for t in top)]
    return [Row(index, g, True) for g in top] + [Row(index, g, False) for g in bottom]


def row_key(text: str) -> str:
    """A row's text with its numbers blanked: equal on every page a running head repeats."""
    words = []
    for token in text.lower().split():
        bare = token.strip(_TOKEN_TRIM)
        if bare.isdigit() or (bare and roman_value(bare) is not None and len(bare) <= 6):
            words.append("#")
        elif bare:
            words.append(bare)
    return " ".join(words)


def _folio_only(key: str) -> bool:
    return bool(_FOLIO_ONLY.match(key.replace(" ", "")))


def _group(key: str, row: Row) -> tuple[str, str]:
    # A folio alone moves between header and footer; a running head keeps its place.
    return (key, "any" if _folio_only(key) else "top" if row.top_band else "bottom")


def _candidates(row: Row) -> list[tuple[str, int, bool, bool]]:
    """(kind, value, upper, alone) for each number that may be the page's folio.

    A folio is a fragment of its own (set apart by space) or stands at either end of a short
    row (a running head). "2." opening a line is a list or note number, never a folio.
    """
    tokens = row.text.split()
    if not tokens:
        return []
    ends: dict[str, bool] = {}
    for line in row.lines:
        if len(line.text.split()) == 1:
            ends[line.text] = True
    if len(tokens) <= 10:
        for token in (tokens[0], tokens[-1]):
            ends.setdefault(token, len(tokens) == 1)
    found = []
    for token, alone in ends.items():
        if token.endswith(".") and not alone:
            continue
        bare = token.strip(_TOKEN_TRIM)
        if _ARABIC.fullmatch(bare) and int(bare) > 0:
            found.append(("arabic", int(bare), False, alone))
        else:
            value = roman_value(bare)
            if value is not None:
                found.append(("roman", value, bare.isupper(), alone))
    return found


def detect(pages: list[PageLines]) -> Folios:
    """Folios and furniture of the pages (the page index is the position in `pages`)."""
    count = len(pages)
    all_rows = [row for i, page in enumerate(pages) for row in rows(page, i)]
    keys = [row_key(row.text) for row in all_rows]
    pages_with_key: dict[tuple[str, str], set[int]] = defaultdict(set)
    for row, key in zip(all_rows, keys, strict=True):
        pages_with_key[_group(key, row)].add(row.page)
    repeat = 2 if count <= 6 else 3

    # Folio sequences: value − page index constant over several pages.
    support: dict[tuple[str, int], set[int]] = defaultdict(set)
    per_page: dict[int, list[tuple[str, int, bool, bool, Row]]] = defaultdict(list)
    for row in all_rows:
        for kind, value, upper, alone in _candidates(row):
            support[(kind, value - row.page)].add(row.page)
            per_page[row.page].append((kind, value, upper, alone, row))
    best = max((len(p) for p in support.values()), default=0)
    needed = 1 if count == 1 else max(2, best // 4)
    confirmed: dict[str, dict[int, tuple[int, bool]]] = {"arabic": {}, "roman": {}}
    folio_rows: set[int] = set()
    for page_index, found in per_page.items():
        ranked = sorted(
            (c for c in found if len(support[(c[0], c[1] - page_index)]) >= needed),
            key=lambda c: (-len(support[(c[0], c[1] - page_index)]), not c[3], c[0] != "arabic"),
        )
        if count == 1:  # one page: only a row that is nothing but the number counts
            ranked = [c for c in ranked if _folio_only(row_key(c[4].text))]
        if ranked:
            kind, value, upper, _, row = ranked[0]
            confirmed[kind][page_index] = (value, upper)
            folio_rows.add(id(row))

    labels, flags = _number(count, confirmed)
    body = body_size(pages)
    furniture: set[int] = set()
    measure = _measure(pages)
    for row, key in zip(all_rows, keys, strict=True):
        # Running heads are set no larger than the text; a title repeated on two chapter
        # openings is not one.
        small = max(line.size for line in row.lines) <= 1.1 * body
        # "12. Ibid., 45." repeats at the foot of many pages, but it is a footnote.
        note = bool(_NOTE_START.match(row.text))
        # A full line of text in the body size is text, however often it recurs (boilerplate,
        # a refrain); heads and feet are shorter, or set apart in pieces, or smaller.
        inked = sum(line.x1 - line.x0 for line in row.lines)
        body_line = inked > 0.8 * measure and min(line.size for line in row.lines) >= 0.95 * body
        if id(row) in folio_rows or (
            small
            and not note
            and not body_line
            and key
            and len(pages_with_key[_group(key, row)]) >= repeat
        ):
            furniture.update(id(line) for line in row.lines)
    return Folios(labels, flags, furniture)


def _measure(pages: list[PageLines]) -> float:
    """The usual width of a full line of text (the widest lines of most pages)."""
    widths = sorted(max((ln.x1 - ln.x0 for ln in page.lines), default=0.0) for page in pages)
    return widths[len(widths) // 2] if widths else 0.0


def body_size(pages: list[PageLines]) -> float:
    """The type size of most of the text (by characters)."""
    sizes: Counter[float] = Counter()
    for page in pages:
        for line in page.lines:
            sizes[round(line.size, 1)] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 10.0


def _number(
    count: int, confirmed: dict[str, dict[int, tuple[int, bool]]]
) -> tuple[list[str], list[bool]]:
    arabic, roman = confirmed["arabic"], confirmed["roman"]
    first_arabic = min(arabic, default=count)
    roman_upper = any(upper for _, upper in roman.values())
    labels: list[str] = []
    flags: list[bool] = []
    for i in range(count):
        value = _sequence_value(i, arabic)
        if i in arabic:
            labels.append(str(arabic[i][0]))
        elif i in roman or (roman and i < first_arabic and _sequence_value(i, roman)):
            labels.append(to_roman(roman[i][0] if i in roman else _sequence_value(i, roman) or 1,
                                   roman_upper))  # fmt: skip
        elif value is not None and value >= 1:
            labels.append(str(value))
        else:
            labels.append(str(i + 1))
            flags.append(True)
            continue
        flags.append(False)
    return labels, flags


def _sequence_value(i: int, confirmed: dict[int, tuple[int, bool]]) -> int | None:
    """The value page `i` takes in the nearest confirmed page's sequence (previous first)."""
    if not confirmed:
        return None
    before = [p for p in confirmed if p < i]
    after = [p for p in confirmed if p > i]
    anchor = max(before) if before else min(after)
    value = confirmed[anchor][0] + (i - anchor)
    return value if value >= 1 else None
