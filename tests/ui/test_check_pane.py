"""The Check dock: problems listed, selected in the draft, underlined, fixed in one click."""

from __future__ import annotations

import pytest

from assistant.essay.markdown import read_markdown

DRAFT = """# Stalin and Korea

Stalin told Mao that "in light of the altered international situation, we agree with the
proposal of the Koreans to move toward reunification."[@shen-2000, 44]

Shuster concludes that "the speech had a small impact on decision making in the invasion of
South Korea."[@shuster-2019, 31]

Scholars "have been unable to explain this sudden and dramatic transformation" of policy.
"""


@pytest.fixture
def pane(controller, qtbot):
    from assistant.ui.check.pane import CheckPane
    from assistant.ui.editor.widget import DraftEditor

    editor = DraftEditor()
    qtbot.addWidget(editor)
    editor.set_library_items(controller.items())
    editor.set_essay(read_markdown(DRAFT).essay)
    pane = CheckPane(controller, editor)
    qtbot.addWidget(pane)
    pane.auto_box.setChecked(False)  # the tests decide when to check
    yield pane
    pane.shutdown()


def check(pane, qtbot) -> list:
    with qtbot.waitSignal(pane.checkFinished, timeout=20000) as blocker:
        pane.run_check()
    return blocker.args[0]


def test_problems_are_listed_with_paragraph_and_note(pane, qtbot) -> None:
    problems = check(pane, qtbot)
    assert [(p.kind, p.paragraph, p.note) for p in problems] == [
        ("misquotation", 2, 2),
        ("no-note", 3, None),
    ]
    rows = [pane.problem_list.item(i).text() for i in range(pane.problem_list.count())]
    headline, message = rows[0].split("\n")
    assert headline == "✖ Misquoted · paragraph 2, note 2"
    assert message.startswith("quotation “the speech had a small")
    assert pane.status_label.text() == "2 problems"


def test_failing_quotations_are_underlined_in_the_draft(pane, qtbot) -> None:
    check(pane, qtbot)
    assert pane.underlined() == [
        "the speech had a small impact on decision making in the invasion of South Korea.",
        "have been unable to explain this sudden and dramatic transformation",
    ]


def test_the_quotation_mark_is_not_the_spelling_squiggle_and_explains_itself(pane, qtbot) -> None:
    from PySide6.QtGui import QTextCharFormat

    from assistant.ui.check.pane import MARK_LAYER

    check(pane, qtbot)
    text_edit = pane._editor.text_edit
    marks = text_edit.marks(MARK_LAYER)
    assert len(marks) == 2
    fmt = marks[0].format
    assert fmt.underlineStyle() == QTextCharFormat.UnderlineStyle.DashUnderline
    assert fmt.background().color().alpha() > 0  # a tint as well as the line
    # Resting the pointer on it says what is wrong and where to fix it.
    cursor = marks[0].cursor
    middle = (cursor.selectionStart() + cursor.selectionEnd()) // 2
    probe = text_edit.textCursor()
    probe.setPosition(middle)
    point = text_edit.cursorRect(probe).center()
    text = text_edit.hover_text(point.x(), point.y())
    assert text.startswith("Quotation check: ") and "F7" in text


def test_clicking_a_problem_selects_its_text_in_the_editor(pane, qtbot) -> None:
    check(pane, qtbot)
    item = pane.problem_list.item(1)
    pane.problem_list.itemClicked.emit(item)
    selected = pane._editor.text_edit.textCursor().selectedText()
    assert selected == "have been unable to explain this sudden and dramatic transformation"


def test_details_show_the_source_wording_with_the_differing_word_marked(pane, qtbot) -> None:
    check(pane, qtbot)
    pane.problem_list.setCurrentRow(0)
    html = pane.details.toHtml()
    assert "negligible" in html and "DEAN ACHESON PRESS CLUB SPEECH" in html
    assert pane.fix_button.isEnabled()
    pane.problem_list.setCurrentRow(1)
    assert not pane.fix_button.isEnabled()  # no source wording to use for an uncited quotation


