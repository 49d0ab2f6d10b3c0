"""The draft as a QTextDocument whose footnote anchors number themselves.

A footnote anchor is one U+FFFC object-replacement character whose char format has the custom
object type `NOTE_OBJECT_TYPE` and a `NOTE_KEY_PROPERTY` naming an immutable snapshot of the
`NoteAnchor` (its note, passage link and stable id). The number is never stored: a
`QTextObjectInterface` draws it from the anchors' current order, so moving text renumbers the
notes on the next paint.

Editing a note swaps the anchor's key for a new snapshot with `QTextCursor.setCharFormat`, which
puts the change on the document's own undo stack: Ctrl+Z undoes a note edit exactly like typing.
Snapshots are never mutated or forgotten, so an undo can always bring an old key back.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Iterator

from PySide6.QtCore import QObject, QPointF, QRectF, QSizeF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QPainter,
    QPalette,
    QPyTextObject,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)

from assistant.essay.model import NoteAnchor, new_id

NOTE_OBJECT_TYPE = int(QTextFormat.ObjectTypes.UserObject) + 1
NOTE_KEY_PROPERTY = int(QTextFormat.Property.UserProperty) + 1
# Block property marking a block quotation (Qt has no block-quote block type of its own).
BLOCK_KIND_PROPERTY = int(QTextFormat.Property.UserProperty) + 2
# Block properties keeping what Qt's blocks do not hold of the essay model: a list item's
# depth and numbering, and a table's own structure (JSON), so editing never loses them.
BLOCK_DATA_PROPERTY = int(QTextFormat.Property.UserProperty) + 3
ANCHOR_CHAR = "\ufffc"
# The superscript number is drawn this much smaller than the surrounding text.
_SUPERSCRIPT_SCALE = 0.7

_keys = itertools.count(1)


class _AnchorRenderer(QPyTextObject):
    # QPyTextObject, not QObject + QTextObjectInterface: only it passes Qt's qobject_cast to
    # the interface, without which registerHandler silently ignores the handler.
    """Draws each anchor as its current note number in superscript."""

    def __init__(self, document: DraftDocument) -> None:
        super().__init__(document)
        self._document = document

    def _label_font(self, fmt: QTextFormat) -> tuple[QFont, QFont]:
        # The char format only holds what differs from the document's font: resolve the rest.
        base = fmt.toCharFormat().font().resolve(self._document.defaultFont())
        small = QFont(base)
        size = base.pointSizeF() if base.pointSizeF() > 0 else 12.0
        small.setPointSizeF(max(6.0, size * _SUPERSCRIPT_SCALE))
        small.setBold(False)
        small.setItalic(False)
        return base, small

    def _label(self, fmt: QTextFormat) -> str:
        number = self._document.number_for_key(fmt.stringProperty(NOTE_KEY_PROPERTY))
        return str(number) if number else "?"

    def intrinsicSize(self, doc: QTextDocument, pos: int, fmt: QTextFormat) -> QSizeF:
        base, small = self._label_font(fmt)
        width = QFontMetricsF(small).horizontalAdvance(self._label(fmt)) + 2.0
        # As tall as the surrounding text's ascent so the line height does not jump.
        return QSizeF(width, QFontMetricsF(base).ascent())

    def drawObject(
        self, painter: QPainter, rect: QRectF, doc: QTextDocument, pos: int, fmt: QTextFormat
    ) -> None:
        _base, small = self._label_font(fmt)
        painter.save()
        painter.setFont(small)
        foreground = fmt.toCharFormat().foreground()
        if foreground.style() != Qt.BrushStyle.NoBrush:
            painter.setPen(foreground.color())
        else:
            # The palette's text colour: a default brush would paint the number black, which
            # a dark scheme makes unreadable.
            painter.setPen(QGuiApplication.palette().color(QPalette.ColorRole.Text))
        metrics = QFontMetricsF(small)
        painter.drawText(
            QPointF(rect.left() + 1.0, rect.top() + metrics.ascent()), self._label(fmt)
        )
        painter.restore()


class DraftDocument(QTextDocument):
    """A QTextDocument that knows its footnote anchors and their numbers.

    `anchorsChanged` fires (on the GUI thread, right after the edit) whenever the sequence of
    notes changes: one inserted, deleted, moved, edited, or brought back by undo.
    """

    anchorsChanged = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._snapshots: dict[str, NoteAnchor] = {}
        self._order: list[tuple[int, str]] = []  # (position, key) in text order
        self._numbers: dict[str, int] = {}  # key -> note number
        self._renderer = _AnchorRenderer(self)
        self.documentLayout().registerHandler(NOTE_OBJECT_TYPE, self._renderer)
        self._relayout_pending: set[int] = set()
        self.contentsChange.connect(self._on_contents_change)

    # --- snapshots -------------------------------------------------------------------------

    def register(self, anchor: NoteAnchor) -> str:
        """Store an immutable copy of `anchor` and return its key."""
        key = f"n{next(_keys)}"
        self._snapshots[key] = dataclasses.replace(anchor)
        return key

    def anchor_for_key(self, key: str) -> NoteAnchor | None:
        return self._snapshots.get(key)

    def anchor_format(
        self, anchor: NoteAnchor, base: QTextCharFormat | None = None
    ) -> QTextCharFormat:
        """The char format of an anchor character for `anchor`, styled like `base`."""
        fmt = QTextCharFormat(base) if base is not None else QTextCharFormat()
        fmt.setObjectType(NOTE_OBJECT_TYPE)
        fmt.setProperty(NOTE_KEY_PROPERTY, self.register(anchor))
        return fmt

    # --- anchors in text order ---------------------------------------------------------------

    def _scan(self) -> list[tuple[int, str]]:
        found: list[tuple[int, str]] = []
        block = self.begin()
        while block.isValid():
            for item in block:
                fragment = item.fragment()
                fmt = fragment.charFormat()
                if fmt.objectType() != NOTE_OBJECT_TYPE:
                    continue
                key = fmt.stringProperty(NOTE_KEY_PROPERTY)
                if key not in self._snapshots:
                    continue  # an object char from elsewhere (e.g. pasted): not a note
                start = fragment.position()
                for offset, char in enumerate(fragment.text()):
                    if char == ANCHOR_CHAR:
                        found.append((start + offset, key))
            block = block.next()
        return found

    def refresh_anchors(self) -> bool:
        """Rescan the anchors; return whether their sequence changed (and announce it)."""
        order = self._scan()
        if [k for _, k in order] == [k for _, k in self._order]:
            self._order = order
            return False
        old_numbers = self._numbers
        self._order = order
        self._numbers = {key: number for number, (_, key) in enumerate(order, start=1)}
        # Only an anchor whose number gained or lost a digit (9 -> 10) changes width and needs a
        # relayout; digits are tabular, so any other renumbering is a repaint. New anchors are
        # laid out again too, as their first layout may predate their number. Deferred: no
        # relayout inside contentsChange. (Relayouting all 300 anchors of a long essay on every
        # renumbering cost over 100 ms.)
        for position, key in order:
            old = old_numbers.get(key)
            if old is None or len(str(old)) != len(str(self._numbers[key])):
                self._relayout_pending.add(position)
        if self._relayout_pending:
            QTimer.singleShot(0, self._relayout)
        self.anchorsChanged.emit()
        return True

    def _relayout(self) -> None:
        positions, self._relayout_pending = self._relayout_pending, set()
        end = self.characterCount()
        for position in sorted(positions):
            if position < end:
                self.markContentsDirty(position, 1)

    def _on_contents_change(self, position: int, removed: int, added: int) -> None:
        if removed == 0 and added > 0 and not self._has_anchor_char(position, added):
            return  # plain typing: cheap path, the notes' order cannot have changed
        self.refresh_anchors()

    def _has_anchor_char(self, position: int, length: int) -> bool:
        cursor = QTextCursor(self)
        end = min(position + length, self.characterCount() - 1)
        cursor.setPosition(max(0, position))
        cursor.setPosition(max(0, end), QTextCursor.MoveMode.KeepAnchor)
        return ANCHOR_CHAR in cursor.selectedText()

    def anchor_positions(self) -> list[tuple[int, NoteAnchor]]:
        """Positions and anchors in text order."""
        return [(position, self._snapshots[key]) for position, key in self._order]

    def anchors(self) -> list[NoteAnchor]:
        """Anchors in text order: the first is note 1."""
        return [self._snapshots[key] for _, key in self._order]

    def iter_keys(self) -> Iterator[str]:
        return (key for _, key in self._order)

    def number_for_key(self, key: str) -> int | None:
        return self._numbers.get(key)

    def note_number(self, anchor_id: str) -> int | None:
        for number, anchor in enumerate(self.anchors(), start=1):
            if anchor.id == anchor_id:
                return number
        return None

    def position_of(self, anchor_id: str) -> int | None:
        for position, anchor in self.anchor_positions():
            if anchor.id == anchor_id:
                return position
        return None

    def anchor_at(self, position: int) -> NoteAnchor | None:
        """The anchor whose character sits at `position`, if any."""
        if position < 0 or position >= self.characterCount() - 1:
            return None
        if self.characterAt(position) != ANCHOR_CHAR:
            return None
        block = self.findBlock(position)
        for item in block:
            fragment = item.fragment()
            if fragment.position() <= position < fragment.position() + fragment.length():
                fmt = fragment.charFormat()
                if fmt.objectType() == NOTE_OBJECT_TYPE:
                    return self._snapshots.get(fmt.stringProperty(NOTE_KEY_PROPERTY))
        return None

    # --- editing ---------------------------------------------------------------------------

    def insert_anchor(self, cursor: QTextCursor, anchor: NoteAnchor) -> QTextCharFormat:
        """Insert `anchor` at `cursor`, styled like the text around it.

        Returns the plain format to keep typing with: without it, text typed right after the
        anchor would inherit the anchor's object type.
        """
        plain = QTextCharFormat(cursor.charFormat())
        plain.clearProperty(NOTE_KEY_PROPERTY)
        plain.clearProperty(QTextFormat.Property.ObjectType)
        cursor.insertText(ANCHOR_CHAR, self.anchor_format(anchor, plain))
        cursor.setCharFormat(plain)
        return plain

    def replace_anchor(self, anchor_id: str, anchor: NoteAnchor) -> bool:
        """Swap the note held by anchor `anchor_id` (undoable); False if it is not in the text."""
        position = self.position_of(anchor_id)
        if position is None:
            return False
        cursor = QTextCursor(self)
        cursor.setPosition(position)
        cursor.setPosition(position + 1, QTextCursor.MoveMode.KeepAnchor)
        fmt = cursor.charFormat()
        fmt.setProperty(NOTE_KEY_PROPERTY, self.register(dataclasses.replace(anchor, id=anchor_id)))
        cursor.setCharFormat(fmt)
        self.refresh_anchors()
        return True

    def ids_in_text(self) -> set[str]:
        return {anchor.id for anchor in self.anchors()}

    def fresh_copy_key(self, key: str) -> str:
        """A new snapshot of `key` with a fresh id: a pasted copy of a note is a new note."""
        return self.register(dataclasses.replace(self._snapshots[key], id=new_id()))
