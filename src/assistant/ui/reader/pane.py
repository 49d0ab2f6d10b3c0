"""The Reader pane: a passage in its source's context, query terms highlighted, ready to quote."""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from assistant.cite.engine import ChicagoEngine
from assistant.library.model import Passage, page_text
from assistant.ui import theme
from assistant.ui.library.controller import LibraryController, index_changed
from assistant.ui.reader.page_image import PageImagePane
from assistant.ui.workers import LatestOnly, TaskError

CONTEXT = 3  # passages shown before and after the current one


def source_header_html(item: dict | None, passage: Passage | None, position: str = "") -> str:
    """The metadata line above the text: author, title, year, container; then section and page."""
    if item is None:
        return html.escape(passage.source_id if passage else "")
    # The source as the bibliography will print it, so the reader never shows a second,
    # differently punctuated rendering of the same metadata.
    source_id = str(item.get("id", passage.source_id if passage else ""))
    line = ChicagoEngine({source_id: item}).bibliography_entry(source_id).html()
    details = []
    if passage is not None:
        if passage.section:
            details.append(html.escape(passage.section))
        if passage.page:
            details.append(html.escape(page_text(passage.page, passage.pdf_page)))
        if passage.kind == "note":
            details.append("footnote")
    if position:
        details.append(position)
    if details:
        line += (
            f'<br/><span style="color:{theme.scheme().muted}">' + " · ".join(details) + "</span>"
        )
    return line


@dataclass(frozen=True, slots=True)
class _View:
    source_id: str
    ordinal: int
    passages: list[Passage]
    position: int | None
    html: str


def _position(passages: list[Passage], ordinal: int) -> int | None:
    for position, passage in enumerate(passages):
        if passage.ordinal == ordinal:
            return position
    return None


def _render(index: Any, passage: Passage, query: str, colours: theme.Scheme) -> str:
    if query:
        try:
            marked = index.highlight(passage.text, query)
            mark = f'<b style="background-color:{colours.match_bg}">'
            return _paragraphs(marked.replace("<b>", mark))
        except Exception:
            pass
    return _paragraphs(html.escape(passage.text))


def _paragraphs(escaped: str) -> str:
    return escaped.replace("\n\n", "<br/><br/>").replace("\n", " ")


