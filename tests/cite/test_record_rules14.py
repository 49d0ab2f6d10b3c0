"""Record-side rules found by round 14 of the held-out libraries, each pinned on invented
items (not the held-out sets' own): section-page locators, papers presented at a meeting,
journal articles published ahead of print, posts on social media, genre words mid-note, and
reviews published on websites."""

from __future__ import annotations

import pytest

from assistant.cite.engine import ChicagoEngine
from assistant.cite.model import Citation


def _forms(item: dict, locator: str = "12") -> tuple[str, str, str | None]:
    engine = ChicagoEngine({item["id"]: item})
    citation = Citation(item["id"], locator)
    full = engine.full_note(citation).html()
    short = engine.short_note(citation).html()
    entries = engine.bibliography([item["id"]])
    return full, short, entries[0].html() if entries else None


# --- a section-page locator is one place, not a range (CMOS 18 9.64) ----------------------

_REPORT = {
    "id": "commission1976",
    "type": "report",
    "author": [{"literal": "Commission on CIA Activities within the United States"}],
    "title": "Report to the President",
    "publisher": "Government Printing Office",
    "issued": {"date-parts": [[1975]]},
}


@pytest.mark.parametrize(
    ("locator", "printed"),
    [
        ("VII-4", "VII-4"),  # section VII, page 4
        ("B-17", "B-17"),  # appendix B, page 17
        ("II-3-II-9", "II-3–II-9"),  # a range of two section-page forms
        ("xiv-xvi", "xiv–xvi"),  # two roman numerals: a range
        ("112-119", "112–19"),  # two arabic numbers: a range, abbreviated
    ],
)
def test_section_page_locator_keeps_its_hyphen_9_64(locator: str, printed: str) -> None:
    full, short, _ = _forms(_REPORT, locator)
    assert full.endswith(f"(Government Printing Office, 1975), {printed}.")
    assert short.endswith(f", {printed}.")
