"""Undo and redo of outline edits (essay/outline_history.py)."""

from __future__ import annotations

from assistant.essay.outline import Outline, OutlineNode
from assistant.essay.outline_history import OutlineHistory


def _titles(outline: Outline) -> list[str]:
    return [node.title for node, _depth in outline.walk()]


def _outline(*titles: str) -> Outline:
    outline = Outline()
    for title in titles:
        outline.add(outline.root.id, None, OutlineNode(title))
    return outline


def test_undo_and_redo_walk_back_and_forth_through_the_edits():
    outline = _outline("Stalin")
    history = OutlineHistory()
    history.reset(outline)
    assert not history.can_undo and history.undo() is None
    outline.add(outline.root.id, None, OutlineNode("Kim"))
    history.record(outline)
    node = outline.root.children[0]
    outline.rename(node.id, "Stalin in 1950")
    history.record(outline)
    back = history.undo()
    assert back is not None and _titles(back) == ["Stalin", "Kim"]
    back = history.undo()
    assert back is not None and _titles(back) == ["Stalin"]
    assert history.undo() is None  # nothing before the essay's own outline
    forward = history.redo()
    assert forward is not None and _titles(forward) == ["Stalin", "Kim"]
    forward = history.redo()
    assert forward is not None and _titles(forward) == ["Stalin in 1950", "Kim"]
    assert history.redo() is None


def test_a_new_edit_after_undo_forgets_the_undone_ones():
    outline = _outline("One")
    history = OutlineHistory()
    history.reset(outline)
    outline.add(outline.root.id, None, OutlineNode("Two"))
    history.record(outline)
    restored = history.undo()
    assert restored is not None
    restored.add(restored.root.id, None, OutlineNode("Three"))
    history.record(restored)
    assert not history.can_redo
    again = history.undo()
    assert again is not None and _titles(again) == ["One"]


def test_snapshots_are_copies_and_unchanged_states_are_not_recorded():
    outline = _outline("One")
    history = OutlineHistory()
    history.reset(outline)
    assert not history.record(outline)  # nothing changed
    outline.rename(outline.root.children[0].id, "Changed")
    assert history.record(outline)
    back = history.undo()
    assert back is not None
    back.rename(back.root.children[0].id, "Edited after undo")  # the history keeps its own copy
    forward = history.redo()
    assert forward is not None and _titles(forward) == ["Changed"]


def test_the_history_is_bounded():
    outline = _outline()
    history = OutlineHistory(limit=5)
    history.reset(outline)
    for number in range(20):
        outline.add(outline.root.id, None, OutlineNode(f"Note {number}"))
        history.record(outline)
    steps = 0
    while history.undo() is not None:
        steps += 1
    assert steps == 5
