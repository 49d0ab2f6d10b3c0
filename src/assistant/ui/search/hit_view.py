"""How the Search pane draws its hits: each as rich text (citation and place, then the
snippet with its matches marked), laid out a few rows at a time so the GUI keeps reacting."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QModelIndex, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QAbstractTextDocumentLayout, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QApplication,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from assistant.ui import theme
from assistant.ui.search.hits import HitRole

# Enum flag arithmetic is slow in Python; the delegate tests this bit for every row.
SELECTED_BIT = QStyle.StateFlag.State_Selected.value


class HitDelegate(QStyledItemDelegate):
    """Draws a hit as rich text: the citation and place on one line, the snippet below."""

    PADDING = 6
    CACHE_LIMIT = 400

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        # Laying out rich text is the costly part of showing hits, and Qt asks for each row's
        # size and paint separately: keep each row's document until the hits change.
        self._cache: dict[tuple[int, bool], QTextDocument] = {}

    def clear_cache(self) -> None:
        self._cache.clear()

    def _document(
        self, option: QStyleOptionViewItem, index: QModelIndex, width: float
    ) -> QTextDocument:
        selected = bool(option.state.value & SELECTED_BIT)
        key = (index.row(), selected)
        doc = self._cache.get(key)
        if doc is None:
            if len(self._cache) >= self.CACHE_LIMIT:
                self._cache.clear()
            doc = self._cache[key] = self._make_document(option, index, width, selected)
        elif int(doc.textWidth()) != int(max(width - 2 * self.PADDING, 50)):
            # A scroll bar came or went: re-wrap, cheaper than rebuilding the document.
            doc.setTextWidth(max(width - 2 * self.PADDING, 50))
        return doc

    def _make_document(
        self, option: QStyleOptionViewItem, index: QModelIndex, width: float, selected: bool
    ) -> QTextDocument:
        model = index.model()
        hit = index.data(HitRole)
        header = html.escape(model.header(hit)) if hasattr(model, "header") else ""
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        text_colour = option.palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        ).name()
        mark = "" if selected else f"background-color:{theme.scheme().match_bg};"
        # The snippet is already escaped HTML whose only tags are <b> around the matches.
        doc.setHtml(
            f'<div style="color:{text_colour}"><span style="font-weight:600">{header}</span>'
            # The index already marks cut-off text with "…", so none is added here.
            + "<br/>"
            + hit.snippet.replace("<b>", f'<b style="{mark}">')
            + "</div>"
        )
        doc.setTextWidth(max(width - 2 * self.PADDING, 50))
        return doc

    def paint(self, painter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        doc = self._document(option, index, option.rect.width())
        painter.save()
        painter.translate(option.rect.left() + self.PADDING, option.rect.top() + self.PADDING)
        clip = QRectF(0, 0, option.rect.width() - 2 * self.PADDING, option.rect.height())
        context = QAbstractTextDocumentLayout.PaintContext()
        context.clip = clip
        painter.setClipRect(clip)
        doc.documentLayout().draw(painter, context)
        painter.restore()
        # A hairline between hits keeps long snippets apart.
        painter.save()
        painter.setPen(option.palette.color(QPalette.ColorRole.Mid))
        painter.drawLine(option.rect.bottomLeft(), option.rect.bottomRight())
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        view = option.widget
        width = view.viewport().width() if view is not None else 400
        doc = self._document(option, index, width)
        return QSize(int(width), int(doc.size().height()) + 2 * self.PADDING)


class HitListView(QListView):
    """The results list: Enter opens the current hit; Up on the first row returns to the query."""

    activatedHit = Signal(QModelIndex)
    leaveTop = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setUniformItemSizes(False)
        self.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.setSelectionMode(QListView.SelectionMode.SingleSelection)
        self.setDragEnabled(True)
        self.setDragDropMode(QListView.DragDropMode.DragOnly)
        self.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        # Lay rows out a few at a time between events: sizing rich-text rows is the slow part
        # of showing hits, and the GUI must keep reacting meanwhile.
        self.setLayoutMode(QListView.LayoutMode.Batched)
        self.setBatchSize(8)
        self.doubleClicked.connect(self.activatedHit)

    def keyPressEvent(self, event) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activatedHit.emit(self.currentIndex())
            return
        if key == Qt.Key.Key_Up and self.currentIndex().row() <= 0:
            self.leaveTop.emit()
            return
        super().keyPressEvent(event)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        # Row heights depend on the width (wrapped snippets): recompute them.
        self.scheduleDelayedItemsLayout()
