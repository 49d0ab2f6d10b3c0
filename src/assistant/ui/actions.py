"""Building QActions the same way everywhere: text, shortcut, tip, slot, and where the key works."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence


def make_action(
    parent: QObject,
    text: str,
    slot: Callable[[], Any],
    shortcut: Any = None,
    tip: str = "",
    *,
    name: str = "",
) -> QAction:
    action = QAction(text, parent)
    if name:
        action.setObjectName(name)
    if shortcut is not None:
        if isinstance(shortcut, list):
            keys: list[QKeySequence] = []
            for key in shortcut:
                if isinstance(key, QKeySequence.StandardKey):
                    keys.extend(QKeySequence.keyBindings(key))
                else:
                    keys.append(QKeySequence(key))
            action.setShortcuts(keys)
        else:
            action.setShortcut(QKeySequence(shortcut))
    if tip:
        action.setStatusTip(tip)
    action.triggered.connect(lambda _checked=False: slot())
    return action


def local_to(widget: Any, *actions: QAction) -> None:
    """Make the actions' keys work only while `widget` (or a child of it) has focus."""
    for action in actions:
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        widget.addAction(action)
