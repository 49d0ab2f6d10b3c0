"""The page image of an OCR'd hit, with the passage's words and the search words marked.

Scans are read by Tesseract, which makes mistakes; before quoting, the writer compares what
the OCR read with the page itself. Finding the page, rendering it and drawing the marks run on
a worker thread; the GUI thread only sets the finished pixmaps.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QRect, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from assistant.library.model import Passage
from assistant.library.ocr.cache import cache_dir_for
from assistant.library.ocr.marks import ScanView, page_image, scan_views
from assistant.ui.library.controller import LibraryController
from assistant.ui.workers import LatestOnly, TaskError

DISPLAY_WIDTH = 1100  # pixels: enough to read a typed telegram, a fraction of the OCR image
_PASSAGE = QColor(255, 214, 0, 70)
_TERM = QColor(230, 81, 0)
_BOLD = re.compile(r"<b[^>]*>(.*?)</b>", re.S)
_TEXT = (".md", ".txt", ".docx")


@dataclass
class _Pages:
    key: tuple[str, int]
    images: list[tuple[str, QImage]]  # (caption, marked image)


def marked_image(path: Path, view: ScanView, width: int = DISPLAY_WIDTH) -> QImage:
    """The page image scaled to `width`, passage words tinted, search words boxed."""
    picture = page_image(path, view).convert("RGB")
    scale = min(1.0, width / picture.width)
    if scale < 1.0:
        picture = picture.resize((int(picture.width * scale), int(picture.height * scale)))
    data = picture.tobytes()
    image = QImage(
        data, picture.width, picture.height, picture.width * 3, QImage.Format.Format_RGB888
    ).copy()  # own the pixels: `data` goes away with this frame
    painter = QPainter(image)
    try:
        painter.setPen(Qt.PenStyle.NoPen)
        for left, top, right, bottom in view.passage:
            painter.fillRect(_rect(left, top, right, bottom, scale, 1), _PASSAGE)
        pen = QPen(_TERM)
        pen.setWidth(3)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for left, top, right, bottom in view.terms:
            painter.drawRect(_rect(left, top, right, bottom, scale, 3))
    finally:
        painter.end()
    return image


def _rect(left: int, top: int, right: int, bottom: int, scale: float, pad: int) -> QRect:
    return QRect(
        int(left * scale) - pad,
        int(top * scale) - pad,
        int((right - left) * scale) + 2 * pad,
        int((bottom - top) * scale) + 2 * pad,
    )


class PageImagePane(QWidget):
    """Shows the scanned page(s) of the current passage; `availableChanged` says if it has any."""

    availableChanged = Signal(bool)

    def __init__(self, controller: LibraryController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readerPageImage")
        self._controller = controller
        self._channel = LatestOnly(controller.search_pool, self)
        self._channel.resultReady.connect(self._on_ready)
        self._channel.errorRaised.connect(self._on_error)
        self._key: tuple[str, int] | None = None
        self._request: tuple[Passage, str] | None = None
        self.showing = False  # render only while the writer has the page image open
        self.available = False
        self.captions: list[str] = []

        self.status = QLabel(self)
        self.status.setObjectName("readerPageImageStatus")
        self.status.setWordWrap(True)
        self._pages = QWidget(self)
        self._pages_layout = QVBoxLayout(self._pages)
        self._pages_layout.setContentsMargins(0, 0, 0, 0)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self._pages)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.status)
        layout.addWidget(self.scroll, 1)

    def set_passage(self, passage: Passage | None, query: str = "") -> None:
        """Look for the passage's page images (off the GUI thread) and show them when found."""
        self._request = None if passage is None else (passage, query)
        self._refresh()

    def set_showing(self, showing: bool) -> None:
        self.showing = showing
        self._refresh()

    def _refresh(self) -> None:
        if self._request is None:
            self._key = None
            self._set_available(False)
            return
        passage, query = self._request
        key = (passage.source_id, passage.ordinal)
        self._key = key
        source = self._controller.library.get(passage.source_id)
        if source is None or source.path is None or source.path.suffix.lower() in _TEXT:
            self._set_available(False)
            return
        cache = cache_dir_for(self._controller.index_dir)
        if self.showing:
            self.status.setText("Rendering the page image…")
        self._channel.submit(self._load, key, source.path, cache, passage, query, self.showing)

    def _load(
        self,
        key: tuple[str, int],
        path: Path,
        cache: Path,
        passage: Passage,
        query: str,
        render: bool,
    ) -> _Pages:
        terms: list[str] = []
        if query and render:
            try:
                marked = self._controller.index.highlight(passage.text, query)
                terms = [html.unescape(t) for t in _BOLD.findall(marked)]
            except Exception:  # a query the index cannot parse marks no words
                terms = []
        views = scan_views(cache, path, passage.page, passage.text, terms)
        images = []
        for view in views:
            caption = f"Page {view.label} as scanned" if passage.page else "The scanned image"
            images.append((caption, marked_image(path, view) if render else QImage()))
        return _Pages(key, images)

    def _on_ready(self, _generation: int, pages: _Pages) -> None:
        if pages.key != self._key:
            return
        while self._pages_layout.count():
            item = self._pages_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.captions = []
        for caption, image in pages.images:
            if image.isNull():
                continue
            title = QLabel(caption, self._pages)
            picture = QLabel(self._pages)
            picture.setObjectName("readerPageImagePicture")
            picture.setPixmap(QPixmap.fromImage(image))
            picture.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            self._pages_layout.addWidget(title)
            self._pages_layout.addWidget(picture)
            self.captions.append(caption)
        self._pages_layout.addStretch(1)
        if pages.images and not self.showing:
            self.status.setText("")
        elif pages.images:
            self.status.setText(
                "The words of this passage are tinted, your search words boxed; "
                "compare them with the recognised text before quoting."
            )
        else:
            self.status.setText("This passage is not from a scanned page.")
        self._set_available(bool(pages.images))

    def _on_error(self, _generation: int, error: TaskError) -> None:
        self.status.setText(f"The page image cannot be shown: {error.message}")
        self._set_available(False)

    def _set_available(self, available: bool) -> None:
        if available != self.available:
            self.available = available
            self.availableChanged.emit(available)

    def image_sizes(self) -> list[Any]:
        """The shown pictures' sizes (for tests)."""
        sizes = []
        for i in range(self._pages_layout.count()):
            item = self._pages_layout.itemAt(i)
            widget = item.widget() if item is not None else None
            if isinstance(widget, QLabel) and widget.pixmap() is not None:
                pixmap = widget.pixmap()
                if not pixmap.isNull():
                    sizes.append(pixmap.size())
        return sizes
