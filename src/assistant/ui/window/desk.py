"""The desk: the docks around the draft, their default layout, focus mode, and the footnote
builder that comes when the writer cites and steps aside once the note is in.

The layout keeps the draft a page wide, the Reader tall and the outline long: search above the
outline (tabbed with the Library and the Check) on the left, the Reader on the right, and the
builder under the Reader only while citing, as Zotero's citation dialog comes and goes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtWidgets import QDockWidget, QWidget

if TYPE_CHECKING:
    from assistant.ui.window.main_window import MainWindow

# Column widths of the default layout at 1280 px: what is left is the draft's (about 590 px).
LEFT_WIDTH = 300
RIGHT_WIDTH = 380
SEARCH_HEIGHT, OUTLINE_HEIGHT = 310, 420
# While citing, the Reader keeps this share of its column and the builder has the rest.
READER_SHARE_WHILE_CITING = 0.4


def make_dock(window: MainWindow, title: str, name: str, widget: QWidget) -> QDockWidget:
    dock = QDockWidget(title, window)
    dock.setObjectName(name)
    dock.setWidget(widget)
    dock.setFeatures(
        QDockWidget.DockWidgetFeature.DockWidgetMovable
        | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        | QDockWidget.DockWidgetFeature.DockWidgetClosable
    )
    return dock


class Desk:
    """Lays out the window's docks and keeps track of focus mode and the builder's visit."""

    def __init__(self, window: MainWindow) -> None:
        self._window = window
        self._focus_state: QByteArray | None = None
        self._builder_for_citing = False
        window.search_dock = make_dock(window, "Search", "searchDock", window.search_pane)
        window.outline_dock = make_dock(window, "Notes outline", "outlineDock", window.outline_pane)
        window.reader_dock = make_dock(window, "Reader", "readerDock", window.reader_pane)
        window.builder_dock = make_dock(window, "Footnote builder", "builderDock", window.builder)
        window.check_dock = make_dock(window, "Check", "checkDock", window.check_pane)
        window.setDockNestingEnabled(True)
        self.default_layout()

    def docks(self) -> list[QDockWidget]:
        w = self._window
        return [
            w.search_dock,
            w.reader_dock,
            w.outline_dock,
            w.builder_dock,
            w.library_dock,
            w.check_dock,
        ]

    def default_layout(self) -> None:
        w = self._window
        left, right = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
        w.addDockWidget(left, w.search_dock)
        w.addDockWidget(left, w.outline_dock)
        w.splitDockWidget(w.search_dock, w.outline_dock, Qt.Orientation.Vertical)
        w.tabifyDockWidget(w.outline_dock, w.library_dock)
        w.tabifyDockWidget(w.outline_dock, w.check_dock)
        w.outline_dock.raise_()
        w.addDockWidget(right, w.reader_dock)
        w.addDockWidget(right, w.builder_dock)
        w.splitDockWidget(w.reader_dock, w.builder_dock, Qt.Orientation.Vertical)
        w.builder_dock.hide()  # it comes when the writer cites
        w.resizeDocks(
            [w.search_dock, w.reader_dock], [LEFT_WIDTH, RIGHT_WIDTH], Qt.Orientation.Horizontal
        )
        w.resizeDocks(
            [w.search_dock, w.outline_dock],
            [SEARCH_HEIGHT, OUTLINE_HEIGHT],
            Qt.Orientation.Vertical,
        )

    def reset(self) -> None:
        if self._focus_state is not None:
            self.toggle_focus_mode()
        w = self._window
        for dock in self.docks():
            dock.setFloating(False)
            dock.show()
            w.removeDockWidget(dock)
            dock.show()
        self.default_layout()

    # --- splitters inside the panes ------------------------------------------------------------

    def splitters(self) -> dict[str, Any]:
        w = self._window
        return {"draftSplitter": w.editor.splitter, "builderSplitter": w.builder.splitter}

    def restore_splitters(self) -> None:
        for key, splitter in self.splitters().items():
            state = self._window.settings.value(f"window/{key}")
            if isinstance(state, QByteArray | bytes) and state:
                splitter.restoreState(QByteArray(state))

    def save(self) -> None:
        """The layout as it is outside focus mode, for the next start."""
        if self._focus_state is not None:
            self.toggle_focus_mode()
        settings = self._window.settings
        settings.save_window(self._window)
        for key, splitter in self.splitters().items():
            settings.set_value(f"window/{key}", splitter.saveState())

    # --- focus mode ----------------------------------------------------------------------------

    def toggle_focus_mode(self) -> None:
        """Only the draft (a page with its notes under it) on screen; the same key brings the
        desk back."""
        w = self._window
        if self._focus_state is None:
            self._focus_state = w.saveState()
            for dock in self.docks():
                dock.hide()
            w.actions.toolbar.hide()
        else:
            state, self._focus_state = self._focus_state, None
            w.restoreState(state)
        w.editor.set_centred(self._focus_state is not None)
        w.actions.focus_mode.setChecked(self._focus_state is not None)

    def in_focus_mode(self) -> bool:
        return self._focus_state is not None

    def show_dock(self, dock: QDockWidget) -> None:
        if self._focus_state is not None:
            self.toggle_focus_mode()
        dock.show()
        dock.raise_()

    # --- the builder's visit -------------------------------------------------------------------

    def show_builder(self) -> None:
        """Open the builder under the Reader with most of the column: the passage stays in
        sight above it, and the page field, the preview and Insert fit below."""
        w = self._window
        arriving = not w.builder_dock.isVisible()
        if arriving:
            self._builder_for_citing = True
        self.show_dock(w.builder_dock)
        if arriving and not w.builder_dock.isFloating():
            column = w.reader_dock.height() + w.builder_dock.height()
            reader = int(column * READER_SHARE_WHILE_CITING)
            w.resizeDocks(
                [w.reader_dock, w.builder_dock], [reader, column - reader], Qt.Orientation.Vertical
            )

    def builder_done(self) -> None:
        """The note is in: the builder gets out of the way and the writer goes on writing."""
        w = self._window
        if self._builder_for_citing:
            self._builder_for_citing = False
            w.builder_dock.hide()
        w.editor.text_edit.setFocus()

    def builder_dismissed(self) -> None:
        if self._window.builder.editing():
            self._window.builder.cancel_edit()
        self._builder_for_citing = True
        self.builder_done()
