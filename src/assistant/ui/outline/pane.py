"""The Notes outline pane: a tree of reading notes with drag-and-drop and attached evidence.

`OutlineModel` adapts the Qt-free `assistant.essay.outline.Outline` (edited by node id) to a
QAbstractItemModel. Every edit goes through `Outline`'s own methods, so the tree the essay
file saves is exactly the tree on screen. Structural edits (move, indent, outdent) reset the
model and the pane restores which nodes were expanded and selected; outlines are small.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar

import shiboken6
from PySide6.QtCore import (
    QAbstractItemModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont
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
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from assistant.essay.model import PassageLink
from assistant.essay.outline import Outline, OutlineError, OutlineNode, outline_from_markdown
from assistant.ui import theme
from assistant.ui.search.pane import HIT_MIME, hit_from_mime
from assistant.ui.workers import run_task

NODE_MIME = "application/x-assistant-outline-node"
NodeIdRole = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


class OutlineModel(QAbstractItemModel):
    """A tree model over an `Outline`; each index's internal id maps to a node id."""

    outlineChanged = Signal()
    linkAttached = Signal(str, object)  # node id, PassageLink
    structureChanged = Signal(str)  # id of the node to select after a reset ("" for none)

    def __init__(self, outline: Outline | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self._outline = outline if outline is not None else Outline()
        self._keys: dict[str, int] = {}
        self._ids: dict[int, str] = {}
        self._nodes: dict[str, tuple[OutlineNode, OutlineNode | None]] = {}
        self._rebuild_cache()

    # -- lookups ----------------------------------------------------------------------------

    def outline(self) -> Outline:
        return self._outline

    def set_outline(self, outline: Outline) -> None:
        self.beginResetModel()
        self._outline = outline
        self._rebuild_cache()
        self.endResetModel()

    def _rebuild_cache(self) -> None:
        self._nodes = {}

        def visit(node: OutlineNode, parent: OutlineNode | None) -> None:
            self._nodes[node.id] = (node, parent)
            for child in node.children:
                visit(child, node)

        visit(self._outline.root, None)
        for node_id in self._nodes:
            if node_id not in self._keys:
                key = len(self._keys) + 1
                self._keys[node_id] = key
                self._ids[key] = node_id

    def node(self, index: Index) -> OutlineNode:
        """The node at `index`; the root for an invalid index."""
        if not index.isValid():
            return self._outline.root
        entry = self._nodes.get(self._ids.get(index.internalId(), ""))
        return entry[0] if entry is not None else self._outline.root

    def index_of(self, node_id: str) -> QModelIndex:
        entry = self._nodes.get(node_id)
        if entry is None or entry[1] is None:
            return QModelIndex()
        parent = entry[1]
        row = next(i for i, child in enumerate(parent.children) if child.id == node_id)
        return self.createIndex(row, 0, self._keys[node_id])

    # -- QAbstractItemModel -----------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column != 0 or row < 0:
            return QModelIndex()
        parent_node = self.node(parent)
        if row >= len(parent_node.children):
            return QModelIndex()
        return self.createIndex(row, 0, self._keys[parent_node.children[row].id])

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        entry = self._nodes.get(self._ids.get(index.internalId(), ""))
        if entry is None:
            return QModelIndex()  # an index that outlived its node
        parent = entry[1]
        if parent is None or parent is self._outline.root:
            return QModelIndex()
        return self.index_of(parent.id)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self.node(parent).children)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        node = self.node(index)
        if role == Qt.ItemDataRole.DisplayRole:
            title = node.title or "Untitled note"
            if node.links:
                count = len(node.links)
                title += f"   [{count} passage{'s' if count != 1 else ''}]"
            return title
        if role == Qt.ItemDataRole.EditRole:
            return node.title
        if role == NodeIdRole:
            return node.id
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = node.title
            if node.body:
                body = node.body if len(node.body) < 600 else node.body[:600] + "…"
                tip += "\n\n" + body
            return tip or None
        if role == Qt.ItemDataRole.FontRole and node.children:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        title = " ".join(str(value).split())
        if not title:
            return False  # an empty title would make the note unfindable; keep the old one
        self._outline.rename(self.node(index).id, title)
        self.dataChanged.emit(index, index)
        self.outlineChanged.emit()
        return True

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsEditable
            | Qt.ItemFlag.ItemIsDragEnabled
            | Qt.ItemFlag.ItemIsDropEnabled
        )

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [NODE_MIME, HIT_MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:
        mime = QMimeData()
        valid = [i for i in indexes if i.isValid()]
        if valid:
            node = self.node(valid[0])
            mime.setData(NODE_MIME, QByteArray(json.dumps({"id": node.id}).encode("utf-8")))
            mime.setText(node.title)
        return mime

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        if data.hasFormat(HIT_MIME):
            return self._hit_target(row, parent) is not None and hit_from_mime(data) is not None
        node_id = _node_id_from_mime(data)
        if node_id is None or node_id not in self._nodes:
            return False
        target = self.node(parent)
        moving = self._nodes[node_id][0]
        return all(n.id != target.id for n, _ in moving.walk())

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        if action == Qt.DropAction.IgnoreAction:
            return True
        if data.hasFormat(HIT_MIME):
            payload = hit_from_mime(data)
            target = self._hit_target(row, parent)
            if payload is None or target is None:
                return False
            self.attach(
                target.id, PassageLink(payload["source_id"], payload["ordinal"], payload["page"])
            )
            return True
        node_id = _node_id_from_mime(data)
        if node_id is None or not self.canDropMimeData(data, action, row, column, parent):
            return False
        target = self.node(parent)
        old_parent = self._nodes[node_id][1]
        index = None if row < 0 else row
        # Qt counts the drop row before the node leaves; Outline.move counts after.
        if index is not None and old_parent is target and self._outline.index_of(node_id) < index:
            index -= 1
        return self.move(node_id, target.id, index)

    def _hit_target(self, row: int, parent: Index) -> OutlineNode | None:
        """A hit dropped onto a node attaches to it; between nodes, to their parent note."""
        if not parent.isValid():
            return None
        return self.node(parent)

    # -- edits (each emits outlineChanged) --------------------------------------------------

    def add(self, parent_id: str, index: int | None, title: str = "New note") -> QModelIndex:
        parent_entry = self._nodes[parent_id][0]
        position = (
            len(parent_entry.children)
            if index is None
            else max(0, min(index, len(parent_entry.children)))
        )
        parent_index = self.index_of(parent_id)
        node = OutlineNode(title=title)
        self.beginInsertRows(parent_index, position, position)
        self._outline.add(parent_id, position, node)
        self._rebuild_cache()
        self.endInsertRows()
        self.outlineChanged.emit()
        return self.index_of(node.id)

    def delete(self, node_id: str) -> OutlineNode:
        index = self.index_of(node_id)
        if not index.isValid():
            raise OutlineError("The outline's root cannot be deleted.")
        self.beginRemoveRows(index.parent(), index.row(), index.row())
        removed = self._outline.delete(node_id)
        self._rebuild_cache()
        self.endRemoveRows()
        self.outlineChanged.emit()
        return removed

    def rename(self, node_id: str, title: str) -> bool:
        return self.setData(self.index_of(node_id), title)

    def move(self, node_id: str, new_parent_id: str, index: int | None) -> bool:
        return self._structural(node_id, lambda: self._outline.move(node_id, new_parent_id, index))

    def indent(self, node_id: str) -> bool:
        return self._structural(node_id, lambda: self._outline.indent(node_id))

    def outdent(self, node_id: str) -> bool:
        return self._structural(node_id, lambda: self._outline.outdent(node_id))

    def move_by(self, node_id: str, delta: int) -> bool:
        """Move a node up (-1) or down (+1) among its siblings."""
        parent = self._nodes[node_id][1]
        if parent is None:
            return False
        position = self._outline.index_of(node_id) + delta
        if not 0 <= position < len(parent.children):
            return False
        return self.move(node_id, parent.id, position)

    def _structural(self, node_id: str, edit: Callable[[], Any]) -> bool:
        self.beginResetModel()
        try:
            result = edit()
        except OutlineError:
            result = False
        else:
            result = result is not False
        finally:
            self._rebuild_cache()
            self.endResetModel()
        if result:
            self.outlineChanged.emit()
        self.structureChanged.emit(node_id)
        return result

    def attach(self, node_id: str, link: PassageLink) -> bool:
        """Keep a passage as evidence for a note; False if it is already attached."""
        node = self._nodes[node_id][0]
        if any((l.source_id, l.ordinal) == (link.source_id, link.ordinal) for l in node.links):  # noqa: E741
            return False
        node.links.append(link)
        index = self.index_of(node_id)
        self.dataChanged.emit(index, index)
        self.outlineChanged.emit()
        self.linkAttached.emit(node_id, link)
        return True

    def detach(self, node_id: str, position: int) -> None:
        node = self._nodes[node_id][0]
        if 0 <= position < len(node.links):
            del node.links[position]
            index = self.index_of(node_id)
            self.dataChanged.emit(index, index)
            self.outlineChanged.emit()


def _node_id_from_mime(data: QMimeData) -> str | None:
    if not data.hasFormat(NODE_MIME):
        return None
    try:
        return str(json.loads(bytes(data.data(NODE_MIME).data()).decode("utf-8"))["id"])
    except (ValueError, KeyError, TypeError):
        return None


SNIPPET_CHARS = 140


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


class OutlinePane(QWidget):
    """The notes outline with its evidence list; see the module docstring."""

    openPassage = Signal(object)  # PassageLink
    insertTextRequested = Signal(str)
    outlineChanged = Signal()

    def __init__(self, controller: Any = None, parent: QWidget | None = None) -> None:
        if isinstance(controller, QWidget) and parent is None:
            # OutlinePane(parent) also works: the controller only improves evidence labels.
            controller, parent = None, controller
        super().__init__(parent)
        self.setObjectName("outlinePane")
        self._controller = controller
        self._labels = None
        if controller is not None:
            from assistant.ui.search.pane import CitationLabels

            self._labels = CitationLabels(controller)
            controller.libraryChanged.connect(self._labels.clear)
        # Asked before deleting a note that has sub-notes, a body or evidence; tests replace it.
        self.confirm_delete: Callable[[OutlineNode], bool] = self._ask_delete

        self.model = OutlineModel(Outline(), self)
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
        self._show_links(QModelIndex(), QModelIndex())

    # -- public API -------------------------------------------------------------------------

    def set_outline(self, outline: Outline | None) -> None:
        self.model.set_outline(outline if outline is not None else Outline())
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
        the outline already open changes nothing."""
        from assistant.essay.outline_merge import merge_outline

        imported = outline_from_markdown(text)
        current = self.outline()
        if not current.root.children:
            if not imported.root.title and current.root.title:
                imported.root.title = current.root.title
            self.set_outline(imported)
            self._flash(f"Imported {sum(1 for _ in imported.walk()) - 1} notes.")
            self.outlineChanged.emit()
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
        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            reason = getattr(error, "strerror", None) or str(error)
            self._flash(f"Could not import {path.name}: {reason}", error=True)
            return False
        from assistant.essay.pandoc_ast import PandocError

        try:
            self.import_markdown(text, name=path.stem)
        except PandocError as error:
            self._flash(f"Could not import {path.name}: {error}", error=True)
            return False
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
        }
        actions[name]()

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
        if (node.children or node.links or node.body) and not self.confirm_delete(node):
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
        text = node.title
        if node.body:
            text = f"{text}\n\n{node.body}" if text else node.body
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
        parts = []
        count = sum(1 for _ in node.walk()) - 1
        if count:
            parts.append(f"{count} sub-note{'s' if count != 1 else ''}")
        if node.links:
            parts.append(f"{len(node.links)} attached passage{'s' if len(node.links) != 1 else ''}")
        if node.body:
            parts.append("its quoted text")
        answer = QMessageBox.question(
            self,
            "Delete note",
            f"Delete “{node.title or 'Untitled note'}” with {', '.join(parts)}?",
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

        def read(_task: Any) -> dict[tuple[str, int], tuple[str, str, str]]:
            details: dict[tuple[str, int], tuple[str, str, str]] = {}
            for source_id in {link.source_id for link in links}:
                try:
                    passages = controller.index.passages(source_id)
                except Exception:  # no index yet: the rows keep their short form
                    continue
                wanted = {link.ordinal for link in links if link.source_id == source_id}
                for passage in passages:
                    if passage.ordinal in wanted:
                        details[(source_id, passage.ordinal)] = (
                            passage.section or "",
                            passage.page or "",
                            passage.text,
                        )
            return details

        def done(details: dict[tuple[str, int], tuple[str, str, str]]) -> None:
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
        """ "Shen, “Sino-Soviet Relations” — p. 52 · Section" and, below, the passage's start."""
        label = self._labels.short(link.source_id) if self._labels is not None else link.source_id
        page = page or link.page or ""
        where = f"p. {page}" if page else f"passage {link.ordinal + 1}"
        if section:
            where += f" · {section}"
        line = f"{label} — {where}"
        if text:
            words = " ".join(text.split())
            snippet = (
                words
                if len(words) <= SNIPPET_CHARS
                else words[:SNIPPET_CHARS].rsplit(" ", 1)[0] + " …"
            )
            line += f"\n“{snippet}”"
        return line

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
