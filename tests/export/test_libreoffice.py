"""LibreOffice round trip: the exported file laid out by a real word processor.

Each note's text must be printed at the foot of the page whose text holds its reference number,
which is what real footnotes do and what a fake (endnotes, text in brackets) cannot.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from docx_readback import pdf_pages, soffice_to_pdf

from assistant.cite.model import Note, RichText, Run
from assistant.essay.model import Block, Essay, NoteAnchor, Span
from assistant.export.docx import ExportOptions, build_document

NOTES = 36
FILLER = (
    "In the spring of 1950 the Soviet leadership weighed the risks of a war in Korea against "
    "the prize of a unified peninsula, and the archives show how carefully Stalin hedged. "
)


def _long_essay() -> tuple[Essay, list[RichText]]:
    """Notes spread over several pages; markers make every anchor and note findable."""
    blocks = [Block("heading", [Span("Introduction")], level=1)]
    notes = []
    for n in range(1, NOTES + 1):
        inlines = [Span(FILLER * (1 + n % 3)), Span(f"Claim marker A{n}X.")]
        inlines.append(NoteAnchor(Note((f"note {n}",))))
        blocks.append(Block("blockquote" if n % 7 == 0 else "paragraph", inlines))
        notes.append(
            RichText(
                [
                    Run(f"Note body Q{n}Z, citing "),
                    Run("Inside the Kremlin’s Cold War", italic=True),
                    Run(f", {n + 40}."),
                ]
            )
        )
    return Essay(title="Round Trip", author="Ada Student", blocks=blocks), notes


@pytest.mark.slow
@pytest.mark.parametrize("title_page", [False, True], ids=["plain", "title-page"])
def test_each_note_is_on_the_page_of_its_reference(tmp_path: Path, title_page: bool) -> None:
    essay, notes = _long_essay()
    docx_path = tmp_path / "round-trip.docx"
    build_document(
        essay,
        notes,
        [RichText([Run("Zubok, Vladislav. Entry.")])],
        ExportOptions(title_page=title_page, date=""),
    ).save(docx_path)

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
        # The note at the foot of the page starts with its own number.
        assert re.search(rf"(?<!\d){n}\s*Note body Q{n}Z", pages[note_pages[0]]), (
            f"note {n} does not start with its number"
        )

    # The bibliography starts a page of its own, after every note.
    bibliography_pages = [i for i, page in enumerate(pages) if "Bibliography" in page]
    assert bibliography_pages == [len(pages) - 1]
    assert "Zubok, Vladislav. Entry." in pages[-1]
    assert not any(f"Q{n}Z" in pages[-1] for n in range(1, NOTES + 1))
