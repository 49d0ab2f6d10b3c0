"""Undo and redo in the notes outline: Ctrl+Z in the tree undoes the outline's last edit (not
the draft's typing), the ↶/↷ buttons do the same, and a new essay starts a new history."""

from __future__ import annotations

from PySide6.QtCore import Qt

from assistant.essay.outline import Outline, OutlineNode
from assistant.ui.outline.pane import OutlinePane


def _outline() -> Outline:
    root = OutlineNode("Essay notes")
    for title in ("Motives", "Method", "Mao"):
        root.children.append(OutlineNode(title))
    return Outline(root)


def _titles(pane: OutlinePane) -> list[str]:
    return [node.title for node in pane.outline().root.children]


def _pane(qtbot) -> OutlinePane:
    pane = OutlinePane()
    qtbot.addWidget(pane)
    pane.resize(420, 600)
    pane.show()
    pane.confirm_delete = lambda _node: True
    pane.set_outline(_outline())
    return pane


def test_ctrl_z_in_the_tree_undoes_a_delete_and_a_move_and_ctrl_shift_z_redoes(qtbot):
    pane = _pane(qtbot)
    held = pane.outline()  # the editor and the essay hold this object
    assert not pane.buttons["undo"].isEnabled()
    pane.select(pane.outline().root.children[0].id)
    pane.move_current(+1)
    assert _titles(pane) == ["Method", "Motives", "Mao"]
    pane.select(pane.outline().root.children[2].id)
    pane.delete_current()
    assert _titles(pane) == ["Method", "Motives"]
    assert pane.buttons["undo"].isEnabled()
    pane.tree.setFocus()
    qtbot.keyClick(pane.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _titles(pane) == ["Method", "Motives", "Mao"]
    qtbot.keyClick(pane.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _titles(pane) == ["Motives", "Method", "Mao"]
    assert not pane.buttons["undo"].isEnabled() and pane.buttons["redo"].isEnabled()
    qtbot.keyClick(
        pane.tree,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert _titles(pane) == ["Method", "Motives", "Mao"]
    assert pane.outline() is held


def test_an_undone_rename_and_the_buttons(qtbot):
    pane = _pane(qtbot)
    first = pane.model.index(0, 0)
    assert pane.model.setData(first, "Stalin's motives")
    assert _titles(pane)[0] == "Stalin's motives"
    pane.buttons["undo"].click()
    assert _titles(pane)[0] == "Motives"
    pane.buttons["redo"].click()
    assert _titles(pane)[0] == "Stalin's motives"


def test_each_undo_tells_the_window_the_outline_changed(qtbot):
    pane = _pane(qtbot)
    pane.select(pane.outline().root.children[0].id)
    pane.delete_current()
    with qtbot.waitSignal(pane.outlineChanged, timeout=1000):
        pane.undo()


def test_a_new_essays_outline_cannot_be_undone_into_the_old_one(qtbot):
    pane = _pane(qtbot)
    pane.select(pane.outline().root.children[0].id)
    pane.delete_current()
    pane.set_outline(Outline(OutlineNode("Another essay")))
    pane.undo()
    assert _titles(pane) == []
    assert "Nothing to undo" in pane.message.text()


def test_in_the_window_ctrl_z_in_the_outline_leaves_the_draft_alone(window, qtbot):
    editor = window.editor
    editor.text_edit.setFocus()
    qtbot.keyClicks(editor.text_edit, "Typed words.")
    pane = window.outline_pane
    pane.confirm_delete = lambda _node: True
    before = _titles(pane)
    pane.select(pane.outline().root.children[0].id)
    pane.delete_current()
    assert _titles(pane) == before[1:]
    pane.tree.setFocus()
    qtbot.keyClick(pane.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _titles(pane) == before
    assert editor.document.toPlainText() == "Typed words."
    # The editor still holds the outline the pane shows (links and the notes strip use it).
    assert editor._outline is pane.outline()
