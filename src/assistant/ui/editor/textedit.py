"""The page: a QTextEdit over a DraftDocument, with essay formatting and footnote anchors."""

from __future__ import annotations

import atexit
import itertools
import os
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QMimeData, QPoint, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QPalette,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocumentFragment,
    QTextFormat,
)
from PySide6.QtWidgets import QLabel, QMenu, QTextEdit, QToolTip, QWidget

from assistant.essay.model import NoteAnchor
from assistant.essay.typing import curl_quotation, smart_typing
from assistant.ui import theme
from assistant.ui.editor.document import (
    ANCHOR_CHAR,
    BLOCK_KIND_PROPERTY,
    NOTE_KEY_PROPERTY,
    NOTE_OBJECT_TYPE,
    DraftDocument,
)

# Heading sizes relative to the body text, by level, as Qt's font-size adjustment (+2 is 1.5
# times the document's font, +1 1.2 times). Sizes are relative so that zoom, which changes the
# document's font, scales headings, body and note numbers together without editing the text.
HEADING_ADJUSTMENT = {1: 2, 2: 1, 3: 0, 4: 0, 5: 0, 6: 0}
BLOCKQUOTE_INDENT = 36.0
BODY_POINT_SIZE = 12.0
ZOOM_STEP = 1.0  # points per Ctrl+plus
ZOOM_RANGE = (-4, 12)  # steps: 8 pt to 24 pt
MEASURE_CHARS = 70  # a comfortable line: 65-75 characters
PAGE_MARGIN = 28.0
# Ordinary prose, to measure the width of an average character with its share of spaces.
_SAMPLE_LINE = (
    "In January 1950 Dean Acheson left Korea outside the American defense perimeter, and "
    "Stalin read the speech as a sign that Washington would not fight for the peninsula."
)
SERIF_FAMILIES = ("Liberation Serif", "DejaVu Serif", "Georgia", "Times New Roman", "serif")
_DRAFT_MIME = "application/x-assistant-draft"
_HIT_MIME = "application/x-assistant-hit"  # a search hit (ui.search.pane.hit_to_mime)


# Fragments copied from a draft, by token: the clipboard's mime data carries the token, the
# fragment (with its note anchors) stays here. Only the latest few are kept.
_copied_fragments: dict[bytes, QTextDocumentFragment] = {}
_copy_counter = itertools.count(1)
# A fragment owns a QTextDocument, which must go before QApplication does at exit.
atexit.register(_copied_fragments.clear)


def _remember_fragment(fragment: QTextDocumentFragment) -> bytes:
    token = f"{os.getpid()}:{next(_copy_counter)}".encode()
    _copied_fragments[token] = fragment
    while len(_copied_fragments) > 8:
        _copied_fragments.pop(next(iter(_copied_fragments)))
    return token


def body_char_format() -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setProperty(QTextFormat.Property.FontSizeAdjustment, 0)
    fmt.setFontWeight(QFont.Weight.Normal)
    fmt.setFontItalic(False)
    return fmt


def heading_char_format(level: int) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setProperty(QTextFormat.Property.FontSizeAdjustment, HEADING_ADJUSTMENT.get(level, 0))
    fmt.setFontWeight(QFont.Weight.Bold)
    return fmt


LIST_INDENT = 24.0
_KEPT_KINDS = ("blockquote", "list_item", "table", "code")


def _resize_for(fmt: QTextCharFormat, kind: str, level: int) -> QTextCharFormat:
    """`fmt` sized and weighted for a block of `kind`, any absolute size dropped."""
    fmt = QTextCharFormat(fmt)
    fmt.clearProperty(QTextFormat.Property.FontPointSize)
    fmt.clearProperty(QTextFormat.Property.FontPixelSize)
    adjustment = HEADING_ADJUSTMENT.get(level, 0) if kind == "heading" else 0
    fmt.setProperty(QTextFormat.Property.FontSizeAdjustment, adjustment)
    fmt.setFontWeight(QFont.Weight.Bold if kind == "heading" else QFont.Weight.Normal)
    return fmt


