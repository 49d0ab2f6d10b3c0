"""Undo and redo for the notes outline: snapshots of the whole tree, one per edit.

An outline is small (hundreds of notes at most) and its edits are many kinds (add, rename,
move, indent, link evidence, merge an import), so a copy of the tree after each edit is both
simpler and safer than an inverse for every operation: undo can never restore half an edit.
"""

from __future__ import annotations

import copy

from assistant.essay.outline import Outline

HISTORY_LIMIT = 200  # edits kept for undo; the oldest are forgotten first


class OutlineHistory:
    """The outline's past and undone states around the `current` one."""

    def __init__(self, limit: int = HISTORY_LIMIT) -> None:
        self._limit = limit
        self._undo: list[Outline] = []
        self._redo: list[Outline] = []
        self._current: Outline | None = None

    def reset(self, outline: Outline) -> None:
        """A new essay's outline: nothing before it to undo."""
        self._undo.clear()
        self._redo.clear()
        self._current = copy.deepcopy(outline)

    def record(self, outline: Outline) -> bool:
        """After an edit: the state before it becomes undoable. False when nothing changed
        (a rename to the same title, or the state an undo just restored)."""
        if self._current is not None and outline == self._current:
            return False
        if self._current is not None:
            self._undo.append(self._current)
            del self._undo[: max(0, len(self._undo) - self._limit)]
        self._redo.clear()
        self._current = copy.deepcopy(outline)
        return True

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    def undo(self) -> Outline | None:
        """The state before the last edit (a copy to edit freely), or None."""
        if not self._undo or self._current is None:
            return None
        self._redo.append(self._current)
        self._current = self._undo.pop()
        return copy.deepcopy(self._current)

    def redo(self) -> Outline | None:
        """The state the last undo left, or None."""
        if not self._redo or self._current is None:
            return None
        self._undo.append(self._current)
        self._current = self._redo.pop()
        return copy.deepcopy(self._current)
