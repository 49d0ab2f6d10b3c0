"""Between the editor's QTextDocument and the essay model (`assistant.essay.model`).

Headings carry their level in the block format, block quotations a custom block property,
bold and italic the char format, and footnote anchors a snapshot key (see document.py). Bold is
ignored inside headings: it is the heading style there, not the writer's emphasis. Empty
paragraphs are dropped: the essay model separates paragraphs itself. A manual line break
(Shift+Enter, U+2028) is "\\n" inside a span. Small caps, strikeout, code (fixed pitch) and
links are char formats too. A list item keeps its depth in its indent and its numbering in a
block property; a table is shown as one paragraph (caption, then rows of cells between bars)
whose block property keeps the table itself, restored while its text is unedited.
"""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from PySide6.QtGui import QFont, QTextBlockFormat, QTextCharFormat, QTextCursor

from assistant.essay.model import Block, Essay, Inline, NoteAnchor, Span
from assistant.ui.editor.document import (
    ANCHOR_CHAR,
    BLOCK_DATA_PROPERTY,
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


def _append_span(inlines: list[Inline], span: Span) -> None:
    if not span.text:
        return
    last = inlines[-1] if inlines else None
    if isinstance(last, Span) and last.same_format(span):
        last.text += span.text
    else:
        inlines.append(span)


def _span_of(text: str, fmt: QTextCharFormat, bold: bool) -> Span:
    return Span(
        text,
        bold=bold,
        italic=fmt.fontItalic(),
        small_caps=fmt.fontCapitalization() == QFont.Capitalization.SmallCaps,
        strike=fmt.fontStrikeOut(),
        code=fmt.fontFixedPitch(),
        link=fmt.anchorHref() if fmt.isAnchor() else "",
    )


def _char_format(base: QTextCharFormat, span: Span) -> QTextCharFormat:
    char = QTextCharFormat(base)
    if span.bold:
        char.setFontWeight(QFont.Weight.Bold)
    char.setFontItalic(span.italic)
    if span.small_caps:
        char.setFontCapitalization(QFont.Capitalization.SmallCaps)
    if span.strike:
        char.setFontStrikeOut(True)
    if span.code:
        char.setFontFixedPitch(True)
        char.setFontFamilies(["Courier New", "monospace"])
    if span.link:
        char.setAnchor(True)
        char.setAnchorHref(span.link)
        char.setFontUnderline(True)
    return char


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
            _append_span(inlines, _span_of(text, fmt, bold))
        has_text = any(
            isinstance(i, NoteAnchor) or (isinstance(i, Span) and i.text.strip()) for i in inlines
        )
        if has_text:
            essay.blocks.append(_block_from(kind, level, inlines, block.blockFormat()))
        block = block.next()
    return essay


# -- what Qt's blocks do not hold: list numbering, table structure, code ----------------------


def _table_display(block: Block) -> list[Inline]:
    """A table shown as one paragraph: the caption, then each row's cells between bars."""
    out: list[Inline] = list(block.inlines)
    for row in block.rows:
        if out:
            out.append(Span("\n"))
        for index, cell in enumerate(row):
            if index:
                out.append(Span(" | "))
            out.extend(cell)
    return out


def _spans_text(inlines: list[Inline]) -> str:
    return "".join(i.text for i in inlines if isinstance(i, Span))


def _block_data(block: Block) -> str:
    from assistant.essay.store import essay_to_dict

    if block.kind == "list_item":
        return json.dumps(
            {"ordered": block.ordered, "start": block.start, "continued": block.continued}
        )
    if block.kind == "table":
        data: dict[str, Any] = essay_to_dict(Essay(blocks=[block]))["blocks"][0]
        data["shown"] = _spans_text(_table_display(block))
        return json.dumps(data)
    return ""


def _block_from(kind: Any, level: int, inlines: list[Inline], fmt: QTextBlockFormat) -> Block:
    raw = fmt.stringProperty(BLOCK_DATA_PROPERTY)
    data: dict[str, Any] = json.loads(raw) if raw else {}
    if kind == "list_item":
        return Block(
            "list_item",
            inlines,
            level=level,
            ordered=bool(data.get("ordered")),
            start=int(data.get("start", 1)),
            continued=bool(data.get("continued")),
        )
    if kind == "code":
        text = _spans_text(inlines)
        return Block("code", [Span(text, code=True)])
    if kind == "table" and data and data.get("shown") == _spans_text(inlines):
        from assistant.essay.store import essay_from_dict

        data.pop("shown")
        table = essay_from_dict({"blocks": [data]}).blocks[0]
        # The notes as the editor holds them now (edited with F2, say), in their places.
        anchors = iter([i for i in inlines if isinstance(i, NoteAnchor)])
        table.inlines = [
            next(anchors, i) if isinstance(i, NoteAnchor) else i for i in table.inlines
        ]
        table.rows = [
            [[next(anchors, i) if isinstance(i, NoteAnchor) else i for i in cell] for cell in row]
            for row in table.rows
        ]
        return table
    if kind == "table":
        kind = "paragraph"  # the writer edited the table's text: it stays, as a paragraph
    return Block(kind=kind, inlines=inlines, level=level)


def essay_to_document(essay: Essay, doc: DraftDocument) -> None:
    """Replace the document's content with `essay`'s blocks; clears undo and the modified flag."""
    doc.setUndoRedoEnabled(False)
    doc.clear()
    cursor = QTextCursor(doc)
    cursor.beginEditBlock()
    for index, block in enumerate(essay.blocks):
        fmt = block_format(block.kind, block.level)
        data = _block_data(block)
        if data:
            fmt.setProperty(BLOCK_DATA_PROPERTY, data)
        base = heading_char_format(block.level) if block.kind == "heading" else body_char_format()
        if block.kind == "code":
            base.setFontFixedPitch(True)
            base.setFontFamilies(["Courier New", "monospace"])
        if index == 0:
            cursor.setBlockFormat(fmt)
            cursor.setBlockCharFormat(base)
        else:
            cursor.insertBlock(fmt, base)
        shown = _table_display(block) if block.kind == "table" else block.inlines
        for inline in shown:
            if isinstance(inline, NoteAnchor):
                doc.insert_anchor(cursor, inline)
                continue
            char = _char_format(base, inline)
            cursor.insertText(inline.text.replace("\n", _LINE_SEPARATOR), char)
    cursor.endEditBlock()
    doc.setUndoRedoEnabled(True)
    doc.setModified(False)
    doc.refresh_anchors()
