"""The draft page: anchors numbered by position, formatting, undo, copy/paste, conversions."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from assistant.cite.model import Citation, Note
from assistant.essay.model import Block, Essay, NoteAnchor, PassageLink, Span
from assistant.ui.editor.convert import document_to_essay, essay_to_document
from assistant.ui.editor.document import ANCHOR_CHAR, DraftDocument
from assistant.ui.editor.textedit import DraftTextEdit


def _anchor(item_id: str, locator: str = "") -> NoteAnchor:
    return NoteAnchor(Note.of(Citation(item_id, locator)))


def _ids(doc: DraftDocument) -> list[str]:
    return [a.note.citations[0].item_id for a in doc.anchors()]


@pytest.fixture
def page(qtbot) -> DraftTextEdit:
    doc = DraftDocument()
    edit = DraftTextEdit(doc)
    qtbot.addWidget(edit)
    edit.resize(700, 400)
    return edit


def _put_cursor(edit: DraftTextEdit, position: int) -> None:
    cursor = edit.textCursor()
    cursor.setPosition(position)
    edit.setTextCursor(cursor)


def test_notes_are_numbered_in_text_order_and_renumber_when_one_is_added_before(page, qtbot):
    qtbot.keyClicks(page, "Stalin approved the plan.")
    page.insert_note(_anchor("shen-2000", "52"))
    assert [page.draft.note_number(a.id) for a in page.draft.anchors()] == [1]
    first = page.draft.anchors()[0]
    _put_cursor(page, 0)
    qtbot.keyClicks(page, "In 1950 ")
    page.insert_note(_anchor("shuster-2019", "3"))
    assert _ids(page.draft) == ["shuster-2019", "shen-2000"]
    assert page.draft.note_number(first.id) == 2
    assert page.draft.toPlainText().count(ANCHOR_CHAR) == 2


def test_typing_after_an_anchor_is_plain_text_not_another_note(page, qtbot):
    qtbot.keyClicks(page, "Text")
    page.insert_note(_anchor("shen-2000"))
    qtbot.keyClicks(page, " more words")
    assert page.draft.toPlainText() == f"Text{ANCHOR_CHAR} more words"
    assert len(page.draft.anchors()) == 1


def test_deleting_an_anchor_renumbers_and_undo_brings_the_same_note_back(page, qtbot):
    qtbot.keyClicks(page, "One")
    page.insert_note(_anchor("a"))
    qtbot.keyClicks(page, " two")
    page.insert_note(_anchor("b"))
    second = page.draft.anchors()[1]
    _put_cursor(page, 4)  # just after the first anchor
    qtbot.keyClick(page, Qt.Key.Key_Backspace)
    assert _ids(page.draft) == ["b"]
    assert page.draft.note_number(second.id) == 1
    page.undo()
    assert _ids(page.draft) == ["a", "b"]
    assert page.draft.note_number(second.id) == 2
    page.redo()
    assert _ids(page.draft) == ["b"]


def test_quotation_goes_in_curly_quotes_before_the_anchor_and_one_undo_removes_both(page, qtbot):
    qtbot.keyClicks(page, "Acheson said")
    page.insert_note(_anchor("shen-2000", "52"), quotation="a defensive perimeter")
    assert (
        page.draft.toPlainText() == f"Acheson said \u201ca defensive perimeter\u201d{ANCHOR_CHAR}"
    )
    page.undo()
    assert page.draft.toPlainText() == "Acheson said"
    assert page.draft.anchors() == []


def test_editing_a_note_is_undoable_and_keeps_its_id(page, qtbot):
    qtbot.keyClicks(page, "Text")
    page.insert_note(_anchor("shen-2000", "52"))
    anchor = page.draft.anchors()[0]
    edited = NoteAnchor(Note.of(Citation("shen-2000", "60")), id="ignored")
    assert page.draft.replace_anchor(anchor.id, edited)
    now = page.draft.anchors()[0]
    assert (now.id, now.note.citations[0].locator) == (anchor.id, "60")
    page.undo()
    assert page.draft.anchors()[0].note.citations[0].locator == "52"
    assert not page.draft.replace_anchor("no-such-id", edited)


def test_cut_and_paste_moves_a_note_and_renumbers(page, qtbot):
    qtbot.keyClicks(page, "First")
    page.insert_note(_anchor("a"))
    qtbot.keyClicks(page, " second")
    page.insert_note(_anchor("b"))
    moved_id = page.draft.anchors()[0].id
    cursor = page.textCursor()
    cursor.setPosition(0)
    cursor.setPosition(6, QTextCursor.MoveMode.KeepAnchor)  # "First" + its anchor
    page.setTextCursor(cursor)
    page.cut()
    assert _ids(page.draft) == ["b"]
    page.moveCursor(QTextCursor.MoveOperation.End)
    page.paste()
    assert _ids(page.draft) == ["b", "a"]
    assert page.draft.note_number(moved_id) == 2  # a move keeps the note itself


def test_copy_and_paste_of_a_note_makes_an_independent_second_note(page, qtbot):
    qtbot.keyClicks(page, "Quote")
    page.insert_note(_anchor("a", "1"))
    page.selectAll()
    page.copy()
    page.moveCursor(QTextCursor.MoveOperation.End)
    page.paste()
    anchors = page.draft.anchors()
    assert len(anchors) == 2
    assert anchors[0].id != anchors[1].id
    assert page.draft.replace_anchor(anchors[1].id, _anchor("a", "2"))
    assert [a.note.citations[0].locator for a in page.draft.anchors()] == ["1", "2"]


def test_rich_text_pasted_from_another_program_arrives_plain(page, qtbot):
    mime = QMimeData()
    mime.setHtml("<p style='color:red'><b>Bold</b> words from <i>elsewhere</i></p>")
    mime.setText("Bold words from elsewhere")
    QApplication.clipboard().setMimeData(mime)
    page.paste()
    essay = document_to_essay(page.draft)
    assert [b.inlines for b in essay.blocks] == [[Span("Bold words from elsewhere")]]
    assert page.draft.anchors() == []


def test_heading_blockquote_bold_and_italic_survive_conversion(page, qtbot):
    qtbot.keyClicks(page, "Origins")
    page.set_heading(1)
    qtbot.keyClick(page, Qt.Key.Key_Return)
    qtbot.keyClicks(page, "Body ")
    page.toggle_italic()
    qtbot.keyClicks(page, "italic")
    page.toggle_italic()
    qtbot.keyClicks(page, " and ")
    page.toggle_bold()
    qtbot.keyClicks(page, "bold")
    page.toggle_bold()
    qtbot.keyClick(page, Qt.Key.Key_Return)
    qtbot.keyClicks(page, "A quoted passage")
    page.toggle_blockquote()
    page.insert_note(_anchor("shen-2000", "52"))
    essay = document_to_essay(page.draft)
    assert [(b.kind, b.level) for b in essay.blocks] == [
        ("heading", 1),
        ("paragraph", 0),
        ("blockquote", 0),
    ]
    assert essay.blocks[0].inlines == [Span("Origins")]
    assert essay.blocks[1].inlines == [
        Span("Body "),
        Span("italic", italic=True),
        Span(" and "),
        Span("bold", bold=True),
    ]
    assert isinstance(essay.blocks[2].inlines[-1], NoteAnchor)
    assert essay.blocks[2].text == "A quoted passage"


def test_enter_at_the_end_of_a_heading_starts_a_plain_paragraph(page, qtbot):
    qtbot.keyClicks(page, "Heading")
    page.set_heading(2)
    qtbot.keyClick(page, Qt.Key.Key_Return)
    qtbot.keyClicks(page, "Plain")
    essay = document_to_essay(page.draft)
    assert [(b.kind, b.text) for b in essay.blocks] == [
        ("heading", "Heading"),
        ("paragraph", "Plain"),
    ]
    assert essay.blocks[1].inlines == [Span("Plain")]


def _sample_essay() -> Essay:
    return Essay(
        blocks=[
            Block("heading", [Span("Introduction")], level=1),
            Block(
                "paragraph",
                [
                    Span("Stalin wrote of an "),
                    Span("altered international situation", italic=True),
                    NoteAnchor(
                        Note.of(Citation("shen-2000", "44", prefix="see")),
                        passage=PassageLink("shen-2000", 0, None),
                    ),
                    Span(" and "),
                    Span("more", bold=True),
                    Span(".\nA second line."),
                ],
            ),
            Block("heading", [Span("Sub "), Span("heading", italic=True)], level=2),
            Block(
                "blockquote",
                [
                    Span("Let the Americans be our neighbors."),
                    NoteAnchor(
                        Note(
                            (
                                "Quoted in ",
                                (Citation("zubok-pleshakov-1996", "62"),),
                                "; *emphasis* mine.",
                            )
                        )
                    ),
                ],
            ),
        ]
    )


def test_essay_to_document_to_essay_round_trips(qtbot):
    essay = _sample_essay()
    doc = DraftDocument()
    essay_to_document(essay, doc)
    back = document_to_essay(doc)
    assert back.blocks == essay.blocks
    assert not doc.isModified()
    assert not doc.isUndoAvailable()
    again = DraftDocument()
    essay_to_document(back, again)
    assert document_to_essay(again).blocks == essay.blocks


def test_numbers_are_drawn_in_the_page(page, qtbot):
    # The anchors are painted by a registered text object: a page with two notes must paint
    # differently from the same text without them.
    qtbot.keyClicks(page, "Some text")
    page.show()
    qtbot.waitExposed(page)
    plain = page.viewport().grab().toImage()
    page.insert_note(_anchor("a"))
    with_note = page.viewport().grab().toImage()
    assert plain != with_note
    assert page.draft.documentLayout().documentSize().width() > 0
