"""The Search pane: hits update as you type, each with its short citation, place and snippet.

Queries are debounced (150 ms) and run on the controller's search thread through a
`LatestOnly` channel, so a slow query that finishes after a newer one is dropped, never shown.
"""

from __future__ import annotations

import html
import json
import threading
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QKeySequence,
    QPalette,
    QShortcut,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from assistant.check.support import find_support
from assistant.library.model import page_text
from assistant.search.results import Hit, SearchResults
from assistant.ui import theme
from assistant.ui.library.controller import LibraryController, index_changed
from assistant.ui.workers import LatestOnly, TaskError

HIT_MIME = "application/x-assistant-hit"
DEBOUNCE_MS = 150
HIT_LIMIT = 50
HitRole = Qt.ItemDataRole.UserRole + 1
# Enum flag arithmetic is slow in Python; the delegate tests this bit for every row.
_SELECTED = QStyle.StateFlag.State_Selected.value


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


def place_label(hit: Any) -> str:
    """Where a hit sits in its source: the page if known, else its innermost section."""
    parts = []
    if getattr(hit, "page", None):
        parts.append(page_text(hit.page, getattr(hit, "pdf_page", False)))
    section = (getattr(hit, "section", "") or "").split(" > ")[-1].strip()
    if section and not parts:
        parts.append(section if len(section) <= 60 else section[:57].rstrip() + "…")
    if getattr(hit, "kind", "body") == "note":
        parts.append("footnote")
    return " · ".join(parts)


class CitationLabels:
    """Short citations per source for hit headers, cached until the library changes."""

    def __init__(self, controller: LibraryController) -> None:
        self._controller = controller
        self._cache: dict[str, str] = {}
        self._engine: Any = None
        self._items: dict[str, dict] | None = None

    def clear(self) -> None:
        self._cache.clear()
        self._engine = None
        self._items = None

    def short(self, source_id: str) -> str:
        if source_id not in self._cache:
            self._cache[source_id] = self._compute(source_id)
        return self._cache[source_id]

    def _compute(self, source_id: str) -> str:
        if self._items is None:
            # One copy of the library's metadata per cache generation, not one per source.
            self._items = self._controller.items()
        items = self._items
        item = items.get(source_id)
        if item is None:
            return source_id
        if self._engine is None:
            from assistant.cite.engine import ChicagoEngine

            self._engine = ChicagoEngine(items)
        from assistant.cite.labels import short_label

        label = short_label(source_id, self._engine)
        return label if label != source_id else fallback_label(item)


def fallback_label(item: dict) -> str:
    """Author + short title, for when the Chicago engine cannot render the item."""
    names = item.get("author") or item.get("editor") or []
    family = ""
    if names:
        first = names[0]
        family = first.get("family") or first.get("literal") or ""
    title = item.get("title-short") or item.get("title") or item.get("id", "")
    return f"{family}, {title}" if family else str(title)


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
            return f"{self.header(hit)}\n{_strip_tags(hit.snippet)}"
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


def _strip_tags(snippet: str) -> str:
    return html.unescape(snippet.replace("<b>", "").replace("</b>", ""))


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
        selected = bool(option.state.value & _SELECTED)
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


class QueryEdit(QLineEdit):
    """The query box: Down moves into the hits, Enter opens the current (or first) hit."""

    downPressed = Signal()
    enterPressed = Signal()

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Down:
            self.downPressed.emit()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.enterPressed.emit()
            return
        super().keyPressEvent(event)


@dataclass(slots=True)
class _Request:
    query: str
    source_ids: tuple[str, ...] | None
    like_text: str | None = None


