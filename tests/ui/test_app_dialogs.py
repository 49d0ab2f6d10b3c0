"""Export options, closing with unsaved work, the index state in the status bar."""

from __future__ import annotations

import docx
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDialog

from assistant.cite.model import Citation, Note
from assistant.essay.model import Block, Essay, NoteAnchor, Span
from assistant.export.docx import ExportOptions
from assistant.ui.dialogs.export_options import ExportOptionsDialog


def _essay() -> Essay:
    return Essay(
        title="On Korea",
        author="A. Student",
        blocks=[
            Block("paragraph", [Span("Text"), NoteAnchor(Note.of(Citation("shen-2000", "9")))])
        ],
    )


def test_export_dialog_checks_the_target_and_builds_options(qtbot, tmp_path):
    dialog = ExportOptionsDialog(tmp_path / "essay", "T", "A", ExportOptions(ibid=True))
    qtbot.addWidget(dialog)
    assert dialog.path() == tmp_path / "essay.docx"  # the suffix is added
    assert dialog.ibid_check.isChecked() and dialog.bibliography_check.isChecked()
    dialog.path_edit.setText(str(tmp_path / "no-such-folder" / "x.docx"))
    dialog._accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "does not exist" in dialog.problem_label.text()
    dialog.path_edit.setText(str(tmp_path))
    assert "is a folder" in dialog.problem()
    dialog.path_edit.setText("")
    assert "Choose where" in dialog.problem()
    dialog.path_edit.setText(str(tmp_path / "ok.docx"))
    dialog.title_page_check.setChecked(True)
    dialog.course_edit.setText("HIST 301")
    assert dialog.problem() == ""
    options = dialog.options()
    assert (options.title_page, options.ibid, options.course) == (True, True, "HIST 301")


def test_export_to_word_from_the_menu_remembers_the_choices(window, qtbot, monkeypatch, tmp_path):
    window.editor.set_essay(_essay())
    target = tmp_path / "menu.docx"

    def accept(dialog):
        dialog.path_edit.setText(str(target))
        dialog.title_page_check.setChecked(True)
        dialog.author_edit.setText("B. Writer")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ExportOptionsDialog, "exec", accept)
    with qtbot.waitSignal(window.exports.exportFinished, timeout=30000) as finished:
        window.exports.export_docx_dialog()
    assert finished.args[0].notes == 1
    assert docx.Document(str(target)).core_properties.author == "B. Writer"
    assert window.editor.author_edit.text() == "B. Writer"
    choices = window.settings.export_choices()
    assert choices["title_page"] is True
    assert choices["folder"] == str(tmp_path)


def test_closing_with_unsaved_work_asks_and_cancel_keeps_the_window(window, qtbot, dialogs):
    qtbot.keyClicks(window.editor.text_edit, "Unsaved")
    dialogs.save_answer = "cancel"
    event = QCloseEvent()
    window.closeEvent(event)
    assert not event.isAccepted()
    assert window.editor.document.toPlainText() == "Unsaved"
    dialogs.save_answer = "discard"
    event = QCloseEvent()
    window.closeEvent(event)
    assert event.isAccepted()


def test_closing_with_save_writes_the_essay(window, qtbot, dialogs, tmp_path):
    path = tmp_path / "kept.essay"
    window.editor.set_essay(_essay())
    assert window.session.save_essay(path)
    qtbot.keyClicks(window.editor.text_edit, " more")
    dialogs.save_answer = "save"
    event = QCloseEvent()
    window.closeEvent(event)
    assert event.isAccepted()
    from assistant.essay.store import load_essay

    assert "more" in load_essay(path).blocks[0].text


def test_reindex_shows_progress_then_the_index_state(window, qtbot, controller):
    seen = []
    controller.indexProgress.connect(lambda *_a: seen.append(window.index_progress.isVisible()))
    with qtbot.waitSignal(controller.indexFinished, timeout=60000):
        controller.reindex(rebuild=True)
    assert seen and all(seen)
    qtbot.waitUntil(lambda: not window.index_progress.isVisible())
    assert window.index_label.text().startswith("Index")
    assert "passages" in window.index_label.text() or "rebuilt" in window.index_label.text()


def test_recent_menu_lists_saved_essays(window, tmp_path):
    window.editor.set_essay(_essay())
    assert window.session.save_essay(tmp_path / "one.essay")
    window.session.fill_recent_menu(window.actions.recent_menu)
    names = [action.text() for action in window.actions.recent_menu.actions()]
    assert names == ["one.essay"]


def test_choosing_ibid_for_export_shows_ibid_in_the_notes_strip(
    window, qtbot, monkeypatch, tmp_path
):
    anchors = [NoteAnchor(Note.of(Citation("shen-2000", page))) for page in ("9", "10")]
    window.editor.set_essay(
        Essay(blocks=[Block("paragraph", [Span("A"), anchors[0], Span("B"), anchors[1]])])
    )
    assert window.editor.rendered_texts()[1].startswith("Shen")

    def accept(dialog):
        dialog.path_edit.setText(str(tmp_path / "ibid.docx"))
        dialog.ibid_check.setChecked(True)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ExportOptionsDialog, "exec", accept)
    with qtbot.waitSignal(window.exports.exportFinished, timeout=30000):
        window.exports.export_docx_dialog()
    qtbot.waitUntil(lambda: window.editor.rendered_texts()[1].startswith("Ibid."))
