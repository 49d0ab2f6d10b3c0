"""The notes strip under the page: every footnote as the reader of the essay will see it.

Each row is the note's number and its Chicago text (rendered by the engine, full form first,
short after). Selecting a row and pressing Enter (or double-clicking) opens the note's source
in the edit line below, in Pandoc syntax (`[see @shen-2000, 52] Commentary.`): editing it
rewrites the note, as one undoable step in the draft.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPoint, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QAbstractTextDocumentLayout, QKeyEvent, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from assistant.cite.model import Note
from assistant.cite.pandoc_syntax import interleave_citations, scan_citations
from assistant.essay.find import note_source
from assistant.ui import theme

_ANCHOR_ID_ROLE = int(Qt.ItemDataRole.UserRole) + 1
_HTML_ROLE = int(Qt.ItemDataRole.UserRole) + 2
_PASSAGE_ROLE = int(Qt.ItemDataRole.UserRole) + 3
_SIZE_KEY_ROLE = int(Qt.ItemDataRole.UserRole) + 4


def note_to_source(note: Note) -> str:
    """A note as the writer would type it: commentary with `[@id, locator]` groups."""
    return note_source(note).text


def note_from_source(text: str) -> Note:
    """Parse what the writer typed back into a Note; ValueError with a readable message for a
    broken citation (nothing is dropped silently)."""
    groups, problems = scan_citations(text)
    if problems:
        raise ValueError("; ".join(problem.message for problem in problems))
    segments = interleave_citations(text, groups)
    if not any(isinstance(s, tuple) or s.strip() for s in segments):
        raise ValueError("a note cannot be empty: delete its number in the text to remove it")
    return Note(tuple(segments))


class _HtmlDelegate(QStyledItemDelegate):
    """Word-wrapped rich text rows (the notes carry italic titles).

    Row heights are cached by (note text, digits of its number, width): renumbering every note
    of a long essay (a note inserted at the top) then re-lays out none of them.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._sizes: dict[tuple[str, int], QSize] = {}

    def _document(self, option: QStyleOptionViewItem, index: QModelIndex) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setDocumentMargin(4)
        doc.setHtml(index.data(_HTML_ROLE) or "")
        doc.setTextWidth(max(80, option.rect.width()))
        return doc

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        doc = self._document(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, opt.palette.color(role))
        painter.save()
        painter.translate(opt.rect.topLeft())
        painter.setClipRect(QRectF(0, 0, opt.rect.width(), opt.rect.height()))
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        view = opt.widget
        if view is not None and hasattr(view, "viewport"):
            opt.rect.setWidth(view.viewport().width())
        key = (str(index.data(_SIZE_KEY_ROLE) or index.data(_HTML_ROLE) or ""), opt.rect.width())
        cached = self._sizes.get(key)
        if cached is not None:
            return cached
        doc = self._document(opt, index)
        size = QSize(int(doc.idealWidth()), int(doc.size().height()) + 2)
        if len(self._sizes) > 4000:
            self._sizes.clear()
        self._sizes[key] = size
        return size


class _NotesList(QListWidget):
    def resizeEvent(self, event):
        super().resizeEvent(event)
        # Row heights depend on the width (wrapping): ask for new size hints.
        self.doItemsLayout()


@dataclass(frozen=True, slots=True)
class NoteRow:
    anchor_id: str
    number: int
    html: str
    text: str
    warnings: tuple[str, ...] = ()
    has_passage: bool = False  # the note records the passage it quotes


