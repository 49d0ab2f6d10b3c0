"""Screenshots of the main window at 1280x800 into screenshots/ (git-ignored), to look at.

Each test also checks what a glance at the picture would: the panes show something useful,
nothing that matters is cut off.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from assistant.ui.window.main_window import MainWindow

SHOTS = Path(__file__).resolve().parents[2] / "screenshots"
SIZE = (1280, 800)


@pytest.fixture
def shot_window(window: MainWindow, qtbot) -> MainWindow:
    window.resize(*SIZE)
    qtbot.waitUntil(lambda: (window.width(), window.height()) == SIZE)
    return window


def _save(widget, name: str) -> Path:
    SHOTS.mkdir(exist_ok=True)
    path = SHOTS / name
    assert widget.grab().save(str(path))
    return path


def _search_and_open(window: MainWindow, qtbot, query: str, source_id: str) -> None:
    pane = window.search_pane
    qtbot.keyClicks(pane.query_edit, query)
    qtbot.waitUntil(lambda: pane.query() == query and bool(pane.hits()), timeout=15000)
    qtbot.keyClick(pane.query_edit, Qt.Key.Key_Down)
    for _ in range(len(pane.hits())):
        if pane.current_hit().source_id == source_id:
            break
        qtbot.keyClick(pane.results_view, Qt.Key.Key_Down)
    with qtbot.waitSignal(window.reader_pane.passageShown, timeout=10000):
        qtbot.keyClick(pane.results_view, Qt.Key.Key_Return)


def _select_words(window: MainWindow, qtbot, count: int) -> str:
    passage = window.reader_pane.current_passage
    phrase = " ".join(passage.text.split()[:count])
    with qtbot.waitSignal(window.reader_pane.selectionChanged, timeout=5000):
        window.reader_pane.text.find(phrase)
    return phrase


def test_default_layout(shot_window, qtbot):
    window = shot_window
    path = _save(window, "01-default-layout.png")
    assert path.stat().st_size > 10_000
    # First launch: every pane says what to do, none is blank.
    assert window.editor.text_edit.placeholder.isVisible()
    assert window.editor.notes_strip.placeholder.isVisible()
    assert window.outline_pane.outline().root.children
    assert "Choose a source" in window.builder.preview_text()
    assert not window.builder_dock.isVisible()  # it comes when the writer cites
    for dock in (window.search_dock, window.reader_dock, window.outline_dock):
        assert dock.isVisible() and dock.width() >= 300 and dock.height() >= 250
    # The draft is the centre of the work: no dock's minimum size may squeeze it.
    assert window.editor.width() >= 450


def test_search_and_inserted_notes(shot_window, qtbot):
    window = shot_window
    editor = window.editor
    editor.title_edit.setText("Why Stalin Said Yes to Kim Il Sung")
    editor.author_edit.setText("A. Student")
    _search_and_open(window, qtbot, "Acheson speech", "shen-2000")
    _select_words(window, qtbot, 8)
    window.builder.rows[0].locator_edit.setText("52")
    qtbot.keyClicks(editor.text_edit, "The Acheson Speech")
    editor.text_edit.set_heading(1)
    qtbot.keyClick(editor.text_edit, Qt.Key.Key_Return)
    qtbot.keyClicks(
        editor.text_edit,
        "In January 1950 Dean Acheson left Korea outside the American defense perimeter. "
        "Shen reads Stalin's reply closely:",
    )
    qtbot.mouseClick(window.builder.insert_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(editor.text_edit, " The shift was sudden.")
    window.builder.prefill("shuster-2019", "34")
    window.builder.quote_check.setChecked(False)
    qtbot.mouseClick(window.builder.insert_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(editor.text_edit, " Stalin now expected no American reply.")
    window.builder.prefill("shen-2000", "55")
    qtbot.mouseClick(window.builder.insert_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(editor.rendered_texts()) == 3)
    qtbot.waitUntil(lambda: window.notes_label.text() == "3 notes")
    words = window.words_label
    assert words.fontMetrics().horizontalAdvance(words.text()) <= words.width()
    _save(window, "02-search-and-notes.png")
    # The hits are readable: each shows its source and a snippet, not an empty row.
    assert window.search_pane.hits()
    # The notes strip shows every note, the third in short form.
    assert editor.rendered_texts()[2] == "Shen, “Sino-Soviet Relations,” 55."
    strip = editor.notes_strip.list
    for row in range(strip.count()):
        rect = strip.visualItemRect(strip.item(row))
        assert rect.height() >= strip.fontMetrics().lineSpacing()
    assert strip.horizontalScrollBar().maximum() == 0  # wrapped, never cut off sideways


def test_builder_preview(shot_window, qtbot):
    window = shot_window
    builder = window.builder
    _search_and_open(window, qtbot, "defense perimeter", "shen-2000")
    _select_words(window, qtbot, 10)
    window.focus_builder()
    builder.rows[0].locator_edit.setText("52")
    builder.rows[0].suffix_edit.setText("emphasis added")
    second = builder.add_row()
    second.set_source("zubok-pleshakov-1996")
    second.prefix_edit.setText("see also")
    second.locator_edit.setText("62–63")
    qtbot.waitUntil(lambda: second.isVisible() and second.geometry().top() > 0)
    QApplication.processEvents()  # let the builder lay out the new row before the picture
    _save(window, "03-builder-preview-window.png")
    # The builder on its own, floated and given the height a writer would drag it to.
    window.builder_dock.setFloating(True)
    window.builder_dock.resize(440, 800)
    qtbot.waitUntil(lambda: window.builder_dock.height() == 800)
    builder.splitter.setSizes([420, 380])
    QApplication.processEvents()
    builder_shot = _save(window.builder_dock, "03-builder-preview.png")
    assert builder_shot.stat().st_size > 5_000
    text = builder.preview_text()
    assert "Full note" in text and "Short note" in text and "Bibliography" in text
    assert "see also Vladislav Zubok and Constantine Pleshakov" in text
    # The preview wraps inside the dock instead of running off to the right.
    assert builder.preview.horizontalScrollBar().maximum() == 0


def test_check_dock(shot_window, qtbot):
    from assistant.essay.markdown import read_markdown

    window = shot_window
    draft = (
        "# Stalin and Korea\n\n"
        'Shuster concludes that "the speech had a small impact on decision making in the '
        'invasion of South Korea."[@shuster-2019, 31]\n\n'
        'Scholars "have been unable to explain this sudden and dramatic transformation" of '
        "policy.\n"
    )
    window.editor.set_essay(read_markdown(draft).essay)
    pane = window.check_pane
    with qtbot.waitSignal(pane.checkFinished, timeout=20000):
        window.check_draft()
    pane.problem_list.setCurrentRow(0)
    _save(window, "04-check-dock.png")
    # The writer sees the misquotation listed, the source's real wording, and the underline.
    assert window.check_dock.isVisible()
    assert pane.problem_list.count() == 2
    assert "negligible" in pane.details.toPlainText()
    assert len(pane.underlined()) == 2
