"""Export an essay to Word (.docx) with real footnotes, laid out as a Chicago/Turabian manuscript.

    report = export_docx(essay, Path("essay.docx"), options=ExportOptions(title_page=True))

The notes' text comes from the Chicago engine (`assistant.cite.engine.ChicagoEngine`): this
module only lays it out. Each note anchor of the essay becomes one Word footnote, referenced at
the anchor's place in the text, numbered by Word in reading order.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Inches, Pt

from assistant.cite.model import RichText
from assistant.essay.model import Block, Essay, NoteAnchor, Span
from assistant.export.atomic import ExportError, write_atomically
from assistant.export.blocks import add_code_block, add_list_item, add_table, append_span
from assistant.export.footnotes import add_footnote
from assistant.export.layout import (
    BIBLIOGRAPHY_STYLE,
    BLOCK_QUOTE_STYLE,
    BODY_STYLE,
    TITLE_STYLE,
    Manuscript,
    add_page_number_footer,
    apply_manuscript_layout,
    start_new_section,
)
from assistant.export.runs import append_run, unsafe_characters, xml_safe

if TYPE_CHECKING:
    from docx.document import Document as DocumentObject
    from docx.text.paragraph import Paragraph

__all__ = ["ExportError", "ExportOptions", "ExportReport", "build_document", "export_docx"]

BIBLIOGRAPHY_HEADING = "Bibliography"


@dataclass(frozen=True, slots=True)
class ExportOptions:
    title_page: bool = False
    include_bibliography: bool = True
    ibid: bool = False
    # Title-page lines under the author's name (Turabian A.2.1); date None means today.
    course: str = ""
    date: str | None = None
    manuscript: Manuscript = field(default_factory=Manuscript)


@dataclass(slots=True)
class ExportReport:
    path: Path
    notes: int = 0
    bibliography_entries: int = 0
    words: int = 0
    # Problems the writer should look at (unknown sources, missing dates...), also visible in
    # the exported text itself where the engine marks them.
    warnings: list[str] = field(default_factory=list)


def export_docx(
    essay: Essay,
    path: Path,
    *,
    items: Mapping[str, dict[str, Any]] | None = None,
    options: ExportOptions = ExportOptions(),
) -> ExportReport:
    """Write `essay` to `path` as .docx; raise ExportError (target untouched) if it cannot."""
    from assistant.cite.engine import ChicagoEngine

    engine = ChicagoEngine(items if items is not None else essay.items, ibid=options.ibid)
    notes = engine.render_notes(essay.notes())
    bibliography: list[RichText] = []
    if options.include_bibliography:
        cited = _cited_item_ids(essay)
        bibliography = engine.bibliography(cited) if cited else []
    document = build_document(essay, notes, bibliography, options)

    report = ExportReport(
        path=Path(path),
        notes=len(notes),
        bibliography_entries=len(bibliography),
        words=essay.word_count(),
    )
    for number, note in enumerate(notes, start=1):
        report.warnings.extend(f"Note {number}: {warning}" for warning in note.warnings)
    report.warnings.extend(_unstorable_characters(essay, notes, bibliography))
    for entry in bibliography:
        report.warnings.extend(f"Bibliography: {warning}" for warning in entry.warnings)
    write_atomically(Path(path), document.save)
    return report


def build_document(
    essay: Essay,
    notes: Sequence[RichText],
    bibliography: Sequence[RichText],
    options: ExportOptions = ExportOptions(),
) -> DocumentObject:
    """The laid-out python-docx document for `essay`, given its rendered notes and bibliography.

    `notes[i]` is the text of the essay's (i+1)th note anchor, in reading order.
    """
    anchors = sum(1 for _ in essay.anchors())
    if anchors != len(notes):
        raise ValueError(f"the essay has {anchors} note anchors but {len(notes)} notes were given")
    manuscript = options.manuscript
    document = docx.Document()
    apply_manuscript_layout(document, manuscript)
    _set_core_properties(document, essay)

    if options.title_page:
        _add_title_page(document, essay, options)
        body_section = start_new_section(document, manuscript)
        if manuscript.page_numbers:
            add_page_number_footer(body_section, start_at=1)
    else:
        _add_title_lines(document, essay, options)
        if manuscript.page_numbers:
            add_page_number_footer(document.sections[0])

    note_texts = iter(notes)
    style_ids: dict[str, str] = {}
    for block in essay.blocks:
        _add_block(document, block, note_texts, style_ids)

    if bibliography:
        heading = document.add_paragraph(BIBLIOGRAPHY_HEADING, style="Heading 1")
        heading.paragraph_format.page_break_before = True
        for entry in bibliography:
            paragraph = _add_styled_paragraph(document, BIBLIOGRAPHY_STYLE, style_ids)
            _add_rich_runs(paragraph, entry)
    return document


def _add_block(document: DocumentObject, block: Block, note_texts, style_ids) -> None:  # type: ignore[no-untyped-def]
    if block.kind in ("list_item", "table", "code"):
        _add_rich_block(document, block, note_texts, style_ids)
        return
    if block.kind == "heading":
        style = f"Heading {min(max(block.level, 1), 6)}"
    elif block.kind == "blockquote":
        style = BLOCK_QUOTE_STYLE
    else:
        style = BODY_STYLE
    paragraph = _add_styled_paragraph(document, style, style_ids)
    for inline in block.inlines:
        if isinstance(inline, Span):
            if inline.small_caps or inline.strike or inline.code or inline.link:
                append_span(paragraph, inline)
            elif inline.text:
                append_run(paragraph, inline.text, italic=inline.italic, bold=inline.bold)
        elif isinstance(inline, NoteAnchor):
            add_footnote(paragraph, next(note_texts))


def _add_rich_block(document: DocumentObject, block: Block, note_texts, style_ids) -> None:  # type: ignore[no-untyped-def]
    """Lists, tables and code blocks (assistant.export.blocks)."""

    def add_paragraph(style: str) -> Paragraph:
        return _add_styled_paragraph(document, style, style_ids)

    def add_note(paragraph: Paragraph) -> None:
        add_footnote(paragraph, next(note_texts))

    if block.kind == "list_item":
        add_list_item(document, block, add_paragraph, add_note, BODY_STYLE)
    elif block.kind == "table":
        add_table(document, block, add_paragraph, add_note)
    else:
        add_code_block(block, add_paragraph, BODY_STYLE)


def _add_styled_paragraph(document: DocumentObject, style: str, style_ids: dict[str, str]):  # type: ignore[no-untyped-def]
    """`document.add_paragraph(style=name)` without its per-call scan of every style."""
    style_id = style_ids.get(style)
    if style_id is None:
        style_id = style_ids[style] = document.styles[style].style_id
    paragraph = document.add_paragraph()
    paragraph._p.get_or_add_pPr().style = style_id
    return paragraph


def _add_rich_runs(paragraph: Paragraph, text: RichText) -> None:
    for piece in text.runs:
        if piece.text:
            append_run(paragraph, piece.text, italic=piece.italic, small_caps=piece.small_caps)


def _add_title_page(document: DocumentObject, essay: Essay, options: ExportOptions) -> None:
    """Turabian A.2.1: title about a third of the way down, the writer's lines lower down."""
    title = document.add_paragraph(style=TITLE_STYLE)
    append_run(title, essay.title or "Untitled")
    title.paragraph_format.space_before = Inches(2.5)
    date = options.date if options.date is not None else _long_date(dt.date.today())
    lines = [line for line in (essay.author, options.course, date) if line]
    for index, line in enumerate(lines):
        paragraph = document.add_paragraph()
        append_run(paragraph, line)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph_format = paragraph.paragraph_format
        paragraph_format.line_spacing = 1.0
        paragraph_format.space_after = Pt(options.manuscript.font_size / 2)
        if index == 0:
            paragraph_format.space_before = Inches(2.5)


