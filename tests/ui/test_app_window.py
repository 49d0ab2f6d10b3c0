"""The main window: first launch, layout memory, File menu, bad input that must lose nothing."""

from __future__ import annotations

import errno
import os
import re
import subprocess
import tempfile
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QDockWidget

from assistant.cite.model import Citation, Note
from assistant.essay import autosave as autosaves
from assistant.essay import store
from assistant.essay.model import Block, Essay, NoteAnchor, Span
from assistant.export.docx import ExportOptions
from assistant.ui.window.main_window import MainWindow
from assistant.ui.workers import TaskError


def _essay(text: str, locator: str = "52") -> Essay:
    return Essay(
        title="Stalin and Korea",
        blocks=[
            Block(
                "paragraph",
                [Span(text), NoteAnchor(Note.of(Citation("shen-2000", locator)))],
            )
        ],
    )


def _type(window: MainWindow, qtbot, text: str) -> None:
    window.editor.text_edit.setFocus()
    qtbot.keyClicks(window.editor.text_edit, text)


# --- first launch ---------------------------------------------------------------------------


def test_first_launch_has_every_dock_and_the_reading_notes_as_outline(window):
    names = {dock.objectName() for dock in window.findChildren(QDockWidget)}
    assert {"searchDock", "readerDock", "outlineDock", "builderDock"} <= names
    assert window.editor is window.centralWidget()
    top = [node.title for node in window.outline_pane.outline().root.children]
    assert top[0].startswith("Why did Stalin decide to reverse himself")
    assert window.essay_path is None
    assert "Untitled essay" in window.windowTitle()
    assert window.index_label.text().startswith("Index ready")
    assert window.words_label.text() == "0 words"
    # The empty page explains what to do instead of staring back blank.
    assert window.editor.text_edit.placeholder.isVisible()
    assert "Insert note" in window.editor.text_edit.placeholder.text()


def test_builder_knows_every_library_source(window):
    combo = window.builder.rows[0].source_combo
    ids = {combo.itemData(i) for i in range(combo.count())}
    assert {"shen-2000", "shuster-2019", "zubok-pleshakov-1996"} <= ids


def test_layout_is_restored_on_the_next_start(controller, qtbot, dialogs):
    first = MainWindow(controller, check_recovery=False)
    qtbot.addWidget(first)
    first.show()
    first.builder_dock.hide()
    first.removeDockWidget(first.search_dock)
    first.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, first.search_dock)
    first.search_dock.show()
    # The offscreen screen is 800x600 and restoring clamps the width to it: check the height.
    first.resize(1000, 520)
    qtbot.waitUntil(lambda: first.height() == 520)
    first.editor.splitter.setSizes([120, 260])
    notes_height = first.editor.splitter.sizes()[1]
    first.close()

    second = MainWindow(controller, check_recovery=False)
    qtbot.addWidget(second)
    # The notes strip keeps the height it was dragged to (give or take the new layout's
    # rounding), not the default third.
    restored = second.editor.splitter.sizes()[1]
    assert notes_height > 260
    assert abs(restored - notes_height) <= 40
    second.show()
    assert second.builder_dock.isHidden()
    assert second.dockWidgetArea(second.search_dock) == Qt.DockWidgetArea.RightDockWidgetArea
    assert second.height() == 520


# --- File menu ------------------------------------------------------------------------------


def test_save_open_and_recent_essays(window, qtbot, tmp_path):
    _type(window, qtbot, "A first sentence.")
    assert window.isWindowModified()
    path = tmp_path / "draft"  # the suffix is added
    assert window.session.save_essay(path)
    saved = tmp_path / "draft.essay"
    assert saved.is_file()
    assert window.essay_path == saved
    assert not window.isWindowModified()
    assert window.settings.recent_essays()[0] == saved.resolve()
    assert "draft.essay" in window.windowTitle()

    assert window.session.new_essay()
    assert window.editor.document.toPlainText() == ""
    assert window.session.open_essay(saved)
    assert window.editor.document.toPlainText() == "A first sentence."