class ReaderPane(QWidget):
    """Shows one passage with its neighbours; previous/next walk through the source."""

    selectionChanged = Signal(str)
    citeRequested = Signal(object, str)  # Passage, selected text
    passageShown = Signal(object)  # Passage now on screen

    def __init__(self, controller: LibraryController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readerPane")
        self._controller = controller
        self._channel = LatestOnly(controller.search_pool, self)
        self._channel.resultReady.connect(self._on_loaded)
        self._channel.errorRaised.connect(self._on_error)
        self._passages: dict[str, list[Passage]] = {}
        self._current: Passage | None = None
        self._query = ""
        self._neighbours: list[Passage] = []

        self.header = QLabel(self)
        self.header.setObjectName("readerHeader")
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.text = QTextBrowser(self)
        self.text.setObjectName("readerText")
        self.text.setOpenLinks(False)
        self.text.setReadOnly(True)
        self.text.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.text.document().setDefaultStyleSheet("p { margin-bottom: 8px; }")
        self.text.selectionChanged.connect(self._on_selection)

        self.prev_button = QPushButton("◀ Previous", self)
        self.prev_button.setObjectName("readerPrevious")
        self.prev_button.setToolTip("Previous passage (Alt+Up)")
        self.next_button = QPushButton("Next ▶", self)
        self.next_button.setObjectName("readerNext")
        self.next_button.setToolTip("Next passage (Alt+Down)")
        self.cite_button = QPushButton("Cite…", self)
        self.cite_button.setObjectName("readerCite")
        self.cite_button.setToolTip(
            "Build a footnote citing this passage; selected words become the quotation "
            "(Ctrl+Return)"
        )
        # A scanned source's page, to check what the OCR read before quoting it.
        self.page_image = PageImagePane(controller, self)
        self.page_image.hide()
        self.scan_button = QPushButton("Page image", self)
        self.scan_button.setObjectName("readerPageImageButton")
        self.scan_button.setCheckable(True)
        self.scan_button.setEnabled(False)
        self.scan_button.setToolTip("Show the scanned page with this passage's words marked")
        self.scan_button.toggled.connect(self._toggle_page_image)
        self.page_image.availableChanged.connect(self._on_page_image_available)
        self.prev_button.clicked.connect(self.previous_passage)
        self.next_button.clicked.connect(self.next_passage)
        self.cite_button.clicked.connect(self.request_cite)

        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.prev_button)
        buttons.addWidget(self.next_button)
        buttons.addStretch(1)
        buttons.addWidget(self.scan_button)
        buttons.addWidget(self.cite_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.header)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.page_image, 2)
        layout.addLayout(buttons)

        for keys, slot in (
            ("Alt+Up", self.previous_passage),
            ("Alt+Down", self.next_passage),
            ("Ctrl+Return", self.request_cite),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

        controller.indexFinished.connect(self._on_index_finished)
        theme.notifier().changed.connect(self._restyle)
        self._show_placeholder()

    # -- public API -------------------------------------------------------------------------

    @property
    def current_passage(self) -> Passage | None:
        return self._current

    def selected_text(self) -> str:
        # Qt marks paragraph breaks in a selection with U+2029.
        return self.text.textCursor().selectedText().replace("\u2029", "\n").strip()

    def show_passage(self, source_id: str, ordinal: int, query: str = "") -> None:
        """Show a passage. Loading the source's passages and highlighting the query happen
        off the GUI thread; `passageShown` fires once it is on screen."""
        self._query = query
        cached = self._passages.get(source_id)
        if cached is None:
            self.header.setText(html.escape(f"Opening {source_id}…"))
        colours = theme.scheme()  # read on the GUI thread, used by the worker
        self._channel.submit(self._prepare, source_id, int(ordinal), query, cached, colours)

    def show_hit(self, hit: Any, query: str = "") -> None:
        """Slot for SearchPane.hitActivated."""
        self.show_passage(hit.source_id, hit.ordinal, query)

    def previous_passage(self) -> None:
        self._step(-1)

    def next_passage(self) -> None:
        self._step(+1)

    def request_cite(self) -> None:
        if self._current is not None:
            self.citeRequested.emit(self._current, self.selected_text())

    # -- loading ----------------------------------------------------------------------------

    def _prepare(
        self,
        source_id: str,
        ordinal: int,
        query: str,
        cached: list[Passage] | None,
        colours: theme.Scheme,
    ) -> _View:
        """Worker side: the source's passages and the HTML of the window around `ordinal`."""
        passages = cached
        if passages is None:
            try:
                passages = self._controller.index.passages(source_id)
            except Exception:  # no index yet, or a damaged one being rebuilt
                passages = []
            if not passages:
                # Not indexed yet (first launch): read the source itself.
                try:
                    passages = list(self._controller.library.document(source_id).passages)
                except Exception:
                    passages = []
        position = _position(passages, ordinal)
        body = ""
        if position is not None:
            body = self._window_html(passages, position, query, colours)
        return _View(source_id, ordinal, list(passages), position, body)

    def _on_loaded(self, _generation: int, view: _View) -> None:
        if view.passages:
            self._passages[view.source_id] = view.passages
        self._display(view)

    def _on_error(self, _generation: int, error: TaskError) -> None:
        self._current = None
        error_colour = theme.scheme().error
        self.header.setText(
            f'<span style="color:{error_colour}">{html.escape(error.message)}</span>'
        )
        self.text.setHtml("")
        self._update_buttons()

    def _restyle(self) -> None:
        if self._current is None:
            self._show_placeholder()
        else:
            self.show_passage(self._current.source_id, self._current.ordinal, self._query)

    def _on_index_finished(self, report: Any) -> None:
        if not index_changed(report):
            return
        self._passages.clear()
        if self._current is not None:
            self.show_passage(self._current.source_id, self._current.ordinal, self._query)

    # -- display ----------------------------------------------------------------------------

    def _display(self, view: _View) -> None:
        if view.position is None:
            self._current = None
            self._neighbours = []
            item = self._controller.item(view.source_id)
            name = (item or {}).get("title", view.source_id)
            self.header.setText(
                f'<span style="color:{theme.scheme().error}">Passage {view.ordinal} of '
                f"“{html.escape(str(name))}” is not in the index. Reindex the library and "
                "search again.</span>"
            )
            self.text.setHtml("")
            self._update_buttons()
            return
        passages = view.passages
        current = passages[view.position]
        self._current = current
        self._neighbours = passages
        self.text.setHtml(view.html)
        self.text.scrollToAnchor("current")
        self.header.setText(
            source_header_html(
                self._controller.item(view.source_id),
                current,
                f"passage {view.position + 1} of {len(passages)}",
            )
        )
        self._update_buttons()
        self.page_image.set_passage(current, self._query)
        self.passageShown.emit(current)

    def _window_html(
        self, passages: list[Passage], position: int, query: str, colours: theme.Scheme
    ) -> str:
        index = self._controller.index
        current = passages[position]
        before = passages[max(0, position - CONTEXT) : position]
        after = passages[position + 1 : position + 1 + CONTEXT]
        pieces = []
        if position - CONTEXT > 0:
            pieces.append(f'<p style="color:{colours.faint}">…</p>')
        for passage in before:
            pieces.append(
                f'<p style="color:{colours.muted}">{_render(index, passage, query, colours)}</p>'
            )
        pieces.append(
            f'<a name="current"></a><table width="100%" cellpadding="6" '
            f'style="background-color:{colours.current_bg}; color:{colours.text}">'
            f"<tr><td>{_render(index, current, query, colours)}</td></tr></table>"
        )
        for passage in after:
            pieces.append(
                f'<p style="color:{colours.muted}">{_render(index, passage, query, colours)}</p>'
            )
        if position + 1 + CONTEXT < len(passages):
            pieces.append(f'<p style="color:{colours.faint}">…</p>')
        return "".join(pieces)

    def _step(self, delta: int) -> None:
        if self._current is None:
            return
        position = _position(self._neighbours, self._current.ordinal)
        if position is None:
            return
        target = position + delta
        if 0 <= target < len(self._neighbours):
            self.show_passage(
                self._current.source_id, self._neighbours[target].ordinal, self._query
            )

    def _update_buttons(self) -> None:
        position = _position(self._neighbours, self._current.ordinal) if self._current else None
        self.prev_button.setEnabled(position is not None and position > 0)
        self.next_button.setEnabled(position is not None and position < len(self._neighbours) - 1)
        self.cite_button.setEnabled(self._current is not None)

    def _show_placeholder(self) -> None:
        # The dock's title already says "Reader"; say what will appear here instead.
        muted = theme.scheme().muted
        self.header.setText(f'<span style="color:{muted}">No passage open</span>')
        self.text.setHtml(
            f'<p style="color:{muted}">Open a search hit (Enter or double-click) to read it '
            "here in its context, with your search words highlighted.</p>"
            f'<p style="color:{muted}">Select words to quote, then press <b>Cite…</b> '
            "(Ctrl+Return) to build a footnote from them.</p>"
        )
        self._update_buttons()

    def _toggle_page_image(self, checked: bool) -> None:
        self.page_image.setVisible(checked)
        self.page_image.set_showing(checked)

    def _on_page_image_available(self, available: bool) -> None:
        self.scan_button.setEnabled(available)
        if not available and self.scan_button.isChecked():
            self.scan_button.setChecked(False)

    def _on_selection(self) -> None:
        self.selectionChanged.emit(self.selected_text())
