"""The Search pane's window-wide action: Ctrl+K, from any pane, to the query box."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import Qt

from assistant.ui.actions import make_action


class SearchActions:
    def __init__(self, parent: Any, focus_search: Callable[[], None], panes: Iterable[Any]):
        self.search = make_action(parent, "&Search the library", focus_search, "Ctrl+K")
        # The search pane binds Ctrl+K itself (select the query); a window-wide Ctrl+K would
        # make the key ambiguous there and then neither fires. So this one lives on the rest.
        self.search.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        for pane in panes:
            pane.addAction(self.search)