def test_new_with_unsaved_changes_asks_and_cancel_keeps_everything(window, qtbot, dialogs):
    _type(window, qtbot, "Unsaved words")
    dialogs.save_answer = "cancel"
    assert not window.session.new_essay()
    assert window.editor.document.toPlainText() == "Unsaved words"
    assert dialogs.questions == [("save", "Untitled essay")]


def test_title_and_author_are_saved_with_the_essay(window, qtbot, tmp_path):
    qtbot.keyClicks(window.editor.title_edit, "The Acheson Speech")
    qtbot.keyClicks(window.editor.author_edit, "A. Student")
    assert window.isWindowModified()
    assert window.session.save_essay(tmp_path / "t.essay")
    essay = store.load_essay(tmp_path / "t.essay")
    assert (essay.title, essay.author) == ("The Acheson Speech", "A. Student")
    assert essay.outline is not None and essay.outline.root.children


def test_opening_a_missing_file_says_so(window, dialogs, tmp_path):
    assert not window.session.open_essay(tmp_path / "nowhere.essay")
    assert dialogs.errors and "nowhere.essay" in dialogs.errors[0][1]


def test_opening_a_damaged_file_offers_its_backup_and_leaves_it_untouched(
    window, dialogs, tmp_path
):
    path = tmp_path / "damaged.essay"
    store.save_essay(_essay("Good version"), path)
    store.save_essay(_essay("Newer version"), path)
    damaged = path.read_bytes()[: len(path.read_bytes()) // 2]
    path.write_bytes(damaged)
    assert window.session.open_essay(path)
    assert dialogs.questions[0][0] == "backup"
    assert "Good version" in window.editor.document.toPlainText() or (
        "Newer version" in window.editor.document.toPlainText()
    )
    assert path.read_bytes() == damaged
    assert window.isWindowModified()  # saving will replace the damage with the recovered text


def test_essay_from_a_newer_version_is_refused_clearly(window, dialogs, tmp_path):
    path = tmp_path / "future.essay"
    store.save_essay(_essay("From the future"), path)
    # An essay using nothing of the newest format is saved in an older one: any version works.
    text = re.sub(
        r'"schema_version": \d+',
        f'"schema_version": {store.SCHEMA_VERSION + 5}',
        path.read_text(encoding="utf-8"),
    )
    path.write_text(text, encoding="utf-8")
    before = path.read_bytes()
    assert not window.session.open_essay(path)
    assert "newer version" in dialogs.errors[0][1]
    assert path.read_bytes() == before


# --- saving can fail; nothing is lost ------------------------------------------------------


def _saved_then_edited(window: MainWindow, qtbot, tmp_path: Path) -> tuple[Path, bytes, str]:
    path = tmp_path / "folder" / "essay.essay"
    path.parent.mkdir()
    _type(window, qtbot, "Saved text.")
    assert window.session.save_essay(path)
    _type(window, qtbot, " Edited after saving.")
    return path, path.read_bytes(), window.editor.document.toPlainText()


def _assert_nothing_lost(window: MainWindow, path: Path, before: bytes, text: str) -> None:
    assert window.editor.document.toPlainText() == text
    assert window.isWindowModified()
    assert path.read_bytes() == before
    assert store.load_essay(path).blocks[0].text == "Saved text."


def test_save_into_a_read_only_folder_reports_and_keeps_text_and_file(
    window, qtbot, dialogs, tmp_path
):
    path, before, text = _saved_then_edited(window, qtbot, tmp_path)
    folder = path.parent
    if os.geteuid() == 0:
        # Root ignores permission bits; the immutable attribute stops even root.
        made = subprocess.run(["chattr", "+i", str(folder)], capture_output=True)
        if made.returncode != 0:
            pytest.skip(f"cannot make a folder read-only as root here: {made.stderr.decode()}")
        undo = ["chattr", "-i", str(folder)]
    else:
        folder.chmod(0o555)
        undo = ["chmod", "755", str(folder)]
    try:
        assert not window.session.save_essay()
    finally:
        subprocess.run(undo, check=True)
    assert len(dialogs.errors) == 1
    title, message = dialogs.errors[0]
    assert title == "Could not save the essay"
    assert "Nothing was lost" in message
    _assert_nothing_lost(window, path, before, text)


def test_save_into_a_read_only_folder_simulated(window, qtbot, dialogs, tmp_path, monkeypatch):
    path, before, text = _saved_then_edited(window, qtbot, tmp_path)

    def refuse(*_args, **_kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    assert not window.session.save_essay()
    assert "Could not save" in dialogs.errors[0][0]
    _assert_nothing_lost(window, path, before, text)


def test_full_disk_on_save_reports_and_keeps_text_and_file(
    window, qtbot, dialogs, tmp_path, monkeypatch
):
    path, before, text = _saved_then_edited(window, qtbot, tmp_path)

    def no_space(_fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    with monkeypatch.context() as patch:
        patch.setattr(store.os, "fsync", no_space)
        assert not window.session.save_essay()
    assert "space" in dialogs.errors[0][1].lower()
    _assert_nothing_lost(window, path, before, text)
    assert window.session.save_essay()  # once there is room again, the same text saves
    assert store.load_essay(path).blocks[0].text == text


# --- autosave and recovery ------------------------------------------------------------------


def test_autosave_writes_a_copy_in_the_background_and_shows_it(window, qtbot):
    assert not window.session.autosave_now()  # nothing changed yet
    _type(window, qtbot, "Words worth keeping.")
    with qtbot.waitSignal(window.session.autosaved, timeout=10000) as saved:
        assert window.session.autosave_now()
    autosave = saved.args[0]
    assert isinstance(autosave, Path)
    assert store.load_essay(autosave).blocks[0].text == "Words worth keeping."
    assert window.autosave_label.text().startswith("Autosaved")
    assert not window.session.autosave_now()  # nothing new since


def test_a_failed_autosave_is_shown_and_retried(window, qtbot, monkeypatch):
    _type(window, qtbot, "Words")

    def broken(*_args):
        raise OSError(errno.ENOSPC, "No space left on device")

    with monkeypatch.context() as patch:
        patch.setattr(autosaves, "write_autosave", broken)
        with qtbot.waitSignal(window.session.autosaved, timeout=10000) as saved:
            window.session.autosave_now()
    assert isinstance(saved.args[0], TaskError)
    assert window.autosave_label.text() == "Autosave failed"
    assert "No space" in window.autosave_label.toolTip()
    with qtbot.waitSignal(window.session.autosaved, timeout=10000) as saved:
        assert window.session.autosave_now()
    assert isinstance(saved.args[0], Path)


def _crashed_session(tmp_path: Path) -> Path:
    """A saved essay and, as a crash leaves it, a newer autosave with more text."""
    path = tmp_path / "crash.essay"
    store.save_essay(_essay("Saved before the crash."), path)
    old = time.time() - 60
    os.utime(path, (old, old))
    autosaves.write_autosave(_essay("Saved before the crash. Typed after it.", "60"), path)
    return path


def test_recovery_prompt_after_a_crash_recovers_the_autosave(controller, qtbot, dialogs, tmp_path):
    path = _crashed_session(tmp_path)
    before = path.read_bytes()
    dialogs.recover_answer = "recover"
    window = MainWindow(controller, path)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: bool(dialogs.questions))
    assert dialogs.questions[0][0] == "recover"
    assert "crash.essay" in dialogs.questions[0][1]
    qtbot.waitUntil(lambda: "Typed after it." in window.editor.document.toPlainText())
    assert window.essay_path == path
    assert window.isWindowModified()
    assert path.read_bytes() == before  # nothing written until the writer saves
    qtbot.waitUntil(lambda: window.editor.rendered_texts() != [])
    assert window.editor.rendered_texts()[0].endswith("(2000): 60.")
    assert window.session.save_essay()
    assert autosaves.find_autosave(path) is None


def test_recovery_declined_discards_the_autosave_and_keeps_the_file(
    controller, qtbot, dialogs, tmp_path
):
    path = _crashed_session(tmp_path)
    dialogs.recover_answer = "discard"
    window = MainWindow(controller, path)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: bool(dialogs.questions))
    assert window.editor.document.toPlainText().startswith("Saved before the crash.")
    assert "Typed after it." not in window.editor.document.toPlainText()
    assert autosaves.find_autosave(path) is None
    assert not autosaves.autosave_path(path).exists()


def test_untitled_work_is_offered_back_at_the_next_start(controller, qtbot, dialogs):
    autosaves.write_autosave(_essay("Never saved, almost lost."), None)
    window = MainWindow(controller)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: "almost lost" in window.editor.document.toPlainText())
    assert window.essay_path is None


