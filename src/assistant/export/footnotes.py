"""Real Word footnotes for python-docx: the friendly (proxy) layer over the footnotes part.

    from docx import Document
    from assistant.export.footnotes import add_footnote, numbered_footnotes

    document = Document()
    paragraph = document.add_paragraph("Stalin hesitated.")
    add_footnote(paragraph, [Run("Shen Zhihua, "), Run("Sino-Soviet Relations", italic=True)])
    document.save("essay.docx")

A note's runs are `assistant.cite.model.Run`s (or a `RichText`, or a plain string); a newline
in a run's text starts a new paragraph of the same note, so a note may hold several paragraphs.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast
from weakref import WeakKeyDictionary

from docx.blkcntnr import BlockItemContainer
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.text.paragraph import Paragraph
from lxml import etree

from assistant.cite.model import RichText, Run
from assistant.export.oxml.fields import append_field_begin, append_field_end
from assistant.export.oxml.footnotes import (
    FOOTNOTE_REFERENCE_STYLE,
    FOOTNOTE_TEXT_STYLE,
    CT_Footnote,
    CT_Footnotes,
)
from assistant.export.parts.footnotes import FootnotesPart
from assistant.export.runs import append_run, wrap_in_hyperlink

if TYPE_CHECKING:
    from docx.document import Document as DocumentObject
    from docx.parts.document import DocumentPart
    from docx.styles.style import BaseStyle


@dataclass(frozen=True, slots=True)
class FieldRuns:
    """Runs wrapped in a Word field with `instruction` (a citation, for one)."""

    instruction: str
    runs: Sequence[Run]
    lang: str = ""  # the cited work's language, for Word's proofing tools


NoteContent = RichText | Sequence[Run | FieldRuns] | str


class Footnote(BlockItemContainer):
    """One footnote: a story of paragraphs, like a comment or a table cell."""

    def __init__(self, element: CT_Footnote, part: FootnotesPart):
        super().__init__(element, part)
        self._footnote = element
        self._part = part

    @property
    def id(self) -> int:
        return self._footnote.id

    @property
    def part(self) -> FootnotesPart:
        return self._part

    @property
    def paragraph_texts(self) -> list[str]:
        """Each paragraph's text, without the number mark and the space (or, for a full-size
        number, the period and space) after it."""
        texts = [p.text for p in self.paragraphs]
        if texts and self.full_size_number and texts[0].startswith(". "):
            texts[0] = texts[0][2:]
        elif texts and texts[0].startswith(" "):
            texts[0] = texts[0][1:]
        return texts

    @property
    def full_size_number(self) -> bool:
        return has_full_size_number(self._footnote)

    @property
    def text(self) -> str:
        return "\n".join(self.paragraph_texts)

    def append_runs(self, content: NoteContent) -> None:
        """Add text to the end of the note; newlines start new paragraphs."""
        self._append_runs(content, has_text=bool("".join(self.paragraph_texts[-1:]).strip()))

    def _append_runs(self, content: NoteContent, *, has_text: bool) -> None:
        paragraph = self.paragraphs[-1]
        pending_break = False
        for run in _as_runs(content):
            if isinstance(run, FieldRuns):
                if pending_break and has_text:
                    paragraph = self._new_paragraph()
                pending_break = False
                append_field_begin(paragraph._p, run.instruction)
                for field_run in run.runs:
                    # A field stays within one paragraph.
                    field_text = " ".join(field_run.text.split("\n"))
                    _append_styled(paragraph, field_text, field_run, lang=run.lang)
                    has_text = has_text or bool(field_text.strip())
                append_field_end(paragraph._p)
                continue
            text = run.text.replace("\r\n", "\n").replace("\r", "\n")
            for index, piece in enumerate(text.split("\n")):
                if index:
                    # "\n" and "\n\n" (Markdown's paragraph break) both make one break.
                    pending_break = True
                if not piece:
                    continue
                if pending_break and has_text:
                    paragraph = self._new_paragraph()
                pending_break = False
                _append_styled(paragraph, piece, run)
                has_text = has_text or bool(piece.strip())

    def _new_paragraph(self) -> Paragraph:
        paragraph = self.add_paragraph()
        paragraph._p.get_or_add_pPr().style = FOOTNOTE_TEXT_STYLE
        return paragraph


def _append_styled(paragraph: Paragraph, text: str, run: Run, lang: str = "") -> None:
    """`text` in `run`'s formatting (a link is a real hyperlink)."""
    written = append_run(
        paragraph,
        text,
        italic=run.italic,
        small_caps=run.small_caps,
        bold=run.bold,
        superscript=run.superscript,
        subscript=run.subscript,
        lang=lang,
    )
    if run.link:
        wrap_in_hyperlink(paragraph, written, run.link)


def has_full_size_number(footnote: CT_Footnote) -> bool:
    """Whether the note's number mark is set on the baseline (Turabian's "1." form)."""
    for mark in footnote.iter(qn("w:footnoteRef")):
        run = mark.getparent()
        align = run.find(f"{qn('w:rPr')}/{qn('w:vertAlign')}") if run is not None else None
        return align is not None and align.get(qn("w:val")) == "baseline"
    return False


