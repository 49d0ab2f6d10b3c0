"""The window works from the keyboard: shortcuts reach the pane they name, wherever focus is."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication


def _focus(qtbot, widget) -> None:
    widget.activateWindow()
    widget.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget)


def test_ctrl_k_reaches_the_search_box_from_the_page_and_from_the_search_pane(window, qtbot):
    page = window.editor.text_edit
    query = window.search_pane.query_edit
    _focus(qtbot, page)
    qtbot.keyClick(page, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is query)
    qtbot.keyClicks(query, "Acheson")
    qtbot.keyClick(query, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is query
    assert query.selectedText() == "Acheson"  # ready to type a new query


def test_ctrl_alt_f_opens_the_builder_on_the_locator(window, qtbot):
    page = window.editor.text_edit
    _focus(qtbot, page)
    qtbot.keyClick(
        page,
        Qt.Key.Key_F,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier,
    )
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.builder.rows[0].locator_edit)


def test_ctrl_return_in_the_builder_inserts_the_note(window, qtbot):
    window.focus_builder()
    window.builder.prefill("shen-2000", "52")
    _focus(qtbot, window.builder.rows[0].locator_edit)
    qtbot.keyClick(
        window.builder.rows[0].locator_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
    )
    assert len(window.editor.anchors()) == 1


def test_format_shortcuts_in_the_page(window, qtbot):
    page = window.editor.text_edit
    _focus(qtbot, page)
    qtbot.keyClicks(page, "Heading")
    qtbot.keyClick(page, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert page.textCursor().blockFormat().headingLevel() == 2
    qtbot.keyClick(page, Qt.Key.Key_Return)
    qtbot.keyClick(page, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(page, "slanted")
    essay = window.editor.essay()
    assert essay.blocks[1].inlines[0].italic
    qtbot.keyClick(page, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "slanted" not in page.toPlainText()


def test_draft_shortcuts_do_nothing_to_the_draft_from_another_pane(window, qtbot):
    page = window.editor.text_edit
    _focus(qtbot, page)
    qtbot.keyClicks(page, "Draft text")
    page.selectAll()
    tree = window.outline_pane.tree
    _focus(qtbot, tree)
    qtbot.keyClick(tree, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert page.toPlainText() == "Draft text"
    assert not window.editor.essay().blocks[0].inlines[0].bold


def test_zoom_scales_the_page_without_editing_it_and_is_remembered(window, qtbot):
    page = window.editor.text_edit
    _focus(qtbot, page)
    qtbot.keyClicks(page, "Heading")
    page.set_heading(1)
    window.editor.set_modified(False)
    body = page.document().defaultFont().pointSizeF()
    heading_before = page.document().begin().layout().lineAt(0).height()
    qtbot.keyClick(page, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(page, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert page.document().defaultFont().pointSizeF() == body + 2
    assert page.document().begin().layout().lineAt(0).height() > heading_before  # headings too
    assert not window.editor.is_modified()  # zoom is a view, not an edit
    qtbot.keyClick(page, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert page.zoom() == 1
    window.close()
    assert window.settings.zoom() == 1


def test_f11_focus_mode_and_back(window, qtbot):
    _focus(qtbot, window.editor.text_edit)
    qtbot.keyClick(window.editor.text_edit, Qt.Key.Key_F11)
    assert window.in_focus_mode() and not window.search_dock.isVisible()
    qtbot.keyClick(window.editor.text_edit, Qt.Key.Key_F11)
    assert not window.in_focus_mode() and window.search_dock.isVisible()
