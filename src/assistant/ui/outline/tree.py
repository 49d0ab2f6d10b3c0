"""The outline's tree view and its outliner keys."""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QTreeView


class OutlineTree(QTreeView):
    """Outliner keys, handled here rather than as QShortcuts so they only act in the tree:
    Tab / Shift+Tab indent and outdent, Insert adds a note (Shift+Insert a sub-note), Delete
    deletes, Ctrl+Shift+Up/Down move, Ctrl+Shift+Return inserts into the draft; F2 renames;
    Ctrl+Z and Ctrl+Shift+Z (or Ctrl+Y) undo and redo outline edits, not the draft's typing."""

    _HISTORY_KEYS: ClassVar[dict[QKeySequence.StandardKey, str]] = {
        QKeySequence.StandardKey.Undo: "undo",
        QKeySequence.StandardKey.Redo: "redo",
    }

    command = Signal(str)

    _KEYS: ClassVar[dict[tuple[int, Qt.KeyboardModifier], str]] = {
        (Qt.Key.Key_Tab, Qt.KeyboardModifier.NoModifier): "indent",
        (Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier): "outdent",
        (Qt.Key.Key_Backtab, Qt.KeyboardModifier.NoModifier): "outdent",
        (
            Qt.Key.Key_Right,
            Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier,
        ): "indent",
        (
            Qt.Key.Key_Left,
            Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier,
        ): "outdent",
        (Qt.Key.Key_Insert, Qt.KeyboardModifier.NoModifier): "add",
        (Qt.Key.Key_Insert, Qt.KeyboardModifier.ShiftModifier): "child",
        (Qt.Key.Key_Delete, Qt.KeyboardModifier.NoModifier): "delete",
        (
            Qt.Key.Key_Up,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        ): "up",
        (
            Qt.Key.Key_Down,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        ): "down",
        (
            Qt.Key.Key_Return,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        ): "insert",
        (
            Qt.Key.Key_Enter,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        ): "insert",
    }

    def _history_command(self, event) -> str | None:
        for key, name in self._HISTORY_KEYS.items():
            if event.matches(key):
                return name
        return None

    def event(self, event) -> bool:
        # The draft's Undo action owns Ctrl+Z window-wide; in the tree the outline's history
        # answers it, as a line edit keeps Ctrl+Z for its own text.
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and self.state() != QAbstractItemView.State.EditingState
            and self._history_command(event) is not None
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event) -> None:
        if self.state() != QAbstractItemView.State.EditingState:
            history = self._history_command(event)
            if history is not None:
                self.command.emit(history)
                event.accept()
                return
            modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            name = self._KEYS.get((event.key(), modifiers))
            if name is not None:
                self.command.emit(name)
                event.accept()
                return
        super().keyPressEvent(event)

    def focusNextPrevChild(self, forward: bool) -> bool:
        # Tab belongs to indent/outdent here; Ctrl+Tab still leaves the tree.
        return False

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        # Wrapped row heights depend on the width.
        self.scheduleDelayedItemsLayout()
