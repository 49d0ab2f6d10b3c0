"""A .docx read back as a draft: the writer's text, headings, emphasis, quotations and notes.

    draft = read_docx(Path("essay.docx"))
    draft.essay, draft.warnings

Notes this app exported come back as the citations they were (`export.citation_fields`): the
items, locators, prefixes and suffixes, and the commentary around them, so notes and
bibliography are the same as before the trip through Word. Notes written by hand in Word, or in
a file the app never made, come back as text notes. Tracked changes are read as if accepted
(insertions kept, deletions dropped) and the writer is told they were pending; comments are
counted, not imported.

What is regenerated on export is not read back as text: the bibliography this app wrote (the
paragraphs in the Bibliography style under its heading, or a Zotero bibliography field) and the
title page's lines under the title.
"""

from __future__ import annotations

import contextlib
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docx.oxml.ns import qn

import assistant.export.parts.footnotes  # noqa: F401  (footnotes part loads as FootnotesPart)
from assistant.cite.model import Citation, Note
from assistant.essay.model import Block, Essay, Inline, NoteAnchor, Span
from assistant.export.citation_fields import ZOTERO_BIBLIOGRAPHY, parse_instruction
from assistant.export.footnotes import has_full_size_number
from assistant.export.layout import BIBLIOGRAPHY_STYLE, BLOCK_QUOTE_STYLE, TITLE_STYLE
from assistant.export.oxml.fields import field_mark, instruction_text
from assistant.export.parts.footnotes import FootnotesPart

if TYPE_CHECKING:
    from lxml import etree

__all__ = ["DocxDraft", "DocxReadError", "read_docx"]

# A .docx is a zip: bounds on what it may unpack to, so a zip bomb is refused, not read.
MAX_UNPACKED_BYTES = 512 * 1024 * 1024
MAX_MEMBERS = 10_000

_W_P, _W_R, _W_T = qn("w:p"), qn("w:r"), qn("w:t")
_TAB, _BR, _CR = qn("w:tab"), qn("w:br"), qn("w:cr")
_NOBREAK_HYPHEN, _SOFT_HYPHEN = qn("w:noBreakHyphen"), qn("w:softHyphen")
_SYM = qn("w:sym")
_FOOTNOTE_REF, _FOOTNOTE_REFERENCE = qn("w:footnoteRef"), qn("w:footnoteReference")
_ENDNOTE_REFERENCE = qn("w:endnoteReference")
_DEL, _INS, _MOVE_FROM, _MOVE_TO = qn("w:del"), qn("w:ins"), qn("w:moveFrom"), qn("w:moveTo")
_DEL_TEXT, _DEL_INSTR = qn("w:delText"), qn("w:delInstrText")
_RPR, _PPR = qn("w:rPr"), qn("w:pPr")
_B, _I, _VAL = qn("w:b"), qn("w:i"), qn("w:val")
_SMALL_CAPS = qn("w:smallCaps")
_FLD_SIMPLE, _INSTR_ATTR = qn("w:fldSimple"), qn("w:instr")
_PSTYLE, _JC = qn("w:pStyle"), qn("w:jc")
_CHANGE_MARKS = (qn("w:pPrChange"), qn("w:rPrChange"), qn("w:sectPrChange"))
# Wrappers whose runs are part of the text as it reads.
_TRANSPARENT = {
    qn("w:hyperlink"),
    qn("w:smartTag"),
    qn("w:customXml"),
    qn("w:sdt"),
    qn("w:sdtContent"),
    qn("w:fldSimple"),
    _INS,
    _MOVE_TO,
    qn("w:dir"),
    qn("w:bdo"),
}
_LIST_STYLE = re.compile(r"List (Number|Bullet|Continue)(?: (\d))?$")
_HYPERLINK, _R_ID = qn("w:hyperlink"), qn("r:id")
_QUOTE_STYLES = {BLOCK_QUOTE_STYLE.lower(), "quote", "intense quote", "block quotation"}
_BIBLIOGRAPHY_HEADINGS = {"bibliography", "works cited", "references", "sources"}


class DocxReadError(Exception):
    """The file cannot be read as a Word draft; the message says why, for the writer."""


@dataclass(slots=True)
class DocxDraft:
    essay: Essay
    warnings: list[str] = field(default_factory=list)
    # Tracked insertions and deletions that were still pending in the file.
    pending_changes: int = 0
    comments: int = 0


