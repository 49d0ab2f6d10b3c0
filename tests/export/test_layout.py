"""The manuscript a writer hands in: read back from the saved .docx, independent of the engine."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Inches, Pt

from assistant.export.docx import ExportOptions, build_document
from assistant.export.footnotes import numbered_footnotes

from .docx_readback import (
    footnote_texts,
    hand_rendered_bibliography,
    hand_rendered_notes,
    open_docx,
    paragraphs_by_style,
    sample_essay,
)


def _export(tmp_path: Path, **options) -> Path:  # type: ignore[no-untyped-def]
    path = tmp_path / "essay.docx"
    document = build_document(
        sample_essay(),
        hand_rendered_notes(),
        hand_rendered_bibliography(),
        ExportOptions(date="November 22, 2026", course="HIST 301: The Cold War", **options),
    )
    document.save(path)
    return path


def test_every_note_reads_back_in_order_with_italic_titles(tmp_path: Path) -> None:
    path = _export(tmp_path)
    expected = [note.text for note in hand_rendered_notes()]
    expected[4] = expected[4].replace("\n\n", "\n")  # a paragraph break inside note 5
    assert footnote_texts(path) == list(enumerate(expected, start=1))

    notes = numbered_footnotes(open_docx(path))
    italic_in_first = [r.text for p in notes[0].footnote.paragraphs for r in p.runs if r.italic]
    assert italic_in_first == ["Journal of Cold War Studies"]
    assert len(notes[4].footnote.paragraphs) == 2


def test_references_sit_where_the_anchors_were(tmp_path: Path) -> None:
    document = open_docx(_export(tmp_path))
    body = document.element.body
    paragraphs = [p for p in body.iter(qn("w:p"))]
    # The second body paragraph carries notes 2 and 3, with text between them.
    carrier = next(p for p in paragraphs if "firm up the Soviet alliance" in "".join(p.itertext()))
    sequence = []
    for run in carrier.iter(qn("w:r")):
        reference = run.find(qn("w:footnoteReference"))
        if reference is not None:
            sequence.append(f"[{reference.get(qn('w:id'))}]")
        else:
            sequence.append("".join(t.text or "" for t in run.iter(qn("w:t"))))
    assert "".join(sequence) == (
        "He wanted to firm up the Soviet alliance with China.[2]"
        " Korea had to be captured before Japan recovered.[3]"
    )


def test_styles_follow_turabian(tmp_path: Path) -> None:
    path = _export(tmp_path)
    document = open_docx(path)
    styles = document.styles

    normal = styles["Normal"]
    assert normal.font.name == "Times New Roman"
    assert normal.font.size == Pt(12)
    assert normal.paragraph_format.line_spacing_rule == WD_LINE_SPACING.DOUBLE

    body = styles["Body Text"]
    assert body.paragraph_format.first_line_indent == Inches(0.5)
    assert body.paragraph_format.line_spacing_rule == WD_LINE_SPACING.DOUBLE

    note = styles["footnote text"]
    assert note.style_id == "FootnoteText"
    assert note.paragraph_format.line_spacing_rule == WD_LINE_SPACING.SINGLE
    assert note.paragraph_format.space_after == Pt(12)  # blank line between notes
    assert note.font.name == "Times New Roman"
    assert styles["footnote reference"].font.superscript is True

    quote = styles["Block Text"]
    assert quote.paragraph_format.left_indent == Inches(0.5)
    assert quote.paragraph_format.line_spacing_rule == WD_LINE_SPACING.SINGLE

    bibliography = styles["Bibliography"]
    assert bibliography.paragraph_format.left_indent == Inches(0.5)
    assert bibliography.paragraph_format.first_line_indent == -Inches(0.5)

    heading = styles["Heading 1"]
    assert heading.font.name == "Times New Roman"
    assert heading.font.size == Pt(12)
    assert heading.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER

    # The template's theme fonts would override the named face in Word: the document
    # defaults and every style the export uses must name Times New Roman for all scripts.
    defaults = styles.element.find(qn("w:docDefaults"))
    used = ["Normal", "Body Text", "Block Text", "Bibliography", "Title", "footnote text"]
    used += [f"Heading {level}" for level in range(1, 7)]
    for element in [defaults, *(styles[name].element for name in used)]:
        for fonts in element.iter(qn("w:rFonts")):
            assert fonts.get(qn("w:asciiTheme")) is None
            assert fonts.get(qn("w:ascii")) in (None, "Times New Roman")


def test_blocks_use_word_styles(tmp_path: Path) -> None:
    document = open_docx(_export(tmp_path))
    assert paragraphs_by_style(document, "Heading 1") == ["The Alliance with China", "Bibliography"]
    assert paragraphs_by_style(document, "Heading 2") == ["A Cautious Expansionist"]
    assert [t[:27] for t in paragraphs_by_style(document, "Block Text")] == [
        "Stalin feared putting the b"
    ]
    first = next(p for p in document.paragraphs if p.text.startswith("In early 1950"))
    assert [(r.text, r.italic) for r in first.runs if r.text] == [
        ("In early 1950 Stalin ", None),
        ("reversed", True),
        (" himself and backed Kim Il Sung.", None),
    ]


def test_bibliography_on_its_own_page_with_entries(tmp_path: Path) -> None:
    document = open_docx(_export(tmp_path))
    heading = next(p for p in document.paragraphs if p.text == "Bibliography")
    assert heading.paragraph_format.page_break_before is True
    entries = paragraphs_by_style(document, "Bibliography")
    assert entries == [entry.text for entry in hand_rendered_bibliography()]
    last = [p for p in document.paragraphs if p.style.name == "Bibliography"][-1]
    assert [r.text for r in last.runs if r.italic] == ["Inside the Kremlin’s Cold War"]


def test_no_bibliography_heading_without_entries(tmp_path: Path) -> None:
    path = tmp_path / "plain.docx"
    build_document(sample_essay(), hand_rendered_notes(), []).save(path)
    assert "Bibliography" not in [p.text for p in open_docx(path).paragraphs]


def test_margins_page_numbers_and_core_properties(tmp_path: Path) -> None:
    path = _export(tmp_path)
    document = open_docx(path)
    (section,) = document.sections
    for margin in (
        section.top_margin,
        section.bottom_margin,
        section.left_margin,
        section.right_margin,
    ):
        assert margin == Inches(1)
    footer_xml = section.footer._element.xml
    assert " PAGE " in footer_xml and 'w:fldCharType="begin"' in footer_xml
    assert document.core_properties.title == "Stalin's Korean Gamble"
    assert document.core_properties.author == "Ada Student"
    assert "python-docx" not in (document.core_properties.comments or "")
    # Without a title page the title and the writer's lines head the first page.
    assert [p.text for p in document.paragraphs[:5]] == [
        "Stalin's Korean Gamble",
        "Ada Student",
        "HIST 301: The Cold War",
        "November 22, 2026",
        "In early 1950 Stalin reversed himself and backed Kim Il Sung.",
    ]
    assert document.paragraphs[0].style.name == "Title"


def test_title_page_is_its_own_unnumbered_section(tmp_path: Path) -> None:
    document = open_docx(_export(tmp_path, title_page=True))
    title_section, body_section = document.sections
    texts = [p.text for p in document.paragraphs[:4]]
    assert texts == [
        "Stalin's Korean Gamble",
        "Ada Student",
        "HIST 301: The Cold War",
        "November 22, 2026",
    ]
    # No footer of its own (and the first section has none to inherit): no page number.
    assert title_section._sectPr.find(qn("w:footerReference")) is None
    assert " PAGE " in body_section.footer._element.xml
    page_numbering = body_section._sectPr.find(qn("w:pgNumType"))
    assert page_numbering.get(qn("w:start")) == "1"


def test_note_count_must_match_anchors() -> None:
    with pytest.raises(ValueError, match="5 note anchors but 1 notes"):
        build_document(sample_essay(), hand_rendered_notes()[:1], [])
