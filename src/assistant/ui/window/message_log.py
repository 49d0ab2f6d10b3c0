"""The message log: problems the writer may want to read in full, kept out of the status bar.

A message already in the log is not added again (its count and time are updated instead), so
a problem that recurs on every reindex is one line, not a scroll of repeats.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

MAX_ENTRIES = 500


@dataclass(slots=True)
class Entry:
    where: str
    text: str
    at: dt.datetime
    count: int = 1

    def line(self) -> str:
        repeat = f" (×{self.count})" if self.count > 1 else ""
        return f"{self.at:%H:%M:%S}  {self.where}: {self.text}{repeat}"


class MessageLog(QObject):
    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries: list[Entry] = []

    def entries(self) -> list[Entry]:
        return list(self._entries)

    def add(self, where: str, text: str) -> bool:
        """Log a message; False when it was already there (a repeat, counted, not shown)."""
        text = text.strip()
        for entry in self._entries:
            if entry.where == where and entry.text == text:
                entry.count += 1
                entry.at = dt.datetime.now()
                self.changed.emit()
                return False
        self._entries.append(Entry(where, text, dt.datetime.now()))
        del self._entries[:-MAX_ENTRIES]
        self.changed.emit()
        return True

    def clear(self) -> None:
        self._entries.clear()
        self.changed.emit()

    def text(self) -> str:
        return "\n".join(entry.line() for entry in self._entries)

    def show_dialog(self, parent: QWidget) -> None:
        dialog = QDialog(parent)
        dialog.setObjectName("messageLogDialog")
        dialog.setWindowTitle("Messages")
        view = QPlainTextEdit(self.text() or "No messages.")
        view.setReadOnly(True)
        view.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        clear = buttons.addButton("Clear", QDialogButtonBox.ButtonRole.ResetRole)
        clear.clicked.connect(lambda: (self.clear(), view.setPlainText("No messages.")))
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(view)
        layout.addWidget(buttons)
        dialog.resize(640, 360)
        dialog.exec()