def read_docx(path: Path) -> DocxDraft:
    """Read `path` as a draft; DocxReadError (never another exception) when it cannot be."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    path = Path(path)
    _check_package(path)
    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as error:
        raise DocxReadError(f"{path.name}: not a Word document ({error}).") from error
    except Exception as error:  # lxml's XMLSyntaxError and the like: a damaged part
        raise DocxReadError(f"{path.name}: the Word document is damaged ({error}).") from error
    try:
        return _Reader(document).read()
    except RecursionError as error:
        raise DocxReadError(f"{path.name}: the document is nested too deeply to read.") from error


def _check_package(path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as package:
            members = package.infolist()
    except FileNotFoundError as error:
        raise DocxReadError(f"{path}: no such file.") from error
    except (zipfile.BadZipFile, OSError) as error:
        raise DocxReadError(f"{path.name}: not a Word document (not a zip package).") from error
    if len(members) > MAX_MEMBERS or sum(m.file_size for m in members) > MAX_UNPACKED_BYTES:
        raise DocxReadError(f"{path.name}: the package unpacks to more than a document can hold.")


class _Reader:
    def __init__(self, document: Any) -> None:
        self.document = document
        self.warnings: list[str] = []
        self.items: dict[str, dict[str, Any]] = {}
        self.pending = 0
        self.edited_notes: list[int] = []
        self.footnotes = self._footnote_elements()
        self.note_number = 0

    def read(self) -> DocxDraft:
        properties = self.document.core_properties
        essay = Essay(title=properties.title or "", author=properties.author or "")
        blocks: list[Block] = []
        in_bibliography = False
        after_title = False
        for paragraph in self.document.element.body.iter(_W_P):
            if _in_other_story(paragraph):
                continue
            style = self._style_name(paragraph)
            inlines, instructions = self._inlines(paragraph)
            text = "".join(i.text for i in inlines if isinstance(i, Span)).strip()
            if any(i.strip().startswith(ZOTERO_BIBLIOGRAPHY) for i in instructions):
                in_bibliography = True
                continue
            if style.lower() == TITLE_STYLE.lower():
                essay.title = essay.title or text
                after_title = True
                continue
            if after_title and _is_centred(paragraph) and not _notes_in(inlines):
                # The title page's or title block's lines (author, course, date).
                if text and not essay.author:
                    essay.author = text
                continue
            after_title = False
            level = _heading_level(style)
            if (
                level
                and text.lower() in _BIBLIOGRAPHY_HEADINGS
                and self._bibliography_follows(paragraph)
            ):
                in_bibliography = True
                continue
            if in_bibliography and (style == BIBLIOGRAPHY_STYLE or not text):
                continue
            in_bibliography = False
            if not text and not _notes_in(inlines):
                continue
            listed = self._list_item(paragraph, style)
            if level:
                blocks.append(Block("heading", _trim(inlines), level=level))
            elif listed is not None:
                depth, ordered, continued = listed
                blocks.append(
                    Block(
                        "list_item",
                        _trim(inlines),
                        level=depth,
                        ordered=ordered,
                        continued=continued,
                    )
                )
            elif style.lower() in _QUOTE_STYLES:
                blocks.append(Block("blockquote", _trim(inlines)))
            else:
                blocks.append(Block("paragraph", _trim(inlines)))
        essay.blocks = blocks
        essay.items = self.items
        _unprint_in_text_names(essay)
        comments = self._count_comments()
        if self.pending:
            self.warnings.insert(
                0,
                f"The document had {self.pending} tracked change(s) still pending: they were "
                "read as if accepted (insertions kept, deletions left out).",
            )
        if comments:
            self.warnings.append(f"{comments} comment(s) in the document were not imported.")
        for number in self.edited_notes:
            self.warnings.append(
                f"Note {number}: its citation text was edited in Word; the citation is kept and "
                "printed again from its data (edit its prefix or suffix in the app instead)."
            )
        return DocxDraft(essay, self.warnings, self.pending, comments)

    # -- paragraphs -------------------------------------------------------------------------

    def _style_name(self, paragraph: etree._Element) -> str:
        ppr = paragraph.find(_PPR)
        style = ppr.find(_PSTYLE) if ppr is not None else None
        if style is None:
            return ""
        style_id = style.get(_VAL, "")
        element = self.document.styles.element.get_by_id(style_id)
        return element.name_val if element is not None and element.name_val else style_id

    def _list_item(self, paragraph: etree._Element, style: str) -> tuple[int, bool, bool] | None:
        """(depth, numbered, a further paragraph of the item above) for a list paragraph:
        Word's list styles ("List Number 2"), or a paragraph numbered by `w:numPr`."""
        named = _LIST_STYLE.match(style)
        if named is not None:
            kind, depth = named.group(1), int(named.group(2) or 1)
            return depth, kind == "Number", kind == "Continue"
        ppr = paragraph.find(_PPR)
        num_pr = ppr.find(qn("w:numPr")) if ppr is not None else None
        if num_pr is None:
            return None
        num_id = num_pr.find(qn("w:numId"))
        ilvl = num_pr.find(qn("w:ilvl"))
        if num_id is None or num_id.get(_VAL) in (None, "0"):
            return None  # numbering switched off
        level = int(ilvl.get(_VAL, "0")) if ilvl is not None else 0
        return level + 1, self._numbered(num_id.get(_VAL, ""), level), False

    def _numbered(self, num_id: str, level: int) -> bool:
        """Whether list `num_id` at `level` counts (decimal, letters, roman) or bullets."""
        try:
            numbering = self.document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return False
        for num in numbering.findall(qn("w:num")):
            if num.get(qn("w:numId")) != num_id:
                continue
            abstract = num.find(qn("w:abstractNumId"))
            abstract_id = abstract.get(_VAL) if abstract is not None else None
            for definition in numbering.findall(qn("w:abstractNum")):
                if definition.get(qn("w:abstractNumId")) != abstract_id:
                    continue
                for lvl in definition.findall(qn("w:lvl")):
                    if lvl.get(qn("w:ilvl")) == str(level):
                        fmt = lvl.find(qn("w:numFmt"))
                        return fmt is not None and fmt.get(_VAL) not in ("bullet", "none")
        return False

    def _bibliography_follows(self, heading: etree._Element) -> bool:
        following = heading.getnext()
        while following is not None and following.tag == _W_P:
            style = self._style_name(following)
            if style == BIBLIOGRAPHY_STYLE:
                return True
            if "".join(t.text or "" for t in following.iter(_W_T)).strip():
                return False
            following = following.getnext()
        return False

    def _inlines(self, paragraph: etree._Element) -> tuple[list[Inline], list[str]]:
        """The paragraph's spans and note anchors, and the instructions of its fields."""
        out = _Runs()
        instructions: list[str] = []
        self._walk(paragraph, out, instructions, in_note=False)
        return out.inlines, instructions

    def _walk(
        self, element: etree._Element, out: _Runs, instructions: list[str], *, in_note: bool
    ) -> None:
        for child in element:
            tag = child.tag
            if tag == _W_R:
                self._run(child, out, instructions, in_note=in_note)
            elif tag in (_DEL, _MOVE_FROM):
                self.pending += 1
            elif tag in _TRANSPARENT:
                if tag in (_INS, _MOVE_TO):
                    self.pending += 1
                if tag == _FLD_SIMPLE:
                    instructions.append(child.get(_INSTR_ATTR, ""))
                link = self._link_target(child) if tag == _HYPERLINK else ""
                outer, out.link = out.link, link or out.link
                before = len(out.pieces)
                self._walk(child, out, instructions, in_note=in_note)
                out.link = outer
                if link and out.citations:
                    # A link in a note's commentary is Markdown there: `[text](url)`.
                    shown = "".join(p for p in out.pieces[before:] if isinstance(p, str))
                    del out.pieces[before:]
                    out.pieces.append(f"[{shown}]({link})")
            elif tag in _CHANGE_MARKS or (
                tag == _PPR and any(True for _ in child.iter(*_CHANGE_MARKS))
            ):
                self.pending += 1

    def _link_target(self, hyperlink: etree._Element) -> str:
        """The address of an external hyperlink (an in-document anchor is not a link here)."""
        r_id = hyperlink.get(_R_ID)
        if not r_id:
            return ""
        # Ids are per part: a link in a note is related from the footnotes part.
        in_note = any(a.tag == qn("w:footnote") for a in hyperlink.iterancestors())
        notes_part = FootnotesPart.of(self.document.part) if in_note else None
        rels = (notes_part or self.document.part).rels
        rel = rels.get(r_id)
        return str(rel.target_ref) if rel is not None and rel.is_external else ""

    def _run(
        self, run: etree._Element, out: _Runs, instructions: list[str], *, in_note: bool
    ) -> None:
        mark = field_mark(run)
        if mark is not None:
            out.field_mark(mark)
            if mark == "end":
                finished = out.finished_instruction
                if finished is not None:
                    instructions.append(finished)
            return
        if out.in_instruction:
            out.instruction.append(instruction_text(run))
            return
        if out.in_result_of_citation:
            out.result.append("".join(t.text or "" for t in run.iter(_W_T)))
            return
        rpr = run.find(_RPR)
        if rpr is not None and any(True for _ in rpr.iter(_CHANGE_MARKS[1])):
            self.pending += 1
        bold, italic = _flag(rpr, _B), _flag(rpr, _I)
        out.small_caps = _flag(rpr, _SMALL_CAPS)
        for child in run:
            tag = child.tag
            if tag == _W_T:
                out.text(child.text or "", bold, italic)
            elif tag == _TAB:
                out.text("\t", bold, italic)
            elif tag in (_BR, _CR):
                # A page break is layout; a line break stays a break in the text.
                out.text(" " if child.get(qn("w:type")) == "page" else "\n", bold, italic)
            elif tag == _NOBREAK_HYPHEN:
                out.text("\u2011", bold, italic)
            elif tag == _SYM:
                char = child.get(qn("w:char"))
                if char:
                    with contextlib.suppress(ValueError):  # not a hex code: nothing to show
                        out.text(chr(int(char, 16)), bold, italic)
            elif tag == _FOOTNOTE_REFERENCE and not in_note:
                self.note_number += 1
                out.anchor(self._note(child.get(qn("w:id"), ""), self.note_number))
            elif tag == _ENDNOTE_REFERENCE and not in_note:
                self.warnings.append("An endnote was found; endnotes are not imported.")

    # -- notes ------------------------------------------------------------------------------

    def _footnote_elements(self) -> dict[str, etree._Element]:
        part = FootnotesPart.of(self.document.part)
        if part is None:
            return {}
        return {
            note.get(qn("w:id"), ""): note
            for note in part.footnotes_element.iter(qn("w:footnote"))
            if note.get(qn("w:type")) in (None, "normal")
        }

    def _note(self, footnote_id: str, number: int) -> Note:
        element = self.footnotes.get(footnote_id)
        if element is None:
            self.warnings.append(f"Note {number}: its text is missing from the file.")
            return Note(("",))
        segments: list[str | tuple[Citation, ...]] = []
        paragraphs = [p for p in element.iter(_W_P)]
        for index, paragraph in enumerate(paragraphs):
            out = _Runs(citations=True)
            self._walk(paragraph, out, [], in_note=True)
            pieces = out.note_pieces()
            if index and segments and pieces:
                _append_text(segments, "\n\n")
            for piece in pieces:
                if isinstance(piece, str):
                    _append_text(segments, piece)
                    continue
                problem, parsed, printed = piece
                if problem:
                    self.warnings.append(f"Note {number}: {problem}; its text is kept as written.")
                    _append_text(segments, printed)
                    continue
                assert parsed is not None
                self.items.update(parsed.items)
                if parsed.plain_text and printed.strip() != parsed.plain_text.strip():
                    self.edited_notes.append(number)
                for segment in parsed.segments:
                    if isinstance(segment, str):
                        _append_text(segments, segment)
                    else:
                        segments.append(segment)
        # The number mark is followed by the space Word types after it (after "1." when the
        # number is full size).
        if segments and isinstance(segments[0], str):
            if has_full_size_number(element):
                segments[0] = segments[0].removeprefix(".")
            segments[0] = segments[0].lstrip(" \t")
            if not segments[0]:
                segments.pop(0)
        if segments and isinstance(segments[-1], str):
            segments[-1] = segments[-1].rstrip()
            if not segments[-1]:
                segments.pop()
        return Note(tuple(segments))

    def _count_comments(self) -> int:
        from docx.opc.constants import RELATIONSHIP_TYPE as RT

        for rel in self.document.part.rels.values():
            if rel.reltype == RT.COMMENTS and not rel.is_external:
                blob = rel.target_part.blob
                return blob.count(b"<w:comment ")
        return 0


