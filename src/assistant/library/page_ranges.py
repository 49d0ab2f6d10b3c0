"""Every page a passage's page label covers: "46–47" is on page 46 and on page 47.

A passage that runs over a page break carries the first and last printed labels joined by an
en dash; the labels between them are numbers in sequence (arabic or roman), so they can be
recovered. Other labels ("A-3", "Plate 4") stand for themselves.
"""

from __future__ import annotations

import re

from assistant.library.pdf.folios import roman_value, to_roman

# A range longer than this is no passage's span but a typed label ("1–2000"): its two ends only.
MAX_SPAN = 200
_RANGE = re.compile(r"^\s*([0-9]+|[ivxlcdm]+)\s*[-–—]\s*([0-9]+|[ivxlcdm]+)\s*$", re.IGNORECASE)


def spanned_pages(label: str | None) -> list[str]:
    """The labels of every page `label` covers, lower-cased, first to last."""
    if not label or not label.strip():
        return []
    text = label.strip().lower()
    match = _RANGE.match(text)
    if not match:
        return [text]
    first, last = match.groups()
    if first.isdigit() and last.isdigit():
        start, end = int(first), int(last)
        if end < start and len(last) < len(first):
            # "146–52": the second number abbreviated as CMOS 9.64 writes it.
            end = int(first[: len(first) - len(last)] + last)
        if start <= end <= start + MAX_SPAN:
            return [str(page) for page in range(start, end + 1)]
        return [first, last]
    start_value, end_value = roman_value(first), roman_value(last)
    if start_value and end_value and start_value <= end_value <= start_value + MAX_SPAN:
        return [to_roman(value) for value in range(start_value, end_value + 1)]
    return [first, last]
