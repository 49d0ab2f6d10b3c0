"""The outline's tree view and its outliner keys."""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QTreeView


class OutlineTree(QTreeView):
    """Outliner keys, handled here rather than as QShortcuts so they only act in the tree:
    Tab / Shift+Tab indent and outdent, Insert adds a note (Shift+Insert a sub-note), Delete
    deletes, Ctrl+Shift+Up/Down move, Ctrl+Shift+Return inserts into the draft; F2 renames."""

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

    def keyPressEvent(self, event) -> None:
        if self.state() != QAbstractItemView.State.EditingState:
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
