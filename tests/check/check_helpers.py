"""Helpers for the quote checker tests: the bundled sources as documents and hand-built drafts."""

from __future__ import annotations

import re
from pathlib import Path

from assistant.cite.model import Citation, Note
from assistant.essay.model import Block, Essay, NoteAnchor, Span
from assistant.library.model import Document, Passage

CORPUS = Path(__file__).resolve().parents[2] / "resources" / "corpus"
SOURCE_IDS = ("shen-2000", "shuster-2019", "zubok-pleshakov-1996")


def raw_document(source_id: str) -> Document:
    """A bundled source's file text as one document, without passages."""
    return Document(source_id, (CORPUS / f"{source_id}.md").read_text(encoding="utf-8"), [])


def document_with_notes(source_id: str, note_starts: tuple[str, ...]) -> Document:
    """The file text cut into paragraph passages; paragraphs beginning with one of
    `note_starts` are the source's footnotes (as the library marks them)."""
    text = (CORPUS / f"{source_id}.md").read_text(encoding="utf-8")
    passages = []
    for number, match in enumerate(re.finditer(r"[^\n]+(?:\n[^\n]+)*", text)):
        kind = "note" if match.group().startswith(note_starts) else "body"
        passages.append(Passage(source_id, number, match.group(), kind, "", None, *match.span()))
    return Document(source_id, text, passages)


def paragraph(*parts: str | tuple[str, str]) -> Block:
    """A paragraph from text pieces and (item_id, page) note anchors."""
    inlines: list[Span | NoteAnchor] = []
    for part in parts:
        if isinstance(part, str):
            inlines.append(Span(part))
        else:
            inlines.append(NoteAnchor(Note.of(Citation(part[0], part[1]))))
    return Block("paragraph", inlines)


def essay_of(*blocks: Block, items: dict | None = None) -> Essay:
    return Essay(title="Test", blocks=list(blocks), items=items or {})
