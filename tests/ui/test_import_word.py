"""File › Import Word…: an exported, Word-edited .docx comes back into the editor with its
notes as citations, read off the GUI thread."""

from __future__ import annotations

from pathlib import Path

from assistant.cite.model import Citation, Note
from assistant.essay.model import Block, Essay, NoteAnchor, Span
from assistant.export.docx import export_docx


def _exported(controller, tmp_path: Path) -> tuple[Essay, Path]:  # type: ignore[no-untyped-def]
    items = controller.items()
    essay = Essay(
        title="Why Stalin Said Yes",
        author="Ada Student",
        blocks=[
            Block("heading", [Span("The decision")], level=1),
            Block(
                "paragraph",
                [
                    Span("Stalin agreed in April 1950."),
                    NoteAnchor(Note.of(Citation("shen-2000", "52"))),
                ],
            ),
            Block(
                "paragraph",
                [
                    Span("Kim pressed him."),
                    NoteAnchor(
                        Note(("See ", (Citation("shuster-2019", "31"),), " on the speech."))
                    ),
                ],
            ),
        ],
        items={k: items[k] for k in ("shen-2000", "shuster-2019")},
    )
    path = tmp_path / "edited.docx"
    export_docx(essay, path)
    return essay, path


def test_import_word_brings_back_text_and_citations(window, qtbot, dialogs, controller, tmp_path):
    essay, path = _exported(controller, tmp_path)
    with qtbot.waitSignal(window.session.docxImported, timeout=30000) as done:
        assert window.session.import_docx(path)
    assert not isinstance(done.args[0], Exception)
    anchors = window.editor.anchors()
    assert [a.note for a in anchors] == essay.notes()
    text = window.editor.document.toPlainText()
    assert "Stalin agreed in April 1950." in text and "Kim pressed him." in text
    assert window.essay_path is None  # a new essay; the .docx is untouched
    strip = (
        [row for row in window.editor.notes_strip.rows()]
        if hasattr(window.editor, "notes_strip")
        else []
    )
    assert strip or anchors  # the notes are there to print


def test_opening_a_word_file_offers_to_import_it_with_its_notes(
    window, qtbot, dialogs, controller, tmp_path
):
    essay, path = _exported(controller, tmp_path)
    with qtbot.waitSignal(window.session.docxImported, timeout=30000):
        window.session.open_essay(path)
    assert dialogs.questions[-1] == ("import", "edited.docx: a Word document")
    assert [a.note for a in window.editor.anchors()] == essay.notes()


def test_a_broken_word_file_gets_a_message(window, qtbot, dialogs, tmp_path):
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 not a real package")
    with qtbot.waitSignal(window.session.docxImported, timeout=30000) as done:
        window.session.import_docx(broken)
    from assistant.ui.workers import TaskError

    assert isinstance(done.args[0], TaskError)
    assert dialogs.errors[-1][0] == "Could not import"
    assert "broken.docx: not a Word document" in dialogs.errors[-1][1]


def test_file_menu_has_import_word(window):
    texts = (
        [a.text() for a in window.actions.file_menu.actions()]
        if hasattr(window.actions, "file_menu")
        else [window.actions.import_docx.text()]
    )
    assert any("Import &Word" in t for t in texts)


def test_exporting_over_a_file_open_in_word_asks_first(window, qtbot, dialogs, tmp_path):
    target = tmp_path / "essay.docx"
    target.write_bytes(b"the writer's open copy")
    (tmp_path / "~$essay.docx").write_bytes(b"owner file")
    assert not window.exports.export_docx(target)  # refused: the question was answered no
    assert dialogs.questions[-1][0] == "overwrite"
    assert "Microsoft Word" in dialogs.questions[-1][1]
    assert target.read_bytes() == b"the writer's open copy"
    dialogs.overwrite_answer = True
    with qtbot.waitSignal(window.exports.exportFinished, timeout=30000):
        assert window.exports.export_docx(target)
    assert target.read_bytes() != b"the writer's open copy"
