"""Word rendering of the essay's richer blocks and spans: lists, tables, code, links, small caps.

Lists use Word's built-in list styles ("List Bullet", "List Number" and their level 2/3
variants, "List Continue" for an item's further paragraphs), which carry real Word numbering
in python-docx's template. Links are real `w:hyperlink` elements with an external
relationship, so Word opens them; small caps, strikeout and code are run properties.
Tables are Word tables, the caption above them (Chicago 3.53) in the "Caption" style.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from docx.oxml.ns import qn
from lxml import etree

from assistant.essay.model import Block, Inline, NoteAnchor, Span
from assistant.export.runs import append_run, wrap_in_hyperlink

if TYPE_CHECKING:
    from docx.document import Document as DocumentObject
    from docx.text.paragraph import Paragraph

__all__ = [
    "add_code_block",
    "add_list_item",
    "add_table",
    "append_inlines",
    "append_span",
]

CODE_FONT = "Courier New"
_MAX_LIST_LEVEL = 3  # the template's list styles go "List Bullet", "List Bullet 2", "... 3"


def append_span(paragraph: Paragraph, span: Span) -> None:
    """One span as a run (inside a hyperlink when it is a link)."""
    if not span.text:
        return
    run = append_run(
        paragraph, span.text, italic=span.italic, bold=span.bold, small_caps=span.small_caps
    )
    r = run._r
    if span.strike or span.code:
        rpr = r.get_or_add_rPr()
        if span.code:
            fonts = rpr.get_or_add_rFonts()
            for side in ("w:ascii", "w:hAnsi", "w:cs"):
                fonts.set(qn(side), CODE_FONT)
            rpr.remove(fonts)
            rpr.insert(0, fonts)  # rFonts leads CT_RPr's sequence
        if span.strike:
            strike = etree.SubElement(rpr, qn("w:strike"))
            # CT_RPr order: ... b, bCs, i, iCs, caps, smallCaps, strike ...
            small = rpr.find(qn("w:smallCaps"))
            if small is not None:
                small.addnext(strike)
    if span.link:
        wrap_in_hyperlink(paragraph, run, span.link)


def append_inlines(
    paragraph: Paragraph, inlines: list[Inline], add_note: Callable[[Paragraph], None]
) -> None:
    for inline in inlines:
        if isinstance(inline, Span):
            append_span(paragraph, inline)
        elif isinstance(inline, NoteAnchor):
            add_note(paragraph)


def _style(document: DocumentObject, names: Iterator[str], fallback: str) -> str:
    available = {style.name for style in document.styles}
    return next((name for name in names if name in available), fallback)


def list_style(document: DocumentObject, block: Block, body_style: str) -> str:
    level = min(max(block.level, 1), _MAX_LIST_LEVEL)
    suffix = "" if level == 1 else f" {level}"
    base = (
        "List Continue" if block.continued else ("List Number" if block.ordered else "List Bullet")
    )
    return _style(document, iter((base + suffix, base)), body_style)


_LIST_STYLE = re.compile(r"List (Number|Bullet|Continue)(?: (\d))?$")


def _list_position(names: dict[str, str], p: Any) -> tuple[str, int] | None:
    """("Number"/"Bullet"/"Continue", level) of a paragraph in a list style, else None."""
    ppr = p.pPr
    style_id = ppr.pStyle.val if ppr is not None and ppr.pStyle is not None else None
    if style_id is None:
        return None
    found = _LIST_STYLE.match(names.get(style_id, ""))
    if found is None:
        return None
    return found.group(1), int(found.group(2) or 1)


def _style_names(document: DocumentObject) -> dict[str, str]:
    return {style.style_id: style.name for style in document.styles}


def _numbering(document: DocumentObject, block: Block, paragraph: Paragraph, style: str) -> None:
    """Give a numbered list a Word numbering instance of its own (`w:num` on its style's
    abstract numbering, starting at the list's first number), so a second list starts again
    at 1 and `3.` starts at 3. Which list an item belongs to is read from the paragraphs before
    it: the nearest item at its depth, unless a shallower item or other text comes first."""
    if not block.ordered or block.continued:
        return
    depth = max(1, block.level)
    num_id: int | None = None
    names = _style_names(document)
    previous = paragraph._p.getprevious()
    while previous is not None and previous.tag == qn("w:p"):
        position = _list_position(names, previous)
        if position is None:
            break  # not a list item: the list ended there
        kind, level = position
        if level < depth:
            break  # the parent item: this is a new nested list
        if level == depth and kind != "Continue":
            num_pr = previous.pPr.numPr if previous.pPr is not None else None
            if kind == "Number" and num_pr is not None and num_pr.numId is not None:
                num_id = num_pr.numId.val
            break
        previous = previous.getprevious()
    if num_id is None:
        num_id = _new_numbering(document, style, block.start)
    if num_id is not None:
        num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
        num_pr.get_or_add_ilvl().val = 0
        num_pr.get_or_add_numId().val = num_id


def _new_numbering(document: DocumentObject, style: str, start: int) -> int | None:
    try:
        style_num = document.styles[style].element.pPr.numPr.numId.val  # type: ignore[union-attr]
        numbering = document.part.numbering_part.element
        abstract = numbering.num_having_numId(style_num).abstractNumId.val
    except (AttributeError, KeyError):
        return None  # a style without numbering: Word shows no numbers to restart
    num = numbering.add_num(abstract)
    num.add_lvlOverride(ilvl=0).add_startOverride(max(0, start))
    return int(num.numId)


def add_list_item(
    document: DocumentObject,
    block: Block,
    add_paragraph: Callable[[str], Paragraph],
    add_note: Callable[[Paragraph], None],
    body_style: str,
) -> None:
    style = list_style(document, block, body_style)
    paragraph = add_paragraph(style)
    _numbering(document, block, paragraph, style)
    append_inlines(paragraph, block.inlines, add_note)


def add_code_block(
    block: Block, add_paragraph: Callable[[str], Paragraph], body_style: str
) -> None:
    text = "".join(i.text for i in block.inlines if isinstance(i, Span)).rstrip("\n")
    for line in text.split("\n"):
        paragraph = add_paragraph(body_style)
        paragraph.paragraph_format.first_line_indent = 0
        paragraph.paragraph_format.line_spacing = 1.0
        append_span(paragraph, Span(line or " ", code=True))


_ALIGN = {"left": 0, "center": 1, "right": 2}


def add_table(
    document: DocumentObject,
    block: Block,
    add_paragraph: Callable[[str], Paragraph],
    add_note: Callable[[Paragraph], None],
) -> None:
    """A Word table; notes in the caption come first, then cell by cell, row by row, the
    order `Essay.anchors` numbers them in."""
    if any(
        (isinstance(i, Span) and i.text.strip()) or isinstance(i, NoteAnchor) for i in block.inlines
    ):
        caption = add_paragraph(_style(document, iter(("Caption",)), "Normal"))
        append_inlines(caption, block.inlines, add_note)
    columns = max([len(row) for row in block.rows] or [1])
    if not block.rows:
        return
    table = document.add_table(rows=len(block.rows), cols=columns)
    grid = _style(document, iter(("Table Grid",)), "")
    if grid:
        table.style = document.styles[grid]
    for r, row in enumerate(block.rows):
        for c in range(columns):
            cell = table.cell(r, c)
            paragraph = cell.paragraphs[0]
            paragraph.paragraph_format.first_line_indent = 0
            align = block.align[c] if c < len(block.align) else "default"
            if align in _ALIGN:
                paragraph.alignment = _ALIGN[align]
            if c < len(row):
                for inline in row[c]:
                    if isinstance(inline, Span):
                        header = r < block.header_rows
                        append_span(paragraph, replace(inline, bold=inline.bold or header))
                    else:
                        add_note(paragraph)