class Footnotes:
    """The document's notes (not the separators), in the part's order."""

    def __init__(self, part: FootnotesPart):
        self._part = part
        self._element: CT_Footnotes = part.footnotes_element
        self._next_id: int | None = None

    def __iter__(self) -> Iterator[Footnote]:
        return (Footnote(element, self._part) for element in self._element.note_lst)

    def __len__(self) -> int:
        return len(self._element.note_lst)

    def get(self, footnote_id: int) -> Footnote | None:
        element = self._element.get_by_id(footnote_id)
        return Footnote(element, self._part) if element is not None else None

    def add(self, content: NoteContent = "", *, full_size_number: bool = False) -> Footnote:
        """A new note holding `content` (not yet referenced from the text).

        `full_size_number`: the number in the note is set full size and followed by a period
        ("1. Shen Zhihua, ..."), as Turabian (16.3.2) prefers for papers, instead of Word's
        superscript.
        """
        # Counting ids once rather than per note keeps adding n notes linear, not quadratic
        # (notes added behind this proxy's back, straight to the XML, are not expected).
        if self._next_id is None:
            self._next_id = self._element.next_id()
        footnote = Footnote(self._element.add_footnote(self._next_id), self._part)
        self._next_id += 1
        if full_size_number:
            mark = footnote.paragraphs[0]._p.r_lst[0]
            # Overrides the Footnote Reference style's superscript for this mark only.
            mark.get_or_add_rPr().get_or_add_vertAlign().set(qn("w:val"), "baseline")
            append_run(footnote.paragraphs[0], ". ")
        else:
            # The space after the number mark, as Word inserts it.
            append_run(footnote.paragraphs[0], " ")
        footnote._append_runs(content, has_text=False)
        return footnote


# One Footnotes proxy per open document, so adding many notes does not repeat the style and
# part look-ups (weak keys: the cache dies with the document).
_FOOTNOTES: WeakKeyDictionary[Any, Footnotes] = WeakKeyDictionary()


def footnotes(document: DocumentObject) -> Footnotes:
    """The document's footnotes, adding the footnotes part and styles on first use."""
    document_part = cast("DocumentPart", document.part)
    cached = _FOOTNOTES.get(document_part)
    if cached is None:
        ensure_footnote_styles(document)
        cached = Footnotes(FootnotesPart.get_or_add(document_part))
        _FOOTNOTES[document_part] = cached
    return cached


def add_footnote(paragraph: Paragraph, runs: NoteContent, *, full_size_number: bool = False) -> int:
    """Add a footnote holding `runs`, referenced at the end of `paragraph`; return its id.

    The reference is a superscript `w:footnoteReference` run in the Footnote Reference style.
    Word numbers notes by the order of their references, so when notes are added in reading
    order (as the exporter does) the id returned is also the printed number.
    """
    document = _document_of(paragraph)
    footnote = footnotes(document).add(runs, full_size_number=full_size_number)
    # <w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id=".."/>
    run = etree.SubElement(paragraph._p, qn("w:r"))
    style = etree.SubElement(etree.SubElement(run, qn("w:rPr")), qn("w:rStyle"))
    style.set(qn("w:val"), FOOTNOTE_REFERENCE_STYLE)
    etree.SubElement(run, qn("w:footnoteReference")).set(qn("w:id"), str(footnote.id))
    return footnote.id


@dataclass(frozen=True, slots=True)
class NumberedFootnote:
    """A note as the reader sees it: its printed number and its content."""

    number: int
    footnote: Footnote

    @property
    def text(self) -> str:
        return self.footnote.text


def numbered_footnotes(document: DocumentObject) -> list[NumberedFootnote]:
    """Every referenced note with the number Word prints for it (reference order in the body).

    Works on any .docx whose footnotes part loaded as `FootnotesPart` (ours, Pandoc's, Word's);
    a reference with a custom mark (`w:customMarkFollows`) takes no number, as in Word.
    """
    part = FootnotesPart.of(cast("DocumentPart", document.part))
    if part is None:
        return []
    notes = Footnotes(part)
    result: list[NumberedFootnote] = []
    number = 0
    for reference in document.element.body.iter(qn("w:footnoteReference")):
        footnote = notes.get(int(reference.get(qn("w:id"))))
        if footnote is None:
            continue
        if reference.get(qn("w:customMarkFollows")) not in ("1", "true", "on"):
            number += 1
        result.append(NumberedFootnote(number, footnote))
    return result


def ensure_footnote_styles(document: DocumentObject) -> None:
    """Add Word's built-in Footnote Text and Footnote Reference styles if missing.

    Word identifies them by these exact ids and names ("footnote text", "footnote reference"),
    so its own Insert Footnote command and style pane pick up what we define here.
    """
    styles = document.styles
    if styles.element.get_by_id(FOOTNOTE_TEXT_STYLE) is None:
        text_style = styles.add_style("footnote text", WD_STYLE_TYPE.PARAGRAPH, builtin=True)
        text_style.style_id = FOOTNOTE_TEXT_STYLE
        text_style.base_style = styles["Normal"]
        text_style.next_paragraph_style = text_style
        text_style.font.size = Pt(10)
        text_format = text_style.paragraph_format
        text_format.space_before = Pt(0)
        text_format.space_after = Pt(0)
        text_format.line_spacing = 1.0
        _mark_as_word_builtin(text_style)
    if styles.element.get_by_id(FOOTNOTE_REFERENCE_STYLE) is None:
        reference_style = styles.add_style(
            "footnote reference", WD_STYLE_TYPE.CHARACTER, builtin=True
        )
        reference_style.style_id = FOOTNOTE_REFERENCE_STYLE
        reference_style.font.superscript = True
        _mark_as_word_builtin(reference_style)


def _mark_as_word_builtin(style: BaseStyle) -> None:
    """uiPriority 99, hidden until used: how Word itself declares these styles."""
    style.priority = 99
    style.hidden = True
    style.unhide_when_used = True


def _as_runs(content: NoteContent) -> Iterable[Run | FieldRuns]:
    if isinstance(content, str):
        return [Run(content)]
    if isinstance(content, RichText):
        return content.runs
    return content


def _document_of(paragraph: Paragraph) -> DocumentObject:
    part = paragraph.part
    document = getattr(part, "document", None)
    if document is None:
        raise ValueError("footnotes can only be referenced from the document body")
    return document