class _Runs:
    """Collects a paragraph's text as spans (and note anchors), following field marks."""

    def __init__(self, *, citations: bool = False) -> None:
        self.inlines: list[Inline] = []
        self.citations = citations
        self.pieces: list[str | tuple[str, Any, str]] = []
        # One entry per open field: [instruction parts, state, parsed citation or None].
        self.stack: list[dict[str, Any]] = []
        self.instruction: list[str] = []
        self.result: list[str] = []
        self.finished_instruction: str | None = None
        self.last_result = ""
        self.small_caps = False  # of the run being read
        self.link = ""  # the address of the hyperlink being read

    @property
    def in_instruction(self) -> bool:
        return bool(self.stack) and self.stack[-1]["state"] == "instruction"

    @property
    def in_result_of_citation(self) -> bool:
        return any(entry.get("citation") for entry in self.stack)

    def field_mark(self, mark: str) -> None:
        self.finished_instruction = None
        if mark == "begin":
            self.instruction = []
            self.stack.append({"state": "instruction", "parts": self.instruction})
        elif mark == "separate" and self.stack:
            entry = self.stack[-1]
            entry["state"] = "result"
            instruction = "".join(entry["parts"])
            entry["instruction"] = instruction
            if self.citations:
                try:
                    parsed = parse_instruction(instruction)
                except ValueError as error:
                    entry["citation"] = (str(error), None)
                else:
                    if parsed is not None:
                        entry["citation"] = ("", parsed)
                if entry.get("citation"):
                    self.result = []
        elif mark == "end" and self.stack:
            entry = self.stack.pop()
            self.finished_instruction = entry.get("instruction", "".join(entry["parts"]))
            citation = entry.get("citation")
            if citation is not None:
                self.last_result = "".join(self.result)
                problem, parsed = citation
                # What Word printed is kept when the field's data is unusable.
                self.pieces.append((problem, parsed, self.last_result))
            if self.stack:
                self.instruction = self.stack[-1]["parts"]

    def text(self, text: str, bold: bool, italic: bool) -> None:
        if not text:
            return
        if self.citations:
            # A note's commentary is Markdown, as `Note.segments` holds it.
            if italic and text.strip():
                text = f"*{text}*"
            if bold and text.strip():
                text = f"**{text}**"
            if self.small_caps and text.strip():
                text = f"[{text}]{{.smallcaps}}"
            self.pieces.append(text)
            return
        span = Span(text, bold=bold, italic=italic, small_caps=self.small_caps, link=self.link)
        last = self.inlines[-1] if self.inlines else None
        if isinstance(last, Span) and last.same_format(span):
            last.text += text
        else:
            self.inlines.append(span)

    def anchor(self, note: Note) -> None:
        self.inlines.append(NoteAnchor(note))

    def note_pieces(self) -> list[str | tuple[str, Any, str]]:
        return self.pieces