def block_format(kind: str, level: int = 0) -> QTextBlockFormat:
    fmt = QTextBlockFormat()
    fmt.setHeadingLevel(level if kind == "heading" else 0)
    fmt.setProperty(BLOCK_KIND_PROPERTY, kind if kind in _KEPT_KINDS else "")
    indent = BLOCKQUOTE_INDENT if kind == "blockquote" else 0.0
    if kind == "list_item":
        indent = LIST_INDENT * max(1, level)
    fmt.setLeftMargin(indent)
    fmt.setRightMargin(indent if kind == "blockquote" else 0.0)
    fmt.setTopMargin(12.0 if kind == "heading" else 0.0)
    fmt.setBottomMargin(6.0)
    return fmt


def block_kind(fmt: QTextBlockFormat) -> tuple[str, int]:
    """("heading", level) / ("blockquote", 0) / ("paragraph", 0) for a block format."""
    if fmt.headingLevel() > 0:
        return "heading", fmt.headingLevel()
    kind = fmt.stringProperty(BLOCK_KIND_PROPERTY)
    if kind == "list_item":
        return kind, max(1, round(fmt.leftMargin() / LIST_INDENT))
    if kind in _KEPT_KINDS:
        return kind, 0
    return "paragraph", 0


class DraftTextEdit(QTextEdit):
    """The draft page. Notes are inserted with `insert_note`; formatting via the `set_*`/
    `toggle_*` methods (bound to shortcuts by the main window's Format menu).

    `currentAnchorChanged(anchor_id)` fires when the cursor moves next to a footnote anchor
    ("" when it leaves), so the notes strip can follow the writer.
    """

    currentAnchorChanged = Signal(str)
    # A search hit dragged into the text: {"source_id", "ordinal", "page"}; the cursor is at
    # the drop point, where the window lets the writer build a note on it.
    hitDropped = Signal(dict)

    def __init__(self, document: DraftDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDocument(document)
        self.setAcceptRichText(True)
        self.setTabChangesFocus(False)
        font = QFont()
        font.setFamilies(list(SERIF_FAMILIES))
        font.setStyleHint(QFont.StyleHint.Serif)
        font.setPointSizeF(BODY_POINT_SIZE)
        document.setDefaultFont(font)
        document.setDocumentMargin(PAGE_MARGIN)
        self._zoom = 0
        self.smart_typing = True  # curly quotes and dashes as the writer types
        self.cite_completer: Any = None  # the `@` list (editor.cite_completer), once attached
        self.setObjectName("draftText")
        self.setAutoFillBackground(True)
        self._paint_desk()
        theme.notifier().changed.connect(self._paint_desk)
        # A label over the empty page, not setPlaceholderText: QTextEdit clips its placeholder
        # to the height of one line, and this one is a few lines of guidance.
        self.placeholder = QLabel(
            "Start writing here.\n\n"
            "Search your sources (Ctrl+K) and open a hit in the Reader; select the words you "
            "want to quote; add the page in the Footnote builder and press Insert note "
            "(Ctrl+Return). The note lands at the cursor and is numbered for you.\n\n"
            "Headings: Ctrl+1, Ctrl+2, Ctrl+3 · Block quotation: Ctrl+Shift+Q · "
            "Bold: Ctrl+B · Italic: Ctrl+I",
            self.viewport(),
        )
        self.placeholder.setObjectName("draftPlaceholder")
        self.placeholder.setWordWrap(True)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.placeholder.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        theme.paint_as_placeholder(self.placeholder)
        document.contentsChanged.connect(self._update_placeholder)
        self.tooltip_provider: Callable[[str], str] | None = None
        # Explanations of what is marked at a document position (a failing quotation, an
        # unknown word), asked in order when the pointer rests on the text.
        self.hover_providers: list[Callable[[int], str | None]] = []
        self._mark_layers: dict[str, list[QTextEdit.ExtraSelection]] = {}
        # Entries added to the right-click menu for a document position (spelling).
        self.context_menu_providers: list[Callable[[QMenu, int], None]] = []
        self._current_anchor = ""
        self.cursorPositionChanged.connect(self._follow_cursor)
        # Renumbered anchors keep their width; repaint so they show their new numbers.
        document.anchorsChanged.connect(self.viewport().update)
        self._update_placeholder()

    def _update_placeholder(self) -> None:
        empty = self.document().isEmpty()
        self.placeholder.setVisible(empty)
        if empty:
            margin = int(self.document().documentMargin())
            width = max(100, self.viewport().width() - 2 * margin)
            # As tall as the page (top-aligned): the label's own height-for-width is too short.
            height = max(40, self.viewport().height() - 2 * margin)
            self.placeholder.setFixedSize(width, height)
            self.placeholder.move(margin, margin)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._layout_page()
        self._update_placeholder()

    # --- the page ----------------------------------------------------------------------------

    def measure(self) -> float:
        """The width of a line of about MEASURE_CHARS characters of prose in the body font."""
        metrics = QFontMetricsF(self.document().defaultFont())
        return metrics.horizontalAdvance(_SAMPLE_LINE) * MEASURE_CHARS / len(_SAMPLE_LINE)

    def _layout_page(self) -> None:
        """Centre a page of the measure's width; what is left either side is the desk."""
        available = self.width() - 2 * self.frameWidth()
        scrollbar = self.verticalScrollBar()
        if scrollbar.isVisible():
            available -= scrollbar.width()
        page = self.measure() + 2 * self.document().documentMargin()
        side = max(0, int((available - page) / 2))
        if self.viewportMargins().left() != side:
            self.setViewportMargins(side, 0, side, 0)

    def _paint_desk(self) -> None:
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor(theme.scheme().desk))
        self.setPalette(palette)

    def zoom(self) -> int:
        return self._zoom

    def set_zoom(self, steps: int) -> None:
        """Scale the page's text (body, headings, note numbers) without editing it."""
        steps = max(ZOOM_RANGE[0], min(ZOOM_RANGE[1], int(steps)))
        self._zoom = steps
        font = QFont(self.document().defaultFont())
        font.setPointSizeF(BODY_POINT_SIZE + steps * ZOOM_STEP)
        self.document().setDefaultFont(font)
        self._layout_page()
        self._update_placeholder()
        self.ensureCursorVisible()

    def zoom_in(self) -> None:
        self.set_zoom(self._zoom + 1)

    def zoom_out(self) -> None:
        self.set_zoom(self._zoom - 1)

    def zoom_reset(self) -> None:
        self.set_zoom(0)

    def go_to_top(self) -> None:
        cursor = self.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.Start)
        self.setTextCursor(cursor)
        self.verticalScrollBar().setValue(0)

    @property
    def draft(self) -> DraftDocument:
        doc = self.document()
        assert isinstance(doc, DraftDocument)
        return doc

    # --- notes -------------------------------------------------------------------------------

    def insert_note(self, anchor: NoteAnchor, quotation: str = "") -> None:
        """Put `anchor` at the cursor, after `quotation` in curly quotes when given; one undo
        step undoes both."""
        cursor = self.textCursor()
        cursor.beginEditBlock()
        if cursor.hasSelection():
            cursor.setPosition(cursor.selectionEnd())
        if quotation:
            before = self.draft.characterAt(cursor.position() - 1) if cursor.position() > 0 else ""
            lead = "" if before in ("", " ", "\u2029", "\u2028", "(", "\u201c") else " "
            plain = QTextCharFormat(cursor.charFormat())
            plain.clearProperty(QTextFormat.Property.ObjectType)
            plain.clearProperty(NOTE_KEY_PROPERTY)
            quoted = curl_quotation(quotation.strip())
            cursor.insertText(f"{lead}\u201c{quoted}\u201d", plain)
        plain = self.draft.insert_anchor(cursor, anchor)
        cursor.endEditBlock()
        self.setTextCursor(cursor)
        self.setCurrentCharFormat(plain)

    def anchor_near_cursor(self) -> NoteAnchor | None:
        position = self.textCursor().position()
        return self.draft.anchor_at(position - 1) or self.draft.anchor_at(position)

    def move_to_anchor(self, anchor_id: str) -> bool:
        position = self.draft.position_of(anchor_id)
        if position is None:
            return False
        cursor = self.textCursor()
        cursor.setPosition(position + 1)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
        return True

    def _follow_cursor(self) -> None:
        anchor = self.anchor_near_cursor()
        anchor_id = anchor.id if anchor is not None else ""
        if anchor_id != self._current_anchor:
            self._current_anchor = anchor_id
            self.currentAnchorChanged.emit(anchor_id)
        # Keep new text plain after an anchor instead of inheriting its object type. Never with
        # a selection: setCurrentCharFormat would then restyle it and wipe the anchors in it.
        if self.textCursor().hasSelection():
            return
        fmt = self.currentCharFormat()
        if fmt.objectType() == NOTE_OBJECT_TYPE or fmt.hasProperty(NOTE_KEY_PROPERTY):
            fmt.clearProperty(QTextFormat.Property.ObjectType)
            fmt.clearProperty(NOTE_KEY_PROPERTY)
            self.setCurrentCharFormat(fmt)

    def anchor_under(self, x: float, y: float) -> NoteAnchor | None:
        """The anchor drawn at viewport point (x, y), if any."""
        hit = self.cursorForPosition(QPoint(int(x), int(y))).position()
        for position in (hit - 1, hit):
            anchor = self.draft.anchor_at(position)
            if anchor is None:
                continue
            cursor = QTextCursor(self.draft)
            cursor.setPosition(position)
            left = self.cursorRect(cursor)
            cursor.setPosition(position + 1)
            right = self.cursorRect(cursor)
            if left.left() - 2 <= x <= right.left() + 2 and left.top() <= y <= left.bottom():
                return anchor
        return None

    def set_marks(self, layer: str, selections: list[QTextEdit.ExtraSelection]) -> None:
        """Show one kind of mark (find matches, failing quotations…) without disturbing the
        others: each layer replaces only its own extra selections."""
        self._mark_layers[layer] = list(selections)
        self.setExtraSelections([s for marks in self._mark_layers.values() for s in marks])

    def marks(self, layer: str) -> list[QTextEdit.ExtraSelection]:
        return list(self._mark_layers.get(layer, []))

    def hover_text(self, x: float, y: float) -> str:
        """What a tooltip at viewport point (x, y) says: the note, or why the text is marked."""
        anchor = self.anchor_under(x, y)
        if anchor is not None and self.tooltip_provider is not None:
            return self.tooltip_provider(anchor.id)
        position = self.cursorForPosition(QPoint(int(x), int(y))).position()
        for provider in self.hover_providers:
            text = provider(position)
            if text:
                return text
        return ""

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.context_menu_at(event.pos())
        menu.exec(event.globalPos())
        menu.deleteLater()

    def context_menu_at(self, point: QPoint) -> QMenu:
        """The right-click menu for viewport point `point`: the providers' entries first."""
        menu = self.createStandardContextMenu(point)
        position = self.cursorForPosition(point).position()
        for provider in self.context_menu_providers:
            provider(menu, position)
        return menu

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            point = event.pos()  # type: ignore[attr-defined]
            text = self.hover_text(point.x(), point.y())
            if text:
                QToolTip.showText(event.globalPos(), text, self)  # type: ignore[attr-defined]
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    # --- formatting --------------------------------------------------------------------------

    def _for_each_block(self, apply: Callable[[QTextCursor], None]) -> None:
        cursor = self.textCursor()
        cursor.beginEditBlock()
        start, end = cursor.selectionStart(), cursor.selectionEnd()
        block = self.draft.findBlock(start)
        while block.isValid() and block.position() <= end:
            apply(QTextCursor(block))
            block = block.next()
        cursor.endEditBlock()

    def set_block_kind(self, kind: str, level: int = 0) -> None:
        """Make the blocks under the cursor headings (level 1-6), paragraphs or block quotes."""

        def apply(cursor: QTextCursor) -> None:
            cursor.setBlockFormat(block_format(kind, level))
            block = cursor.block()
            # Fragment by fragment: a merge cannot remove an absolute size a paste brought in.
            fragments = []
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                if fragment.isValid():
                    fragments.append(
                        (fragment.position(), fragment.length(), fragment.charFormat())
                    )
                it += 1
            for position, length, fmt in fragments:
                piece = QTextCursor(block.document())
                piece.setPosition(position)
                piece.setPosition(position + length, QTextCursor.MoveMode.KeepAnchor)
                piece.setCharFormat(_resize_for(fmt, kind, level))
            cursor.setBlockCharFormat(_resize_for(cursor.blockCharFormat(), kind, level))

        self._for_each_block(apply)

    def set_heading(self, level: int) -> None:
        self.set_block_kind("heading", level)

    def set_paragraph(self) -> None:
        self.set_block_kind("paragraph")

    def toggle_blockquote(self) -> None:
        kind, _level = block_kind(self.textCursor().blockFormat())
        self.set_block_kind("paragraph" if kind == "blockquote" else "blockquote")

    def toggle_bold(self) -> None:
        bold = self.currentCharFormat().fontWeight() < QFont.Weight.DemiBold
        fmt = QTextCharFormat()
        fmt.setFontWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
        self.mergeCurrentCharFormat(fmt)

    def toggle_italic(self) -> None:
        fmt = QTextCharFormat()
        fmt.setFontItalic(not self.currentCharFormat().fontItalic())
        self.mergeCurrentCharFormat(fmt)

    def _smart_punctuation(self, event: QKeyEvent) -> bool:
        """Type the key, then curl or dash it as a step of its own (one undo: straight)."""
        typed = event.text()
        cursor = self.textCursor()
        if not self.smart_typing or len(typed) != 1 or cursor.hasSelection():
            return False
        before = cursor.block().text()[: cursor.positionInBlock()]
        change = smart_typing(before, typed)
        if change is None:
            return False
        super().keyPressEvent(event)
        cursor = self.textCursor()
        cursor.beginEditBlock()
        cursor.movePosition(
            QTextCursor.MoveOperation.Left, QTextCursor.MoveMode.KeepAnchor, change.length
        )
        cursor.insertText(change.text)
        cursor.endEditBlock()
        self.setTextCursor(cursor)
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:
        completer = self.cite_completer
        if completer is not None and completer.handle_key(event):
            return
        self._key_press(event)
        if completer is not None and event.text():
            completer.after_key()

    def _key_press(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
            event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        ):
            cursor = self.textCursor()
            kind, _ = block_kind(cursor.blockFormat())
            if kind == "heading" and cursor.atBlockEnd():
                # A heading is one line: Enter after it starts an ordinary paragraph.
                cursor.beginEditBlock()
                cursor.insertBlock(block_format("paragraph"), body_char_format())
                cursor.endEditBlock()
                self.setTextCursor(cursor)
                self.setCurrentCharFormat(body_char_format())
                return
        if self._smart_punctuation(event):
            return
        super().keyPressEvent(event)

    # --- clipboard and drag and drop -------------------------------------------------------

    def createMimeDataFromSelection(self) -> QMimeData:
        cursor = self.textCursor()
        # Built by Qt, not in Python: a Python-made QMimeData handed to the clipboard is freed
        # twice at exit (PySide keeps ownership).
        mime = super().createMimeDataFromSelection()
        mime.removeFormat("text/html")  # the anchors would be junk characters elsewhere
        mime.setText(cursor.selectedText().replace("\u2029", "\n").replace(ANCHOR_CHAR, ""))
        mime.setData(_DRAFT_MIME, _remember_fragment(QTextDocumentFragment(cursor)))
        return mime

    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        if source.hasFormat(_HIT_MIME):
            return True
        if source.hasUrls() and not source.hasText():
            return False  # files dropped on the page go to the library (the window handles it)
        return source.hasFormat(_DRAFT_MIME) or source.hasText()

    def insertFromMimeData(self, source: QMimeData) -> None:
        if source.hasFormat(_HIT_MIME):
            from assistant.ui.search.pane import hit_from_mime

            hit = hit_from_mime(source)
            if hit is not None:
                self.hitDropped.emit(hit)
            return  # never paste a whole passage into the draft by accident
        fragment = _copied_fragments.get(bytes(source.data(_DRAFT_MIME).data()))
        if fragment is not None:
            self._insert_fragment(fragment)
            return
        if source.hasText():
            # Outside rich text brings fonts and colours an essay cannot hold: paste it plain,
            # in the formatting at the cursor.
            cursor = self.textCursor()
            text = source.text().replace("\r\n", "\n").replace(ANCHOR_CHAR, "")
            cursor.insertText(text)
            self.ensureCursorVisible()

    def _insert_fragment(self, fragment: QTextDocumentFragment) -> None:
        """Insert a copied piece of the draft; a note copied (not moved) becomes a new note."""
        scratch = DraftDocument()
        scratch._snapshots = self.draft._snapshots  # same snapshot table: keys stay meaningful
        cursor = QTextCursor(scratch)
        cursor.insertFragment(fragment)
        in_text = self.draft.ids_in_text()
        for position, key in scratch._scan():
            anchor = self.draft.anchor_for_key(key)
            if anchor is not None and anchor.id in in_text:
                piece = QTextCursor(scratch)
                piece.setPosition(position)
                piece.setPosition(position + 1, QTextCursor.MoveMode.KeepAnchor)
                fmt = piece.charFormat()
                fmt.setProperty(NOTE_KEY_PROPERTY, self.draft.fresh_copy_key(key))
                piece.setCharFormat(fmt)
        target = self.textCursor()
        target.insertFragment(QTextDocumentFragment(scratch))
        self.setTextCursor(target)
        self.ensureCursorVisible()
        self.draft.refresh_anchors()
