"""The footnote builder's menu actions: a new footnote, and the note at the cursor in it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from assistant.ui.actions import make_action


class BuilderActions:
    def __init__(
        self, parent: Any, new_note: Callable[[], None], edit_note: Callable[[], None]
    ) -> None:
        self.new_note = make_action(
            parent,
            "&New footnote…",
            new_note,
            "Ctrl+Alt+F",
            "Open the footnote builder on the current source",
        )
        self.edit_note = make_action(parent, "&Edit note at cursor", edit_note, "Ctrl+Shift+E")
