"""Failures from below (disk, folders, nesting, memory) end the CLI with a message and exit 2."""

from __future__ import annotations

import errno
import json
from pathlib import Path

import pytest

from assistant.cli import main
from assistant.failures import describe

from .bounded import REPO_ROOT, run_cli

DRAFT = REPO_ROOT / "resources" / "corpus" / "zubok-pleshakov-1996.md"


def assert_clean_failure(result, *fragments: str) -> None:  # type: ignore[no-untyped-def]
    assert result.returncode == 2, (result.returncode, result.stderr)
    assert "Traceback" not in result.stderr and "Exception ignored" not in result.stderr
    assert result.stderr.splitlines()[-1].startswith("error: "), result.stderr
    for fragment in fragments:
        assert fragment in result.stderr, result.stderr


def test_sources_json_nested_100000_deep(tmp_path: Path, corpus: Path) -> None:
    deep = "[" * 100_000 + "]" * 100_000
    (corpus / "sources.json").write_text(deep, encoding="utf-8")
    result = run_cli("index", "--corpus", str(corpus), "--index", str(tmp_path / "index"))
    assert "Traceback" not in result.stderr
    assert result.returncode == 0, result.stderr
    assert "problem: sources.json: cannot be read (nested too deeply" in result.stderr
    assert "Indexed 3 source(s)" in result.stdout  # the documents are still indexed
    assert (corpus / "sources.json").read_text(encoding="utf-8") == deep  # never overwritten


def test_read_only_index_folder(corpus: Path, read_only_folder: Path) -> None:
    result = run_cli("index", "--corpus", str(corpus), "--index", str(read_only_folder))
    assert_clean_failure(result, str(read_only_folder))
    assert list(read_only_folder.iterdir()) == []


def test_index_option_names_a_file(tmp_path: Path, corpus: Path) -> None:
    not_a_folder = tmp_path / "index.txt"
    not_a_folder.write_text("my notes", encoding="utf-8")
    for command in (["index"], ["search", "Acheson"]):
        result = run_cli(*command, "--corpus", str(corpus), "--index", str(not_a_folder))
        assert_clean_failure(result, str(not_a_folder), "a file is in the way")
    assert not_a_folder.read_text(encoding="utf-8") == "my notes"


def test_index_disk_fills_up(tmp_path: Path, corpus: Path) -> None:
    """A real write failure from the OS (a file-size limit standing in for a full disk)."""
    index = tmp_path / "index"
    result = run_cli("index", "--corpus", str(corpus), "--index", str(index), file_size=16_384)
    assert_clean_failure(result, "file grew past the largest this disk")
    # Nothing half-built is taken for an index: the next run, with room, builds it and searches.
    again = run_cli("search", "Acheson", "--corpus", str(corpus), "--index", str(index))
    assert again.returncode == 0, again.stderr
    assert "shen-2000" in again.stdout


def test_index_disk_full_enospc(tmp_path: Path, corpus: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from whoosh.filedb.structfile import StructFile

    def no_space(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        raise OSError(errno.ENOSPC, "No space left on device", str(tmp_path / "index"))

    monkeypatch.setattr(StructFile, "write", no_space)
    status = main(["index", "--corpus", str(corpus), "--index", str(tmp_path / "index")])
    captured = capsys.readouterr()
    assert status == 2
    assert captured.err.strip().endswith("the disk is full; free some space and try again.")


def test_failed_export_leaves_no_zipfile_noise(tmp_path: Path) -> None:
    out = tmp_path / "essay.docx"
    result = run_cli(
        "export",
        str(DRAFT),
        "-o",
        str(out),
        "--bibliography",
        str(REPO_ROOT / "resources" / "corpus" / "sources.json"),
        file_size=8_192,
    )
    assert_clean_failure(result, "Cannot write", "No file was written")
    assert not out.exists() and list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (RecursionError("maximum recursion depth exceeded"), "nested too deeply"),
        (MemoryError(), "ran out of memory"),
        # A file that could not be created is named by its folder (often it is a temporary).
        (OSError(errno.EROFS, "Read-only file system", "/mnt/x"), "cannot write in /mnt: the disk"),
        (OSError(errno.EACCES, "Permission denied", __file__), f"{__file__}: permission denied"),
        (OSError(errno.ENOSPC, "No space left on device"), "The disk is full"),
        (OSError(errno.EXDEV, "Invalid cross-device link", "/a", None, "/b"), "/a → /b: Invalid"),
    ],
)
def test_describe(error: BaseException, expected: str) -> None:
    assert expected in describe(error)


def test_guard_catches_what_a_command_raises(capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import assistant.cli.search as search_commands

    def explode(_args):  # type: ignore[no-untyped-def]
        return json.loads("[" * 100_000 + "]" * 100_000)

    monkeypatch.setattr(search_commands, "run_index", explode)
    # register() binds run_index when the parser is built, after the patch.
    status = main(["index"])
    assert status == 2
    assert capsys.readouterr().err.startswith("error: the input is nested too deeply")
