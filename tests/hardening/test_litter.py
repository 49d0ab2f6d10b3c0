"""Temporary files of killed writes are swept at start-up and by the next write or index run."""

from __future__ import annotations

import fcntl
import os
import time
from pathlib import Path

from assistant.atomic import replace_atomically, sweep_temporaries
from assistant.library.corpus import Library
from assistant.search.index import SearchIndex
from assistant.search.litter import sweep_index_litter

from .bounded import run_cli

OLD = time.time() - 600


def _litter(folder: Path, target: str, age: float = OLD) -> Path:
    path = folder / f".{target}.k3j_9xq2.tmp"
    path.write_bytes(b"half a file")
    os.utime(path, (age, age))
    return path


def test_next_write_sweeps_its_targets_litter(tmp_path: Path) -> None:
    mine = _litter(tmp_path, "essay.essay")
    other_target = _litter(tmp_path, "other.essay")
    replace_atomically(tmp_path / "essay.essay", b"new")
    assert not mine.exists()
    assert other_target.exists()  # another target's temporary is left to its own writes
    assert (tmp_path / "essay.essay").read_bytes() == b"new"
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        ".other.essay.k3j_9xq2.tmp",
        "essay.essay",
    ]


def test_a_write_in_progress_is_never_swept(tmp_path: Path) -> None:
    live = _litter(tmp_path, "essay.essay")
    descriptor = os.open(live, os.O_RDWR)
    fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)  # as a living writer holds it
    try:
        assert sweep_temporaries(tmp_path) == []
        assert live.exists()
    finally:
        os.close(descriptor)
    young = _litter(tmp_path, "young.essay", age=time.time())
    assert sweep_temporaries(tmp_path) == [live]
    assert young.exists()  # just created: maybe a writer about to take its lock


def test_suffix_filter_spares_other_programs_files(tmp_path: Path) -> None:
    theirs = _litter(tmp_path, "settings.ini")
    ours = _litter(tmp_path, "draft.docx")
    assert sweep_temporaries(tmp_path, suffixes=(".essay", ".docx", ".md")) == [ours]
    assert theirs.exists()


def test_opening_the_library_sweeps_the_corpus(corpus: Path) -> None:
    sources = _litter(corpus, "sources.json")
    document = _litter(corpus, "new-source.pdf")
    Library.open(corpus)
    assert not sources.exists() and not document.exists()


def test_index_run_sweeps_what_a_killed_build_left(tmp_path: Path, corpus: Path) -> None:
    index_dir = tmp_path / "index"
    assert run_cli("index", "--corpus", str(corpus), "--index", str(index_dir)).returncode == 0
    kept = sorted(p.name for p in index_dir.iterdir())
    scratch = index_dir / "MAIN.tmp"
    scratch.mkdir()
    (scratch / "pool_1.tmp").write_bytes(b"\0" * 1_000_000)
    for name in ("MAIN_5kiwedfvqpc5x8ux.pst", "MAIN_5kiwedfvqpc5x8ux.trm", "MAIN_zz9.seg"):
        (index_dir / name).write_bytes(b"")
    (index_dir / "_MAIN_2.toc.1796113994.6264284").write_bytes(b"half a toc")

    report = SearchIndex(index_dir).update(Library.open(corpus))
    assert report.rebuilt_reason is None and report.unchanged == 3
    assert sorted(p.name for p in index_dir.iterdir()) == kept
    assert SearchIndex(index_dir).search("Acheson").total > 0


def test_index_sweep_waits_for_a_running_writer(tmp_path: Path, corpus: Path) -> None:
    index_dir = tmp_path / "index"
    SearchIndex(index_dir).update(Library.open(corpus))
    (index_dir / "MAIN.tmp").mkdir()
    from whoosh import index as whoosh_index

    writer = whoosh_index.open_dir(str(index_dir)).writer()  # holds the write lock
    try:
        assert sweep_index_litter(index_dir) == []
        assert (index_dir / "MAIN.tmp").is_dir()  # maybe the running writer's scratch
    finally:
        writer.cancel()
    sweep_index_litter(index_dir)
    assert not (index_dir / "MAIN.tmp").exists()