def test_a_crashed_essay_is_offered_even_when_the_app_starts_without_it(
    controller, qtbot, dialogs, tmp_path
):
    path = _crashed_session(tmp_path)
    window = MainWindow(controller)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: "Typed after it." in window.editor.document.toPlainText())
    assert window.essay_path == path


def test_no_prompt_when_there_is_nothing_to_recover(controller, qtbot, dialogs, tmp_path):
    path = tmp_path / "calm.essay"
    store.save_essay(_essay("Quiet."), path)
    window = MainWindow(controller, path)
    qtbot.addWidget(window)
    assert window.session.check_recovery() == "none"
    assert dialogs.questions == []


# --- export ---------------------------------------------------------------------------------


def test_export_into_a_read_only_place_reports_and_keeps_the_old_file(
    window, qtbot, dialogs, tmp_path, monkeypatch
):
    window.editor.set_essay(_essay("Exported text."))
    out = tmp_path / "out.docx"
    out.write_bytes(b"an older export")

    def refuse(*_args, **_kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with qtbot.waitSignal(window.exports.exportFinished, timeout=20000) as finished:
        window.exports.export_docx(out, ExportOptions())
    assert isinstance(finished.args[0], TaskError)
    assert dialogs.errors[0][0] == "Export failed"
    assert out.read_bytes() == b"an older export"
    assert window.editor.document.toPlainText() == "Exported text.\ufffc"


def test_export_markdown_writes_pandoc_footnotes(window, qtbot, tmp_path):
    window.editor.set_essay(_essay("Exported text."))
    out = tmp_path / "draft.md"
    with qtbot.waitSignal(window.exports.exportFinished, timeout=20000):
        window.exports.export_markdown(out)
    text = out.read_text(encoding="utf-8")
    assert "Exported text [@shen-2000, 52]." in text
    assert "title: Stalin and Korea" in text


# --- drops ----------------------------------------------------------------------------------


def _drop(window: MainWindow, paths: list[Path]) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = QDropEvent(
        QPoint(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)


def test_an_unreadable_file_dropped_on_the_window_is_listed_and_nothing_is_lost(
    window, qtbot, controller, tmp_path
):
    _type(window, qtbot, "My draft stays.")
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.4 this is not really a pdf")
    with qtbot.waitSignal(controller.problemsChanged, timeout=20000):
        _drop(window, [bad])
    qtbot.waitUntil(lambda: not controller.is_busy, timeout=20000)
    problems = [str(p) for p in controller.problems()]
    assert any("broken.pdf" in p for p in problems)
    assert window.editor.document.toPlainText() == "My draft stays."
    assert set(controller.items()) >= {"shen-2000", "shuster-2019", "zubok-pleshakov-1996"}


def test_a_good_file_dropped_on_the_window_joins_the_library(window, qtbot, controller, tmp_path):
    source = tmp_path / "kennan-1947.md"
    source.write_text("# The Sources of Soviet Conduct\n\nContainment of Soviet power.\n")
    with qtbot.waitSignal(controller.libraryChanged, timeout=20000):
        _drop(window, [source])
    qtbot.waitUntil(lambda: "kennan-1947" in controller.items(), timeout=20000)
    combo = window.builder.rows[0].source_combo
    qtbot.waitUntil(lambda: combo.findData("kennan-1947") >= 0)


def test_an_essay_file_dropped_on_the_window_opens(window, tmp_path):
    path = tmp_path / "dropped.essay"
    store.save_essay(_essay("Dropped essay."), path)
    _drop(window, [path])
    assert window.essay_path == path
    assert window.editor.document.toPlainText().startswith("Dropped essay.")


# --- Markdown import ------------------------------------------------------------------------


def _import_markdown(window, qtbot, draft):
    """Import a Markdown draft and wait for the worker: the MarkdownResult or a TaskError."""
    with qtbot.waitSignal(window.session.markdownImported, timeout=30000) as imported:
        assert window.session.import_markdown(draft)
    return imported.args[0]


def test_import_markdown_opens_a_pandoc_draft_as_a_new_essay(window, qtbot, dialogs, tmp_path):
    draft = tmp_path / "draft.md"
    draft.write_text(
        "---\ntitle: From Zettlr\n---\n\n# Origins\n\n"
        "Stalin agreed in January.[^1] Later he hedged [@shen-2000, 60].\n\n"
        "[^1]: See [@shen-2000, 52].\n",
        encoding="utf-8",
    )
    before = draft.read_bytes()
    _import_markdown(window, qtbot, draft)
    editor = window.editor
    assert editor.title_edit.text() == "From Zettlr"
    assert window.essay_path is None and window.isWindowModified()
    qtbot.waitUntil(lambda: len(editor.rendered_texts()) == 2)
    # A citation after the note's own words is parenthesised, as Pandoc renders it (CMOS 14.35).
    assert editor.rendered_texts()[0].startswith("See (Shen Zhihua")
    assert editor.rendered_texts()[1] == "Shen, “Sino-Soviet Relations,” 60."
    assert draft.read_bytes() == before
    assert dialogs.infos == []


def test_import_markdown_honours_the_drafts_bibliography(window, qtbot, dialogs, tmp_path):
    import json

    (tmp_path / "refs.json").write_text(
        json.dumps(
            [
                {
                    "id": "stueck-1995",
                    "type": "book",
                    "author": [{"family": "Stueck", "given": "William"}],
                    "title": "The Korean War",
                    "publisher": "Princeton University Press",
                    "issued": {"date-parts": [[1995]]},
                }
            ]
        ),
        encoding="utf-8",
    )
    draft = tmp_path / "draft.md"
    draft.write_text(
        "---\nbibliography: refs.json\n---\n\nAs argued [@stueck-1995, 12].\n", "utf-8"
    )
    _import_markdown(window, qtbot, draft)
    editor = window.editor
    qtbot.waitUntil(lambda: len(editor.rendered_texts()) == 1)
    assert editor.rendered_texts()[0].startswith("William Stueck, ")
    assert dialogs.infos == []


def test_import_markdown_with_an_unclosed_citation_keeps_the_text_and_warns(
    window, qtbot, dialogs, tmp_path
):
    draft = tmp_path / "broken.md"
    draft.write_text("Kim pressed Stalin [@shen-2000, 52 and never closed it.\n", "utf-8")
    _import_markdown(window, qtbot, draft)
    assert "[@shen-2000, 52 and never closed it." in window.editor.document.toPlainText()
    assert dialogs.infos and "unclosed" in dialogs.infos[0][1].lower()


def test_import_markdown_that_is_not_text_is_refused(window, qtbot, dialogs, tmp_path):
    draft = tmp_path / "binary.md"
    draft.write_bytes(b"\xff\xfe\x00\x81garbage\x00")
    window.editor.set_essay(Essay(blocks=[Block("paragraph", [Span("Kept.")])]))
    assert isinstance(_import_markdown(window, qtbot, draft), TaskError)
    assert dialogs.errors and "binary.md" in dialogs.errors[0][1]
    assert window.editor.document.toPlainText() == "Kept."


def test_markdown_import_runs_off_the_gui_thread(window, qtbot, dialogs, tmp_path, monkeypatch):
    """Pandoc reads the draft in a worker: here the read cannot finish until the GUI thread
    has handled a timer event and a key press, which a read on the GUI thread would block."""
    import threading

    from PySide6.QtCore import QTimer

    from assistant.essay import markdown

    real = markdown.read_markdown
    gui_ran = threading.Event()
    reading = threading.Event()

    def slow_read(text, items=None):
        reading.set()
        if not gui_ran.wait(20):
            raise RuntimeError("the GUI thread handled no event while the draft was read")
        return real(text, items)

    monkeypatch.setattr(markdown, "read_markdown", slow_read)
    draft = tmp_path / "slow.md"
    draft.write_text("# Origins\n\nStalin agreed in January.\n", encoding="utf-8")
    title = window.editor.title_edit
    with qtbot.waitSignal(window.session.markdownImported, timeout=30000) as imported:
        assert window.session.import_markdown(draft)
        assert reading.wait(10)  # the worker is in the read, and the call has returned
        title.setFocus()
        qtbot.keyClicks(title, "typed")  # the window takes keys meanwhile
        assert title.text().endswith("typed")
        QTimer.singleShot(0, gui_ran.set)
    assert not isinstance(imported.args[0], TaskError), imported.args[0]
    assert window.editor.document.toPlainText().startswith("Origins")
    assert dialogs.errors == []


def test_a_markdown_import_ending_after_its_window_closed_touches_nothing(
    controller, qtbot, dialogs, tmp_path, monkeypatch
):
    import threading

    from assistant.essay import markdown
    from assistant.ui.window.main_window import MainWindow

    real = markdown.read_markdown
    release = threading.Event()

    def slow_read(text, items=None):
        release.wait(20)
        return real(text, items)

    monkeypatch.setattr(markdown, "read_markdown", slow_read)
    draft = tmp_path / "late.md"
    draft.write_text("Late words.\n", encoding="utf-8")
    window = MainWindow(controller)
    finished = []
    window.session.markdownImported.connect(finished.append)
    window.session.import_markdown(draft)
    window.close()
    window.deleteLater()
    qtbot.wait(50)
    release.set()
    qtbot.wait(500)  # the worker's result arrives after the window is gone: dropped
    assert finished == []
    assert dialogs.errors == []


def test_a_search_hit_dropped_into_the_text_starts_a_note_there(window, qtbot):
    from assistant.ui.search.hits import hit_to_mime

    _type(window, qtbot, "Before. After.")
    cursor = window.editor.text_edit.textCursor()
    cursor.setPosition(len("Before."))
    window.editor.text_edit.setTextCursor(cursor)
    hit = type("Hit", (), {"source_id": "shuster-2019", "ordinal": 4, "page": None, "text": "x"})
    window.editor.text_edit.insertFromMimeData(hit_to_mime(hit))
    assert window.editor.document.toPlainText() == "Before. After."  # no passage pasted
    assert window.builder.rows[0].source_id() == "shuster-2019"
    qtbot.mouseClick(window.builder.insert_button, Qt.MouseButton.LeftButton)
    assert window.editor.document.toPlainText() == "Before.\ufffc After."
    assert window.editor.anchors()[0].passage.ordinal == 4


def test_note_menu_opens_the_quoted_passage_and_edits_in_the_builder(window, qtbot):
    from assistant.essay.model import PassageLink

    anchor = NoteAnchor(
        Note.of(Citation("shen-2000", "52")), passage=PassageLink("shen-2000", 3, None)
    )
    window.editor.set_essay(Essay(blocks=[Block("paragraph", [Span("Quoted"), anchor])]))
    strip = window.editor.notes_strip
    menu = strip.context_actions(anchor.id, has_passage=True)
    actions = {a.text(): a for a in menu.actions()}
    with qtbot.waitSignal(window.reader_pane.passageShown, timeout=10000) as shown:
        actions["Open the quoted passage in the Reader"].trigger()
    assert (shown.args[0].source_id, shown.args[0].ordinal) == ("shen-2000", 3)
    actions["Edit in the Footnote builder"].trigger()
    assert window.builder.editing() == anchor.id
    window.builder.rows[0].locator_edit.setText("53")
    window.builder.submit()
    qtbot.waitUntil(lambda: window.editor.rendered_texts()[0].endswith("(2000): 53."))
    assert window.editor.anchors()[0].passage == PassageLink("shen-2000", 3, None)
    assert not strip.context_actions(anchor.id, has_passage=False).actions()[1].isEnabled()


def test_word_target_and_session_progress_in_the_status_bar(window, qtbot, monkeypatch, tmp_path):
    from assistant.essay.store import load_essay
    from assistant.ui.dialogs import messages

    monkeypatch.setattr(messages, "ask_word_target", lambda _parent, current: 100)
    qtbot.keyClicks(window.editor.text_edit, "one two three four five")
    window.words_label.click()
    qtbot.waitUntil(lambda: window.words_label.text() == "5 / 100 words (5 %) · +5 this session")
    path = tmp_path / "target.essay"
    assert window.session.save_essay(path)
    assert load_essay(path).word_target == 100
    # Reopened, the session starts again from what the essay holds.
    assert window.session.open_essay(path, ask_recovery=False)
    qtbot.waitUntil(lambda: window.words_label.text() == "5 / 100 words (5 %)")


def test_a_second_window_on_the_same_essay_is_warned(window, controller, qtbot, dialogs, tmp_path):
    path = tmp_path / "shared.essay"
    qtbot.keyClicks(window.editor.text_edit, "Mine.")
    assert window.session.save_essay(path)
    other = MainWindow(controller, check_recovery=False)
    qtbot.addWidget(other)
    dialogs.locked_answer = False
    assert not other.session.open_essay(path)
    assert dialogs.questions[-1][0] == "locked" and "another window" in dialogs.questions[-1][1]
    # Once the first window lets go, the essay opens without a question.
    window.session.new_essay()
    dialogs.questions.clear()
    assert other.session.open_essay(path)
    assert dialogs.questions == []


def test_opening_a_markdown_or_word_draft_offers_to_import_it(window, qtbot, dialogs, tmp_path):
    draft = tmp_path / "draft.md"
    draft.write_text("# Stalin and Korea\n\nA paragraph [@shen-2000, 52].\n", encoding="utf-8")
    with qtbot.waitSignal(window.session.markdownImported, timeout=30000):
        assert window.session.open_essay(draft)
    assert dialogs.questions[-1] == ("import", "draft.md: a Markdown draft")
    assert not any(title.startswith("Damaged") for title, _ in dialogs.errors)
    assert "A paragraph" in window.editor.document.toPlainText()
    assert len(window.editor.anchors()) == 1
    assert window.essay_path is None  # a new essay; the Markdown file is untouched
    dialogs.import_answer = False
    assert not window.session.open_essay(draft)


def test_a_failed_export_leaves_the_last_folder_that_worked(window, qtbot, dialogs, tmp_path):
    good = tmp_path / "good"
    good.mkdir()
    with qtbot.waitSignal(window.exports.exportFinished, timeout=30000):
        window.exports.export_markdown(good / "draft.md")
    assert window.exports.export_folder() == good
    with qtbot.waitSignal(window.exports.exportFinished, timeout=30000) as finished:
        window.exports.export_markdown(tmp_path / "missing" / "deeper" / "draft.md")
    assert isinstance(finished.args[0], TaskError)
    assert window.exports.export_folder() == good


def test_view_menu_toggles_every_dock_and_help_has_shortcuts_and_about(window, qtbot):
    toggles = {a.text() for a in window.actions.view_menu.actions()}
    for dock in window.docks():
        assert dock.toggleViewAction().text() in toggles
    rows = window.actions.shortcut_rows()
    assert ("Edit", "Find…", "Ctrl+F") in rows
    assert any(r[1] == "Keyboard shortcuts" for r in rows)
    from assistant.ui.dialogs.shortcuts import ShortcutsDialog, about_text

    dialog = ShortcutsDialog(rows, window)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() > len(rows)  # the panes' own keys too
    import assistant

    assert assistant.__version__ in about_text()


def test_library_errors_go_to_the_log_once_without_growing_the_status_bar(window, qtbot):
    height = window.statusBar().height()
    long = "could not read x.pdf: " + "a very long reason " * 30
    for _ in range(3):
        window.controller.errorOccurred.emit(long)
    entries = window.message_log.entries()
    assert len(entries) == 1 and entries[0].count == 3
    assert window.messages_button.isVisible() and "1 message" in window.messages_button.text()
    qtbot.wait(50)
    assert window.statusBar().height() == height


def test_evidence_rows_show_the_place_and_a_snippet_and_open_in_the_reader(window, qtbot):
    from assistant.essay.model import PassageLink

    passage = window.controller.index.passages("shen-2000")[20]
    pane = window.outline_pane
    node = pane.outline().root.children[0]
    assert pane.model.attach(node.id, PassageLink("shen-2000", passage.ordinal, passage.page))
    item = pane.links.item(0)
    first_words = " ".join(passage.text.split()[:5])
    qtbot.waitUntil(lambda: first_words in pane.links.item(0).text(), timeout=10000)
    text = pane.links.item(0).text()
    assert text.startswith("Shen, “Sino-Soviet Relations”")
    if passage.section:
        assert passage.section in text
    with qtbot.waitSignal(window.reader_pane.passageShown, timeout=10000) as shown:
        pane.links.itemActivated.emit(item)
    assert shown.args[0].ordinal == passage.ordinal
    assert window.reader_dock.isVisible()


@pytest.mark.parametrize("scheme", ["dark", "light"])
def test_the_empty_pages_hints_stay_readable_when_the_writer_switches_scheme(window, scheme):
    """The guidance on the empty draft and the empty notes list is in the placeholder
    colour of the scheme in use: light grey on the dark page after View > Appearance > Dark
    (it once stayed in the first scheme's colour, dark on dark)."""
    other = "light" if scheme == "dark" else "dark"
    window.set_theme(other)
    window.set_theme(scheme)
    QApplication.processEvents()
    try:
        for label, page in (
            (window.editor.text_edit.placeholder, window.editor.text_edit.viewport()),
            (window.editor.notes_strip.placeholder, window.editor.notes_strip),
        ):
            text = label.palette().color(label.foregroundRole())
            background = page.palette().color(page.backgroundRole())

            # WCAG's "large or incidental text" floor, 3:1, on relative luminance.
            def luminance(colour) -> float:
                def channel(c: float) -> float:
                    c /= 255
                    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

                r, g, b = (channel(v) for v in (colour.red(), colour.green(), colour.blue()))
                return 0.2126 * r + 0.7152 * g + 0.0722 * b

            light, dark = sorted((luminance(text), luminance(background)), reverse=True)
            assert (light + 0.05) / (dark + 0.05) >= 3.0, (label.text()[:20], scheme)
            assert (luminance(text) > luminance(background)) == (scheme == "dark")
    finally:
        window.set_theme("system")