class SearchPane(QWidget):
    """Search-as-you-type over the library; see the module docstring."""

    hitActivated = Signal(object, str)  # hit, query: open it in the reader
    hitSelected = Signal(object, str)  # hit, query: the builder prefills from it
    resultsShown = Signal(object)  # SearchResults actually displayed (never a stale one)
    messageShown = Signal(str)  # an inline error message (malformed query, ...)

    def __init__(self, controller: LibraryController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchPane")
        self._controller = controller
        self._labels = CitationLabels(controller)
        self._channel = LatestOnly(controller.search_pool, self)
        self._cancel: threading.Event | None = None
        self._channel.resultReady.connect(self._on_results)
        self._channel.errorRaised.connect(self._on_error)
        self._channel.busyChanged.connect(self._on_busy)
        self._results: Any = None
        self._last_query = ""
        self._like_text: str | None = None

        self.query_edit = QueryEdit(self)
        self.query_edit.setObjectName("searchQuery")
        self.query_edit.setPlaceholderText("Search your sources (Ctrl+K)")
        self.query_edit.setClearButtonEnabled(True)
        self.query_edit.setAccessibleName("Search query")

        self.source_filter = QComboBox(self)
        self.source_filter.setObjectName("sourceFilter")
        self.source_filter.setToolTip("Search all sources or only one")
        self.source_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.source_filter.setMinimumContentsLength(12)

        self.status_label = QLabel(self)
        self.status_label.setObjectName("searchStatus")
        self.status_label.setWordWrap(True)
        self.status_label.setTextFormat(Qt.TextFormat.RichText)
        self.status_label.linkActivated.connect(self._on_link)

        self.model = HitListModel(self._labels, self)
        self.results_view = HitListView(self)
        self.results_view.setObjectName("searchResults")
        self.results_view.setModel(self.model)
        self.delegate = HitDelegate(self.results_view)
        self.results_view.setItemDelegate(self.delegate)
        self.model.modelAboutToBeReset.connect(self.delegate.clear_cache)
        self.model.layoutAboutToBeChanged.connect(self.delegate.clear_cache)
        self.results_view.activatedHit.connect(self._activate_index)
        self.results_view.leaveTop.connect(self.focus_query)
        self.results_view.selectionModel().currentChanged.connect(self._on_current_changed)

        self.placeholder = QLabel(self)
        self.placeholder.setObjectName("searchPlaceholder")
        self.placeholder.setWordWrap(True)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.placeholder.setMargin(8)
        self.placeholder.setTextFormat(Qt.TextFormat.RichText)
        self.placeholder.linkActivated.connect(self._on_link)

        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.placeholder)
        self.stack.addWidget(self.results_view)

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.query_edit, 3)
        top.addWidget(self.source_filter, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.status_label)
        layout.addWidget(self.stack, 1)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self._run_query)
        self.query_edit.textChanged.connect(self._on_text_changed)
        self.query_edit.downPressed.connect(self._enter_results)
        self.query_edit.enterPressed.connect(self._on_query_enter)
        self.source_filter.currentIndexChanged.connect(self._on_filter_changed)

        for keys in ("Ctrl+F", "Ctrl+K"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.focus_query)

        controller.libraryChanged.connect(self._on_library_changed)
        controller.indexFinished.connect(self._on_index_finished)
        controller.indexingChanged.connect(lambda _busy: self._refresh_placeholder())
        self._fill_sources()
        self._show_placeholder()
        QTimer.singleShot(0, self._warm_up)

    def _warm_up(self) -> None:
        """Pay Qt's one-off costs of the first rich-text row (fonts, lazily made enums) while
        the app is idle after start-up, not when the first hits arrive."""
        option = QStyleOptionViewItem()
        option.initFrom(self.results_view)
        option.state = option.state | QStyle.StateFlag.State_Selected
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        colour = option.palette.color(QPalette.ColorRole.HighlightedText).name()
        muted = option.palette.color(QPalette.ColorRole.PlaceholderText).name()
        doc.setHtml(
            f'<div style="color:{colour}"><b>Warm</b><span style="color:{muted}">…</span></div>'
        )
        doc.setTextWidth(200)
        doc.size()
        _ = bool(option.state.value & _SELECTED)
        self.results_view.viewport().width()

    # -- public API -------------------------------------------------------------------------

    def focus_query(self) -> None:
        self.query_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.query_edit.selectAll()

    def set_query(self, text: str) -> None:
        """Put text in the box and search at once (no debounce)."""
        self._like_text = None
        self.query_edit.blockSignals(True)
        self.query_edit.setText(text)
        self.query_edit.blockSignals(False)
        self._debounce.stop()
        self._run_query()

    def show_results_for_text(self, text: str) -> None:
        """Passages like `text` (more-like-this), e.g. to find support for a sentence."""
        text = text.strip()
        if not text:
            return
        self._like_text = text
        self.query_edit.blockSignals(True)
        self.query_edit.clear()
        self.query_edit.blockSignals(False)
        self._debounce.stop()
        self._submit(_Request("", self._selected_sources(), like_text=text))

    def query(self) -> str:
        return self.query_edit.text().strip()

    def results(self) -> Any:
        """The SearchResults currently shown (None when none are)."""
        return self._results

    def hits(self) -> list[Any]:
        return self.model.hits()

    def current_hit(self) -> Any:
        index = self.results_view.currentIndex()
        return index.data(HitRole) if index.isValid() else None

    def set_source_filter(self, source_id: str | None) -> None:
        position = self.source_filter.findData(source_id)
        self.source_filter.setCurrentIndex(max(position, 0))

    # -- querying ---------------------------------------------------------------------------

    def _on_text_changed(self, _text: str) -> None:
        self._like_text = None
        if not self.query():
            self._debounce.stop()
            self._channel.invalidate()  # a result still on its way must not refill the list
            self._results = None
            self.model.set_hits([])
            self._show_placeholder()
            return
        self._debounce.start()

    def _on_filter_changed(self, _index: int) -> None:
        if self._like_text:
            self.show_results_for_text(self._like_text)
        elif self.query():
            self._debounce.stop()
            self._run_query()

    def _run_query(self) -> None:
        query = self.query()
        if not query:
            self._on_text_changed("")
            return
        if query.count('"') % 2 == 1:
            # A phrase still being typed: no error yet, just say what finishes it. The hits
            # of the last complete query stay.
            self._channel.invalidate()
            self.status_label.setText(
                f'<span style="color:{theme.scheme().muted}">'
                "Close the quotation mark to search for the phrase.</span>"
            )
            return
        self._submit(_Request(query, self._selected_sources()))

    def _submit(self, request: _Request) -> None:
        index = self._controller.index
        labels = self._labels
        # A newer query stops the one still running (its result would be dropped anyway).
        if self._cancel is not None:
            self._cancel.set()
        cancel = self._cancel = threading.Event()

        def run() -> Any:
            if request.like_text is not None:
                results = find_support(request.like_text, index, limit=HIT_LIMIT)
            else:
                results = index.search(
                    request.query, limit=HIT_LIMIT, source_ids=request.source_ids, cancel=cancel
                )
            # Render the hits' short citations here too, not on the GUI thread.
            for hit in results.hits:
                labels.short(hit.source_id)
            return results

        self._channel.submit(run)
        self._last_query = request.query

    def _selected_sources(self) -> tuple[str, ...] | None:
        source_id = self.source_filter.currentData()
        return (source_id,) if source_id else None

    def _on_busy(self, busy: bool) -> None:
        if busy and self._results is None and self.query():
            self.status_label.setText("Searching…")

    def _on_results(self, _generation: int, results: SearchResults) -> None:
        hits = list(results.hits)
        if self._like_text is not None:
            source_ids = self._selected_sources()
            if source_ids:
                hits = [h for h in hits if h.source_id in source_ids]
        self._results = results
        self.model.set_hits(hits)
        self._update_counts(results)
        self.status_label.setText(self._summary(results, hits))
        if hits:
            self.stack.setCurrentWidget(self.results_view)
            self.results_view.setCurrentIndex(self.model.index(0))
            if self.query_edit.hasFocus():
                # Keep typing in the box; the first hit is preselected for Enter.
                pass
        else:
            self.placeholder.setText(self._no_hits_text(results))
            self.stack.setCurrentWidget(self.placeholder)
        self.resultsShown.emit(results)

    def _on_error(self, _generation: int, error: TaskError) -> None:
        from assistant.search.errors import IndexUnavailable, QuerySyntaxError

        self._results = None
        self.model.set_hits([])
        if isinstance(error.exception, QuerySyntaxError):
            message = f"Cannot read this query: {error.message}"
        elif isinstance(error.exception, IndexUnavailable) and self._controller.is_indexing:
            # First launch: the search reruns by itself when the index is ready.
            message = "The index is being built; hits will appear here when it is ready."
        elif isinstance(error.exception, IndexUnavailable):
            message = f"{error.message} (Library → Reindex)"
        else:
            message = f"Search failed: {error.message}"
        self.status_label.setText(
            f'<span style="color:{theme.scheme().error}">{html.escape(message)}</span>'
        )
        # The message itself is in the status line just above; below it, how to fix a query.
        hint = ""
        if isinstance(error.exception, QuerySyntaxError):
            hint = (
                'Quotes must be closed ("defense perimeter"); AND, OR and NOT need words on '
                "both sides; a trailing * needs at least one letter before it."
            )
        self.placeholder.setText(hint)
        self.stack.setCurrentWidget(self.placeholder)
        self.messageShown.emit(message)

    def _summary(self, results: SearchResults, hits: list[Hit]) -> str:
        total = results.total
        if self._like_text is not None:
            text = f"{len(hits)} passage{'s' if len(hits) != 1 else ''} like the selected text"
        else:
            noun = "hit" if total == 1 else "hits"
            text = f"{total:,} {noun}"
            counts = results.counts_by_source
            if len(counts) > 1:
                text += f" in {len(counts)} sources"
            if total > len(hits):
                text += f" (showing the best {len(hits)})"
        if results.corrected:
            text = f"Showing results for <b>{html.escape(results.corrected)}</b> — " + text
        elif results.relaxed:
            text += " with most of the words"
        if results.not_found and not results.corrected:
            text += " — not found: " + ", ".join(html.escape(w) for w in results.not_found)
        for notice in results.notices:
            text += f" — {html.escape(notice)}"
        suggestion = results.suggestion
        # With no hits the suggestion is in the big message below instead.
        if suggestion and suggestion != self.query() and hits:
            text += (
                f' — Did you mean <a href="suggest:{html.escape(suggestion, quote=True)}">'
                f"{html.escape(suggestion)}</a>?"
            )
        return text

    def _no_hits_text(self, results: SearchResults) -> str:
        query = html.escape(self.query())
        text = f"No passage matches <b>{query}</b>."
        suggestion = results.suggestion
        if suggestion:
            text += (
                f' Did you mean <a href="suggest:{html.escape(suggestion, quote=True)}">'
                f"{html.escape(suggestion)}</a>?"
            )
        if self._selected_sources():
            text += " Try searching all sources."
        return text

    def _on_link(self, link: str) -> None:
        if link.startswith("suggest:"):
            self.set_query(link.removeprefix("suggest:"))
            self.focus_query()

    # -- keyboard and selection -------------------------------------------------------------

    def _enter_results(self) -> None:
        if self.model.rowCount() == 0:
            return
        self.results_view.setFocus(Qt.FocusReason.OtherFocusReason)
        if not self.results_view.currentIndex().isValid():
            self.results_view.setCurrentIndex(self.model.index(0))

    def _on_query_enter(self) -> None:
        if self._debounce.isActive():
            # Enter right after typing: search now rather than open a hit of the old query.
            self._debounce.stop()
            self._run_query()
            return
        index = self.results_view.currentIndex()
        if not index.isValid() and self.model.rowCount():
            index = self.model.index(0)
        if index.isValid():
            self._activate_index(index)

    def _activate_index(self, index: QModelIndex) -> None:
        hit = index.data(HitRole)
        if hit is not None:
            self.hitActivated.emit(hit, self._last_query)

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        hit = current.data(HitRole) if current.isValid() else None
        if hit is not None:
            self.hitSelected.emit(hit, self._last_query)

    # -- library and index changes ----------------------------------------------------------

    def _fill_sources(self) -> None:
        current = self.source_filter.currentData()
        self.source_filter.blockSignals(True)
        self.source_filter.clear()
        self.source_filter.addItem("All sources", None)
        for source_id in sorted(self._controller.items(), key=self._labels.short):
            self.source_filter.addItem(self._labels.short(source_id), source_id)
            self.source_filter.setItemData(
                self.source_filter.count() - 1, source_id, Qt.ItemDataRole.ToolTipRole
            )
        position = self.source_filter.findData(current)
        self.source_filter.setCurrentIndex(max(position, 0))
        self.source_filter.blockSignals(False)

    def _update_counts(self, results: Any) -> None:
        if self._selected_sources() or self._like_text is not None:
            return
        counts = getattr(results, "counts_by_source", {}) or {}
        for row in range(1, self.source_filter.count()):
            source_id = self.source_filter.itemData(row)
            label = self._labels.short(source_id)
            count = counts.get(source_id)
            self.source_filter.setItemText(row, f"{label} ({count})" if count else label)

    def _on_library_changed(self) -> None:
        self._labels.clear()
        self._fill_sources()
        self.model.layoutChanged.emit()

    def _on_index_finished(self, report: Any) -> None:
        self._refresh_placeholder()
        if not index_changed(report) and self._results is not None:
            return  # nothing changed: the hits on screen are current
        # New or changed passages: rerun what is on screen.
        if self._like_text:
            self.show_results_for_text(self._like_text)
        elif self.query():
            self._run_query()

    def _show_placeholder(self) -> None:
        self._refresh_placeholder()
        self.status_label.setText("")
        self.stack.setCurrentWidget(self.placeholder)

    def _refresh_placeholder(self) -> None:
        if self.query() or self._like_text:
            return
        count = len(self._controller.library.sources)
        text = (
            f"Type words to search your {count} source{'s' if count != 1 else ''}; "
            "hits appear as you type.<br/><br/>"
            'Examples: <i>Acheson speech</i> · <i>"defense perimeter"</i> · '
            "<i>Stalin AND Kim</i> · <i>telegra*</i><br/><br/>"
            "↓ moves into the hits, Enter opens one in the Reader; drag a hit onto a note "
            "in the outline to keep it as evidence."
        )
        if self._controller.is_indexing:
            text = "<b>Indexing your sources in the background…</b><br/><br/>" + text
        self.placeholder.setText(text)
