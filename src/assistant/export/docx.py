"""Export an essay to Word (.docx) with real footnotes, laid out as a Chicago/Turabian manuscript.

    report = export_docx(essay, Path("essay.docx"), options=ExportOptions(title_page=True))

The notes' text comes from the Chicago engine (`assistant.cite.engine.ChicagoEngine`): this
module only lays it out. Each note anchor of the essay becomes one Word footnote, referenced at
the anchor's place in the text, numbered by Word in reading order.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import docx
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Inches, Pt

from assistant.cite.model import Note, RichText, Run
from assistant.essay.model import Block, Essay, NoteAnchor, Span
from assistant.export.atomic import ExportError, write_atomically
from assistant.export.blocks import add_code_block, add_list_item, add_table, append_span
from assistant.export.citation_fields import citation_instruction
from assistant.export.footnotes import FieldRuns, add_footnote
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
from assistant.export.package import tidy_package
from assistant.export.punctuation import place_note_punctuation
from assistant.export.reference import open_reference_document
from assistant.export.runs import append_run, unsafe_characters, xml_safe

if TYPE_CHECKING:
    from docx.document import Document as DocumentObject
    from docx.text.paragraph import Paragraph

__all__ = ["ExportError", "ExportOptions", "ExportReport", "build_document", "export_docx"]

BIBLIOGRAPHY_HEADING = "Bibliography"
_STYLES_USED = (
    BODY_STYLE,
    BLOCK_QUOTE_STYLE,
    BIBLIOGRAPHY_STYLE,
    TITLE_STYLE,
    *(f"Heading {level}" for level in range(1, 7)),
)


@dataclass(frozen=True, slots=True)
class ExportOptions:
    title_page: bool = False
    include_bibliography: bool = True
    ibid: bool = False
    # Title-page lines under the author's name (Turabian A.2.1); date None means today.
    course: str = ""
    date: str | None = None
    manuscript: Manuscript = field(default_factory=Manuscript)
    # Turabian 16.3.2: "1. Shen Zhihua, ..." in the note, full size, instead of a superscript.
    full_size_note_numbers: bool = False
    # A .docx whose styles, page setup, headers and footers the export uses instead of the
    # Turabian layout (Pandoc's --reference-doc): a university's or a journal's template.
    reference_doc: Path | None = None


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
    document = build_document(
        essay,
        notes,
        bibliography,
        options,
        items=items,
        in_text_names=engine.in_text_names(essay.notes()),
    )

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
    # The zip is built in memory first: python-docx leaves its ZipFile open when a write
    # fails, and its __del__ then prints a traceback about the closed temporary file.
    package = io.BytesIO()
    document.save(package)
    write_atomically(Path(path), lambda stream: stream.write(package.getbuffer()))
    return report


def build_document(
    essay: Essay,
    notes: Sequence[RichText],
    bibliography: Sequence[RichText],
    options: ExportOptions = ExportOptions(),
    *,
    items: Mapping[str, Mapping[str, Any]] | None = None,
    in_text_names: Sequence[str] | None = None,
) -> DocumentObject:
    """The laid-out python-docx document for `essay`, given its rendered notes and bibliography.

    `notes[i]` is the text of the essay's (i+1)th note anchor, in reading order. The citations
    of each note travel inside it as citation fields (`export.citation_fields`), carrying the
    cited items' data from `items` (default: the essay's own snapshot). `in_text_names[i]`,
    when not empty, is printed in the text before note i+1's reference: the author's name of
    an author-in-text citation (`As @caro [52] argues`), as Pandoc prints it.
    """
    anchors = sum(1 for _ in essay.anchors())
    if anchors != len(notes):
        raise ValueError(f"the essay has {anchors} note anchors but {len(notes)} notes were given")
    manuscript = options.manuscript
    template = options.reference_doc
    if template is not None:
        document = open_reference_document(template, _STYLES_USED)
    else:
        document = docx.Document()
        apply_manuscript_layout(document, manuscript)
    _set_core_properties(document, essay)
    set_document_language(document, getattr(essay, "language", "en"))
    # A template brings its own page setup and footers; the Turabian ones are for ours.
    page_numbers = manuscript.page_numbers and template is None

    if options.title_page:
        _add_title_page(document, essay, options)
        if template is not None:
            body_section = document.add_section(WD_SECTION.NEW_PAGE)
        else:
            body_section = start_new_section(document, manuscript)
        if page_numbers:
            add_page_number_footer(body_section, start_at=1)
    else:
        _add_title_lines(document, essay, options)
        if page_numbers:
            add_page_number_footer(document.sections[0])

    cited_items = essay.items if items is None else items
    names = list(in_text_names) if in_text_names is not None else [""] * len(notes)
    note_texts = iter(
        (_note_content(anchor.note, rendered, cited_items, number), name)
        for number, (anchor, rendered, name) in enumerate(
            zip(essay.anchors(), notes, names, strict=True), start=1
        )
    )
    style_ids: dict[str, str] = {}
    for block in essay.blocks:
        _add_block(document, block, note_texts, style_ids, options.full_size_note_numbers)

    if bibliography:
        heading = document.add_paragraph(BIBLIOGRAPHY_HEADING, style="Heading 1")
        heading.paragraph_format.page_break_before = True
        for entry in bibliography:
            paragraph = _add_styled_paragraph(document, BIBLIOGRAPHY_STYLE, style_ids)
            _add_rich_runs(paragraph, entry)
    body = [block.text for block in essay.blocks]
    tidy_package(
        document,
        words=essay.word_count(),
        characters=sum(len(text.replace(" ", "")) for text in body),
        paragraphs=sum(1 for text in body if text.strip()),
    )
    return document


def _add_block(document: DocumentObject, block: Block, note_texts, style_ids, full_size) -> None:  # type: ignore[no-untyped-def]
    if block.kind in ("list_item", "table", "code"):
        _add_rich_block(document, block, note_texts, style_ids, full_size)
        return
    if block.kind == "heading":
        style = f"Heading {min(max(block.level, 1), 6)}"
    elif block.kind == "blockquote":
        style = BLOCK_QUOTE_STYLE
    else:
        style = BODY_STYLE
    paragraph = _add_styled_paragraph(document, style, style_ids)
    for inline in place_note_punctuation(block.inlines):
        if isinstance(inline, Span):
            if inline.small_caps or inline.strike or inline.code or inline.link:
                append_span(paragraph, inline)
            elif inline.text:
                append_run(paragraph, inline.text, italic=inline.italic, bold=inline.bold)
        elif isinstance(inline, NoteAnchor):
            _add_note(paragraph, next(note_texts), full_size)


def _add_note(paragraph: Paragraph, content_and_name: tuple[Any, str], full_size: bool) -> None:
    content, name = content_and_name
    if name:
        append_run(paragraph, name)
    add_footnote(paragraph, content, full_size_number=full_size)


def _note_content(
    note: Note, rendered: RichText, items: Mapping[str, Mapping[str, Any]], number: int
) -> RichText | list[Run | FieldRuns]:
    """The note's runs, each citation group wrapped in a citation field.

    Where the engine says each group is printed (`RichText.groups`), the commentary around the
    fields stays plain text, so a supervisor's edit of it in Word comes back as it was edited.
    A note whose groups cannot be placed gets one field for the whole note, which then records
    the commentary too.
    """
    if not note.citations:
        return rendered
    text = rendered.text
    spans = _field_spans(text, rendered.groups, note)
    if spans is None:
        instruction = citation_instruction(
            note.segments, items, plain_text=text, note_number=number
        )
        return [FieldRuns(instruction, rendered.runs)]
    content: list[Run | FieldRuns] = []
    pieces = _split_runs(
        rendered.runs, sorted({0, len(text), *(p for a, b, _ in spans for p in (a, b))})
    )
    cursor = 0
    span_iter = iter(spans)
    current = next(span_iter, None)
    field_runs: list[Run] = []
    for piece in pieces:
        start, end = cursor, cursor + len(piece.text)
        cursor = end
        if current is not None and current[0] <= start and end <= current[1]:
            field_runs.append(piece)
            if end == current[1]:
                segment = note.segments[current[2]]
                content.append(
                    FieldRuns(
                        citation_instruction(
                            [segment],
                            items,
                            plain_text="".join(r.text for r in field_runs),
                            note_number=number,
                        ),
                        field_runs,
                        lang=_cited_language(segment, items),
                    )
                )
                field_runs = []
                current = next(span_iter, None)
        else:
            content.append(piece)
    return content


def _cited_language(segment: Any, items: Mapping[str, Mapping[str, Any]]) -> str:
    """The language Word's proofing tools should read a citation in: the cited work's, when
    every work of the group is in one language other than English (the essay's own language
    covers the rest)."""
    from assistant.cite.titles import language_code

    if not isinstance(segment, tuple):
        return ""
    codes = {language_code(items.get(c.item_id) or {}) for c in segment}
    if len(codes) != 1:
        return ""
    (code,) = codes
    return "" if code == "en" else code


def set_document_language(document: DocumentObject, language: str) -> None:
    """The essay's language as the document's default (docDefaults), so Word proofs the body
    in it; bare English is American English, as Chicago is."""
    tag = "en-US" if language in ("", "en") else language
    styles = document.styles.element
    rpr_default = styles.find(qn("w:docDefaults") + "/" + qn("w:rPrDefault"))
    if rpr_default is None:
        return
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = rpr_default.makeelement(qn("w:rPr"), {})
        rpr_default.append(rpr)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = rpr.makeelement(qn("w:lang"), {})
        rpr.append(lang)
    lang.set(qn("w:val"), tag)


_CLOSING_MARKS = "”’\"'"


def _field_spans(
    text: str, groups: list[tuple[int, int, int]], note: Note
) -> list[tuple[int, int, int]] | None:
    """(start, end, segment index) of each group's field, or None when they do not fit."""
    spans = []
    last = 0
    for index, start, end in groups:
        if not (last <= start < end <= len(text)) or not isinstance(note.segments[index], tuple):
            return None
        # A period moved inside a closing quotation mark (CMOS 6.9) leaves the mark just
        # past the group: it belongs to the group's printed form.
        while end < len(text) and text[end] in _CLOSING_MARKS:
            end += 1
        spans.append((start, end, index))
        last = end
    groups_in_note = sum(1 for s in note.segments if isinstance(s, tuple))
    return spans if len(spans) == groups_in_note else None


