"""Any text a writer can type or paste exports, and reads back as written."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.cite.model import Note, RichText, Run
from assistant.essay.model import Block, Essay, NoteAnchor, Span
from assistant.export.docx import build_document, export_docx
from assistant.export.runs import xml_safe

from .docx_readback import footnote_texts, open_docx

words = st.text(min_size=1, max_size=30)
runs = st.lists(st.builds(Run, words, st.booleans(), st.booleans()), min_size=1, max_size=4)


def _expected_note(note: RichText) -> str:
    """How a note reads back: paragraph breaks (any run of newlines) become one newline."""
    paragraphs = [p for p in xml_safe(note.text).replace("\r", "\n").split("\n") if p]
    return "\n".join(paragraphs)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    spans=st.lists(st.builds(Span, words, st.booleans(), st.booleans()), min_size=1, max_size=6),
    notes=st.lists(st.builds(RichText, runs), min_size=1, max_size=5),
)
def test_arbitrary_text_round_trips(spans: list[Span], notes: list[RichText]) -> None:
    inlines: list[Span | NoteAnchor] = []
    for index, span in enumerate(spans):
        inlines.append(span)
        if index < len(notes):
            inlines.append(NoteAnchor(Note(("note",))))
    used = notes[: min(len(notes), len(spans))]
    essay = Essay(title="T", blocks=[Block("paragraph", inlines)])
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "x.docx"
        build_document(essay, used, []).save(path)
        read = footnote_texts(path)
        body = [p.text for p in open_docx(path).paragraphs][1]
    assert [number for number, _ in read] == list(range(1, len(used) + 1))
    for (_, text), note in zip(read, used, strict=True):
        # Leading whitespace-only pieces are kept as written; compare what a reader sees.
        assert text.split() == _expected_note(note).split()
    # A vertical tab is a line break (read back as \n), a form feed a page break (read as "").
    expected_body = "".join(
        xml_safe(span.text.replace("\v", "\n").replace("\f", "")) for span in spans
    )
    # python-docx renders tabs as \t and line breaks as \n, as they were written.
    assert body.replace("\n", "").replace("\r", "") == expected_body.replace("\n", "").replace(
        "\r", ""
    )


def test_control_characters_are_left_out_with_a_warning(tmp_path: Path) -> None:
    essay = Essay(
        title="Stalin\x0bs Gamble",
        author="Ada\x00 Student",
        blocks=[
            Block(
                "paragraph",
                [Span("Pasted from a PDF:\x0c a form feed."), NoteAnchor(Note(("A note\x01.",)))],
            )
        ],
    )
    path = tmp_path / "pasted.docx"
    report = export_docx(essay, path)
    document = open_docx(path)
    # A vertical tab is Word's manual line break and a form feed its page break: kept as such
    # in the text, a space in the one-line title property.
    assert document.core_properties.title == "Stalin s Gamble"
    assert [p.text for p in document.paragraphs] == [
        "Stalin\ns Gamble",
        "Ada Student",
        "Pasted from a PDF: a form feed.",
    ]
    assert '<w:br w:type="page"/>' in document.paragraphs[2]._p.xml
    assert footnote_texts(path) == [(1, "A note.")]
    assert not any("U+000C" in w or "U+000B" in w for w in report.warnings)
    assert any(w.startswith("Note 1:") and "U+0001" in w for w in report.warnings)
    assert any(w.startswith("The author:") and "U+0000" in w for w in report.warnings)
