"""The lock beside an open essay: a second window is told, a crashed one's lock is stale."""

from __future__ import annotations

import json
import os
from pathlib import Path

from assistant.essay.lock import EssayLock, lock_path, read_holder


def test_a_second_window_sees_the_first(tmp_path: Path) -> None:
    essay = tmp_path / "gamble.essay"
    first, second = EssayLock(), EssayLock()
    assert first.acquire(essay)
    assert first.other_holder(essay) is None  # its own lock is no warning
    holder = second.other_holder(essay)
    assert holder is not None and holder.pid == os.getpid()
    assert "another window" in holder.describe()
    first.release()
    assert not lock_path(essay).exists()
    assert second.other_holder(essay) is None


def test_a_crashed_processs_lock_is_stale(tmp_path: Path) -> None:
    essay = tmp_path / "gamble.essay"
    lock = EssayLock()
    lock.acquire(essay)
    data = json.loads(lock_path(essay).read_text())
    data["pid"], data["token"] = 2**22 + 12345, "someone-else"  # no such process
    lock_path(essay).write_text(json.dumps(data))
    assert EssayLock().other_holder(essay) is None


def test_releasing_does_not_remove_anothers_lock(tmp_path: Path) -> None:
    essay = tmp_path / "gamble.essay"
    mine, theirs = EssayLock(), EssayLock()
    mine.acquire(essay)
    theirs.acquire(essay)  # they opened it anyway, after the warning
    mine.release()
    assert read_holder(essay).token == theirs.token


def test_a_damaged_or_unwritable_lock_never_blocks(tmp_path: Path) -> None:
    essay = tmp_path / "gamble.essay"
    lock_path(essay).write_bytes(b"\x00garbage")
    assert EssayLock().other_holder(essay) is None
    assert not EssayLock().acquire(tmp_path / "missing-folder" / "x.essay")