def _split_runs(runs: Sequence[Run], cuts: list[int]) -> list[Run]:
    """`runs` cut at the character offsets `cuts` (offsets into their joined text)."""
    out: list[Run] = []
    position = 0
    cut_iter = iter(cuts)
    cut = next(cut_iter, None)
    for run in runs:
        start, end = position, position + len(run.text)
        position = end
        pieces_from = start
        while cut is not None and cut <= start:
            cut = next(cut_iter, None)
        while cut is not None and cut < end:
            out.append(run.with_text(run.text[pieces_from - start : cut - start]))
            pieces_from = cut
            cut = next(cut_iter, None)
        if pieces_from < end:
            out.append(run.with_text(run.text[pieces_from - start :]))
    return out


def _add_rich_block(
    document: DocumentObject, block: Block, note_texts, style_ids, full_size
) -> None:  # type: ignore[no-untyped-def]
    """Lists, tables and code blocks (assistant.export.blocks)."""

    def add_paragraph(style: str) -> Paragraph:
        return _add_styled_paragraph(document, style, style_ids)

    def add_note(paragraph: Paragraph) -> None:
        _add_note(paragraph, next(note_texts), full_size)

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
            append_run(
                paragraph,
                piece.text,
                italic=piece.italic,
                small_caps=piece.small_caps,
                bold=piece.bold,
                superscript=piece.superscript,
                subscript=piece.subscript,
            )


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
