"""Which autosave is offered after a crash (the window asks; this decides what it asks about)."""

from __future__ import annotations

import os
from pathlib import Path

from assistant.essay.autosave import write_autosave
from assistant.essay.recovery import autosave_to_offer
from assistant.essay.sample import make_long_essay
from assistant.essay.store import save_essay


def _titled(title: str):
    essay = make_long_essay(words=200, notes=3)
    essay.title = title
    return essay


def _age(path: Path, seconds: int) -> None:
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns - seconds * 1_000_000_000))


def test_nothing_to_offer() -> None:
    assert autosave_to_offer(None, has_unsaved_edits=False) is None


def test_the_open_essays_own_autosave_comes_first(tmp_path: Path) -> None:
    mine, other = tmp_path / "mine.essay", tmp_path / "other.essay"
    for path in (mine, other):
        save_essay(_titled("Saved"), path)
        _age(path, 60)
    write_autosave(_titled("Other edits"), other)
    own = write_autosave(_titled("My edits"), mine)
    assert autosave_to_offer(mine, has_unsaved_edits=False) == (mine, own)


def test_an_open_essay_without_an_autosave_is_not_offered_another_essays(tmp_path: Path) -> None:
    mine, other = tmp_path / "mine.essay", tmp_path / "other.essay"
    for path in (mine, other):
        save_essay(_titled("Saved"), path)
        _age(path, 60)
    write_autosave(_titled("Other edits"), other)
    assert autosave_to_offer(mine, has_unsaved_edits=False) is None


def test_an_empty_window_offers_the_newest_saved_essays_autosave(tmp_path: Path) -> None:
    path = tmp_path / "gamble.essay"
    save_essay(_titled("Saved"), path)
    _age(path, 60)
    autosave = write_autosave(_titled("Edited after saving"), path)
    assert autosave_to_offer(None, has_unsaved_edits=False) == (path.resolve(), autosave)
    # Once the writer types in the empty window, offering the other essay would replace it.
    assert autosave_to_offer(None, has_unsaved_edits=True) is None


def test_an_autosave_identical_to_its_file_is_not_offered(tmp_path: Path) -> None:
    path = tmp_path / "gamble.essay"
    essay = _titled("Same")
    save_essay(essay, path)
    _age(path, 60)
    write_autosave(essay, path)
    assert autosave_to_offer(None, has_unsaved_edits=False) is None


def test_an_untitled_autosave_is_offered_to_an_empty_window() -> None:
    autosave = write_autosave(_titled("Never saved"), None)
    assert autosave_to_offer(None, has_unsaved_edits=False) == (None, autosave)
