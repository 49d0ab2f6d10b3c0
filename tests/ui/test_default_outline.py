"""A new essay opens at once; its reading-notes outline is read by Pandoc in a worker.

The window must not wait on that Pandoc process, so the outline arrives after the essay is
shown; it must then never overwrite what the writer did meanwhile.
"""

from __future__ import annotations

import threading

import pytest

from assistant.ui.window import session as sessions
from assistant.ui.window.main_window import MainWindow


@pytest.fixture
def held_outline(monkeypatch):
    """The outline read blocks until the test releases it (a slow Pandoc, made deterministic)."""
    release = threading.Event()
    real = sessions._read_default_outline

    def slow(corpus_dir):
        release.wait(30)
        return real(corpus_dir)

    monkeypatch.setattr(sessions, "_read_default_outline", slow)
    yield release
    release.set()


def _open_window(controller, qtbot):
    window = MainWindow(controller, check_recovery=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _titles(window):
    return [node.title for node in window.outline_pane.outline().root.children]


def test_the_window_is_up_before_the_outline_is_read(controller, qtbot, dialogs, held_outline):
    window = _open_window(controller, qtbot)
    # Pandoc has not answered, yet the window is shown and the editor takes typing.
    assert window.session.default_outline_pending
    assert _titles(window) == []
    qtbot.keyClicks(window.editor.text_edit, "Typed while Pandoc reads.")
    assert window.editor.document.toPlainText() == "Typed while Pandoc reads."
    with qtbot.waitSignal(window.session.defaultOutlineShown, timeout=30000):
        held_outline.set()
    assert _titles(window)[0].startswith("Why did Stalin decide to reverse himself")
    assert window.editor.document.toPlainText() == "Typed while Pandoc reads."


def test_a_heading_added_meanwhile_is_kept(controller, qtbot, dialogs, held_outline):
    window = _open_window(controller, qtbot)
    window.outline_pane.add_sibling()
    mine = _titles(window)
    assert len(mine) == 1
    with qtbot.waitSignal(window.session.defaultOutlineShown, timeout=30000):
        held_outline.set()
    assert _titles(window) == mine


def test_an_essay_opened_meanwhile_keeps_its_own_outline(
    controller, qtbot, dialogs, held_outline, tmp_path
):
    from assistant.essay import store
    from assistant.essay.model import Block, Essay, Span
    from assistant.essay.outline import Outline, OutlineNode

    essay = Essay(blocks=[Block("paragraph", [Span("Saved text.")])])
    essay.outline = Outline()
    essay.outline.add(essay.outline.root.id, None, OutlineNode("My own heading"))
    path = tmp_path / "mine.essay"
    store.save_essay(essay, path)

    window = _open_window(controller, qtbot)
    assert window.session.open_essay(path)
    assert _titles(window) == ["My own heading"]
    held_outline.set()
    # The late answer is for the essay no longer shown: give it time to arrive, then check.
    qtbot.waitUntil(lambda: not window.session.default_outline_pending, timeout=5000)
    qtbot.wait(300)
    assert _titles(window) == ["My own heading"]


def test_without_reading_notes_the_new_essay_has_an_empty_outline(
    controller, qtbot, dialogs, monkeypatch
):
    monkeypatch.setattr(sessions, "_read_default_outline", lambda _corpus_dir: None)
    window = _open_window(controller, qtbot)
    qtbot.waitUntil(lambda: not window.session.default_outline_pending, timeout=30000)
    assert _titles(window) == []
    assert window.outline_pane.outline().root.children == []
