"""Between the editor's QTextDocument and the essay model (`assistant.essay.model`).

Headings carry their level in the block format, block quotations a custom block property,
bold and italic the char format, and footnote anchors a snapshot key (see document.py). Bold is
ignored inside headings: it is the heading style there, not the writer's emphasis. Empty
paragraphs are dropped: the essay model separates paragraphs itself. A manual line break
(Shift+Enter, U+2028) is "\\n" inside a span.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtGui import QFont, QTextCharFormat, QTextCursor

from assistant.essay.model import Block, Essay, Inline, NoteAnchor, Span
from assistant.ui.editor.document import (
    ANCHOR_CHAR,
    NOTE_KEY_PROPERTY,
    NOTE_OBJECT_TYPE,
    DraftDocument,
)
from assistant.ui.editor.textedit import (
    block_format,
    block_kind,
    body_char_format,
    heading_char_format,
)

_LINE_SEPARATOR = "\u2028"


def _append_span(inlines: list[Inline], text: str, bold: bool, italic: bool) -> None:
    if not text:
        return
    last = inlines[-1] if inlines else None
    if isinstance(last, Span) and last.bold == bold and last.italic == italic:
        last.text += text
    else:
        inlines.append(Span(text, bold=bold, italic=italic))


def document_to_essay(doc: DraftDocument) -> Essay:
    """The draft's blocks as an Essay (title, author, items and outline are the window's)."""
    essay = Essay()
    block = doc.begin()
    while block.isValid():
        kind, level = block_kind(block.blockFormat())
        inlines: list[Inline] = []
        for item in block:
            fragment = item.fragment()
            fmt = fragment.charFormat()
            text = fragment.text()
            if fmt.objectType() == NOTE_OBJECT_TYPE:
                anchor = doc.anchor_for_key(fmt.stringProperty(NOTE_KEY_PROPERTY))
                if anchor is not None:
                    inlines.extend(dataclasses.replace(anchor) for c in text if c == ANCHOR_CHAR)
                continue
            text = text.replace(ANCHOR_CHAR, "").replace(_LINE_SEPARATOR, "\n")
            bold = kind != "heading" and fmt.fontWeight() >= QFont.Weight.DemiBold
            _append_span(inlines, text, bold, fmt.fontItalic())
        has_text = any(
            isinstance(i, NoteAnchor) or (isinstance(i, Span) and i.text.strip()) for i in inlines
        )
        if has_text:
            essay.blocks.append(Block(kind=kind, inlines=inlines, level=level))
        block = block.next()
    return essay


def essay_to_document(essay: Essay, doc: DraftDocument) -> None:
    """Replace the document's content with `essay`'s blocks; clears undo and the modified flag."""
    doc.setUndoRedoEnabled(False)
    doc.clear()
    cursor = QTextCursor(doc)
    cursor.beginEditBlock()
    for index, block in enumerate(essay.blocks):
        fmt = block_format(block.kind, block.level)
        base = heading_char_format(block.level) if block.kind == "heading" else body_char_format()
        if index == 0:
            cursor.setBlockFormat(fmt)
            cursor.setBlockCharFormat(base)
        else:
            cursor.insertBlock(fmt, base)
        for inline in block.inlines:
            if isinstance(inline, NoteAnchor):
                doc.insert_anchor(cursor, inline)
                continue
            char = QTextCharFormat(base)
            if inline.bold:
                char.setFontWeight(QFont.Weight.Bold)
            char.setFontItalic(inline.italic)
            cursor.insertText(inline.text.replace("\n", _LINE_SEPARATOR), char)
    cursor.endEditBlock()
    doc.setUndoRedoEnabled(True)
    doc.setModified(False)
    doc.refresh_anchors()