def _unprint_in_text_names(essay: Essay) -> None:
    """Take out of the text the author's names the export printed before author-in-text
    citations (`As @caro [52] argues` → "As Robert A. Caro¹ argues"): the citation carries
    the name, and exporting again prints it again."""
    from assistant.cite.engine import ChicagoEngine

    names = iter(ChicagoEngine(essay.items).in_text_names(essay.notes()))
    for block in essay.blocks:
        previous: Inline | None = None
        for inline in block.inlines:
            if isinstance(inline, NoteAnchor):
                name = next(names, "")
                if name and isinstance(previous, Span) and previous.text.endswith(name):
                    previous.text = previous.text[: -len(name)]
            previous = inline
        block.inlines = [i for i in block.inlines if not (isinstance(i, Span) and not i.text)]


def _append_text(segments: list[str | tuple[Citation, ...]], text: str) -> None:
    if segments and isinstance(segments[-1], str):
        segments[-1] += text
    else:
        segments.append(text)


def _flag(rpr: etree._Element | None, tag: str) -> bool:
    if rpr is None:
        return False
    element = rpr.find(tag)
    return element is not None and element.get(_VAL, "true") not in ("0", "false", "off")


def _heading_level(style: str) -> int:
    name = style.lower().replace(" ", "")
    if name.startswith("heading") and name[7:].isdigit():
        return min(max(int(name[7:]), 1), 6)
    return 0


def _is_centred(paragraph: etree._Element) -> bool:
    ppr = paragraph.find(_PPR)
    jc = ppr.find(_JC) if ppr is not None else None
    return jc is not None and jc.get(_VAL) in ("center", "centre")


def _notes_in(inlines: list[Inline]) -> bool:
    return any(isinstance(i, NoteAnchor) for i in inlines)


def _in_other_story(paragraph: etree._Element) -> bool:
    # body.iter() also reaches paragraphs nested in text boxes; they are read with their own
    # paragraph, not twice.
    parent = paragraph.getparent()
    while parent is not None:
        if parent.tag in (qn("w:txbxContent"), qn("w:footnote")):
            return True
        if parent.tag == qn("w:body"):
            return False
        parent = parent.getparent()
    return False


def _trim(inlines: list[Inline]) -> list[Inline]:
    """Inlines without the paragraph's leading and trailing white space."""
    spans = [i for i in inlines if isinstance(i, Span)]
    if spans:
        spans[0].text = spans[0].text.lstrip()
        spans[-1].text = spans[-1].text.rstrip()
    return [i for i in inlines if not (isinstance(i, Span) and not i.text)]
