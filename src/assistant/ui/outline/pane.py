"""The Notes outline pane: a tree of reading notes with drag-and-drop and attached evidence.

The tree's model is `ui.outline.model.OutlineModel` and its keys are `ui.outline.tree`'s; how
notes and their evidence read (titles, tooltips, evidence rows) is Qt-free, in
`essay.outline` and `essay.evidence`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from assistant.cite.labels import CitationLabels
from assistant.essay.evidence import EvidenceDetail, evidence_details, evidence_label
from assistant.essay.model import PassageLink
from assistant.essay.outline import Outline, OutlineNode, outline_from_markdown
from assistant.essay.outline_history import OutlineHistory
from assistant.ui import theme
from assistant.ui.outline.model import OutlineModel
from assistant.ui.outline.tree import OutlineTree
from assistant.ui.workers import TaskError, run_task


class OutlinePane(QWidget):
    """The notes outline with its evidence list; see the module docstring."""

    openPassage = Signal(object)  # PassageLink
    insertTextRequested = Signal(str)
    outlineChanged = Signal()
    # A Markdown file's import ended: the Outline merged in, or the TaskError (Pandoc failed).
    markdownImported = Signal(object)

    def __init__(self, controller: Any = None, parent: QWidget | None = None) -> None:
        if isinstance(controller, QWidget) and parent is None:
            # OutlinePane(parent) also works: the controller only improves evidence labels.
            controller, parent = None, controller
        super().__init__(parent)
        self.setObjectName("outlinePane")
        self._controller = controller
        self._labels = None
        if controller is not None:
            self._labels = CitationLabels(controller.items)
            controller.libraryChanged.connect(self._labels.clear)
        # Asked before deleting a note that has sub-notes, a body or evidence; tests replace it.
        self.confirm_delete: Callable[[OutlineNode], bool] = self._ask_delete

        self.model = OutlineModel(Outline(), self)
        # Undo and redo of outline edits: a snapshot after each (essay/outline_history.py).
        self.history = OutlineHistory()
        self.history.reset(self.model.outline())
        self.model.outlineChanged.connect(self._record_history)
        self.model.outlineChanged.connect(self.outlineChanged)
        self.model.outlineChanged.connect(self._update_placeholder)
        self.model.linkAttached.connect(self._on_link_attached)
        self.model.modelAboutToBeReset.connect(self._remember_expansion)
        self.model.modelReset.connect(self._restore_expansion)
        self.model.structureChanged.connect(self._select_id)
        self._expanded: set[str] = set()

        self.tree = OutlineTree(self)
        self.tree.setObjectName("outlineTree")
        self.tree.setModel(self.model)
        self.tree.setHeaderHidden(True)
        # One line a note, ending in "…" (the whole note is its tooltip and in F2), so a
        # column of about 300 px shows a dozen notes rather than four wrapped ones.
        self.tree.setWordWrap(False)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.tree.setUniformRowHeights(True)
        self.tree.header().setStretchLastSection(True)
        self.tree.setDragEnabled(True)
        self.tree.setAcceptDrops(True)
        self.tree.setDropIndicatorShown(True)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.tree.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.tree.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.tree.command.connect(self.run_command)
        self.tree.selectionModel().currentChanged.connect(self._show_links)

        self.links = QListWidget(self)
        self.links.setObjectName("outlineEvidence")
        self.links.setToolTip(
            "Passages kept as evidence for the selected note: double-click to read one"
        )
        # Activation is Enter, or a click or double-click as the platform has it.
        self.links.itemActivated.connect(self._open_link_item)
        self.links.setWordWrap(True)
        self.links_label = QLabel("Evidence for the selected note", self)

        self.placeholder = QLabel(self)
        self.placeholder.setWordWrap(True)
        self.placeholder.setMargin(8)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.placeholder.setText(
            "No notes yet.\n\nPress Insert (or +) to add a note, or use Library ▸ Import Markdown "
            "outline… to bring in reading notes, such as the bundled notes on Zubok and "
            "Pleshakov.\n\n"
            "Drag a search hit onto a note to keep it as evidence."
        )
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.placeholder)
        self.stack.addWidget(self.tree)

        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setObjectName("outlineMessage")
        self.message.hide()

        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        self.buttons: dict[str, QToolButton] = {}
        for name, text, tip, slot in (
            ("add", "+", "Add a note after the selected one (Insert)", self.add_sibling),
            ("child", "+ Sub", "Add a sub-note to the selected one (Shift+Insert)", self.add_child),
            ("delete", "✕", "Delete the selected note (Delete)", self.delete_current),
            ("outdent", "◀", "Outdent (Shift+Tab)", self.outdent_current),
            ("indent", "▶", "Indent under the previous note (Tab)", self.indent_current),
            ("up", "▲", "Move up (Ctrl+Shift+Up)", lambda: self.move_current(-1)),
            ("down", "▼", "Move down (Ctrl+Shift+Down)", lambda: self.move_current(+1)),
            ("undo", "↶", "Undo the last outline change (Ctrl+Z in the outline)", self.undo),
            ("redo", "↷", "Redo (Ctrl+Shift+Z in the outline)", self.redo),
        ):
            button = QToolButton(self)
            button.setText(text)
            button.setToolTip(tip)
            button.setAutoRaise(True)
            button.clicked.connect(slot)
            bar.addWidget(button)
            self.buttons[name] = button
        bar.addStretch(1)
        self.insert_button = QPushButton("Insert into draft", self)
        self.insert_button.setToolTip(
            "Insert the selected note's text at the cursor (Ctrl+Shift+Return)"
        )
        self.insert_button.clicked.connect(self.insert_current)
        self.detach_button = QPushButton("Detach", self)
        self.detach_button.setToolTip("Remove the selected passage from this note's evidence")
        self.detach_button.clicked.connect(self.detach_current_link)

        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        links_bar = QHBoxLayout()
        links_bar.addWidget(self.links_label, 1)
        links_bar.addWidget(self.detach_button)
        lower_layout.addLayout(links_bar)
        lower_layout.addWidget(self.links, 1)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.stack)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([520, 96])
        self.links.setMinimumHeight(48)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.insert_button)

        self._update_placeholder()
        self._update_history_buttons()
        self._show_links(QModelIndex(), QModelIndex())

    # -- public API -------------------------------------------------------------------------

    def set_outline(self, outline: Outline | None) -> None:
        """Show another essay's outline: its history starts here."""
        self.model.set_outline(outline if outline is not None else Outline())
        self.history.reset(self.model.outline())
        self._update_history_buttons()
        self.tree.expandToDepth(0)
        self._update_placeholder()
        self._show_links(self.tree.currentIndex(), QModelIndex())

    def outline(self) -> Outline:
        return self.model.outline()

    def current_node(self) -> OutlineNode | None:
        index = self.tree.currentIndex()
        return self.model.node(index) if index.isValid() else None

    def select(self, node_id: str) -> None:
        index = self.model.index_of(node_id)
        if index.isValid():
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)

    def import_markdown(self, text: str, name: str = "Imported notes") -> None:
        """Bring in a Markdown outline; into an empty outline it becomes the outline, otherwise
        only its new notes are added where they belong (`essay.outline_merge`), so importing
        the outline already open changes nothing. Runs Pandoc here: files go through
        `import_markdown_file`, which reads them in a worker."""
        self._merge_imported(outline_from_markdown(text), name)

    def _merge_imported(self, imported: Outline, name: str) -> None:
        from assistant.essay.outline_merge import merge_outline

        current = self.outline()
        if not current.root.children:
            if not imported.root.title and current.root.title:
                imported.root.title = current.root.title
            # Into the same outline object (the editor holds it), as one undoable edit.
            self._replace_root(imported)
            self.tree.expandToDepth(0)
            self._flash(f"Imported {sum(1 for _ in imported.walk()) - 1} notes.")
            return
        self.model.beginResetModel()
        report = merge_outline(current, imported, name)
        self.model._rebuild_cache()
        self.model.endResetModel()
        if not report.added:
            self._flash("Nothing new: every note of that outline is already here.")
            return
        self.model.outlineChanged.emit()
        if report.target_id != current.root.id:
            self.select(report.target_id)
        self._flash(f"Imported {report.added} new note{'s' if report.added != 1 else ''}.")
        self.outlineChanged.emit()

    def import_markdown_file(self, path: Path) -> bool:
        """Read and parse the file in a worker (Pandoc takes a while on a long outline) and
        merge it when it is ready (`markdownImported`). False when the file cannot be read."""
        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            reason = getattr(error, "strerror", None) or str(error)
            self._flash(f"Could not import {path.name}: {reason}", error=True)
            return False

        def done(imported: Outline) -> None:
            self._merge_imported(imported, path.stem)
            self.markdownImported.emit(imported)

        def failed(error: TaskError) -> None:
            self._flash(f"Could not import {path.name}: {error.message}", error=True)
            self.markdownImported.emit(error)

        self._flash(f"Reading {path.name}…")
        run_task(
            lambda _task: outline_from_markdown(text), on_result=done, on_error=failed, owner=self
        )
        return True

    def import_markdown_dialog(self) -> None:
        start = ""
        if self._controller is not None:
            start = str(self._controller.corpus_dir)
        path, _ = QFileDialog.getOpenFileName(
            self,
            "Import a Markdown outline",
            start,
            "Markdown (*.md *.markdown *.txt);;All files (*)",
        )
        if path:
            self.import_markdown_file(Path(path))

    # -- edits ------------------------------------------------------------------------------

    def run_command(self, name: str) -> None:
        """One of the tree's key commands (see OutlineTree)."""
        actions = {
            "indent": self.indent_current,
            "outdent": self.outdent_current,
            "add": self.add_sibling,
            "child": self.add_child,
            "delete": self.delete_current,
            "up": lambda: self.move_current(-1),
            "down": lambda: self.move_current(+1),
            "insert": self.insert_current,
            "undo": self.undo,
            "redo": self.redo,
        }
        actions[name]()

    def undo(self) -> None:
        self._restore(self.history.undo(), "Nothing to undo in the outline.")

    def redo(self) -> None:
        self._restore(self.history.redo(), "Nothing to redo in the outline.")

    def _restore(self, snapshot: Outline | None, nothing: str) -> None:
        if snapshot is None:
            self._flash(nothing)
            return
        self._replace_root(snapshot)

    def _replace_root(self, outline: Outline) -> None:
        """Put `outline`'s tree into the shown outline object, which the editor and the essay
        hold, and tell everyone it changed (the history records it unless it is the state an
        undo just restored)."""
        self.model.beginResetModel()
        self.model.outline().root = outline.root
        self.model._rebuild_cache()
        self.model.endResetModel()
        self._update_placeholder()
        self.model.outlineChanged.emit()

    def _record_history(self) -> None:
        self.history.record(self.model.outline())
        self._update_history_buttons()

    def _update_history_buttons(self) -> None:
        self.buttons["undo"].setEnabled(self.history.can_undo)
        self.buttons["redo"].setEnabled(self.history.can_redo)

    def add_sibling(self) -> None:
        node = self.current_node()
        if node is None:
            index = self.model.add(self.outline().root.id, None)
        else:
            parent = self.outline().parent_of(node.id)
            assert parent is not None
            index = self.model.add(parent.id, self.outline().index_of(node.id) + 1)
        self._start_editing(index)

    def add_child(self) -> None:
        node = self.current_node()
        parent_id = node.id if node is not None else self.outline().root.id
        index = self.model.add(parent_id, None)
        self.tree.expand(index.parent())
        self._start_editing(index)

    def _start_editing(self, index: QModelIndex) -> None:
        self._update_placeholder()
        self.tree.setCurrentIndex(index)
        self.tree.scrollTo(index)
        self.tree.setFocus()
        self.tree.edit(index)

    def delete_current(self) -> None:
        node = self.current_node()
        if node is None:
            return
        if node.contents() and not self.confirm_delete(node):
            return
        parent_node = self.outline().parent_of(node.id)
        assert parent_node is not None
        old_row = self.outline().index_of(node.id)
        self.model.delete(node.id)
        self._update_placeholder()
        # Keep the keyboard in the tree: select the neighbour that took its place.
        parent = self.model.index_of(parent_node.id)
        row = min(old_row, self.model.rowCount(parent) - 1)
        neighbour = self.model.index(row, 0, parent) if row >= 0 else parent
        if neighbour.isValid():
            self.tree.setCurrentIndex(neighbour)

    def indent_current(self) -> None:
        node = self.current_node()
        if node is not None and self.model.indent(node.id):
            self.tree.expand(self.model.index_of(node.id).parent())

    def outdent_current(self) -> None:
        node = self.current_node()
        if node is not None:
            self.model.outdent(node.id)

    def move_current(self, delta: int) -> None:
        node = self.current_node()
        if node is not None:
            self.model.move_by(node.id, delta)

    def insert_current(self) -> None:
        node = self.current_node()
        if node is None:
            return
        text = node.draft_text()
        if text.strip():
            self.insertTextRequested.emit(text)

    def detach_current_link(self) -> None:
        node = self.current_node()
        row = self.links.currentRow()
        if node is not None and row >= 0:
            self.model.detach(node.id, row)
            self._show_links(self.tree.currentIndex(), QModelIndex())

    # -- view state -------------------------------------------------------------------------

    def _ask_delete(self, node: OutlineNode) -> bool:
        answer = QMessageBox.question(
            self,
            "Delete note",
            f"Delete “{node.title or 'Untitled note'}” with {', '.join(node.contents())}?",
        )
        return answer == QMessageBox.StandardButton.Yes

    def _remember_expansion(self) -> None:
        self._expanded = set()
        for node, _depth in self.outline().walk():
            index = self.model.index_of(node.id)
            if index.isValid() and self.tree.isExpanded(index):
                self._expanded.add(node.id)
        current = self.current_node()
        self._selected_before_reset = current.id if current else ""

    def _restore_expansion(self) -> None:
        for node_id in self._expanded:
            index = self.model.index_of(node_id)
            if index.isValid():
                self.tree.expand(index)
        if getattr(self, "_selected_before_reset", ""):
            self.select(self._selected_before_reset)

    def _select_id(self, node_id: str) -> None:
        if node_id:
            index = self.model.index_of(node_id)
            parent = index.parent()
            while parent.isValid():
                self.tree.expand(parent)
                parent = parent.parent()
            self.select(node_id)

    def _update_placeholder(self) -> None:
        empty = not self.outline().root.children
        self.stack.setCurrentWidget(self.placeholder if empty else self.tree)

    def _show_links(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.links.clear()
        node = self.model.node(current) if current.isValid() else None
        if node is None:
            self.links_label.setText("Evidence: select a note")
        else:
            self.links_label.setText(
                f"Evidence for this note ({len(node.links)})"
                if node.links
                else "Evidence: drag a search hit onto this note"
            )
            for link in node.links:
                item = QListWidgetItem(self._link_text(link))
                item.setData(Qt.ItemDataRole.UserRole, link)
                item.setToolTip("Double-click or Enter: read it in the Reader")
                self.links.addItem(item)
            self._fill_link_details(list(node.links))
        self.detach_button.setEnabled(bool(node and node.links))
        self.insert_button.setEnabled(node is not None)

    def _fill_link_details(self, links: list[PassageLink]) -> None:
        """Each evidence row gets the passage's section and the start of its text, read off
        the GUI thread (the index may be large)."""
        controller = self._controller
        if controller is None or not links:
            return
        self._link_generation = getattr(self, "_link_generation", 0) + 1
        generation = self._link_generation

        def read(_task: Any) -> dict[tuple[str, int], EvidenceDetail]:
            return evidence_details(controller.index, links)

        def done(details: dict[tuple[str, int], EvidenceDetail]) -> None:
            if generation != self._link_generation or not shiboken6.isValid(self.links):
                return
            for row in range(self.links.count()):
                item = self.links.item(row)
                link = item.data(Qt.ItemDataRole.UserRole)
                found = details.get((link.source_id, link.ordinal))
                if found is not None:
                    item.setText(self._link_text(link, *found))

        run_task(read, on_result=done, owner=self)

    def _link_text(
        self, link: PassageLink, section: str = "", page: str = "", text: str = ""
    ) -> str:
        label = self._labels.short(link.source_id) if self._labels is not None else link.source_id
        return evidence_label(link, label, section, page, text)

    def _on_link_attached(self, node_id: str, _link: PassageLink) -> None:
        self.select(node_id)
        self._show_links(self.tree.currentIndex(), QModelIndex())

    def _open_link_item(self, item: QListWidgetItem) -> None:
        link = item.data(Qt.ItemDataRole.UserRole)
        if link is not None:
            self.openPassage.emit(link)

    def _flash(self, text: str, error: bool = False) -> None:
        colours = theme.scheme()
        self.message.setStyleSheet(f"color:{colours.error if error else colours.success}")
        self.message.setText(text)
        self.message.show()
