"""Type @ to cite: the list filters as you type, choosing one puts the note where the @ was
and brings the builder on it, and Enter in the page field adds the page."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication


def _focus(qtbot, widget) -> None:
    widget.activateWindow()
    widget.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget)


def test_at_opens_the_list_filters_and_cites(window, qtbot):
    page = window.editor.text_edit
    completer = window.editor.cite_completer
    _focus(qtbot, page)
    qtbot.keyClicks(page, "Stalin hesitated @")
    assert completer.is_open()
    assert len(completer.model.stringList()) == 3
    qtbot.keyClicks(page, "shen 2000")
    assert completer.model.stringList() == ["Shen, “Sino-Soviet Relations” (2000)"]
    qtbot.keyClick(page, Qt.Key.Key_Return)
    assert not completer.is_open()
    # The typed @words are gone and the note is in their place already.
    assert page.toPlainText() == "Stalin hesitated \ufffc"
    qtbot.waitUntil(lambda: len(window.editor.rendered_texts()) == 1)
    assert window.builder_dock.isVisible()
    assert window.builder.rows[0].source_id() == "shen-2000"
    locator = window.builder.rows[0].locator_edit
    qtbot.waitUntil(lambda: QApplication.focusWidget() is locator)
    qtbot.keyClicks(locator, "52")
    qtbot.keyClick(locator, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.editor.rendered_texts()[0].endswith("(2000): 52."))
    assert len(window.editor.rendered_texts()) == 1
    assert page.toPlainText().startswith("Stalin hesitated \ufffc")
    assert not window.builder_dock.isVisible()


def test_escape_closes_the_list_and_keeps_the_text(window, qtbot):
    page = window.editor.text_edit
    _focus(qtbot, page)
    qtbot.keyClicks(page, "see @zub")
    assert window.editor.cite_completer.is_open()
    qtbot.keyClick(page, Qt.Key.Key_Escape)
    assert not window.editor.cite_completer.is_open()
    assert page.toPlainText() == "see @zub"


def test_no_list_for_an_address_or_hand_typed_pandoc_syntax(window, qtbot):
    page = window.editor.text_edit
    _focus(qtbot, page)
    qtbot.keyClicks(page, "mail me@")
    assert not window.editor.cite_completer.is_open()
    qtbot.keyClicks(page, " [@")
    assert not window.editor.cite_completer.is_open()
