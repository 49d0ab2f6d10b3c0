"""One page's lines in reading order, cut into paragraphs, headings and footnotes.

Reading order: a column gutter is a vertical strip of the page that (almost) no line crosses,
with several lines on each side. Lines that do cross it (a title, a full-width quotation) cut
the page into zones; each zone is read column by column, top to bottom. This reads correctly a
two-column page whose content stream runs line by line across both columns.

Paragraphs: a new one starts at a larger gap between baselines than the column's usual line
pitch, at an indented first line, after a short line that ends a sentence, or where the type
size changes. Footnotes: lines in smaller type than the body, below the page's last body line,
starting with a note number.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from statistics import median

from assistant.library.passages import SUPERSCRIPT_DIGITS
from assistant.library.pdf.lines import Line, merge_same_baseline

_SENTENCE_END = re.compile(r"[.!?:][\"”’)\]]?[" + SUPERSCRIPT_DIGITS + r"]*$")
_NOTE_MARK = re.compile(
    r"^(?:([" + SUPERSCRIPT_DIGITS + r"]+)\s*|(\d{1,3})(?:\.\s*|\s+)|([*†‡§]))(?=\S)"
)
_SUPER_TO_INT = str.maketrans(SUPERSCRIPT_DIGITS, "0123456789")
NOTE_SIZE = 0.92  # notes are set smaller than this fraction of the body size
HEADING_SIZE = 1.15


@dataclass(slots=True)
class PageBlock:
    """A paragraph, heading or footnote of one page, as lines not yet joined into text."""

    kind: str  # "body", "heading" or "note"
    lines: list[str]
    indented: bool = False  # the first line is indented (a new paragraph, not a continuation)
    number: int | None = None  # a note's number
    flow_start: bool = False  # first block of a column or zone (may continue the one before)
    size: float = 0.0
    # The last line runs (nearly) to the column's right edge: the paragraph may go on in the
    # next column or page; a short last line ends it.
    last_full: bool = True


def note_marker(text: str) -> tuple[int | None, str] | None:
    """(number, text without the marker) when a line starts like a footnote, else None."""
    match = _NOTE_MARK.match(text)
    if not match:
        return None
    digits = match.group(1) or match.group(2)
    number = int(digits.translate(_SUPER_TO_INT)) if digits else None
    return number, text[match.end() :]


def ends_sentence(text: str) -> bool:
    return bool(_SENTENCE_END.search(text.rstrip()))


# --------------------------------------------------------------------------------------------
# Reading order


def flows(lines: list[Line]) -> list[list[Line]]:
    """The lines as runs read top to bottom: zones in order, each zone's columns left to right."""
    lines = [line for line in lines if line.text.strip()]
    if not lines:
        return []
    gutters = _gutters(lines)
    ordered = sorted(lines, key=lambda line: -line.top)
    if not gutters:
        return [merge_same_baseline(ordered, max_gap=3.0)]
    result: list[list[Line]] = []
    zone: list[Line] = []

    def flush() -> None:
        if not zone:
            return
        columns: list[list[Line]] = [[] for _ in range(len(gutters) + 1)]
        for line in zone:
            centre = (line.x0 + line.x1) / 2
            columns[sum(1 for g in gutters if centre > g)].append(line)
        for column in columns:
            if column:
                result.append(merge_same_baseline(column, max_gap=3.0))
        zone.clear()

    for line in ordered:
        if any(line.x0 < g < line.x1 for g in gutters):
            flush()
            if result and result[-1] and _spanning(result[-1][-1], gutters):
                result[-1] = merge_same_baseline([*result[-1], line], max_gap=3.0)
            else:
                result.append([line])
        else:
            zone.append(line)
    flush()
    return result


def _spanning(line: Line, gutters: list[float]) -> bool:
    return any(line.x0 < g < line.x1 for g in gutters)


