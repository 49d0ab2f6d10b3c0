"""Screenshots of the main window at 1280x800 and 1440x900, light and dark, into screenshots/
(git-ignored), to look at.

Each test also checks what a glance at the picture would: the draft is a page wide, the
Reader shows a good part of the passage, the outline a good part of the notes, nothing that
matters is cut off, and the dark scheme paints text light on dark.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette, QTextCursor
from PySide6.QtWidgets import QApplication, QTableWidget

from assistant.essay.sample import make_long_essay
from assistant.ui import theme
from assistant.ui.window.main_window import MainWindow

SHOTS = Path(__file__).resolve().parents[2] / "screenshots"
SIZES = [(1280, 800), (1440, 900)]


@pytest.fixture(params=SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def size(request) -> tuple[int, int]:
    return request.param


@pytest.fixture(params=["light", "dark"])
def scheme(request, window: MainWindow):
    window.set_theme(request.param)
    yield request.param
    window.set_theme("system")


@pytest.fixture
def shot_window(window: MainWindow, qtbot, size, scheme) -> MainWindow:
    window.resize(*size)
    qtbot.waitUntil(lambda: (window.width(), window.height()) == size)
    QApplication.processEvents()
    return window


def _save(widget, name: str) -> Path:
    SHOTS.mkdir(exist_ok=True)
    path = SHOTS / name
    assert widget.grab().save(str(path))
    return path


def _tag(window: MainWindow, scheme: str) -> str:
    return f"{window.width()}x{window.height()}-{scheme}"


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


def _visible_outline_rows(window: MainWindow) -> int:
    tree = window.outline_pane.tree
    tree.expandAll()
    QApplication.processEvents()
    height = tree.viewport().height()
    rows, index = 0, tree.model().index(0, 0)
    while index.isValid():
        rect = tree.visualRect(index)
        if rect.bottom() <= height:
            rows += 1
        index = tree.indexBelow(index)
    return rows


def _reader_lines(window: MainWindow) -> float:
    text = window.reader_pane.text
    return text.viewport().height() / text.fontMetrics().lineSpacing()


def _first_line_chars(window: MainWindow) -> list[int]:
    """Characters on each full line of the draft's first long paragraph."""
    block = window.editor.document.begin()
    while block.isValid() and len(block.text()) < 400:
        block = block.next()
    layout = block.layout()
    return [layout.lineAt(i).textLength() for i in range(layout.lineCount() - 1)]


def test_default_layout(shot_window, qtbot, scheme):
    window = shot_window
    path = _save(window, f"01-default-layout-{_tag(window, scheme)}.png")
    assert path.stat().st_size > 10_000
    # First launch: every pane says what to do, none is blank.
    assert window.editor.text_edit.placeholder.isVisible()
    assert window.editor.notes_strip.placeholder.isVisible()
    assert window.outline_pane.outline().root.children
    assert not window.builder_dock.isVisible()  # it comes when the writer cites
    for dock in (window.search_dock, window.reader_dock, window.outline_dock):
        assert dock.isVisible() and dock.width() >= 280 and dock.height() >= 250
    # The draft is the centre of the work: a page wide, never squeezed by the docks.
    assert window.editor.width() >= 560
    assert _visible_outline_rows(window) >= 10
    # A query of a few words is read whole in the search box.
    query = window.search_pane.query_edit
    assert query.width() >= query.fontMetrics().horizontalAdvance("Acheson defense perimeter 1950")


def test_reading_beside_the_draft(shot_window, qtbot, scheme):
    window = shot_window
    editor = window.editor
    essay = make_long_essay(words=1500, notes=12)
    essay.title = "Why Stalin Said Yes to Kim Il Sung"
    editor.set_essay(essay)
    _search_and_open(window, qtbot, "Acheson speech", "shen-2000")
    qtbot.waitUntil(lambda: window.notes_label.text() == "12 notes")
    QApplication.processEvents()
    _save(window, f"02-reading-{_tag(window, scheme)}.png")
    assert window.editor.width() >= 560
    assert _reader_lines(window) >= 25
    # A page's measure: about 65-75 characters a line, whatever the window's width.
    lines = _first_line_chars(window)
    assert lines and all(55 <= n <= 85 for n in lines), lines
    assert 62 <= sum(lines) / len(lines) <= 78
    # An essay opens at its top.
    assert editor.text_edit.verticalScrollBar().value() == 0
    assert editor.text_edit.textCursor().position() == 0
    if scheme == "dark":
        palette = editor.text_edit.palette()
        assert palette.color(QPalette.ColorRole.Base).lightness() < 80
        assert palette.color(QPalette.ColorRole.Text).lightness() > 180
        reader_html = window.reader_pane.text.toHtml()
        assert theme.DARK.current_bg in reader_html and theme.LIGHT.current_bg not in reader_html


