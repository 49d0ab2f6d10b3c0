"""Find and replace under the page (Ctrl+F, Ctrl+H): the matching is `essay.find`'s.

Matches are marked in the text as you type. With the scope "Text and notes", Next/Previous
walk the text and the notes in reading order: a note's matches come right after its number,
and a match in a note is selected in the notes strip's edit line (the note selected, the page
showing its number). Replace works there too, and Replace all changes the notes' prose (their
commentary and their citations' prefixes and suffixes, never a key or a page) in one undo step
with the text's. A match that would swallow a note
number is skipped: a replacement never deletes a note.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QKeySequence, QShortcut, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QTextEdit,
    QToolButton,
    QWidget,
)

from assistant.essay.find import (
    FindError,
    FindOptions,
    find_all,
    find_in_note,
    note_source,
    replace_in_note,
    replace_in_note_at,
    replacement_for,
)
from assistant.ui import theme
from assistant.ui.editor.document import ANCHOR_CHAR

if TYPE_CHECKING:
    from assistant.ui.editor.widget import DraftEditor

MARK_LAYER = "find"
MAX_MARKED = 2000  # marks beyond this would slow the page; the count still says how many
SCOPES = {"all": "Text and notes", "text": "Text only"}


@dataclass(frozen=True, slots=True)
class Match:
    """A match in the text (`anchor_id` "") or in a note's source text (`anchor_id` its note,
    `position` the note number's place in the text)."""

    start: int
    end: int
    anchor_id: str = ""
    position: int = 0

    @property
    def key(self) -> tuple[float, int]:
        """Reading order: a note's matches right after its number, before the text after it."""
        if self.anchor_id:
            return (self.position + 0.5, self.start)
        return (float(self.start), 0)


