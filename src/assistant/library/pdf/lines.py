"""The unit of PDF layout analysis: a line fragment with its position and type size.

PDF coordinates: points, origin at the bottom left, so a larger `baseline` is higher on the
page. Text PDFs and OCR'd scans both become lists of `Line`s, so the same code removes running
heads, finds folios, columns, paragraphs and footnotes for both.
"""

from __future__ import annotations

from dataclasses import dataclass, field

SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


@dataclass(slots=True)
class Line:
    """A horizontal run of text on one baseline, without a large gap inside it."""

    text: str
    x0: float
    x1: float
    baseline: float
    size: float  # the type size of most of its characters, in points
    # OCR word boxes (text, x0, top, x1, bottom in image pixels) when the line was recognised.
    words: list[tuple[str, float, float, float, float]] = field(default_factory=list)

    @property
    def top(self) -> float:
        return self.baseline + 0.8 * self.size

    @property
    def bottom(self) -> float:
        return self.baseline - 0.25 * self.size


@dataclass(slots=True)
class PageLines:
    """One page as lines, before layout analysis."""

    index: int  # 0-based PDF page index
    width: float
    height: float
    lines: list[Line]
    label: str = ""  # /PageLabels entry, if the PDF has one
    image_only: bool = False  # no text layer but images: needs OCR
    ocr: bool = False  # the lines come from OCR


def merge_same_baseline(lines: list[Line], max_gap: float = 1.0) -> list[Line]:
    """Join fragments that sit on one baseline with less than `max_gap` ems between them.

    Content streams draw a line in any order (a bold word later, a superscript apart), so
    fragments are regrouped by position before anything reads them.
    """
    ordered = sorted(lines, key=lambda line: (-round(line.baseline / 2), line.x0))
    result: list[Line] = []
    for line in ordered:
        if result:
            last = result[-1]
            size = max(last.size, line.size)
            same = abs(last.baseline - line.baseline) <= 0.35 * size or _raised(last, line)
            gap = line.x0 - last.x1
            if same and -0.5 * size <= gap <= max_gap * size:
                main = last if len(last.text) >= len(line.text) else line
                right = line.text
                if _raised(last, line) and right.isdigit():
                    right = right.translate(SUPERSCRIPT)  # a note reference drawn on its own
                result[-1] = Line(
                    _join(last.text, right, gap, size),
                    last.x0,
                    max(last.x1, line.x1),
                    main.baseline,
                    main.size,
                    last.words + line.words,
                )
                continue
        result.append(line)
    return result


def _raised(base: Line, other: Line) -> bool:
    """`other` is a superscript of `base`: smaller type, raised by less than half an em."""
    return other.size < 0.85 * base.size and 0 < other.baseline - base.baseline <= 0.55 * base.size


def _join(left: str, right: str, gap: float, size: float) -> str:
    if gap < 0.15 * size or left.endswith(" ") or right.startswith(" "):
        return left + right
    return left + " " + right
