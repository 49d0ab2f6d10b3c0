"""The Check dock's borrowing guard and typed-note suggestions: listed, marked in their own
style, explained on hover, fixed in one undoable click."""

from __future__ import annotations

import pytest

from assistant.cite.model import Note
from assistant.essay.markdown import read_markdown

SHEN = (
    "A week later, Secretary of State Dean Acheson pointedly excluded Taiwan and South Korea "
    "from America's defense perimeter in the western Pacific."
)
DRAFT = f"""# Stalin and Korea

Many things changed in January. {SHEN}

Kim pressed Stalin again in the spring.[^1]

[^1]: Shen, “Sino-Soviet Relations,” 55.
"""


@pytest.fixture
def pane(controller, qtbot):
    from assistant.ui.check.pane import CheckPane
    from assistant.ui.editor.widget import DraftEditor

    editor = DraftEditor()
    qtbot.addWidget(editor)
    editor.set_library_items(controller.items())
    editor.set_essay(read_markdown(DRAFT, controller.items()).essay)
    pane = CheckPane(controller, editor)
    qtbot.addWidget(pane)
    pane.auto_box.setChecked(False)
    yield pane
    pane.shutdown()


def check(pane, qtbot) -> list:
    with qtbot.waitSignal(pane.checkFinished, timeout=30000) as blocker:
        pane.run_check()
    return blocker.args[0]


def _select(pane, kind: str):  # type: ignore[no-untyped-def]
    from assistant.ui.check.pane import _PROBLEM_ROLE

    for row in range(pane.problem_list.count()):
        item = pane.problem_list.item(row)
        if item.data(_PROBLEM_ROLE).kind == kind:
            pane.problem_list.setCurrentItem(item)
            return item.data(_PROBLEM_ROLE)
    raise AssertionError(f"no {kind} listed")


def test_borrowed_wording_is_listed_marked_and_explained(pane, qtbot) -> None:
    from PySide6.QtGui import QTextCharFormat

    from assistant.ui.check.pane import BORROWING_LAYER, MARK_LAYER

    problems = check(pane, qtbot)
    borrowed = [p for p in problems if p.kind == "unquoted-borrowing"]
    assert len(borrowed) == 1 and borrowed[0].item_id == "shen-2000"
    # Pandoc's reader curls the apostrophe ("America’s"), as the draft shows it.
    assert [t.replace("’", "'") for t in pane.borrowed()] == [SHEN.rstrip(".")]
    text_edit = pane._editor.text_edit
    (mark,) = text_edit.marks(BORROWING_LAYER)
    assert mark.format.underlineStyle() == QTextCharFormat.UnderlineStyle.DotLine
    quotation_marks = text_edit.marks(MARK_LAYER)
    assert all(
        m.format.underlineStyle() != QTextCharFormat.UnderlineStyle.DotLine for m in quotation_marks
    )
    middle = (mark.cursor.selectionStart() + mark.cursor.selectionEnd()) // 2
    probe = text_edit.textCursor()
    probe.setPosition(middle)
    point = text_edit.cursorRect(probe).center()
    assert text_edit.hover_text(point.x(), point.y()).startswith("Borrowing guard:")
    _select(pane, "unquoted-borrowing")
    assert "The source reads" in pane.details.toHtml()
    assert pane.fix_button.text() == "Quote the source" and pane.fix_button.isEnabled()
    assert pane.open_source_button.isVisible() or not pane.isVisible()


def test_quote_the_source_makes_a_cited_quotation_in_one_undo_step(pane, qtbot) -> None:
    check(pane, qtbot)
    _select(pane, "unquoted-borrowing")
    editor = pane._editor
    assert pane.apply_fix()
    essay = editor.essay()
    paragraph = essay.blocks[1]
    assert "“A week later, Secretary of State Dean Acheson" in paragraph.text
    assert paragraph.text.rstrip().endswith("western Pacific”") or "Pacific”" in paragraph.text
    notes = essay.notes()
    assert notes[0].citations[0].item_id == "shen-2000"
    editor.document.undo()
    restored = editor.essay().blocks[1].text.replace("’", "'")
    assert restored == f"Many things changed in January. {SHEN}"
    assert len(editor.essay().notes()) == 1


def test_open_in_reader_names_the_source_passage(pane, qtbot) -> None:
    check(pane, qtbot)
    problem = _select(pane, "unquoted-borrowing")
    with qtbot.waitSignal(pane.passageRequested, timeout=2000) as blocker:
        pane.open_source()
    assert blocker.args == ["shen-2000", problem.borrowing.source_start]


def test_a_typed_note_becomes_the_citation_it_spells_out(pane, qtbot) -> None:
    check(pane, qtbot)
    _select(pane, "hand-written-citation")
    assert pane.fix_button.text() == "Make it a citation"
    assert pane.apply_fix()
    (note,) = pane._editor.essay().notes()
    assert note == Note.of(note.citations[0])
    assert (note.citations[0].item_id, note.citations[0].locator) == ("shen-2000", "55")
