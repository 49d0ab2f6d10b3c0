"""LibreOffice round trip: the exported file laid out by a real word processor.

Each note's text must be printed at the foot of the page whose text holds its reference number,
which is what real footnotes do and what a fake (endnotes, text in brackets) cannot.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from assistant.cite.model import Citation, Note
from assistant.essay.model import Block, Essay, NoteAnchor, Span
from assistant.export.docx import ExportOptions, export_docx

from .docx_readback import bundled_items, pdf_pages, soffice_to_pdf

ITEM_IDS = ("shen-2000", "zubok-pleshakov-1996", "shuster-2019")

NOTES = 36
FILLER = (
    "In the spring of 1950 the Soviet leadership weighed the risks of a war in Korea against "
    "the prize of a unified peninsula, and the archives show how carefully Stalin hedged. "
)


def _long_essay() -> Essay:
    """Notes spread over several pages; markers make every anchor and note findable."""
    blocks = [Block("heading", [Span("Introduction")], level=1)]
    for n in range(1, NOTES + 1):
        inlines: list[Span | NoteAnchor] = [
            Span(FILLER * (1 + n % 3)),
            Span(f"Claim marker A{n}X."),
        ]
        citation = Citation(ITEM_IDS[n % 3], str(n + 40))
        inlines.append(NoteAnchor(Note((f"Note body Q{n}Z; see ", (citation,), "."))))
        blocks.append(Block("blockquote" if n % 7 == 0 else "paragraph", inlines))
    return Essay(title="Round Trip", author="Ada Student", blocks=blocks, items=bundled_items())


@pytest.mark.slow
@pytest.mark.parametrize("title_page", [False, True], ids=["plain", "title-page"])
def test_each_note_is_on_the_page_of_its_reference(tmp_path: Path, title_page: bool) -> None:
    docx_path = tmp_path / "round-trip.docx"
    export_docx(_long_essay(), docx_path, options=ExportOptions(title_page=title_page, date=""))

    pages = pdf_pages(soffice_to_pdf(docx_path, tmp_path))
    assert len(pages) >= 4, "the test needs notes spread over several pages"
    if title_page:
        assert "Round Trip" in pages[0] and "Q1Z" not in pages[0]

    for n in range(1, NOTES + 1):
        reference_pages = [
            index
            for index, page in enumerate(pages)
            # The marker, then the superscript number right after it (pdftotext keeps it inline).
            if re.search(rf"A{n}X\.\s*{n}(?!\d)", page)
        ]
        note_pages = [index for index, page in enumerate(pages) if f"Q{n}Z" in page]
        assert len(reference_pages) == 1, f"reference {n} found on pages {reference_pages}"
        assert note_pages == reference_pages, (
            f"note {n} printed on page(s) {note_pages}, its reference on {reference_pages}"
        )
        # The note is marked with its own number: pdftotext prints the raised number just
        # before the note's first line, or on a line of its own next to it.
        lines = pages[note_pages[0]].splitlines()
        at = next(i for i, line in enumerate(lines) if f"Q{n}Z" in line)
        assert re.search(rf"(?<!\d){n}\s*Note body Q{n}Z", lines[at]) or any(
            re.fullmatch(rf"\s*{n}\s*", line) for line in lines[max(at - 1, 0) : at + 2]
        ), f"note {n} is not marked with its number"

    # The bibliography starts a page of its own, after every note.
    bibliography_pages = [i for i, page in enumerate(pages) if "Bibliography" in page]
    assert bibliography_pages == [len(pages) - 1]
    assert "Zubok, Vladislav, and Constantine Pleshakov." in pages[-1]
    # Hanging indents: each entry's first line at the margin, its turnover lines indented.
    entry_lines = [line for line in pages[-1].splitlines() if line.strip()][1:-1]
    starts = [line for line in entry_lines if not line.startswith(" ")]
    turnovers = [line for line in entry_lines if line.startswith("     ")]
    assert [line.split(".")[0] for line in starts] == [
        "Shen Zhihua",
        "Shuster, Jacob",
        "Zubok, Vladislav, and Constantine Pleshakov",
    ]
    assert len(turnovers) >= 3
    assert not any(f"Q{n}Z" in pages[-1] for n in range(1, NOTES + 1))