def test_citing_brings_the_builder_and_it_steps_aside(shot_window, qtbot, scheme):
    window = shot_window
    editor = window.editor
    editor.title_edit.setText("Why Stalin Said Yes to Kim Il Sung")
    _search_and_open(window, qtbot, "defense perimeter", "shen-2000")
    qtbot.keyClicks(editor.text_edit, "Shen reads Stalin's reply closely:")
    _select_words(window, qtbot, 10)
    qtbot.mouseClick(window.reader_pane.cite_button, Qt.MouseButton.LeftButton)
    builder = window.builder
    qtbot.waitUntil(lambda: window.builder_dock.isVisible())
    builder.rows[0].locator_edit.setText("52")
    QApplication.processEvents()
    _save(window, f"03-citing-{_tag(window, scheme)}.png")
    # The builder's form starts at its top: the passage it quotes is named in full.
    qtbot.waitUntil(lambda: builder.form_scroll.verticalScrollBar().value() == 0)
    assert (
        builder.origin_label.visibleRegion().boundingRect().height()
        == builder.origin_label.height()
    )
    text = builder.preview_text()
    assert "Full note" in text and "Short note" in text and "Bibliography" in text
    assert builder.preview.horizontalScrollBar().maximum() == 0  # wraps in the dock
    assert window.editor.width() >= 560  # citing does not squeeze the page either
    qtbot.keyClick(builder.rows[0].locator_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(editor.rendered_texts()) == 1)
    assert not window.builder_dock.isVisible()
    cursor = editor.text_edit.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    editor.text_edit.setTextCursor(cursor)
    qtbot.waitUntil(lambda: window.notes_label.text() == "1 note")
    QApplication.processEvents()
    _save(window, f"04-after-citing-{_tag(window, scheme)}.png")


def test_check_dock(shot_window, qtbot, scheme):
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
    _save(window, f"05-check-dock-{_tag(window, scheme)}.png")
    # The writer sees the misquotation listed, the source's real wording, and the mark.
    assert window.check_dock.isVisible()
    assert pane.problem_list.count() == 2
    assert "negligible" in pane.details.toPlainText()
    assert len(pane.underlined()) == 2


def test_focus_mode_shows_only_the_draft(shot_window, qtbot, scheme):
    window = shot_window
    essay = make_long_essay(words=1500, notes=12)
    essay.title = "Why Stalin Said Yes to Kim Il Sung"
    window.editor.set_essay(essay)
    window.toggle_focus_mode()
    QApplication.processEvents()
    assert not any(dock.isVisible() for dock in window.docks())
    assert window.editor.width() >= window.width() - 20
    _save(window, f"06-focus-mode-{_tag(window, scheme)}.png")
    # One column a page wide, centred: the title and the notes line up with the page instead
    # of running from edge to edge.
    page = window.editor.text_edit
    column = page.measure() + 2 * page.document().documentMargin()
    editor = window.editor
    header = editor.author_edit.geometry().right() - editor.title_edit.geometry().left()
    for name, width in (("header", header), ("notes", editor.notes_strip.width())):
        assert column <= width <= column + 200, name
    centre = window.editor.notes_strip.mapTo(window, window.editor.notes_strip.rect().center())
    assert abs(centre.x() - window.width() / 2) < 30
    window.toggle_focus_mode()
    QApplication.processEvents()
    assert window.search_dock.isVisible() and window.reader_dock.isVisible()
    assert not window.in_focus_mode()
    assert window.editor.notes_strip.width() > column + 200 or window.width() < 1300


def test_find_in_a_note_and_a_quotation_spelt_in_its_language(shot_window, qtbot, scheme):
    from assistant.essay.markdown import read_markdown

    window = shot_window
    draft = (
        "# Stalin and Korea\n\n"
        "Shen reads the telegram closely: Stalin agreed “in light of the changed international "
        "situation”.[@shen-2000, 52] The speech mattered less than the "
        "“victory of the Chinese Comunist Party”.[@zubok-pleshakov-1996, 61]\n\n"
        "Stalin's caution shows in every telegram.[@shen-2000, 53]\n"
    )
    window.editor.set_essay(read_markdown(draft).essay)
    from assistant.cite.model import Citation, Note

    last = window.editor.anchors()[-1]
    commentary = Note(("Stalin's reply is telling; see ", (Citation("shen-2000", "53"),), "."))
    window.editor.update_note(last.id, commentary)
    qtbot.waitUntil(lambda: window.spelling.speller is not None, timeout=20000)
    qtbot.waitUntil(lambda: bool(window.spelling.quotations.languages), timeout=20000)
    window.spelling.highlighter.rehighlight()
    qtbot.keyClick(window.editor.text_edit, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    bar = window.editor.find_bar
    qtbot.keyClicks(bar.find_edit, "Stalin")
    bar.replace_edit.setText("Iosif Stalin")
    for _ in range(4):
        bar.find_next()
    QApplication.processEvents()
    _save(window, f"07-find-in-notes-{_tag(window, scheme)}.png")
    strip = window.editor.notes_strip
    assert bar.current_match() is not None and strip.source_edit.selectedText() == "Stalin"
    assert strip.source_edit.isVisible() and strip.list.currentRow() == 2
    # The find bar's options and counts are all on screen, none cut off.
    for widget in (bar.scope_box, bar.regex_box, bar.count_label, bar.replace_all_button):
        assert widget.isVisible()
        assert widget.mapTo(window, widget.rect().topRight()).x() <= window.width()
    assert bar.count_label.text() == "3 in the text, 1 in notes"


def test_library_dock(shot_window, qtbot, scheme):
    window = shot_window
    window.library_dock.raise_()
    QApplication.processEvents()
    _save(window, f"08-library-{_tag(window, scheme)}.png")
    table = window.library_dock.findChild(QTableWidget, "librarySources")
    assert table is not None and table.rowCount() == 3
    # Titles on one line with room to read them, every column's header in full.
    assert table.columnWidth(0) >= 120
    header = table.horizontalHeader()
    for column in range(table.columnCount()):
        if table.isColumnHidden(column):
            continue  # the file column, left out of a dock this narrow
        label = table.horizontalHeaderItem(column).text()
        assert header.sectionSize(column) >= table.fontMetrics().horizontalAdvance(label), label
