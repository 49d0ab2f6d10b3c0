"""The essay as the writer edits it: blocks of formatted text with footnote anchors.

Note numbers are never stored: they follow the anchors' order in the text and are recomputed
whenever text moves, so a note can never carry a stale number. The same goes for full versus
short citation forms, which the Chicago engine derives from the order of the notes.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

from assistant.cite.model import Note

BlockKind = Literal["heading", "paragraph", "blockquote"]


def new_id() -> str:
    return uuid.uuid4().hex[:12]


@dataclass(frozen=True, slots=True)
class PassageLink:
    """A pointer to a passage of a source in the library (what a quotation was taken from)."""

    source_id: str
    ordinal: int
    page: str | None = None


@dataclass(slots=True)
class Span:
    text: str
    bold: bool = False
    italic: bool = False


@dataclass(slots=True)
class NoteAnchor:
    """A footnote reference in the text and the note it holds."""

    note: Note
    passage: PassageLink | None = None
    id: str = field(default_factory=new_id)


Inline = Span | NoteAnchor


@dataclass(slots=True)
class Block:
    kind: BlockKind = "paragraph"
    inlines: list[Inline] = field(default_factory=list)
    level: int = 0  # heading level (1-6); 0 for other blocks

    @property
    def text(self) -> str:
        return "".join(i.text for i in self.inlines if isinstance(i, Span))


@dataclass(slots=True)
class Essay:
    title: str = ""
    author: str = ""
    blocks: list[Block] = field(default_factory=list)
    # CSL-JSON items cited by the notes, keyed by id: a snapshot so the essay opens and
    # exports the same even after the library changed or lost a source.
    items: dict[str, dict[str, Any]] = field(default_factory=dict)
    # The notes outline (assistant.essay.outline.Outline); typed loosely to avoid an import cycle.
    outline: Any = None
    # The language the essay is written in (a BCP 47 code, as Pandoc's `lang`): spelling.
    language: str = "en"
    # Words the writer aims for (0: none), shown against the count in the status bar.
    word_target: int = 0

    def anchors(self) -> Iterator[NoteAnchor]:
        """Note anchors in text order: the first yielded is note 1."""
        for block in self.blocks:
            for inline in block.inlines:
                if isinstance(inline, NoteAnchor):
                    yield inline

    def notes(self) -> list[Note]:
        return [anchor.note for anchor in self.anchors()]

    def note_numbers(self) -> dict[str, int]:
        """Anchor id -> footnote number (1-based), from the anchors' current order."""
        return {anchor.id: number for number, anchor in enumerate(self.anchors(), start=1)}

    def note_number(self, anchor_id: str) -> int | None:
        """The footnote number of one anchor as the text stands now; None if it is not there."""
        for number, anchor in enumerate(self.anchors(), start=1):
            if anchor.id == anchor_id:
                return number
        return None

    def cited_ids(self) -> list[str]:
        """Item ids cited by the notes, each once, in order of first citation."""
        seen: dict[str, None] = {}
        for note in self.notes():
            for citation in note.citations:
                seen.setdefault(citation.item_id, None)
        return list(seen)

    def word_count(self) -> int:
        return sum(len(block.text.split()) for block in self.blocks)
