"""The draft editor: title and author, the page, and the notes strip below it."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from html import escape
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QSplitter, QVBoxLayout, QWidget

from assistant.cite.model import Note, RichText
from assistant.essay.model import Essay, NoteAnchor
from assistant.ui.editor.cite_completer import CiteCompleter
from assistant.ui.editor.convert import document_to_essay, essay_to_document
from assistant.ui.editor.document import DraftDocument
from assistant.ui.editor.find_bar import FindBar
from assistant.ui.editor.notes_strip import NoteRow, NotesStrip, note_to_source
from assistant.ui.editor.textedit import DraftTextEdit

# In focus mode, the desk shown either side of the page inside the column.
COLUMN_DESK = 160


def cited_ids(notes: list[Note]) -> list[str]:
    seen: dict[str, None] = {}
    for note in notes:
        for citation in note.citations:
            seen.setdefault(citation.item_id, None)
    return list(seen)


class DraftEditor(QWidget):
    """Everything about the draft the writer sees in the centre of the window.

    Notes are re-rendered by the Chicago engine whenever their sequence changes (inserted,
    deleted, moved, edited, undone): the engine is position-aware, so the first citation of a
    source reads in full and later ones short, whatever order the writer puts them in.
    """

    notesRendered = Signal()
    statsChanged = Signal(int, int)  # words, notes
    modificationChanged = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("draftEditor")
        self.document = DraftDocument(self)
        self.text_edit = DraftTextEdit(self.document)
        self.text_edit.setObjectName("draftText")
        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("essayTitle")
        self.title_edit.setPlaceholderText("Title of the essay")
        self.author_edit = QLineEdit()
        self.author_edit.setObjectName("essayAuthor")
        self.author_edit.setPlaceholderText("Author")
        title_font = self.title_edit.font()
        title_font.setPointSizeF(title_font.pointSizeF() * 1.25)
        title_font.setBold(True)
        self.title_edit.setFont(title_font)
        self.notes_strip = NotesStrip()
        self._language = "en"
        self._word_target = 0

        header = QHBoxLayout()
        header.setContentsMargins(0, 0, 0, 0)
        header.addWidget(self.title_edit, 3)
        header.addWidget(self.author_edit, 1)
        page = QWidget()
        page_layout = QVBoxLayout(page)
        page_layout.setContentsMargins(0, 0, 0, 0)
        page_layout.setSpacing(4)
        page_layout.addLayout(header)
        page_layout.addWidget(self.text_edit, 1)
        self.cite_completer = CiteCompleter(self.text_edit, self)
        self.text_edit.cite_completer = self.cite_completer
        self.find_bar = FindBar(self)
        page_layout.addWidget(self.find_bar)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("draftSplitter")
        self.splitter.addWidget(page)
        self.splitter.addWidget(self.notes_strip)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([520, 220])  # the notes get a third of the height at first
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(4, 4, 4, 0)
        self._layout.addWidget(self.splitter)
        self._centred = False

        self._library_items: dict[str, dict[str, Any]] = {}
        self._snapshot_items: dict[str, dict[str, Any]] = {}
        self._ibid = False
        self._rendered: dict[str, RichText] = {}
        self._meta_modified = False
        self._outline: Any = None

        self._render_timer = QTimer(self)
        self._render_timer.setSingleShot(True)
        self._render_timer.setInterval(0)
        self._render_timer.timeout.connect(self.render_now)
        self._stats_timer = QTimer(self)
        self._stats_timer.setSingleShot(True)
        self._stats_timer.setInterval(250)
        self._stats_timer.timeout.connect(self._emit_stats)

        self.document.anchorsChanged.connect(self._render_timer.start)
        self.document.anchorsChanged.connect(self._stats_timer.start)
        self.document.contentsChanged.connect(self._stats_timer.start)
        self.document.modificationChanged.connect(self._modification_changed)
        self.title_edit.textEdited.connect(self._meta_edited)
        self.author_edit.textEdited.connect(self._meta_edited)
        self.text_edit.currentAnchorChanged.connect(self._cursor_at_anchor)
        self.text_edit.tooltip_provider = self.note_tooltip
        self.notes_strip.noteActivated.connect(self.show_anchor)
        self.notes_strip.noteEdited.connect(self.update_note)
        self.setFocusProxy(self.text_edit)

    # --- the column ---------------------------------------------------------------------------

    def set_centred(self, centred: bool) -> None:
        """Keep title, page and notes in one column about a page wide, centred (focus mode: on
        a wide screen the title and the notes would otherwise run from edge to edge)."""
        self._centred = centred
        self._fit_column()

    def _fit_column(self) -> None:
        side = 4
        if self._centred:
            text = self.text_edit
            column = text.measure() + 2 * text.document().documentMargin() + COLUMN_DESK
            side = max(4, int((self.width() - column) / 2))
        if self._layout.contentsMargins().left() != side:
            self._layout.setContentsMargins(side, 4, side, 0)
            self._layout.activate()  # now, not at the next event: the window is being laid out

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        if self._centred:
            self._fit_column()

    # --- items used for rendering ------------------------------------------------------------

    def set_library_items(self, items: Mapping[str, dict[str, Any]]) -> None:
        """The library's current metadata; it wins over the essay's snapshot of the same id."""
        self._library_items = dict(items)
        self.schedule_render()

    def items(self) -> dict[str, dict[str, Any]]:
        return {**self._snapshot_items, **self._library_items}

    def set_ibid(self, ibid: bool) -> None:
        self._ibid = ibid
        self.schedule_render()

    # --- the essay ---------------------------------------------------------------------------

    def set_essay(self, essay: Essay) -> None:
        self._language = essay.language
        self._word_target = essay.word_target
        self.title_edit.setText(essay.title)
        self.author_edit.setText(essay.author)
        self._snapshot_items = dict(essay.items)
        self._outline = essay.outline
        essay_to_document(essay, self.document)
        self._meta_modified = False
        self.render_now()
        self._emit_stats()
        self.modificationChanged.emit(False)
        self.text_edit.go_to_top()  # an essay opens at its beginning

    def essay(self) -> Essay:
        """The draft as an Essay, with a snapshot of the metadata of every source it cites."""
        essay = document_to_essay(self.document)
        essay.title = self.title_edit.text().strip()
        essay.author = self.author_edit.text().strip()
        items = self.items()
        essay.items = {i: dict(items[i]) for i in cited_ids(essay.notes()) if i in items}
        essay.outline = self._outline
        essay.language = self._language
        essay.word_target = self._word_target
        return essay

    def word_target(self) -> int:
        return self._word_target

    def set_word_target(self, target: int) -> None:
        if target != self._word_target:
            self._word_target = max(0, target)
            self.mark_outline_changed()
            self._emit_stats()

    def language(self) -> str:
        return self._language

    def set_language(self, language: str) -> None:
        """The essay's language (spelling follows it); a change to save."""
        if language != self._language:
            self._language = language
            self.mark_outline_changed()

    def set_outline(self, outline: Any) -> None:
        self._outline = outline

    def is_modified(self) -> bool:
        return self.document.isModified() or self._meta_modified

    def set_modified(self, modified: bool) -> None:
        self._meta_modified = False
        self.document.setModified(modified)
        if not modified:
            self.modificationChanged.emit(False)

    def _meta_edited(self, _text: str) -> None:
        self._meta_modified = True
        self.modificationChanged.emit(True)

    def mark_outline_changed(self) -> None:
        self._meta_edited("")

    def _modification_changed(self, modified: bool) -> None:
        self.modificationChanged.emit(modified or self._meta_modified)

    # --- notes -------------------------------------------------------------------------------

    def insert_note(self, anchor: NoteAnchor, quotation: str = "") -> None:
        self.text_edit.insert_note(anchor, quotation)
        self.text_edit.setFocus()

    def update_note(self, anchor_id: str, note: Note) -> bool:
        for anchor in self.document.anchors():
            if anchor.id == anchor_id:
                return self.document.replace_anchor(
                    anchor_id, dataclasses.replace(anchor, note=note)
                )
        return False

    def anchors(self) -> list[NoteAnchor]:
        return self.document.anchors()

    def show_anchor(self, anchor_id: str) -> None:
        if self.text_edit.move_to_anchor(anchor_id):
            self.text_edit.setFocus()

    def _cursor_at_anchor(self, anchor_id: str) -> None:
        if anchor_id:
            self.notes_strip.select_anchor(anchor_id)

    def schedule_render(self) -> None:
        self._render_timer.start()

    def render_now(self) -> None:
        """Render every note with the Chicago engine and refresh the strip."""
        self._render_timer.stop()
        from assistant.cite.engine import ChicagoEngine

        anchors = self.document.anchors()
        try:
            rendered = ChicagoEngine(self.items(), ibid=self._ibid).render_notes(
                [anchor.note for anchor in anchors]
            )
        except Exception as error:  # the editor must survive a citation it cannot format
            rendered = [
                RichText(warnings=[f"could not format this note: {error}"]) for _ in anchors
            ]
        self._rendered = {anchor.id: rich for anchor, rich in zip(anchors, rendered, strict=True)}
        rows = [
            NoteRow(
                anchor_id=anchor.id,
                number=number,
                html=rich.html() or escape(note_to_source(anchor.note)),
                text=rich.text or note_to_source(anchor.note),
                warnings=tuple(rich.warnings),
                has_passage=anchor.passage is not None,
            )
            for number, (anchor, rich) in enumerate(zip(anchors, rendered, strict=True), start=1)
        ]
        sources = {anchor.id: note_to_source(anchor.note) for anchor in anchors}
        self.notes_strip.set_notes(rows, sources)
        near = self.text_edit.anchor_near_cursor()
        if near is not None:  # the cursor sat by a note before the strip had its row
            self.notes_strip.select_anchor(near.id)
        self.text_edit.viewport().update()
        self.notesRendered.emit()

    def rendered_texts(self) -> list[str]:
        """The notes' plain texts in order, as last rendered."""
        return [row.text for row in self.notes_strip.rows()]

    def note_tooltip(self, anchor_id: str) -> str:
        number = self.document.note_number(anchor_id)
        rich = self._rendered.get(anchor_id)
        body = rich.html() if rich is not None and rich.runs else "(not rendered yet)"
        return f"<p><b>Note {number}.</b> {body}</p>"

    # --- statistics --------------------------------------------------------------------------

    def word_count(self) -> int:
        text = self.document.toPlainText().replace("\ufffc", " ")
        return len(text.split())

    def note_count(self) -> int:
        return len(self.document.anchors())

    def _emit_stats(self) -> None:
        self.statsChanged.emit(self.word_count(), self.note_count())
