"""The footnotes part on its own: python-docx documents with hand-made note runs."""

from __future__ import annotations

import zipfile
from pathlib import Path

from docx import Document
from docx.oxml.ns import qn
from lxml import etree

from assistant.cite.model import RichText, Run
from assistant.export.footnotes import add_footnote, footnotes, numbered_footnotes
from assistant.export.parts.footnotes import FootnotesPart

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _save_and_reopen(document, tmp_path: Path):  # type: ignore[no-untyped-def]
    path = tmp_path / "notes.docx"
    document.save(path)
    return path, Document(path)


def test_notes_read_back_with_numbers_text_and_italic_titles(tmp_path: Path) -> None:
    document = Document()
    first = document.add_paragraph("Stalin hesitated.")
    assert (
        add_footnote(
            first,
            [
                Run("Shen Zhihua, "),
                Run("Sino-Soviet Relations and the Origins of the Korean War", italic=True),
                Run(", 52."),
            ],
        )
        == 1
    )
    second = document.add_paragraph("Then he agreed.")
    assert add_footnote(second, RichText([Run("Shen, “Sino-Soviet Relations,” 60.")])) == 2

    _, reopened = _save_and_reopen(document, tmp_path)
    notes = numbered_footnotes(reopened)
    assert [(n.number, n.text) for n in notes] == [
        (1, "Shen Zhihua, Sino-Soviet Relations and the Origins of the Korean War, 52."),
        (2, "Shen, “Sino-Soviet Relations,” 60."),
    ]
    italic = [r.text for p in notes[0].footnote.paragraphs for r in p.runs if r.italic]
    assert italic == ["Sino-Soviet Relations and the Origins of the Korean War"]


def test_note_of_several_paragraphs(tmp_path: Path) -> None:
    document = Document()
    paragraph = document.add_paragraph("Claim.")
    add_footnote(paragraph, "First point.\n\nSecond point, its own paragraph.\nThird.")
    _, reopened = _save_and_reopen(document, tmp_path)
    (note,) = numbered_footnotes(reopened)
    assert note.footnote.paragraph_texts == [
        "First point.",
        "Second point, its own paragraph.",
        "Third.",
    ]
    assert all(p.style.style_id == "FootnoteText" for p in note.footnote.paragraphs)


def test_part_has_separators_styles_content_type_and_relationship(tmp_path: Path) -> None:
    document = Document()
    add_footnote(document.add_paragraph("Text."), "A note.")
    path, reopened = _save_and_reopen(document, tmp_path)

    with zipfile.ZipFile(path) as archive:
        content_types = archive.read("[Content_Types].xml").decode()
        rels = archive.read("word/_rels/document.xml.rels").decode()
        footnotes_xml = etree.fromstring(archive.read("word/footnotes.xml"))
        settings = etree.fromstring(archive.read("word/settings.xml"))
        body = etree.fromstring(archive.read("word/document.xml"))
    assert (
        'PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.wordprocessingml.footnotes+xml"' in content_types
    )
    assert "relationships/footnotes" in rels
    kinds = [(f.get(f"{W}type"), f.get(f"{W}id")) for f in footnotes_xml]
    assert kinds == [("separator", "-1"), ("continuationSeparator", "0"), (None, "1")]
    assert footnotes_xml[0].find(f".//{W}separator") is not None
    assert footnotes_xml[1].find(f".//{W}continuationSeparator") is not None
    pr = settings.find(f"{W}footnotePr")
    assert [f.get(f"{W}id") for f in pr] == ["-1", "0"]
    # Schema order: w:footnotePr comes before w:compat in w:settings.
    tags = [child.tag for child in settings]
    assert tags.index(f"{W}footnotePr") < tags.index(f"{W}compat")

    reference = body.find(f".//{W}footnoteReference")
    assert reference.get(f"{W}id") == "1"
    assert reference.getparent().find(f"{W}rPr/{W}rStyle").get(f"{W}val") == "FootnoteReference"

    styles = reopened.styles
    text_style = styles.element.get_by_id("FootnoteText")
    reference_style = styles.element.get_by_id("FootnoteReference")
    assert text_style.name_val == "footnote text"
    assert reference_style.name_val == "footnote reference"
    assert reference_style.rPr.find(qn("w:vertAlign")).get(qn("w:val")) == "superscript"


def test_reopened_document_accepts_more_notes(tmp_path: Path) -> None:
    document = Document()
    add_footnote(document.add_paragraph("One."), "Note one.")
    _, reopened = _save_and_reopen(document, tmp_path)
    assert isinstance(FootnotesPart.of(reopened.part), FootnotesPart)
    assert add_footnote(reopened.add_paragraph("Two."), "Note two.") == 2
    assert len(footnotes(reopened)) == 2
    path = tmp_path / "again.docx"
    reopened.save(path)
    assert [n.text for n in numbered_footnotes(Document(path))] == ["Note one.", "Note two."]


def test_document_without_notes_reads_as_no_notes() -> None:
    assert numbered_footnotes(Document()) == []
