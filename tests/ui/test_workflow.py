"""The whole workflow through the real window: search, read, cite, write, save, reopen, export."""

from __future__ import annotations

from pathlib import Path

import docx
from lxml import etree
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from assistant.essay.store import load_essay
from assistant.export.docx import ExportOptions
from assistant.ui.window.main_window import MainWindow

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
SHEN_FULL_START = "Shen Zhihua, “Sino-Soviet Relations and the Origins of the Korean War"
SHEN_SHORT_52 = "Shen, “Sino-Soviet Relations,” 52."


def _search(window: MainWindow, qtbot, text: str) -> None:
    pane = window.search_pane
    window.focus_search()
    qtbot.keyClicks(pane.query_edit, text)

    def shown() -> bool:
        results = pane.results()
        return results is not None and pane.query() == text and bool(pane.hits())

    qtbot.waitUntil(shown, timeout=15000)


def _open_hit_from(window: MainWindow, qtbot, source_id: str) -> None:
    """Arrow down into the hits to the first one from `source_id`, then Enter."""
    pane = window.search_pane
    qtbot.keyClick(pane.query_edit, Qt.Key.Key_Down)
    assert pane.current_hit() is not None
    for _ in range(len(pane.hits())):
        if pane.current_hit().source_id == source_id:
            break
        qtbot.keyClick(pane.results_view, Qt.Key.Key_Down)
    assert pane.current_hit().source_id == source_id
    with qtbot.waitSignal(window.reader_pane.passageShown, timeout=10000):
        qtbot.keyClick(pane.results_view, Qt.Key.Key_Return)


def _select_in_reader(window: MainWindow, qtbot, words: int = 6) -> str:
    passage = window.reader_pane.current_passage
    phrase = " ".join(passage.text.split()[:words])
    with qtbot.waitSignal(window.reader_pane.selectionChanged, timeout=5000):
        assert window.reader_pane.text.find(phrase)
    return phrase


def _footnotes_from_docx(path: Path) -> tuple[list[str], dict[int, str]]:
    """Reference ids in body order, and each footnote's text, read from the file's XML."""
    document = docx.Document(str(path))
    body_refs = [
        int(ref.get(f"{W}id")) for ref in document.element.body.iter(f"{W}footnoteReference")
    ]
    footnotes_part = next(
        part for part in document.part.package.parts if part.partname == "/word/footnotes.xml"
    )
    root = etree.fromstring(footnotes_part.blob)
    texts = {}
    for note in root.iter(f"{W}footnote"):
        note_id = int(note.get(f"{W}id"))
        if note_id > 0:
            texts[note_id] = "".join(t.text or "" for t in note.iter(f"{W}t")).strip()
    return body_refs, texts


def test_search_read_cite_write_save_reopen_export(window, qtbot, dialogs, tmp_path, controller):
    editor = window.editor
    builder = window.builder

    # Search as the writer would type it, and open a Shen hit with the keyboard.
    _search(window, qtbot, "Acheson speech")
    _open_hit_from(window, qtbot, "shen-2000")
    assert window.reader_pane.current_passage.source_id == "shen-2000"
    assert builder.rows[0].source_id() == "shen-2000"  # prefilled from the hit

    # Select words in the reader: they become the builder's quotation.
    phrase = _select_in_reader(window, qtbot)
    assert builder.quotation() == phrase
    assert builder.quote_check.isChecked()

    # Cite… brings the builder, which is out of the way until then.
    assert not window.builder_dock.isVisible()
    qtbot.mouseClick(window.reader_pane.cite_button, Qt.MouseButton.LeftButton)
    assert window.builder_dock.isVisible()
    assert builder.quotation() == phrase

    # Build the note on page 52 and look at the preview.
    builder.rows[0].locator_edit.clear()
    qtbot.keyClicks(builder.rows[0].locator_edit, "52")
    preview = builder.preview_text()
    assert SHEN_FULL_START in preview
    assert "(2000): 52." in preview
    assert SHEN_SHORT_52 in preview
    assert "Shen Zhihua. “Sino-Soviet Relations" in preview  # bibliography entry

    # Write a sentence and insert the note (and the quotation) at its end.
    qtbot.keyClicks(editor.text_edit, "Stalin read the speech as a signal:")
    qtbot.mouseClick(builder.insert_button, Qt.MouseButton.LeftButton)
    assert f"\u201c{phrase}\u201d" in editor.document.toPlainText()
    assert not window.builder_dock.isVisible()  # the note is in: back to the page
    qtbot.waitUntil(lambda: len(editor.rendered_texts()) == 1)
    assert editor.rendered_texts()[0].startswith(SHEN_FULL_START)
    assert editor.rendered_texts()[0].endswith("(2000): 52.")
    first_id = editor.anchors()[0].id
    assert editor.anchors()[0].passage.source_id == "shen-2000"

    # Add text with a second citation of the same source before it.
    editor.text_edit.moveCursor(QTextCursor.MoveOperation.Start)
    qtbot.keyClicks(editor.text_edit, "Shen dates the shift to January 1950.")
    window.focus_builder()
    builder.prefill("shen-2000")
    qtbot.keyClicks(builder.rows[0].locator_edit, "44")
    builder.quote_check.setChecked(False)
    qtbot.mouseClick(builder.insert_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(editor.text_edit, " ")

    # Numbers and forms follow the text: the new note is 1 and full, the old one 2 and short.
    qtbot.waitUntil(lambda: len(editor.rendered_texts()) == 2)
    texts = editor.rendered_texts()
    assert texts[0].startswith(SHEN_FULL_START) and texts[0].endswith("(2000): 44.")
    assert texts[1] == SHEN_SHORT_52
    assert editor.document.note_number(first_id) == 2
    # The status bar counts (debounced while typing).
    qtbot.waitUntil(lambda: window.notes_label.text() == "2 notes")
    words = len(editor.document.toPlainText().replace("\ufffc", " ").split())
    # A new essay starts the session at 0 words: all of them were written in this session.
    assert window.words_label.text() == f"{words} words · +{words} this session"

    # Save, then reopen in a fresh window: the same notes, the same order.
    essay_path = tmp_path / "acheson.essay"
    assert window.session.save_essay(essay_path)
    assert not window.isWindowModified()
    assert load_essay(essay_path).notes()[1].citations[0].locator == "52"
    reopened = MainWindow(controller, essay_path, check_recovery=False)
    qtbot.addWidget(reopened)
    assert reopened.editor.rendered_texts() == texts
    assert reopened.editor.document.toPlainText() == editor.document.toPlainText()

    # Export to Word in the background and read the footnotes back from the file.
    out = tmp_path / "acheson.docx"
    with qtbot.waitSignal(reopened.exports.exportFinished, timeout=30000) as finished:
        assert reopened.exports.export_docx(out, ExportOptions())
    assert finished.args[0].notes == 2
    assert dialogs.errors == []
    refs, notes = _footnotes_from_docx(out)
    assert len(refs) == 2
    assert notes[refs[0]] == texts[0]
    assert notes[refs[1]] == SHEN_SHORT_52
