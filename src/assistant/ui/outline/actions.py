"""The notes outline's menu action: import a Markdown outline."""

from __future__ import annotations

from typing import TYPE_CHECKING

from assistant.ui.actions import make_action

if TYPE_CHECKING:
    from assistant.ui.outline.pane import OutlinePane


class OutlineActions:
    def __init__(self, pane: OutlinePane) -> None:
        self.import_markdown = make_action(
            pane, "Import Markdown &outline…", pane.import_markdown_dialog
        )
