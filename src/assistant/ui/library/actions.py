"""The Library menu's actions: add files, reindex, rebuild the index."""

from __future__ import annotations

from typing import TYPE_CHECKING

from assistant.ui.actions import make_action

if TYPE_CHECKING:
    from assistant.ui.library.controller import LibraryController
    from assistant.ui.library.library_panel import LibraryDock


class LibraryActions:
    def __init__(self, dock: LibraryDock, controller: LibraryController) -> None:
        self.add_files = make_action(dock, "&Add files…", dock.panel.add_files_dialog)
        self.reindex = make_action(dock, "&Reindex", lambda: controller.reindex())
        self.rebuild = make_action(dock, "Re&build index", lambda: controller.reindex(rebuild=True))

    def all(self) -> list:
        return [self.add_files, self.reindex, self.rebuild]
