"""The notes outline pane: editing the tree, importing reading notes, attaching evidence,
undo and redo."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QByteArray, QMimeData, QModelIndex, Qt
from PySide6.QtWidgets import QLineEdit

from assistant.essay.model import PassageLink
from assistant.essay.outline import Outline, OutlineNode, outline_from_markdown
from assistant.ui.outline.model import NODE_MIME
from assistant.ui.outline.pane import OutlinePane
from assistant.ui.search.hits import HIT_MIME

ZUBOK = Path(__file__).resolve().parents[2] / "resources" / "corpus" / "zubok-pleshakov-1996.md"


def _outline() -> Outline:
    root = OutlineNode("Essay notes")
    for title in ("Motives", "Method", "Mao"):
        root.children.append(OutlineNode(title))
    root.children[0].children.append(OutlineNode("Alliance with China"))
    return Outline(root)


def _titles(pane: OutlinePane) -> list[str]:
    return [node.title for node in pane.outline().root.children]


def _pane(qtbot) -> OutlinePane:
    pane = OutlinePane()
    qtbot.addWidget(pane)
    pane.resize(420, 600)
    pane.show()
    return pane


def _hit_mime(
    source_id: str = "shen-2000", ordinal: int = 14, page: str | None = "52"
) -> QMimeData:
    mime = QMimeData()
    payload = {"source_id": source_id, "ordinal": ordinal, "page": page}
    mime.setData(HIT_MIME, QByteArray(json.dumps(payload).encode()))
    return mime


def test_empty_outline_shows_a_helpful_placeholder(qtbot):
    pane = _pane(qtbot)
    assert pane.stack.currentWidget() is pane.placeholder
    assert "Import Markdown" in pane.placeholder.text()
    pane.set_outline(_outline())
    assert pane.stack.currentWidget() is pane.tree


def test_import_bundled_reading_notes(qtbot):
    pane = _pane(qtbot)
    with qtbot.waitSignal(pane.markdownImported, timeout=20_000) as blocker:
        assert pane.import_markdown_file(ZUBOK)  # read and parsed in a worker
    assert not isinstance(blocker.args[0], Exception)
    expected = outline_from_markdown(ZUBOK.read_text(encoding="utf-8"))
    assert pane.outline().root.shape() == expected.root.shape()
    model = pane.model
    assert model.rowCount() == len(expected.root.children)
    first = model.index(0, 0)
    assert first.data() == expected.root.children[0].title
    assert model.rowCount(first) == len(expected.root.children[0].children)


def test_import_into_existing_outline_keeps_what_was_there(qtbot):
    pane = _pane(qtbot)
    pane.set_outline(_outline())
    pane.import_markdown("# Imported\n\nA point\n", name="extra")
    assert _titles(pane)[:3] == ["Motives", "Method", "Mao"]
    added = pane.outline().root.children[3]
    assert added.title == "Imported" and added.children[0].title == "A point"
    # The same outline again: nothing duplicated, and the writer is told so.
    shape = pane.outline().root.shape()
    pane.import_markdown("# Imported\n\nA point\n", name="extra")
    assert pane.outline().root.shape() == shape
    assert "Nothing new" in pane.message.text()


def test_importing_the_open_outline_again_neither_duplicates_nor_misnests(qtbot):
    from assistant.paths import bundled_corpus_dir

    notes = (bundled_corpus_dir() / "zubok-pleshakov-1996.md").read_text(encoding="utf-8")
    pane = _pane(qtbot)
    pane.import_markdown(notes)
    shape = pane.outline().root.shape()
    pane.import_markdown(notes, name="zubok-pleshakov-1996")
    assert pane.outline().root.shape() == shape


def test_unreadable_markdown_file_gives_a_message_and_changes_nothing(qtbot, tmp_path):
    pane = _pane(qtbot)
    pane.set_outline(_outline())
    before = pane.outline().root.shape()
    bad = tmp_path / "notes.md"
    bad.write_bytes(b"\xff\xfe\x00garbage\x81\x82")
    assert not pane.import_markdown_file(bad)
    assert not pane.import_markdown_file(tmp_path / "missing.md")
    assert pane.outline().root.shape() == before
    assert pane.message.isVisible()
    assert "missing.md" in pane.message.text()


def test_add_rename_delete_with_keyboard(qtbot):
    pane = _pane(qtbot)
    pane.set_outline(_outline())
    pane.select(pane.outline().root.children[1].id)  # Method
    pane.tree.setFocus()
    qtbot.keyClick(pane.tree, Qt.Key.Key_Insert)
    # The new note is created after the selected one and opened for renaming.
    assert _titles(pane) == ["Motives", "Method", "New note", "Mao"]
    editor = pane.tree.findChild(QLineEdit)
    assert editor is not None and editor.isVisible()
    editor.selectAll()
    qtbot.keyClicks(editor, "Sources of doubt")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # The delegate commits the edit through a queued call.
    qtbot.waitUntil(lambda: _titles(pane) == ["Motives", "Method", "Sources of doubt", "Mao"])

    changes = []
    pane.outlineChanged.connect(lambda: changes.append(1))
    pane.select(pane.outline().root.children[2].id)
    qtbot.keyClick(pane.tree, Qt.Key.Key_Delete)
    assert _titles(pane) == ["Motives", "Method", "Mao"]
    assert changes


def test_delete_of_a_note_with_sub_notes_asks_first(qtbot):
    pane = _pane(qtbot)
    pane.set_outline(_outline())
    asked = []
    pane.confirm_delete = lambda node: asked.append(node.title) or False
    pane.select(pane.outline().root.children[0].id)  # Motives has a sub-note
    pane.delete_current()
    assert asked == ["Motives"]
    assert _titles(pane) == ["Motives", "Method", "Mao"]
    pane.confirm_delete = lambda node: True
    pane.delete_current()
    assert _titles(pane) == ["Method", "Mao"]


def test_rename_refuses_an_empty_title(qtbot):
    pane = _pane(qtbot)
    pane.set_outline(_outline())
    index = pane.model.index(2, 0)
    assert pane.model.setData(index, "  Mao's role?  ")
    assert index.data() == "Mao's role?"
    assert not pane.model.setData(index, "   ")
    assert pane.outline().root.children[2].title == "Mao's role?"


def test_indent_outdent_and_move_keep_selection(qtbot):
    pane = _pane(qtbot)
    pane.set_outline(_outline())
    root = pane.outline().root
    method = root.children[1]
    pane.select(method.id)
    pane.tree.setFocus()
    qtbot.keyClick(pane.tree, Qt.Key.Key_Tab)  # indent under "Motives"
    assert _titles(pane) == ["Motives", "Mao"]
    assert [n.title for n in root.children[0].children] == ["Alliance with China", "Method"]
    assert pane.current_node() is method
    qtbot.keyClick(pane.tree, Qt.Key.Key_Backtab)  # outdent back after "Motives"
    assert _titles(pane) == ["Motives", "Method", "Mao"]
    assert pane.current_node() is method
    pane.move_current(+1)
    assert _titles(pane) == ["Motives", "Mao", "Method"]
    qtbot.keyClick(
        pane.tree,
        Qt.Key.Key_Up,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert _titles(pane) == ["Motives", "Method", "Mao"]
    # The first note cannot be indented: nothing changes.
    pane.select(root.children[0].id)
    pane.indent_current()
    assert _titles(pane) == ["Motives", "Method", "Mao"]


def test_drag_and_drop_moves_a_node_and_refuses_moving_into_itself(qtbot):
    pane = _pane(qtbot)
    pane.set_outline(_outline())
    model = pane.model
    root = pane.outline().root
    motives, mao = root.children[0], root.children[2]
    mime = model.mimeData([model.index_of(mao.id)])
    assert mime.hasFormat(NODE_MIME)
    # Drop "Mao" between "Motives" and "Method" (row 1 of the top level).
    assert model.dropMimeData(mime, Qt.DropAction.MoveAction, 1, 0, QModelIndex())
    assert _titles(pane) == ["Motives", "Mao", "Method"]
    # Drop "Motives" onto its own child: refused, tree unchanged.
    child = model.index_of(motives.children[0].id)
    mime = model.mimeData([model.index_of(motives.id)])
    assert not model.canDropMimeData(mime, Qt.DropAction.MoveAction, -1, -1, child)
    assert not model.dropMimeData(mime, Qt.DropAction.MoveAction, -1, -1, child)
    assert _titles(pane) == ["Motives", "Mao", "Method"]
    # Down a row within the same parent: Qt's row counts the node itself.
    mime = model.mimeData([model.index_of(motives.id)])
    assert model.dropMimeData(mime, Qt.DropAction.MoveAction, 2, 0, QModelIndex())
    assert _titles(pane) == ["Mao", "Motives", "Method"]


def test_dropping_a_hit_attaches_it_and_opens_it(qtbot):
    pane = _pane(qtbot)
    pane.set_outline(_outline())
    model = pane.model
    mao = pane.outline().root.children[2]
    target = model.index_of(mao.id)
    mime = _hit_mime()
    assert model.canDropMimeData(mime, Qt.DropAction.CopyAction, -1, -1, target)
    assert model.dropMimeData(mime, Qt.DropAction.CopyAction, -1, -1, target)
    assert mao.links == [PassageLink("shen-2000", 14, "52")]
    assert "[1 passage]" in target.data()
    # The same passage twice is kept once.
    model.dropMimeData(_hit_mime(), Qt.DropAction.CopyAction, -1, -1, target)
    assert len(mao.links) == 1
    # The evidence list shows the selected note's passage; activating it opens it.
    assert pane.current_node() is mao
    assert pane.links.count() == 1
    assert "p. 52" in pane.links.item(0).text()
    opened = []
    pane.openPassage.connect(opened.append)
    pane.links.setCurrentRow(0)
    pane.links.setFocus()
    qtbot.keyClick(pane.links, Qt.Key.Key_Return)
    assert opened == [PassageLink("shen-2000", 14, "52")]  # exactly once
    pane.links.setCurrentRow(0)
    pane.detach_current_link()
    assert mao.links == []


def test_malformed_hit_drop_is_refused(qtbot):
    pane = _pane(qtbot)
    pane.set_outline(_outline())
    model = pane.model
    target = model.index(0, 0)
    bad = QMimeData()
    bad.setData(HIT_MIME, QByteArray(b"{not json"))
    assert not model.canDropMimeData(bad, Qt.DropAction.CopyAction, -1, -1, target)
    assert not model.dropMimeData(bad, Qt.DropAction.CopyAction, -1, -1, target)
    # Onto empty space (no note): refused too.
    assert not model.dropMimeData(_hit_mime(), Qt.DropAction.CopyAction, -1, -1, QModelIndex())
    assert all(not node.links for node, _ in pane.outline().walk())


def test_insert_into_draft_emits_the_note_text(qtbot):
    pane = _pane(qtbot)
    outline = _outline()
    outline.root.children[2].body = "“Military romanticism.”"
    pane.set_outline(outline)
    pane.select(outline.root.children[2].id)
    with qtbot.waitSignal(pane.insertTextRequested) as inserted:
        pane.insert_button.click()
    assert inserted.args == ["Mao\n\n“Military romanticism.”"]


def test_a_markdown_outline_file_is_parsed_off_the_gui_thread(qtbot, monkeypatch):
    """The parse (a Pandoc process) cannot finish until the GUI thread has handled a timer
    event, which a parse on the GUI thread would block."""
    import threading

    from PySide6.QtCore import QTimer

    from assistant.ui.outline import pane as pane_module

    real = pane_module.outline_from_markdown
    gui_ran = threading.Event()
    parsing = threading.Event()

    def slow_parse(text):
        parsing.set()
        if not gui_ran.wait(20):
            raise RuntimeError("the GUI thread handled no event while the outline was read")
        return real(text)

    monkeypatch.setattr(pane_module, "outline_from_markdown", slow_parse)
    pane = _pane(qtbot)
    with qtbot.waitSignal(pane.markdownImported, timeout=30_000) as blocker:
        assert pane.import_markdown_file(ZUBOK)
        assert parsing.wait(10)  # the worker is parsing, and the call has returned
        QTimer.singleShot(0, gui_ran.set)
    assert not isinstance(blocker.args[0], Exception), blocker.args[0]
    assert pane.outline().root.children


def test_a_markdown_outline_pandoc_cannot_read_gives_a_message(qtbot, monkeypatch, tmp_path):
    from assistant.essay.pandoc_ast import PandocError
    from assistant.ui.outline import pane as pane_module
    from assistant.ui.workers import TaskError

    def failing(_text):
        raise PandocError("pandoc timed out after 30 s")

    monkeypatch.setattr(pane_module, "outline_from_markdown", failing)
    pane = _pane(qtbot)
    pane.set_outline(_outline())
    before = pane.outline().root.shape()
    notes = tmp_path / "notes.md"
    notes.write_text("# A\n\nB\n", encoding="utf-8")
    with qtbot.waitSignal(pane.markdownImported, timeout=10_000) as blocker:
        assert pane.import_markdown_file(notes)
    assert isinstance(blocker.args[0], TaskError)
    assert "notes.md" in pane.message.text() and "timed out" in pane.message.text()
    assert pane.outline().root.shape() == before


# --- undo and redo: Ctrl+Z in the tree undoes the outline's last edit (not the draft's typing),
# the ↶/↷ buttons do the same, and a new essay starts a new history.


def _undo_pane(qtbot) -> OutlinePane:
    pane = _pane(qtbot)
    pane.confirm_delete = lambda _node: True
    pane.set_outline(_outline())
    return pane


def test_ctrl_z_in_the_tree_undoes_a_delete_and_a_move_and_ctrl_shift_z_redoes(qtbot):
    pane = _undo_pane(qtbot)
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
    pane = _undo_pane(qtbot)
    first = pane.model.index(0, 0)
    assert pane.model.setData(first, "Stalin's motives")
    assert _titles(pane)[0] == "Stalin's motives"
    pane.buttons["undo"].click()
    assert _titles(pane)[0] == "Motives"
    pane.buttons["redo"].click()
    assert _titles(pane)[0] == "Stalin's motives"


def test_each_undo_tells_the_window_the_outline_changed(qtbot):
    pane = _undo_pane(qtbot)
    pane.select(pane.outline().root.children[0].id)
    pane.delete_current()
    with qtbot.waitSignal(pane.outlineChanged, timeout=1000):
        pane.undo()


def test_a_new_essays_outline_cannot_be_undone_into_the_old_one(qtbot):
    pane = _undo_pane(qtbot)
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
