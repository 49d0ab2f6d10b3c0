"""Snapshots in the window: take one, see it beside the text now, restore it without losing
what was there."""

from __future__ import annotations

from assistant.essay.snapshots import list_snapshots


def test_take_compare_and_restore(window, qtbot, tmp_path):
    path = tmp_path / "gamble.essay"
    qtbot.keyClicks(window.editor.text_edit, "Stalin hesitated in 1949.")
    assert window.session.save_essay(path)
    dialog = window.session.snapshots_dialog()
    qtbot.addWidget(dialog)
    dialog.ask_name = lambda: "First draft"
    assert dialog.take() is not None
    assert dialog.list.count() == 1
    # Rewrite the sentence; the comparison marks the changed words on both sides.
    window.editor.text_edit.selectAll()
    qtbot.keyClicks(window.editor.text_edit, "Stalin agreed in 1950.")
    dialog.show_comparison()
    assert "hesitated" in dialog.old_view.toPlainText()
    assert "agreed" in dialog.new_view.toPlainText()
    assert "background-color" in dialog.new_view.toHtml()
    # Restore: the old text comes back as unsaved work, and today's text is a snapshot too.
    assert dialog.restore_selected()
    assert window.editor.document.toPlainText() == "Stalin hesitated in 1949."
    assert window.editor.is_modified()
    names = [s.name for s in list_snapshots(path)]
    assert names[0] == "Before restoring “First draft”" and "First draft" in names
    assert window.essay_path == path
