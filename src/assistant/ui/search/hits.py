"""Search hits as Qt data: the list model the Search pane shows and the drag payload a hit
carries to the editor (a citation) or the outline (evidence).

The payload is JSON {"source_id", "ordinal", "page"} under HIT_MIME, plus the passage's text
as plain text for other programs.
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from assistant.cite.labels import CitationLabels
from assistant.library.model import place_label
from assistant.search.summary import plain_snippet

HIT_MIME = "application/x-assistant-hit"
HitRole = Qt.ItemDataRole.UserRole + 1


def hit_to_mime(hit: Any) -> QMimeData:
    """The drag payload of a hit: JSON {"source_id", "ordinal", "page"} plus the passage text."""
    mime = QMimeData()
    payload = {"source_id": hit.source_id, "ordinal": int(hit.ordinal), "page": hit.page}
    mime.setData(HIT_MIME, QByteArray(json.dumps(payload).encode("utf-8")))
    text = getattr(hit, "text", "") or ""
    if text:
        mime.setText(text)
    return mime


def hit_from_mime(mime: QMimeData) -> dict | None:
    """The payload `hit_to_mime` wrote, or None if the data is missing or malformed."""
    if not mime.hasFormat(HIT_MIME):
        return None
    try:
        payload = json.loads(bytes(mime.data(HIT_MIME).data()).decode("utf-8"))
        source_id = str(payload["source_id"])
        ordinal = int(payload["ordinal"])
    except (ValueError, KeyError, TypeError):
        return None
    page = payload.get("page")
    return {"source_id": source_id, "ordinal": ordinal, "page": None if page is None else str(page)}


class HitListModel(QAbstractListModel):
    """Hits as rows; DisplayRole is plain text (for accessibility and tests), HitRole the Hit."""

    def __init__(self, labels: CitationLabels, parent: Any = None) -> None:
        super().__init__(parent)
        self._hits: list[Any] = []
        self._labels = labels

    def set_hits(self, hits: list[Any]) -> None:
        self.beginResetModel()
        self._hits = list(hits)
        self.endResetModel()

    def hits(self) -> list[Any]:
        return list(self._hits)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._hits)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._hits):
            return None
        hit = self._hits[index.row()]
        if role == HitRole:
            return hit
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{self.header(hit)}\n{plain_snippet(hit.snippet)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            section = getattr(hit, "section", "") or ""
            return section or None
        return None

    def header(self, hit: Any) -> str:
        place = place_label(hit)
        citation = self._labels.short(hit.source_id)
        return f"{citation} — {place}" if place else citation

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsDragEnabled if index.isValid() else base

    def mimeTypes(self) -> list[str]:
        return [HIT_MIME, "text/plain"]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:
        valid = [i for i in indexes if i.isValid()]
        if not valid:
            return QMimeData()
        return hit_to_mime(self._hits[valid[0].row()])

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction
