"""Manuscript layout for a footnoted paper, as Chicago (CMOS 18) and Turabian (9th ed., ch. A) ask.

12-point Times New Roman throughout; the text double-spaced with a half-inch first-line indent;
notes, block quotations and bibliography entries single-spaced with a blank line between
items; block quotations indented half an inch; bibliography entries with half-inch hanging
indents; one-inch margins; page numbers centred in the footer; headings in Word's Heading
styles (so the navigation pane and a table of contents work) but set in the text face, level 1
centred bold, level 2 centred, level 3 flush left bold, deeper levels flush left italic.

Everything is set on styles rather than on each paragraph, so a writer who must follow a
different house style changes a handful of styles in Word, not three hundred notes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from docx.enum.section import WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.oxml.parser import OxmlElement
from docx.shared import Inches, Pt, RGBColor

from assistant.export.footnotes import ensure_footnote_styles
from assistant.export.oxml.footnotes import FOOTNOTE_TEXT_STYLE

if TYPE_CHECKING:
    from docx.document import Document as DocumentObject
    from docx.section import Section
    from docx.styles.style import ParagraphStyle

BODY_STYLE = "Body Text"
BLOCK_QUOTE_STYLE = "Block Text"  # Word's built-in style for block quotations
BIBLIOGRAPHY_STYLE = "Bibliography"  # Word's built-in style for bibliography entries
TITLE_STYLE = "Title"


@dataclass(frozen=True, slots=True)
class Manuscript:
    """The measurements, in one place; the defaults are Turabian's."""

    font: str = "Times New Roman"
    font_size: float = 12
    note_font_size: float = 12
    margin_inches: float = 1.0
    indent_inches: float = 0.5
    page_numbers: bool = True


def apply_manuscript_layout(document: DocumentObject, manuscript: Manuscript) -> None:
    """Restyle a fresh python-docx document as a manuscript (styles, margins, page numbers)."""
    _set_document_defaults(document, manuscript)
    styles = document.styles
    indent = Inches(manuscript.indent_inches)
    single_blank_line = Pt(manuscript.font_size)

    normal = styles["Normal"]
    _set_font(normal, manuscript.font, manuscript.font_size)
    normal_format = normal.paragraph_format
    normal_format.space_before = Pt(0)
    normal_format.space_after = Pt(0)
    normal_format.line_spacing_rule = WD_LINE_SPACING.DOUBLE
    normal_format.widow_control = True

    body = _paragraph_style(document, BODY_STYLE)
    body_format = body.paragraph_format
    body_format.first_line_indent = indent
    body_format.space_after = Pt(0)
    body_format.line_spacing_rule = WD_LINE_SPACING.DOUBLE

    quote = _paragraph_style(document, BLOCK_QUOTE_STYLE)
    quote.base_style = normal
    quote.next_paragraph_style = body
    quote_format = quote.paragraph_format
    quote_format.left_indent = indent
    quote_format.first_line_indent = Pt(0)
    quote_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
    quote_format.space_before = single_blank_line
    quote_format.space_after = single_blank_line
    quote.font.italic = False

    ensure_footnote_styles(document)
    note = styles[_style_name(document, FOOTNOTE_TEXT_STYLE)]
    _set_font(note, manuscript.font, manuscript.note_font_size)
    note_format = note.paragraph_format
    note_format.first_line_indent = indent
    note_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
    note_format.space_before = Pt(0)
    note_format.space_after = Pt(manuscript.note_font_size)  # the blank line between notes

    bibliography = _paragraph_style(document, BIBLIOGRAPHY_STYLE)
    bibliography.base_style = normal
    bibliography_format = bibliography.paragraph_format
    bibliography_format.left_indent = indent
    bibliography_format.first_line_indent = -indent  # hanging indent
    bibliography_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
    bibliography_format.space_after = single_blank_line
    bibliography_format.keep_together = True

    title = styles[TITLE_STYLE]
    _reset_display_style(title, manuscript)
    title.font.bold = True
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.space_after = Pt(manuscript.font_size)
    title.next_paragraph_style = body

    for level in range(1, 7):
        heading = styles[f"Heading {level}"]
        _reset_display_style(heading, manuscript)
        heading_format = heading.paragraph_format
        heading_format.space_before = Pt(2 * manuscript.font_size)
        heading_format.space_after = Pt(manuscript.font_size)
        heading_format.keep_with_next = True
        heading.next_paragraph_style = body
        heading.font.bold = level in (1, 3)
        heading.font.italic = level >= 4
        heading_format.alignment = (
            WD_ALIGN_PARAGRAPH.CENTER if level <= 2 else WD_ALIGN_PARAGRAPH.LEFT
        )

    footer = styles["Footer"]
    _set_font(footer, manuscript.font, manuscript.font_size)

    for section in document.sections:
        set_margins(section, manuscript.margin_inches)


def set_margins(section: Section, inches: float) -> None:
    for side in ("top_margin", "bottom_margin", "left_margin", "right_margin"):
        setattr(section, side, Inches(inches))
    section.header_distance = Inches(0.5)
    section.footer_distance = Inches(0.5)


def add_page_number_footer(section: Section, *, start_at: int | None = None) -> None:
    """Centre a PAGE field in the section's own footer (optionally restarting the count)."""
    footer = section.footer
    footer.is_linked_to_previous = False
    paragraph = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _append_field(paragraph, "PAGE", placeholder="1")
    if start_at is not None:
        sect_pr = section._sectPr
        page_numbering = sect_pr.find(qn("w:pgNumType"))
        if page_numbering is None:
            page_numbering = OxmlElement("w:pgNumType")
            sect_pr.insert_element_before(
                page_numbering,
                "w:cols",
                "w:formProt",
                "w:vAlign",
                "w:noEndnote",
                "w:titlePg",
                "w:textDirection",
                "w:bidi",
                "w:rtlGutter",
                "w:docGrid",
                "w:printerSettings",
                "w:sectPrChange",
            )
        page_numbering.set(qn("w:start"), str(start_at))


def start_new_section(document: DocumentObject, manuscript: Manuscript) -> Section:
    section = document.add_section(WD_SECTION.NEW_PAGE)
    set_margins(section, manuscript.margin_inches)
    return section


def _append_field(paragraph, instruction: str, *, placeholder: str) -> None:  # type: ignore[no-untyped-def]
    """A complex field (begin, instruction, separate, cached result, end), as Word writes it."""

    def field_char(kind: str):  # type: ignore[no-untyped-def]
        run = paragraph.add_run()
        run._r.append(OxmlElement("w:fldChar", attrs={qn("w:fldCharType"): kind}))
        return run

    field_char("begin")
    instruction_run = paragraph.add_run()
    instr = OxmlElement("w:instrText", attrs={qn("xml:space"): "preserve"})
    instr.text = f" {instruction} "
    instruction_run._r.append(instr)
    field_char("separate")
    paragraph.add_run(placeholder)
    field_char("end")


def _paragraph_style(document: DocumentObject, name: str) -> ParagraphStyle:
    styles = document.styles
    try:
        return styles[name]
    except KeyError:
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH, builtin=True)
        style.base_style = styles["Normal"]
        return style


def _style_name(document: DocumentObject, style_id: str) -> str:
    element = document.styles.element.get_by_id(style_id)
    if element is None:
        raise KeyError(style_id)
    return element.name_val


def _set_font(style: ParagraphStyle, name: str, size: float) -> None:
    style.font.size = Pt(size)
    _set_font_name(style.element.get_or_add_rPr(), name)


def _set_font_name(rpr, name: str) -> None:  # type: ignore[no-untyped-def]
    """Name the face for every script and drop theme fonts, which would otherwise win."""
    fonts = rpr.get_or_add_rFonts()
    for attribute in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{attribute}"), name)
    for attribute in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        fonts.attrib.pop(qn(f"w:{attribute}"), None)


def _reset_display_style(style: ParagraphStyle, manuscript: Manuscript) -> None:
    """Strip the template's coloured, oversized, bordered look: a manuscript uses the text face."""
    _set_font(style, manuscript.font, manuscript.font_size)
    style.font.color.rgb = RGBColor(0, 0, 0)
    rpr = style.element.get_or_add_rPr()
    for tag in ("w:spacing", "w:kern", "w:szCs"):
        for child in rpr.findall(qn(tag)):
            rpr.remove(child)
    ppr = style.element.get_or_add_pPr()
    for child in ppr.findall(qn("w:pBdr")):
        ppr.remove(child)
    style_format = style.paragraph_format
    style_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
    style_format.first_line_indent = Pt(0)


def _set_document_defaults(document: DocumentObject, manuscript: Manuscript) -> None:
    """docDefaults: the template's Calibri/theme fonts and 10pt-after spacing, replaced."""
    styles_element = document.styles.element
    defaults = styles_element.find(qn("w:docDefaults"))
    if defaults is None:
        return
    rpr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
    if rpr is not None:
        _set_font_name(rpr, manuscript.font)
        for tag in ("w:sz", "w:szCs"):
            size = rpr.find(qn(tag))
            if size is not None:
                size.set(qn("w:val"), str(int(manuscript.font_size * 2)))
    spacing = defaults.find(f"{qn('w:pPrDefault')}/{qn('w:pPr')}/{qn('w:spacing')}")
    if spacing is not None:
        spacing.set(qn("w:after"), "0")
