"""The Search pane: hits update as you type, each with its short citation, place and snippet.

Queries are debounced (150 ms) and run on the controller's search thread through a
`LatestOnly` channel, so a slow query that finishes after a newer one is dropped, never shown.
The hits' model and drag payload are `ui.search.hits`', their drawing `ui.search.hit_view`'s;
the status line and messages are worded by `search.summary`.
"""

from __future__ import annotations

import html
import threading
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QPalette, QShortcut, QTextDocument
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QStyle,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from assistant.check.support import find_support
from assistant.cite.labels import CitationLabels
from assistant.search.results import SearchResults
from assistant.search.summary import error_message, no_hits_message, results_summary, start_hint
from assistant.ui import theme
from assistant.ui.library.controller import LibraryController, index_changed
from assistant.ui.search.hit_view import SELECTED_BIT, HitDelegate, HitListView
from assistant.ui.search.hits import HitListModel, HitRole, hit_from_mime
from assistant.ui.workers import LatestOnly, TaskError

# The editor (ui.editor.textedit) reads dropped hits with hit_from_mime from here.
__all__ = ["SearchPane", "hit_from_mime"]

DEBOUNCE_MS = 150
HIT_LIMIT = 50


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
        self._labels = CitationLabels(controller.items)
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

        # The query gets the dock's whole width (a 300 px column cut "defense perimeter" to
        # "efense perimeter" beside the filter); the filter shares the status line instead.
        status_row = QHBoxLayout()
        status_row.setContentsMargins(0, 0, 0, 0)
        status_row.addWidget(self.status_label, 1, Qt.AlignmentFlag.AlignTop)
        status_row.addWidget(self.source_filter, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.query_edit)
        layout.addLayout(status_row)
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
        _ = bool(option.state.value & SELECTED_BIT)
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
        self.status_label.setText(
            results_summary(results, hits, self.query(), like_text=self._like_text is not None)
        )
        if hits:
            self.stack.setCurrentWidget(self.results_view)
            self.results_view.setCurrentIndex(self.model.index(0))
            if self.query_edit.hasFocus():
                # Keep typing in the box; the first hit is preselected for Enter.
                pass
        else:
            self.placeholder.setText(
                no_hits_message(results, self.query(), bool(self._selected_sources()))
            )
            self.stack.setCurrentWidget(self.placeholder)
        self.resultsShown.emit(results)

    def _on_error(self, _generation: int, error: TaskError) -> None:
        self._results = None
        self.model.set_hits([])
        message, hint = error_message(error.exception, error.message, self._controller.is_indexing)
        self.status_label.setText(
            f'<span style="color:{theme.scheme().error}">{html.escape(message)}</span>'
        )
        # The message itself is in the status line just above; below it, how to fix a query.
        self.placeholder.setText(hint)
        self.stack.setCurrentWidget(self.placeholder)
        self.messageShown.emit(message)

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
        self.placeholder.setText(start_hint(count, self._controller.is_indexing))
