"""The Check dock's actions: check the draft (F7) and Find support for the selection."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from assistant.ui.actions import make_action

if TYPE_CHECKING:
    from assistant.ui.check.pane import CheckPane


class CheckActions:
    def __init__(self, pane: CheckPane, show_and_check: Callable[[], None]) -> None:
        self.check = make_action(pane, "Chec&k quotations and notes", show_and_check, "F7")
        self.support = make_action(
            pane, "Find &support for the selection", pane.request_support, "Ctrl+Shift+F"
        )
