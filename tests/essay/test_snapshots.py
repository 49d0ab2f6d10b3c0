"""Snapshots: named copies beside the essay, listed newest first, compared, restored."""

from __future__ import annotations

import errno
import os
import time
from pathlib import Path

import pytest

from assistant.essay.markdown import read_markdown
from assistant.essay.snapshots import (
    compare,
    delete_snapshot,
    list_snapshots,
    load_snapshot,
    snapshots_dir,
    take_snapshot,
)


def _essay(text: str):
    return read_markdown(text).essay


def test_take_list_and_load(tmp_path: Path) -> None:
    path = tmp_path / "gamble.essay"
    first = take_snapshot(_essay("First draft.\n"), path, "First draft")
    time.sleep(1.05)  # names sort by the second they were taken
    second = take_snapshot(_essay("Second draft.\n"), path, "  Before   cutting ")
    assert snapshots_dir(path) == tmp_path / "gamble.essay.snapshots"
    listed = list_snapshots(path)
    assert [s.name for s in listed] == ["Before cutting", "First draft"]
    assert listed[0].path == second.path
    assert load_snapshot(listed[1]).blocks[0].text == "First draft."
    delete_snapshot(first)
    assert [s.name for s in list_snapshots(path)] == ["Before cutting"]


def test_untitled_essays_snapshot_into_the_data_folder() -> None:
    snapshot = take_snapshot(_essay("Untitled.\n"), None, "")
    assert snapshot.name == "Snapshot"
    assert Path(os.environ["ASSISTANT_DATA_DIR"]) in snapshot.path.parents
    assert list_snapshots(None)[0].path == snapshot.path


def test_a_damaged_snapshot_is_skipped_not_fatal(tmp_path: Path) -> None:
    path = tmp_path / "e.essay"
    take_snapshot(_essay("Good.\n"), path, "good")
    (snapshots_dir(path) / "broken.essay").write_bytes(b"{not json")
    assert [s.name for s in list_snapshots(path)] == ["good"]


def test_a_full_disk_is_an_oserror_with_nothing_left_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "e.essay"

    def disk_full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(OSError, match="No space"):
        take_snapshot(_essay("x\n"), path, "x")
    assert list(snapshots_dir(path).iterdir()) == []


def test_compare_lines_up_paragraphs_and_marks_changed_words() -> None:
    old = _essay("Same start.\n\nStalin hesitated in 1949.\n\nCut later.\n")
    new = _essay("Same start.\n\nStalin agreed in 1950.\n\nA new ending.\n\nAnother.\n")
    rows = compare(old, new)
    assert [r.kind for r in rows] == ["same", "changed", "changed", "added"]
    changed = rows[1]
    assert [t for t, differs in changed.old if differs] == ["hesitated", "1949."]
    assert [t for t, differs in changed.new if differs] == ["agreed", "1950."]
    assert "".join(t for t, _ in changed.new) == "Stalin agreed in 1950."
    assert rows[3].old == () and rows[3].new == (("Another.", True),)


def test_compare_a_removed_paragraph() -> None:
    rows = compare(_essay("One.\n\nTwo.\n\nThree.\n"), _essay("One.\n\nThree.\n"))
    assert [r.kind for r in rows] == ["same", "removed", "same"]
