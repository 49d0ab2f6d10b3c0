"""The outline's Qt model: `OutlineModel` adapts the Qt-free `assistant.essay.outline.Outline`
(edited by node id) to a QAbstractItemModel.

Every edit goes through `Outline`'s own methods, so the tree the essay file saves is exactly
the tree on screen. Structural edits (move, indent, outdent) reset the model and the pane
restores which nodes were expanded and selected; outlines are small. Nodes are dragged as
NODE_MIME; a search hit dropped onto a note is kept as its evidence.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

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

from assistant.essay.model import PassageLink
from assistant.essay.outline import Outline, OutlineError, OutlineNode
from assistant.ui.search.hits import HIT_MIME, hit_from_mime

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
            return node.display_title()
        if role == Qt.ItemDataRole.EditRole:
            return node.title
        if role == NodeIdRole:
            return node.id
        if role == Qt.ItemDataRole.ToolTipRole:
            return node.tooltip() or None
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
