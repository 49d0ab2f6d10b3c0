"""Smart punctuation in the page: curled as you type, one undo brings the straight mark back,
nothing changes inside a citation; a quotation from a source gets curly apostrophes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from assistant.cite.model import Citation, Note
from assistant.essay.model import NoteAnchor
from assistant.ui.editor import DraftEditor


@pytest.fixture
def editor(qtbot) -> DraftEditor:
    widget = DraftEditor()
    qtbot.addWidget(widget)
    widget.resize(700, 500)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_quotes_and_dashes_as_you_type(editor, qtbot):
    qtbot.keyClicks(editor.text_edit, 'Stalin\'s "altered situation"--pp. 52-55')
    assert editor.document.toPlainText() == "Stalin’s “altered situation”—pp. 52–55"


def test_one_undo_restores_the_straight_character(editor, qtbot):
    qtbot.keyClicks(editor.text_edit, "don'")
    assert editor.document.toPlainText() == "don’"
    editor.text_edit.undo()
    assert editor.document.toPlainText() == "don'"
    editor.document.clear()
    qtbot.keyClicks(editor.text_edit, 'say "')
    assert editor.document.toPlainText() == "say “"
    editor.text_edit.undo()
    assert editor.document.toPlainText() == 'say "'


def test_straight_marks_stay_inside_a_citation(editor, qtbot):
    qtbot.keyClicks(editor.text_edit, "[@shen-2000, 52-55")
    assert editor.document.toPlainText() == "[@shen-2000, 52-55"


def test_smart_punctuation_can_be_turned_off(editor, qtbot):
    editor.text_edit.smart_typing = False
    qtbot.keyClicks(editor.text_edit, '"x"')
    assert editor.document.toPlainText() == '"x"'


def test_an_inserted_quotation_gets_curly_apostrophes(editor, qtbot):
    anchor = NoteAnchor(Note.of(Citation("shen-2000", "52")))
    editor.text_edit.insert_note(anchor, 'Stalin\'s "new situation"')
    assert "“Stalin’s ‘new situation’”" in editor.document.toPlainText()
    qtbot.keyClick(editor.text_edit, Qt.Key.Key_Space)
