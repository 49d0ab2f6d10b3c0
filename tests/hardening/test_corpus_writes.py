"""Copies into the corpus are atomic: a full disk leaves no truncated source behind."""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

import pytest

from assistant.library.corpus import Library
from assistant.library.errors import LibraryError

from .bounded import REPO_ROOT

pytestmark = pytest.mark.skipif(
    not Path("/proc/self/fd").is_dir(), reason="needs /proc to tell which file a write is into"
)


def _fail_writes_into(folder: Path, monkeypatch: pytest.MonkeyPatch, after: int) -> None:
    """os.write into files under `folder` fails with ENOSPC once `after` bytes are written."""
    real_write = os.write
    written = {"bytes": 0}

    def write(fd: int, data: bytes) -> int:
        if not os.readlink(f"/proc/self/fd/{fd}").startswith(str(folder.resolve())):
            return real_write(fd, data)
        room = after - written["bytes"]
        if room <= 0:
            raise OSError(errno.ENOSPC, "No space left on device")
        count = real_write(fd, bytes(data[:room]))
        written["bytes"] += count
        return count

    monkeypatch.setattr(os, "write", write)


@pytest.mark.parametrize("after", [0, 300_000], ids=["disk already full", "fills mid-copy"])
def test_add_file_on_a_full_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, after: int):
    corpus = tmp_path / "corpus"
    shutil.copytree(REPO_ROOT / "resources" / "corpus", corpus)
    outside = tmp_path / "outside"
    outside.mkdir()
    big = outside / "long-report.md"
    big.write_text("# Report\n\n" + "The armistice talks dragged on. " * 40_000, encoding="utf-8")
    before = {p.name: p.read_bytes() for p in corpus.iterdir()}
    library = Library.open(corpus)

    _fail_writes_into(corpus, monkeypatch, after)
    with pytest.raises(LibraryError, match="No space left on device"):
        library.add_file(big)
    monkeypatch.undo()

    # Nothing truncated, no temporary file, sources.json as it was...
    assert {p.name: p.read_bytes() for p in corpus.iterdir()} == before
    # ...so nothing is listed (or later indexed) as a complete source.
    assert "long-report" not in {s.id for s in Library.open(corpus).sources}
    # The same copy succeeds, whole, once there is room.
    source = library.add_file(big)
    assert source.path is not None and source.path.read_bytes() == big.read_bytes()