def test_one_click_fix_uses_the_source_words_and_can_be_undone(pane, qtbot) -> None:
    check(pane, qtbot)
    pane.problem_list.setCurrentRow(0)
    with qtbot.waitSignal(pane.checkFinished, timeout=20000) as blocker:
        assert pane.apply_fix()
    assert [p.kind for p in blocker.args[0]] == ["no-note"]
    text = pane._editor.document.toPlainText()
    assert "the speech had a negligible impact on decision making" in text
    pane._editor.text_edit.undo()
    assert "the speech had a small impact" in pane._editor.document.toPlainText()


def test_fix_refuses_when_the_quotation_changed_since_the_check(pane, qtbot) -> None:
    check(pane, qtbot)
    pane.problem_list.setCurrentRow(0)
    cursor = pane.cursor_for(pane.current_problem())
    cursor.insertText("something else entirely")
    with qtbot.waitSignal(pane.checkFinished, timeout=20000):
        assert not pane.apply_fix()
    assert "something else entirely" in pane._editor.document.toPlainText()


def test_find_support_sends_the_selected_sentence(pane, qtbot) -> None:
    cursor = pane._editor.text_edit.textCursor()
    text = pane._editor.document.toPlainText()
    start = text.index("Scholars")
    cursor.setPosition(start)
    cursor.setPosition(start + len("Scholars"), cursor.MoveMode.KeepAnchor)
    pane._editor.text_edit.setTextCursor(cursor)
    with qtbot.waitSignal(pane.supportRequested) as blocker:
        pane.support_button.click()
    assert blocker.args == ["Scholars"]


def test_typing_schedules_a_recheck_while_the_pane_is_shown(pane, qtbot) -> None:
    pane.auto_box.setChecked(True)
    pane.show()
    qtbot.waitExposed(pane)
    check(pane, qtbot)
    cursor = pane._editor.text_edit.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    with qtbot.waitSignal(pane.checkFinished, timeout=20000):
        cursor.insertText(" More.")
    assert pane.status_label.text() == "2 problems"


# --- in the main window --------------------------------------------------------------------------


def test_main_window_has_a_check_dock_and_f7_checks(window, qtbot) -> None:
    assert window.check_dock.objectName() == "checkDock"
    assert window.actions.check.check.shortcut().toString() == "F7"
    window.editor.set_essay(read_markdown(DRAFT).essay)
    with qtbot.waitSignal(window.check_pane.checkFinished, timeout=20000) as blocker:
        window.actions.check.check.trigger()
    assert [p.kind for p in blocker.args[0]] == ["misquotation", "no-note"]
    assert window.check_dock.isVisible()


def test_find_support_shows_supporting_passages_in_the_search_pane(window, qtbot) -> None:
    sentence = "Acheson's January 1950 speech left Korea outside the American defense perimeter."
    window.editor.set_essay(read_markdown(sentence + "\n").essay)
    cursor = window.editor.text_edit.textCursor()
    cursor.select(cursor.SelectionType.Document)
    window.editor.text_edit.setTextCursor(cursor)
    with qtbot.waitSignal(window.search_pane.resultsShown, timeout=20000) as blocker:
        window.actions.check.support.trigger()
    results = blocker.args[0]
    # The key terms, not the raw sentence: find_support ran, not a plain more-like-this.
    assert results.query.startswith("acheson january 1950 speech")
    assert results.hits and all("Acheson" in hit.text for hit in results.hits[:3])


def test_find_support_without_a_selection_sends_the_sentence_at_the_cursor(pane, qtbot) -> None:
    text = pane._editor.document.toPlainText()
    cursor = pane._editor.text_edit.textCursor()
    cursor.setPosition(text.index("dramatic"))
    pane._editor.text_edit.setTextCursor(cursor)
    with qtbot.waitSignal(pane.supportRequested) as blocker:
        pane.request_support()
    assert blocker.args == [
        "Scholars “have been unable to explain this sudden and dramatic transformation” of policy."
    ]


def test_find_support_keeps_a_page_reference_inside_the_sentence(pane, qtbot) -> None:
    text_edit = pane._editor.text_edit
    text_edit.selectAll()
    text_edit.insertPlainText("Shen argues this on p. 52 of his essay. Stalin agreed.")
    cursor = text_edit.textCursor()
    cursor.setPosition(text_edit.toPlainText().index("essay"))
    text_edit.setTextCursor(cursor)
    with qtbot.waitSignal(pane.supportRequested) as blocker:
        pane.request_support()
    assert blocker.args == ["Shen argues this on p. 52 of his essay."]