class NotesStrip(QWidget):
    """Lists the notes; `noteActivated(anchor_id)` asks to show the note's anchor in the text,
    `noteEdited(anchor_id, Note)` carries an edit made in the source line."""

    noteActivated = Signal(str)
    # From the row's context menu: open the passage the note quotes / edit it in the builder.
    passageRequested = Signal(str)
    builderEditRequested = Signal(str)
    noteEdited = Signal(str, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notesStrip")
        self._rows: list[NoteRow] = []
        self._sources: dict[str, str] = {}
        self._editing = ""
        self.title = QLabel("Notes")
        self.title.setObjectName("notesTitle")
        self.list = _NotesList()
        # The scroll bar is always there: one appearing would narrow the rows after their
        # heights were measured, and the last line of a wrapped note would overlap the next.
        self.list.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.list.setObjectName("notesList")
        self.list.setItemDelegate(_HtmlDelegate(self.list))
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.itemActivated.connect(self._activate)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._context_menu)
        self.list.currentItemChanged.connect(self._current_changed)
        self.placeholder = QLabel(
            "No notes yet. Your footnotes appear here, numbered and in Chicago style, as you "
            "insert them from the Footnote builder. Hover a note number in the text to read "
            "its note; select a note here and press F2 to edit it."
        )
        self.placeholder.setWordWrap(True)
        self.placeholder.setObjectName("notesPlaceholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.placeholder.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self.placeholder.setMargin(6)
        theme.paint_as_placeholder(self.placeholder)
        self.source_edit = QLineEdit()
        self.source_edit.setObjectName("noteSourceEdit")
        self.source_edit.setPlaceholderText(
            "Select a note to edit it: [see @source-id, 52] and any commentary"
        )
        self.source_edit.setClearButtonEnabled(False)
        self.source_edit.returnPressed.connect(self.apply_edit)
        self.source_edit.installEventFilter(self)
        self.apply_button = QPushButton("Apply")
        self.apply_button.clicked.connect(self.apply_edit)
        self.apply_button.setEnabled(False)
        self.source_edit.textEdited.connect(
            lambda _t: self.apply_button.setEnabled(bool(self._editing))
        )
        self.message = QLabel("")
        self.message.setObjectName("noteEditMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {theme.scheme().error};")
        self.message.hide()

        edit_row = QHBoxLayout()
        edit_row.setContentsMargins(0, 0, 0, 0)
        edit_row.addWidget(self.source_edit, 1)
        edit_row.addWidget(self.apply_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 4)
        layout.setSpacing(3)
        layout.addWidget(self.title)
        layout.addWidget(self.placeholder)
        layout.addWidget(self.list, 1)
        layout.addLayout(edit_row)
        layout.addWidget(self.message)
        self._update_placeholder()

    # --- content -----------------------------------------------------------------------------

    def set_notes(self, rows: list[NoteRow], sources: dict[str, str]) -> None:
        """Show `rows`; `sources` maps anchor id to the editable source text."""
        if rows == self._rows and sources == self._sources:
            return
        current = self.current_anchor_id()
        shown = self._sources.get(self._editing)
        self._rows = rows
        self._sources = sources
        if self._editing in sources and self.source_edit.text() == shown != sources[self._editing]:
            # The note changed elsewhere (Replace, the builder, undo) while its edit line had
            # nothing unsaved: show it as it now is.
            self.source_edit.setText(sources[self._editing])
        self.list.blockSignals(True)
        # Existing rows are updated in place: rebuilding 300 items on every renumbering is
        # what made inserting a note near the top of a long essay stall.
        existing = self.list.count()
        current_item = None
        for index, row in enumerate(rows):
            item = self.list.item(index) if index < existing else QListWidgetItem()
            html = f"<b>{row.number}.</b>&nbsp;{row.html}"
            if row.warnings:
                html += (
                    f"<br><span style='color:{theme.scheme().error}'>"
                    + "<br>".join(row.warnings)
                    + "</span>"
                )
            item.setText(f"{row.number}. {row.text}")
            item.setData(_ANCHOR_ID_ROLE, row.anchor_id)
            item.setData(_HTML_ROLE, html)
            # Same text and as many digits in its number: same height (digits are tabular).
            item.setData(_SIZE_KEY_ROLE, f"{len(str(row.number))}|{html.split('&nbsp;', 1)[1]}")
            item.setData(_PASSAGE_ROLE, row.has_passage)
            item.setToolTip(
                f"Note {row.number}: {row.text}\nEnter or double-click: show it in the text"
            )
            if index >= existing:
                self.list.addItem(item)
            if row.anchor_id == current:
                current_item = item
        while self.list.count() > len(rows):
            self.list.takeItem(self.list.count() - 1)
        if current_item is not None:
            self.list.setCurrentItem(current_item)
        else:
            self.list.setCurrentItem(None)
        self.list.blockSignals(False)
        self.title.setText(f"Notes ({len(rows)})" if rows else "Notes")
        if self._editing and self._editing not in sources:
            self._stop_editing()
        self._update_placeholder()

    def _update_placeholder(self) -> None:
        empty = not self._rows
        self.placeholder.setVisible(empty)
        self.list.setVisible(not empty)

    def rows(self) -> list[NoteRow]:
        return list(self._rows)

    def texts(self) -> list[str]:
        return [row.text for row in self._rows]

    def current_anchor_id(self) -> str:
        item = self.list.currentItem()
        return str(item.data(_ANCHOR_ID_ROLE)) if item is not None else ""

    def select_anchor(self, anchor_id: str) -> None:
        for index in range(self.list.count()):
            item = self.list.item(index)
            if item.data(_ANCHOR_ID_ROLE) == anchor_id:
                self.list.setCurrentItem(item)
                self.list.scrollToItem(item)
                return

    # --- editing -----------------------------------------------------------------------------

    def _current_changed(self, item: QListWidgetItem | None, _previous: object) -> None:
        if item is None:
            self._stop_editing()
            return
        self.edit_note(str(item.data(_ANCHOR_ID_ROLE)))

    def context_actions(self, anchor_id: str, has_passage: bool) -> QMenu:
        """The menu of a note row (built separately so tests can trigger its actions)."""
        menu = QMenu(self)
        menu.addAction("Show in the text", lambda: self.noteActivated.emit(anchor_id))
        open_passage = menu.addAction(
            "Open the quoted passage in the Reader", lambda: self.passageRequested.emit(anchor_id)
        )
        open_passage.setEnabled(has_passage)
        menu.addAction(
            "Edit in the Footnote builder", lambda: self.builderEditRequested.emit(anchor_id)
        )
        menu.addAction("Edit here (F2)", lambda: (self.edit_note(anchor_id), self.focus_editor()))
        return menu

    def _context_menu(self, point: QPoint) -> None:
        item = self.list.itemAt(point)
        if item is None:
            return
        anchor_id = str(item.data(_ANCHOR_ID_ROLE))
        self.list.setCurrentItem(item)
        has_passage = bool(item.data(_PASSAGE_ROLE))
        self.context_actions(anchor_id, has_passage).exec(self.list.viewport().mapToGlobal(point))

    def _activate(self, item: QListWidgetItem) -> None:
        self.noteActivated.emit(str(item.data(_ANCHOR_ID_ROLE)))

    def editing_id(self) -> str:
        """The note loaded in the edit line ("" for none)."""
        return self._editing

    def edit_note(self, anchor_id: str) -> None:
        """Load a note's source into the edit line."""
        self._editing = anchor_id
        self.source_edit.setText(self._sources.get(anchor_id, ""))
        self.apply_button.setEnabled(False)
        self.message.hide()

    def _stop_editing(self) -> None:
        self._editing = ""
        self.source_edit.clear()
        self.apply_button.setEnabled(False)
        self.message.hide()

    def apply_edit(self) -> bool:
        """Parse the edit line and send the new note; a broken citation keeps the old note and
        says what is wrong."""
        if not self._editing:
            return False
        text = self.source_edit.text()
        if text == self._sources.get(self._editing):
            return False
        try:
            note = note_from_source(text)
        except ValueError as error:
            self.message.setText(f"Not changed: {error}")
            self.message.show()
            return False
        self.message.hide()
        self.apply_button.setEnabled(False)
        self.noteEdited.emit(self._editing, note)
        return True

    def focus_editor(self) -> None:
        self.source_edit.setFocus()

    def eventFilter(self, watched, event):
        if (
            watched is self.source_edit
            and isinstance(event, QKeyEvent)
            and event.type() == QKeyEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Escape
        ):
            self.edit_note(self._editing)  # revert what was typed
            return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_F2:
            self.focus_editor()
            return
        super().keyPressEvent(event)
