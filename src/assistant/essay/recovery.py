"""Which autosave to offer after a crash: the open essay's, or, when the app starts empty, the
newest autosave of any saved essay that still differs from its file."""

from __future__ import annotations

from pathlib import Path

from assistant.essay.autosave import find_autosave, list_autosaves


def autosave_to_offer(
    essay_path: Path | None, *, has_unsaved_edits: bool
) -> tuple[Path | None, Path] | None:
    """(essay path, autosave) to offer for recovery, or None.

    An essay's own autosave comes first. A window opened without an essay (after a crash the
    app starts empty) offers the newest autosave of any essay, unless the writer has already
    started typing in it, when replacing the text would lose that.
    """
    found = find_autosave(essay_path)
    if found is not None:
        return essay_path, found
    if essay_path is not None or has_unsaved_edits:
        return None
    for info in list_autosaves():
        if info.essay_path is not None:
            found = find_autosave(info.essay_path)
            if found is not None:
                return info.essay_path, found
    return None