class FindBar(QWidget):
    def __init__(self, editor: DraftEditor) -> None:
        super().__init__(editor)
        self.setObjectName("findBar")
        self._editor = editor
        self.find_edit = QLineEdit(self)
        self.find_edit.setObjectName("findText")
        self.find_edit.setPlaceholderText("Find in the text and notes")
        self.find_edit.setClearButtonEnabled(True)
        self.replace_edit = QLineEdit(self)
        self.replace_edit.setObjectName("replaceText")
        self.replace_edit.setPlaceholderText("Replace with")
        self.case_box = QCheckBox("Match case", self)
        self.word_box = QCheckBox("Whole words", self)
        self.regex_box = QCheckBox("Regular expression", self)
        self.scope_box = QComboBox(self)
        self.scope_box.setObjectName("findScope")
        for key, label in SCOPES.items():
            self.scope_box.addItem(label, key)
        self.scope_box.setToolTip("Search the notes as well as the text, or the text only")
        self.count_label = QLabel(self)
        self.count_label.setObjectName("findCount")
        self.previous_button = self._button("▲", "Previous match (Shift+F3)", self.find_previous)
        self.next_button = self._button("▼", "Next match (F3, Enter)", self.find_next)
        self.replace_button = self._button("Replace", "Replace this match", self.replace_one)
        self.replace_all_button = self._button(
            "Replace all", "Replace every match, in the text and the notes", self.replace_all
        )
        self.close_button = self._button("✕", "Close (Escape)", self.close_bar)
        grid = QGridLayout(self)
        grid.setContentsMargins(4, 2, 4, 2)
        grid.setHorizontalSpacing(4)
        grid.addWidget(self.find_edit, 0, 0)
        grid.addWidget(self.previous_button, 0, 1)
        grid.addWidget(self.next_button, 0, 2)
        grid.addWidget(self.count_label, 0, 3)
        grid.addWidget(self.close_button, 0, 5)
        grid.addWidget(self.replace_edit, 1, 0)
        grid.addWidget(self.replace_button, 1, 1, 1, 2)
        grid.addWidget(self.replace_all_button, 1, 3)
        options = QWidget(self)
        row = QGridLayout(options)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.case_box, 0, 0)
        row.addWidget(self.word_box, 0, 1)
        row.addWidget(self.regex_box, 0, 2)
        row.addWidget(self.scope_box, 0, 3)
        row.setColumnStretch(4, 1)
        grid.addWidget(options, 2, 0, 1, 6)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(4, 0)
        self._replace_widgets = [self.replace_edit, self.replace_button, self.replace_all_button]

        self.find_edit.textChanged.connect(self.refresh)
        self.find_edit.returnPressed.connect(self.find_next)
        self.replace_edit.returnPressed.connect(self.replace_one)
        for box in (self.case_box, self.word_box, self.regex_box):
            box.toggled.connect(self.refresh)
        self.scope_box.currentIndexChanged.connect(self.refresh)
        self._current: Match | None = None
        editor.document.contentsChanged.connect(self._text_changed)
        escape = QShortcut(QKeySequence("Escape"), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.close_bar)
        self.hide()

    def _button(self, text: str, tip: str, slot) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.clicked.connect(slot)
        return button

    # --- opening and closing -------------------------------------------------------------

    def open_find(self, replace: bool = False) -> None:
        selected = self._editor.text_edit.textCursor().selectedText()
        if selected and "\u2029" not in selected and ANCHOR_CHAR not in selected:
            self.find_edit.setText(selected)
        for widget in self._replace_widgets:
            widget.setVisible(replace)
        self.show()
        self.find_edit.setFocus()
        self.find_edit.selectAll()
        self.refresh()

    def open_replace(self) -> None:
        self.open_find(replace=True)

    def close_bar(self) -> None:
        self.hide()
        self._editor.text_edit.set_marks(MARK_LAYER, [])
        self._editor.text_edit.setFocus()

    # --- matching ------------------------------------------------------------------------

    def options(self) -> FindOptions:
        return FindOptions(
            case_sensitive=self.case_box.isChecked(),
            whole_word=self.word_box.isChecked(),
            regex=self.regex_box.isChecked(),
        )

    def in_notes(self) -> bool:
        return self.scope_box.currentData() == "all"

    def _text(self) -> str:
        return self._editor.document.toPlainText()

    def matches(self) -> list[tuple[int, int]]:
        """Matches in the draft's text, as document positions; [] for a bad expression."""
        try:
            return find_all(self._text(), self.find_edit.text(), self.options())
        except FindError:
            return []

    def all_matches(self) -> list[Match]:
        """Every match in reading order: the text's, and the notes' in the scope "Text and
        notes"; [] for a bad expression."""
        query, options = self.find_edit.text(), self.options()
        try:
            found = [Match(a, b) for a, b in find_all(self._text(), query, options)]
            if self.in_notes():
                for position, anchor in self._editor.document.anchor_positions():
                    found.extend(
                        Match(a, b, anchor.id, position)
                        for a, b in find_in_note(anchor.note, query, options)
                    )
        except FindError:
            return []
        return sorted(found, key=lambda m: m.key)

    def note_matches(self) -> int:
        return sum(1 for m in self.all_matches() if m.anchor_id)

    def _text_changed(self) -> None:
        if self.isVisible() and not self._replacing:
            self.refresh()

    _replacing = False

    def refresh(self) -> None:
        query = self.find_edit.text()
        if not query:
            self.count_label.setText("")
            self._editor.text_edit.set_marks(MARK_LAYER, [])
            return
        try:
            spans = find_all(self._text(), query, self.options())
        except FindError as error:
            self.count_label.setText(f"<span style='color:{theme.scheme().error}'>{error}</span>")
            self._editor.text_edit.set_marks(MARK_LAYER, [])
            return
        in_notes = self.note_matches()
        text = f"{len(spans)} in the text"
        if in_notes:
            text += f", {in_notes} in notes"
        self.count_label.setText(text if spans or in_notes else "not found")
        fmt = QTextCharFormat()
        fmt.setBackground(QColor(theme.scheme().find_bg))
        marks = []
        for start, end in spans[:MAX_MARKED]:
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self._editor.document)
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selection.format = fmt
            marks.append(selection)
        self._editor.text_edit.set_marks(MARK_LAYER, marks)

    # --- stepping ------------------------------------------------------------------------

    def current_match(self) -> Match | None:
        """The match last selected in a note, while that note's edit line still shows it."""
        current = self._current
        if current is None or not current.anchor_id:
            return None
        strip = self._editor.notes_strip
        anchor = next((a for a in self._editor.anchors() if a.id == current.anchor_id), None)
        cursor = self._editor.text_edit.textCursor()
        if (
            anchor is None
            # The writer moved in the text since: go on from there instead.
            or cursor.hasSelection()
            or cursor.position() != self._editor.document.position_of(anchor.id) + 1
            or strip.editing_id() != current.anchor_id
            or strip.source_edit.text() != note_source(anchor.note).text
        ):
            return None
        return current

    def _here(self, forward: bool) -> tuple[float, int]:
        """Where stepping starts: the note match selected last, else the text cursor."""
        current = self.current_match()
        if current is not None:
            return current.key
        cursor = self._editor.text_edit.textCursor()
        if forward:
            after = cursor.selectionEnd() if cursor.hasSelection() else cursor.position()
            return (after - 0.75, 0)  # a match starting at the cursor is the next one
        return (float(cursor.selectionStart()), -1)

    def _select(self, match: Match) -> None:
        text_edit = self._editor.text_edit
        cursor = text_edit.textCursor()
        if match.anchor_id:
            # The page shows the note's number; the note's edit line selects the match.
            cursor.setPosition(match.position + 1)
            text_edit.setTextCursor(cursor)
            text_edit.ensureCursorVisible()
            strip = self._editor.notes_strip
            strip.select_anchor(match.anchor_id)
            strip.edit_note(match.anchor_id)
            strip.source_edit.setSelection(match.start, match.end - match.start)
            self._current = match
            return
        self._current = None
        cursor.setPosition(match.start)
        cursor.setPosition(match.end, QTextCursor.MoveMode.KeepAnchor)
        text_edit.setTextCursor(cursor)
        text_edit.ensureCursorVisible()

    def find_next(self, _checked: bool = False, after: tuple[float, int] | None = None) -> bool:
        found = self.all_matches()
        if not found:
            return False
        here = self._here(forward=True) if after is None else after
        self._select(next((m for m in found if m.key > here), found[0]))  # wraps round
        return True

    def find_previous(self) -> bool:
        found = self.all_matches()
        if not found:
            return False
        here = self._here(forward=False)
        self._select(next((m for m in reversed(found) if m.key < here), found[-1]))
        return True

    # --- replacing -----------------------------------------------------------------------

    def replace_one(self) -> bool:
        """Replace the selected match (or find the next one first), then go to the next."""
        query, replacement, options = (
            self.find_edit.text(),
            self.replace_edit.text(),
            self.options(),
        )
        current = self.current_match()
        if current is not None:
            return self._replace_in_note(current, query, replacement, options)
        cursor = self._editor.text_edit.textCursor()
        span = (cursor.selectionStart(), cursor.selectionEnd())
        if span not in self.matches():
            return self.find_next()
        text = self._text()
        if ANCHOR_CHAR in text[span[0] : span[1]]:
            return self.find_next()
        try:
            new = replacement_for(text, span, query, replacement, options)
        except FindError as error:
            self.count_label.setText(str(error))
            return False
        cursor.insertText(new)
        self.find_next()
        return True

    def _replace_in_note(
        self, match: Match, query: str, replacement: str, options: FindOptions
    ) -> bool:
        anchor = next(a for a in self._editor.anchors() if a.id == match.anchor_id)
        try:
            note = replace_in_note_at(
                anchor.note, (match.start, match.end), query, replacement, options
            )
        except FindError as error:
            self.count_label.setText(str(error))
            return False
        if note is None:
            return self.find_next()
        old_length = len(note_source(anchor.note).text)
        self._editor.update_note(match.anchor_id, note)  # one undo step of the draft
        self._editor.render_now()  # the edit line shows the note as it now is
        grown = len(note_source(note).text) - old_length
        self._current = None
        self.find_next(after=(match.position + 0.5, match.end + grown - 1))
        return True

    def replace_all(self) -> int:
        """Every match in the text and (in the scope "Text and notes") in the notes'
        commentary: one undo step."""
        query, replacement, options = (
            self.find_edit.text(),
            self.replace_edit.text(),
            self.options(),
        )
        text = self._text()
        try:
            spans = find_all(text, query, options)
            pieces = [
                (span, replacement_for(text, span, query, replacement, options))
                for span in spans
                if ANCHOR_CHAR not in text[span[0] : span[1]]
            ]
            notes = (
                [
                    (anchor.id, *replace_in_note(anchor.note, query, replacement, options))
                    for anchor in self._editor.anchors()
                ]
                if self.in_notes()
                else []
            )
        except FindError as error:
            self.count_label.setText(str(error))
            return 0
        document = self._editor.document
        cursor = QTextCursor(document)
        self._replacing = True
        cursor.beginEditBlock()
        try:
            # Notes first: inside an edit block the anchors' positions are only refreshed at
            # the end, so they must be looked up before any text moves them.
            in_notes = 0
            for anchor_id, note, count in notes:
                if count:
                    self._editor.update_note(anchor_id, note)
                    in_notes += count
            for (start, end), new in reversed(pieces):
                cursor.setPosition(start)
                cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
                cursor.insertText(new)
        finally:
            cursor.endEditBlock()
            self._replacing = False
        total = len(pieces) + in_notes
        self.refresh()
        self.count_label.setText(f"Replaced {total} ({in_notes} in notes)")
        return total
