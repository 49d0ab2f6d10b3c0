"""Find and replace in the draft (Ctrl+F, Ctrl+H): marks, next/previous, replace all in one
undo step across the text and the notes, a note number never deleted."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from assistant.cite.model import Citation, Note
from assistant.essay.model import NoteAnchor
from assistant.paths import bundled_corpus_dir
from assistant.ui.editor import DraftEditor
from assistant.ui.editor.actions import EditorActions
from assistant.ui.editor.find_bar import MARK_LAYER

ITEMS = {
    item["id"]: item
    for item in json.loads((bundled_corpus_dir() / "sources.json").read_text(encoding="utf-8"))
}


@pytest.fixture
def editor(qtbot) -> DraftEditor:
    widget = DraftEditor()
    qtbot.addWidget(widget)
    widget.set_library_items(ITEMS)
    widget.actions_ = EditorActions(widget)
    widget.resize(800, 600)
    widget.show()
    qtbot.waitExposed(widget)
    qtbot.keyClicks(widget.text_edit, "Stalin agreed. Stalinism aside, stalin chose")
    note = Note(("Stalin said so; ", (Citation("shen-2000", "52"),), ""))
    widget.insert_note(NoteAnchor(note))
    qtbot.keyClicks(widget.text_edit, " and Stalin won.")
    return widget


def _focus(qtbot, widget) -> None:
    widget.activateWindow()
    widget.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget)


def test_ctrl_f_opens_find_and_marks_every_match(editor, qtbot):
    _focus(qtbot, editor.text_edit)
    qtbot.keyClick(editor.text_edit, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = editor.find_bar
    assert bar.isVisible() and not bar.replace_edit.isVisible()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is bar.find_edit)
    qtbot.keyClicks(bar.find_edit, "stalin")
    assert len(editor.text_edit.marks(MARK_LAYER)) == 4
    assert bar.count_label.text() == "4 in the text, 1 in notes"
    bar.word_box.setChecked(True)
    assert len(editor.text_edit.marks(MARK_LAYER)) == 3  # not "Stalinism"
    bar.case_box.setChecked(True)
    assert bar.count_label.text() == "1 in the text"  # only "stalin chose"
    bar.case_box.setChecked(False)
    # Enter goes to the next match, wrapping round; Escape closes and clears the marks.
    qtbot.keyClick(bar.find_edit, Qt.Key.Key_Return)
    assert editor.text_edit.textCursor().selectedText() == "Stalin"
    qtbot.keyClick(bar.find_edit, Qt.Key.Key_Escape)
    assert not bar.isVisible() and editor.text_edit.marks(MARK_LAYER) == []


def test_a_bad_regular_expression_says_so(editor, qtbot):
    bar = editor.find_bar
    bar.open_find()
    bar.regex_box.setChecked(True)
    qtbot.keyClicks(bar.find_edit, "(Stal")
    assert "not a valid regular expression" in bar.count_label.text()


def test_replace_all_in_text_and_notes_is_one_undo_step(editor, qtbot):
    _focus(qtbot, editor.text_edit)
    qtbot.keyClick(editor.text_edit, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    bar = editor.find_bar
    assert bar.replace_edit.isVisible()
    before_text = editor.document.toPlainText()
    before_note = editor.anchors()[0].note
    bar.find_edit.setText("Stalin")
    bar.word_box.setChecked(True)
    bar.replace_edit.setText("Iosif Stalin")
    assert bar.replace_all() == 4
    text = editor.document.toPlainText()
    assert text.count("Iosif Stalin") == 3 and "Stalinism" in text
    note = editor.anchors()[0].note
    assert note.segments[0] == "Iosif Stalin said so; "
    assert note.citations == before_note.citations  # the citation is untouched
    assert len(editor.anchors()) == 1
    editor.text_edit.undo()
    assert editor.document.toPlainText() == before_text
    assert editor.anchors()[0].note == before_note


def test_a_match_swallowing_a_note_number_is_not_replaced(editor, qtbot):
    bar = editor.find_bar
    bar.open_replace()
    bar.regex_box.setChecked(True)
    bar.find_edit.setText(r"chose.*and")
    bar.replace_edit.setText("picked and")
    assert bar.replace_all() == 0
    assert len(editor.anchors()) == 1


def test_replace_one_replaces_the_selected_match_and_moves_on(editor, qtbot):
    bar = editor.find_bar
    bar.open_replace()
    bar.find_edit.setText("agreed")
    bar.replace_edit.setText("consented")
    assert bar.find_next()
    assert bar.replace_one()
    assert "Stalin consented." in editor.document.toPlainText()


@pytest.fixture
def two_notes(editor, qtbot) -> DraftEditor:
    """The text, then a second note whose commentary has two matches."""
    note = Note(
        ("Compare Stalin's view; Stalin wrote so. ", (Citation("zubok-pleshakov-1996", "61"),))
    )
    editor.insert_note(NoteAnchor(note))
    qtbot.keyClicks(editor.text_edit, " The end.")
    editor.render_now()
    editor.text_edit.go_to_top()
    return editor


def _where(editor) -> tuple[str, str]:
    """What is selected now: ("text", words) or (note number, words in its edit line)."""
    strip = editor.notes_strip
    bar = editor.find_bar
    if bar.current_match() is not None:
        number = editor.document.note_number(strip.editing_id())
        return (f"note {number}", strip.source_edit.selectedText())
    cursor = editor.text_edit.textCursor()
    return ("text", f"{cursor.selectionStart()}:{cursor.selectedText()}")


def test_find_next_steps_through_the_notes_in_reading_order_and_wraps(two_notes, qtbot):
    editor = two_notes
    _focus(qtbot, editor.text_edit)
    qtbot.keyClick(editor.text_edit, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = editor.find_bar
    assert bar.scope_box.currentText() == "Text and notes"
    qtbot.keyClicks(bar.find_edit, "stalin")
    bar.word_box.setChecked(True)
    assert bar.count_label.text() == "3 in the text, 3 in notes"
    text = editor.document.toPlainText()
    first, second = text.index("Stalin agreed"), text.index("stalin chose")
    third = text.index("Stalin won")
    expected = [
        ("text", f"{first}:Stalin"),
        ("text", f"{second}:stalin"),
        ("note 1", "Stalin"),  # note 1 follows "chose", its number
        ("text", f"{third}:Stalin"),
        ("note 2", "Stalin"),
        ("note 2", "Stalin"),
    ]
    seen = []
    for _ in expected:
        qtbot.keyClick(bar.find_edit, Qt.Key.Key_Return)  # Enter: next match
        seen.append(_where(editor))
    assert seen == expected
    # Each note match is selected where the writer edits the note, at the right place.
    strip = editor.notes_strip
    assert strip.source_edit.selectionStart() == strip.source_edit.text().index("Stalin wrote")
    assert strip.current_anchor_id() == editor.anchors()[1].id
    assert QApplication.focusWidget() is bar.find_edit  # Enter goes on finding
    qtbot.keyClick(bar.find_edit, Qt.Key.Key_Return)
    assert _where(editor) == expected[0]  # wrapped round to the top
    # Backwards: from the top round to the last note's last match, then back through.
    seen = []
    for _ in expected:
        bar.find_previous()
        seen.append(_where(editor))
    assert seen == list(reversed(expected))


def test_replace_inside_a_note_then_go_on(two_notes, qtbot):
    editor = two_notes
    bar = editor.find_bar
    bar.open_replace()
    bar.find_edit.setText("Stalin")
    bar.word_box.setChecked(True)
    bar.replace_edit.setText("Iosif Stalin")
    citations = [a.note.citations for a in editor.anchors()]
    for _ in range(3):
        bar.find_next()
    assert _where(editor) == ("note 1", "Stalin")
    assert bar.replace_one()
    assert editor.anchors()[0].note.segments[0] == "Iosif Stalin said so; "
    assert [a.note.citations for a in editor.anchors()] == citations
    # The edit line shows the note as it now is, and the next match is selected.
    assert editor.notes_strip.source_edit.text().startswith("Iosif Stalin said so; [@shen-2000")
    assert _where(editor)[1].endswith(":Stalin")  # "Stalin won", in the text
    bar.find_next()
    assert _where(editor) == ("note 2", "Stalin")
    assert bar.replace_one()
    assert editor.anchors()[1].note.segments[0] == "Compare Iosif Stalin's view; Stalin wrote so. "
    assert _where(editor) == ("note 2", "Stalin")  # the second one in the same note
    # Each replacement in a note is one undo step.
    editor.text_edit.undo()
    assert editor.anchors()[1].note.segments[0] == "Compare Stalin's view; Stalin wrote so. "
    assert editor.anchors()[0].note.segments[0] == "Iosif Stalin said so; "


def test_the_scope_text_only_leaves_the_notes_alone(two_notes, qtbot):
    editor = two_notes
    bar = editor.find_bar
    bar.open_replace()
    bar.scope_box.setCurrentIndex(bar.scope_box.findData("text"))
    bar.find_edit.setText("Stalin")
    bar.word_box.setChecked(True)
    assert bar.count_label.text() == "3 in the text"
    for _ in range(4):
        bar.find_next()
        assert _where(editor)[0] == "text"
    before = [a.note for a in editor.anchors()]
    bar.replace_edit.setText("Koba")
    assert bar.replace_all() == 3
    assert [a.note for a in editor.anchors()] == before


def test_after_moving_in_the_text_find_goes_on_from_the_cursor(two_notes, qtbot):
    editor = two_notes
    bar = editor.find_bar
    bar.open_find()
    bar.find_edit.setText("Stalin")
    bar.word_box.setChecked(True)
    for _ in range(3):
        bar.find_next()
    assert _where(editor) == ("note 1", "Stalin")
    cursor = editor.text_edit.textCursor()
    cursor.setPosition(0)  # the writer clicks at the top of the page
    editor.text_edit.setTextCursor(cursor)
    assert bar.current_match() is None
    bar.find_next()
    assert _where(editor) == ("text", "0:Stalin")


def test_a_citations_prefix_is_found_and_replaced_its_page_kept(editor, qtbot):
    """ "see Khrushchev" before a citation is the writer's prose: Find selects it in the note's
    edit line and Replace changes it; the key and the page stay as they were."""
    note = Note(((Citation("zubok-pleshakov-1996", "61", prefix="see Khrushchev's"),),))
    editor.insert_note(NoteAnchor(note))
    editor.render_now()
    editor.text_edit.go_to_top()
    bar = editor.find_bar
    bar.open_replace()
    bar.find_edit.setText("Khrushchev")
    assert bar.count_label.text() == "0 in the text, 1 in notes"
    assert bar.find_next()
    assert _where(editor) == ("note 2", "Khrushchev")
    strip = editor.notes_strip
    assert strip.source_edit.selectionStart() == strip.source_edit.text().index("Khrushchev")
    bar.replace_edit.setText("Nikita Khrushchev")
    assert bar.replace_one()
    (citation,) = editor.anchors()[1].note.citations
    assert citation.prefix == "see Nikita Khrushchev's"
    assert (citation.item_id, citation.locator) == ("zubok-pleshakov-1996", "61")
    editor.text_edit.undo()
    assert editor.anchors()[1].note.citations[0].prefix == "see Khrushchev's"