def _add_title_lines(document: DocumentObject, essay: Essay, options: ExportOptions) -> None:
    """Without a title page the title heads the first page of text, with the writer's lines
    (author, and course and date when given) centred and single-spaced below it."""
    if essay.title:
        append_run(document.add_paragraph(style=TITLE_STYLE), essay.title)
    lines = [line for line in (essay.author, options.course, options.date or "") if line]
    font_size = options.manuscript.font_size
    for index, line in enumerate(lines):
        paragraph = document.add_paragraph()
        append_run(paragraph, line)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph_format = paragraph.paragraph_format
        paragraph_format.line_spacing = 1.0
        # A blank double-spaced line between these lines and the text.
        paragraph_format.space_after = Pt(2 * font_size if index == len(lines) - 1 else 0)


def _set_core_properties(document: DocumentObject, essay: Essay) -> None:
    properties = document.core_properties
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    properties.title = xml_safe(essay.title)
    properties.author = xml_safe(essay.author)
    properties.last_modified_by = xml_safe(essay.author)
    # The template's own metadata ("python-docx", "generated by python-docx") would leak.
    properties.comments = ""
    properties.subject = ""
    properties.keywords = ""
    properties.category = ""
    properties.revision = 1
    properties.created = now
    properties.modified = now


def _unstorable_characters(
    essay: Essay, notes: Sequence[RichText], bibliography: Sequence[RichText]
) -> list[str]:
    """Say where invisible characters Word cannot store were left out (one line per place)."""
    places: list[tuple[str, str]] = [("The title", essay.title), ("The author", essay.author)]
    for index, block in enumerate(essay.blocks, start=1):
        places.append((f"Paragraph {index}", block.text))
    places += [(f"Note {n}", note.text) for n, note in enumerate(notes, start=1)]
    places += [("Bibliography", entry.text) for entry in bibliography]
    warnings = []
    for place, text in places:
        codes = unsafe_characters(text)
        if codes:
            listed = ", ".join(sorted(set(codes)))
            warnings.append(
                f"{place}: {len(codes)} invisible control character(s) ({listed}) that a Word "
                "file cannot hold were left out of the export."
            )
    return warnings


def _cited_item_ids(essay: Essay) -> list[str]:
    """Each cited item once, in order of first citation."""
    seen: dict[str, None] = {}
    for note in essay.notes():
        for citation in note.citations:
            seen.setdefault(citation.item_id, None)
    return list(seen)


def _long_date(day: dt.date) -> str:
    return f"{day:%B} {day.day}, {day.year}"
