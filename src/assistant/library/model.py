"""Value types shared by the library, the search index and the UI."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

# "bib": an entry of a reference list (bibliography, list of primary sources).
PassageKind = Literal["body", "note", "heading", "bib"]


@dataclass(frozen=True, slots=True)
class Passage:
    """A stretch of a source sized for reading and citing.

    `start`/`end` are character offsets into the document's extracted text, so the reader can
    show a passage in its context and the quote checker can compare against the exact wording.
    `section` is the heading path joined with " > " ("INTRODUCTION > The Acheson speech").
    `page` is the printed page label when the document knows it (PDF), else None.
    """

    source_id: str
    ordinal: int
    text: str
    kind: PassageKind = "body"
    section: str = ""
    page: str | None = None
    start: int = 0
    end: int = 0
    # Title page, declarations and table of contents before the first real section: kept and
    # readable, but left out of default searches so they do not drown the body.
    front_matter: bool = False
    # `page` is only the PDF's page number: the PDF has no page labels and prints no folios
    # that could be found, so the hit says "PDF p. 3" and the writer can set a page offset.
    pdf_page: bool = False


@dataclass(slots=True)
class Document:
    """A source's extracted text and its passages."""

    source_id: str
    text: str
    passages: list[Passage] = field(default_factory=list)
    # What the import could not do without failing the whole file ("p. 4 is a scanned image
    # without text; it needs OCR"), for the problems list.
    warnings: list[str] = field(default_factory=list)
    # For sources with printed pages (PDFs): (offset in `text`, page) from where each page's
    # text runs, so a passage spanning "46–47" still knows which page each word is on.
    page_starts: list[tuple[int, str]] = field(default_factory=list)

    def page_at(self, offset: int) -> str | None:
        """The page character `offset` of `text` is printed on (None when unknown)."""
        index = bisect.bisect_right(self.page_starts, offset, key=lambda start: start[0])
        return self.page_starts[index - 1][1] if index else None


@dataclass(slots=True)
class Source:
    """CSL-JSON metadata plus the document file it describes (the file's stem is the item id)."""

    item: dict[str, Any]
    path: Path | None

    @property
    def id(self) -> str:
        return str(self.item["id"])

    @property
    def title(self) -> str:
        return str(self.item.get("title", "")) or self.id


def page_text(page: str | None, pdf_page: bool = False) -> str:
    """How a hit names its page: "p. 46", "pp. 46–47", or "PDF p. 3" for an unprinted one."""
    if not page:
        return ""
    prefix = "pp." if "–" in page else "p."
    return f"PDF {prefix} {page}" if pdf_page else f"{prefix} {page}"


def place_label(passage: Any) -> str:
    """Where a passage (or a search hit) sits in its source, as the Search pane heads it: the
    page if known, else its innermost section; "footnote" for a note's text."""
    parts = []
    if getattr(passage, "page", None):
        parts.append(page_text(passage.page, getattr(passage, "pdf_page", False)))
    section = (getattr(passage, "section", "") or "").split(" > ")[-1].strip()
    if section and not parts:
        parts.append(section if len(section) <= 60 else section[:57].rstrip() + "…")
    if getattr(passage, "kind", "body") == "note":
        parts.append("footnote")
    return " · ".join(parts)


@dataclass(frozen=True, slots=True)
class ImportProblem:
    """One file or metadata record the library could not use, with a message for the writer."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"
