"""The draft editor with its notes strip: Chicago text per note, editing, hover, snapshots."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent, QTextCursor
from PySide6.QtWidgets import QToolTip

from assistant.cite.model import Citation, Note
from assistant.essay.model import Block, Essay, NoteAnchor, Span
from assistant.paths import bundled_corpus_dir
from assistant.ui.editor import DraftEditor, note_from_source, note_to_source

ITEMS = {
    item["id"]: item
    for item in json.loads((bundled_corpus_dir() / "sources.json").read_text(encoding="utf-8"))
}
SHEN_SHORT = "Shen, “Sino-Soviet Relations,”"


@pytest.fixture
def editor(qtbot) -> DraftEditor:
    widget = DraftEditor()
    qtbot.addWidget(widget)
    widget.set_library_items(ITEMS)
    widget.resize(700, 600)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _cite(item_id: str, locator: str) -> NoteAnchor:
    return NoteAnchor(Note.of(Citation(item_id, locator)))


def test_strip_lists_notes_full_first_then_short_and_follows_undo(editor, qtbot):
    qtbot.keyClicks(editor.text_edit, "One")
    editor.insert_note(_cite("shen-2000", "52"))
    qtbot.keyClicks(editor.text_edit, " two")
    editor.insert_note(_cite("shen-2000", "60"))
    qtbot.waitUntil(lambda: len(editor.rendered_texts()) == 2)
    first, second = editor.rendered_texts()
    assert first.startswith("Shen Zhihua, “Sino-Soviet Relations and the Origins")
    assert second == f"{SHEN_SHORT} 60."
    assert editor.notes_strip.title.text() == "Notes (2)"
    # Deleting the first note makes the second the first citation: now in full.
    cursor = editor.text_edit.textCursor()
    cursor.setPosition(3)
    cursor.setPosition(4, QTextCursor.MoveMode.KeepAnchor)
    editor.text_edit.setTextCursor(cursor)
    qtbot.keyClick(editor.text_edit, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: len(editor.rendered_texts()) == 1)
    assert editor.rendered_texts()[0].endswith("(2000): 60.")
    editor.text_edit.undo()
    qtbot.waitUntil(lambda: len(editor.rendered_texts()) == 2)
    assert editor.rendered_texts()[1] == f"{SHEN_SHORT} 60."


def test_editing_a_note_in_the_strip_rewrites_it_and_undo_restores_it(editor, qtbot):
    qtbot.keyClicks(editor.text_edit, "Claim")
    editor.insert_note(_cite("shen-2000", "52"))
    qtbot.waitUntil(lambda: len(editor.rendered_texts()) == 1)
    strip = editor.notes_strip
    strip.list.setCurrentRow(0)
    assert strip.source_edit.text() == "[@shen-2000, 52]"
    strip.source_edit.setText("[see @shen-2000, 55] A telling phrase.")
    assert strip.apply_edit()
    qtbot.waitUntil(lambda: "55" in editor.rendered_texts()[0])
    assert editor.rendered_texts()[0].startswith("See Shen Zhihua")
    assert editor.rendered_texts()[0].endswith("A telling phrase.")
    editor.text_edit.undo()
    qtbot.waitUntil(lambda: editor.rendered_texts()[0].endswith("(2000): 52."))


@pytest.mark.parametrize(
    ("typed", "complaint"),
    [
        ("[@shen-2000, 52", "unclosed citation"),
        ("   ", "cannot be empty"),
    ],
)
def test_a_broken_note_edit_is_refused_with_a_message_and_the_note_kept(
    editor, qtbot, typed, complaint
):
    qtbot.keyClicks(editor.text_edit, "Claim")
    editor.insert_note(_cite("shen-2000", "52"))
    qtbot.waitUntil(lambda: len(editor.rendered_texts()) == 1)
    strip = editor.notes_strip
    strip.list.setCurrentRow(0)
    strip.source_edit.setText(typed)
    assert not strip.apply_edit()
    assert not strip.message.isHidden()
    assert complaint in strip.message.text()
    assert editor.anchors()[0].note == Note.of(Citation("shen-2000", "52"))
    qtbot.keyClick(strip.source_edit, Qt.Key.Key_Escape)
    assert strip.source_edit.text() == "[@shen-2000, 52]"


def test_note_source_text_round_trips():
    note = Note(("See ", (Citation("shen-2000", "52", prefix="cf."),), "; *emphasis* mine."))
    assert note_from_source(note_to_source(note)) == note


def test_hovering_a_note_number_shows_the_note(editor, qtbot, monkeypatch):
    qtbot.keyClicks(editor.text_edit, "Hover here")
    editor.insert_note(_cite("shuster-2019", "12"))
    qtbot.waitUntil(lambda: len(editor.rendered_texts()) == 1)
    shown = []
    monkeypatch.setattr(QToolTip, "showText", lambda _pos, text, *_a: shown.append(text))
    cursor = QTextCursor(editor.document)
    cursor.setPosition(len("Hover here"))
    left = editor.text_edit.cursorRect(cursor)
    point = QPoint(left.left() + 2, left.center().y())
    event = QHelpEvent(QEvent.Type.ToolTip, point, editor.text_edit.viewport().mapToGlobal(point))
    editor.text_edit.viewportEvent(event)
    assert shown and shown[0].startswith("<p><b>Note 1.</b> Jacob Shuster")
    shown.clear()
    far = QPoint(5, editor.text_edit.viewport().height() - 5)
    editor.text_edit.viewportEvent(
        QHelpEvent(QEvent.Type.ToolTip, far, editor.text_edit.viewport().mapToGlobal(far))
    )
    assert shown == []


def test_clicking_next_to_a_number_selects_its_note_and_activating_a_note_moves_the_cursor(
    editor, qtbot
):
    qtbot.keyClicks(editor.text_edit, "A")
    editor.insert_note(_cite("shen-2000", "1"))
    qtbot.keyClicks(editor.text_edit, " B")
    editor.insert_note(_cite("shuster-2019", "2"))
    qtbot.waitUntil(lambda: len(editor.rendered_texts()) == 2)
    second = editor.anchors()[1]
    editor.text_edit.moveCursor(QTextCursor.MoveOperation.End)
    assert editor.notes_strip.current_anchor_id() == second.id
    editor.text_edit.moveCursor(QTextCursor.MoveOperation.Start)
    editor.show_anchor(editor.anchors()[0].id)
    assert editor.text_edit.textCursor().position() == 2


def test_essay_snapshot_keeps_cited_items_and_a_lost_source_still_renders(editor, qtbot):
    essay = Essay(
        title="T",
        blocks=[Block("paragraph", [Span("x"), _cite("gone-1950", "9")])],
        items={"gone-1950": {"id": "gone-1950", "type": "book", "title": "A Lost Book"}},
    )
    editor.set_essay(essay)
    assert "A Lost Book" in editor.rendered_texts()[0]
    editor.insert_note(_cite("shen-2000", "3"))
    snapshot = editor.essay()
    assert set(snapshot.items) == {"gone-1950", "shen-2000"}
    assert snapshot.title == "T"


def test_a_source_in_neither_library_nor_snapshot_is_flagged_in_the_strip(editor, qtbot):
    qtbot.keyClicks(editor.text_edit, "x")
    editor.insert_note(_cite("nobody-2001", "4"))
    qtbot.waitUntil(lambda: len(editor.rendered_texts()) == 1)
    row = editor.notes_strip.rows()[0]
    assert "unknown source: nobody-2001" in row.text
    assert row.warnings