def _gutters(lines: list[Line]) -> list[float]:
    left = min(line.x0 for line in lines)
    right = max(line.x1 for line in lines)
    size = median(line.size for line in lines)
    width = int(right - left) + 1
    if width < 12 * size or len(lines) < 6:
        return []
    coverage = [0] * width
    for line in lines:
        for x in range(max(0, int(line.x0 - left)), min(width, int(line.x1 - left) + 1)):
            coverage[x] += 1
    allowed = max(1, len(lines) // 10)
    gutters: list[float] = []
    x = 0
    while x < width:
        if coverage[x] > allowed:
            x += 1
            continue
        start = x
        while x < width and coverage[x] <= allowed:
            x += 1
        if start == 0 or x >= width or (x - start) < 0.6 * size:
            continue
        a, b = left + start, left + x
        on_left = sum(1 for line in lines if line.x1 <= a + 1)
        on_right = sum(1 for line in lines if line.x0 >= b - 1)
        if on_left >= 3 and on_right >= 3:
            gutters.append((a + b) / 2)
    return gutters


# --------------------------------------------------------------------------------------------
# Paragraphs and notes


def page_blocks(lines: list[Line], body_size: float, last_note: int) -> list[PageBlock]:
    """Blocks of one page (furniture already removed), body first, then its footnotes."""
    body_lines = [ln for ln in lines if ln.size >= NOTE_SIZE * body_size]
    lowest_body = min((ln.baseline for ln in body_lines), default=None)
    foot = [
        ln
        for ln in lines
        if ln.size < NOTE_SIZE * body_size and (lowest_body is None or ln.baseline < lowest_body)
    ]
    notes: list[PageBlock] = []
    if foot:
        foot_flows = flows(foot)
        ordered_foot = [ln for flow in foot_flows for ln in flow]
        if any(note_marker(ln.text) for ln in ordered_foot) and _prose(ordered_foot):
            notes = _notes(ordered_foot, last_note)
            kept = {id(ln) for ln in foot}
            lines = [ln for ln in lines if id(ln) not in kept]
    blocks: list[PageBlock] = []
    for flow in flows(lines):
        flow_blocks = _paragraphs(flow, body_size)
        if flow_blocks:
            flow_blocks[0].flow_start = True
        blocks.extend(flow_blocks)
    return blocks + notes


def _prose(lines: list[Line]) -> bool:
    """Notes are words ("Ibid., 45."), not a small-type code listing ("4 CARD32 4 CARD32")."""
    tokens = [t.strip(".,;:()[]") for ln in lines for t in ln.text.split()]
    lettered = [t for t in tokens if any(c.isalpha() for c in t)]
    words = [t for t in lettered if all(c.isalpha() or c in "'’-‐" for c in t)]
    return bool(words) and len(words) >= 0.6 * len(lettered)


def _paragraphs(flow: list[Line], body_size: float) -> list[PageBlock]:
    if not flow:
        return []
    left = min(ln.x0 for ln in flow)
    right = max(ln.x1 for ln in flow)
    steps = [
        a.baseline - b.baseline
        for a, b in itertools.pairwise(flow)
        if 0 < a.baseline - b.baseline < 3 * max(a.size, b.size)
    ]
    pitch = median(steps) if steps else None
    # A short line ending a sentence closes a paragraph only in justified text, where every
    # other line reaches the right edge; in ragged text short lines mean nothing.
    full = sum(1 for ln in flow if ln.x1 > right - 1.5 * ln.size)
    justified = len(flow) >= 4 and full >= 0.6 * len(flow)
    blocks: list[PageBlock] = []
    current: list[Line] = []

    def close() -> None:
        if current:
            size = median(ln.size for ln in current)
            first = current[0]
            indented = first.x0 - left > 0.8 * first.size and (
                len(current) == 1 or abs(current[1].x0 - first.x0) > 0.5 * first.size
            )
            texts = [ln.text for ln in current]
            kind = "heading" if _is_heading(current, size, body_size) else "body"
            last_full = current[-1].x1 >= right - 0.2 * (right - left)
            blocks.append(PageBlock(kind, texts, indented, size=size, last_full=last_full))
            current.clear()

    for line in flow:
        if current:
            prev = current[-1]
            size = max(prev.size, line.size)
            gap = prev.baseline - line.baseline
            new = (
                (pitch is not None and gap > 1.45 * pitch)
                or (pitch is None and gap > 2.2 * size)
                or abs(prev.size - line.size) > 0.12 * size
                or (
                    line.x0 - left > 0.8 * line.size
                    and abs(line.x0 - prev.x0) > 0.5 * line.size
                    and line.x0 - left < 8 * line.size
                )
                or (
                    justified
                    and ends_sentence(prev.text)
                    and prev.x1 < right - 2.5 * prev.size
                    and line.text[:1].isupper()
                )
            )
            if new:
                close()
        current.append(line)
    close()
    return blocks


def _is_heading(lines: list[Line], size: float, body_size: float) -> bool:
    if len(lines) > 3:
        return False
    text = " ".join(ln.text for ln in lines)
    if size >= HEADING_SIZE * body_size:
        return True
    letters = [c for c in text if c.isalpha()]
    return (
        len(letters) >= 4
        and sum(c.isupper() for c in letters) / len(letters) > 0.85
        and not ends_sentence(text)
        and len(text.split()) <= 14
    )


def _notes(lines: list[Line], last_note: int) -> list[PageBlock]:
    notes: list[PageBlock] = []
    left = min(ln.x0 for ln in lines)
    expected = last_note
    for line in lines:
        marker = note_marker(line.text)
        starts = (
            marker is not None
            and line.x0 - left < 3 * line.size
            and (marker[0] is None or expected < marker[0] <= expected + 5 or not notes)
        )
        if starts and marker is not None:
            number = marker[0]
            if number is not None:
                expected = number
            notes.append(PageBlock("note", [marker[1]], number=number, size=line.size))
        elif notes:
            notes[-1].lines.append(line.text)
        else:  # a note continued from the previous page
            notes.append(PageBlock("note", [line.text], number=None, size=line.size))
    return notes
