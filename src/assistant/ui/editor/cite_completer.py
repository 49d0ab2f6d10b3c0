"""Type `@` to cite: a list of the library's sources under the cursor, filtered as you type
("@shen 2000"), as Zettlr's citation completer. Choosing one removes the typed `@words` and
asks for the footnote builder on that source, which inserts the note at that place.

`@` after a letter (an e-mail address) or right after `[` or `-` (Pandoc syntax typed by
hand, `[@id]`, `[-@id]`) does not open the list.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QObject, QStringListModel, Qt, Signal
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import QCompleter

from assistant.library.lookup import find_items

MAX_QUERY = 40


class CiteCompleter(QObject):
    """`citeRequested(item_id)` when the writer picks a source."""

    citeRequested = Signal(str)

    def __init__(self, text_edit: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._text_edit = text_edit
        self._items: dict[str, dict[str, Any]] = {}
        self._labels: dict[str, str] = {}
        self._ids: list[str] = []
        self._at = -1  # document position of the "@"
        self.model = QStringListModel(self)
        self.completer = QCompleter(self.model, self)
        self.completer.setWidget(text_edit)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setMaxVisibleItems(8)
        self.completer.popup().setObjectName("citeCompleter")
        self.completer.activated[str].connect(self._chosen_text)  # type: ignore[index]

    def set_items(self, items: Mapping[str, dict[str, Any]], labels: Mapping[str, str]) -> None:
        self._items = dict(items)
        self._labels = dict(labels)

    def is_open(self) -> bool:
        return self.completer.popup().isVisible()

    def handle_key(self, event: QKeyEvent) -> bool:
        """Keys the open list takes (Enter, Tab, Escape); True when the event is consumed."""
        if not self.is_open():
            return False
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab):
            index = self.completer.popup().currentIndex()
            row = index.row() if index.isValid() else 0
            if 0 <= row < len(self._ids):
                self._choose(self._ids[row])
            return True
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return True
        return False

    def close(self) -> None:
        self._at = -1
        self.completer.popup().hide()

    def after_key(self) -> None:
        """After the text changed: open on a fresh `@`, refilter, or close."""
        cursor = self._text_edit.textCursor()
        position = cursor.position()
        block = cursor.block()
        before = block.text()[: cursor.positionInBlock()]
        if self._at < 0:
            if not before.endswith("@"):
                return
            previous = before[-2:-1]
            if previous and (previous.isalnum() or previous in "[-@"):
                return
            self._at = position - 1
        if position <= self._at or self._at < block.position():
            self.close()
            return
        query = self._text_edit.document().toPlainText()[self._at + 1 : position]
        if len(query) > MAX_QUERY or any(c in query for c in ",.;:[]()\n\u2029"):
            self.close()
            return
        self._ids = find_items(self._items, query)
        if not self._ids:
            self.completer.popup().hide()
            return
        self.model.setStringList([self._labels.get(i, i) for i in self._ids])
        rect = self._text_edit.cursorRect()
        rect.setWidth(max(320, self.completer.popup().sizeHintForColumn(0) + 24))
        self.completer.complete(rect)
        self.completer.popup().setCurrentIndex(self.model.index(0, 0))

    def _chosen_text(self, text: str) -> None:
        labels = [self._labels.get(i, i) for i in self._ids]
        if text in labels:
            self._choose(self._ids[labels.index(text)])

    def _choose(self, item_id: str) -> None:
        """Remove the typed `@words` and ask for a note on `item_id` at that place."""
        at = self._at
        self.close()
        if at >= 0:
            cursor = self._text_edit.textCursor()
            end = cursor.position()
            cursor.setPosition(at)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            cursor.removeSelectedText()
            self._text_edit.setTextCursor(cursor)
        self.citeRequested.emit(item_id)
