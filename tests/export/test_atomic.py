"""Failed exports leave the previous file alone and no debris behind."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from assistant.export.atomic import ExportError, write_atomically

from .conftest import PREVIOUS


def _writer(payload: bytes):  # type: ignore[no-untyped-def]
    return lambda stream: stream.write(payload)


def test_read_only_folder(read_only_folder: Path) -> None:
    target = read_only_folder / "essay.docx"
    with pytest.raises(ExportError, match="read-only or you do not have permission") as caught:
        write_atomically(target, _writer(b"new"))
    assert "essay.docx was left as it was" in str(caught.value)
    assert target.read_bytes() == PREVIOUS
    assert sorted(p.name for p in read_only_folder.iterdir()) == ["essay.docx"]


def test_full_disk_at_flush(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "essay.docx"
    target.write_bytes(PREVIOUS)

    def no_space(descriptor: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", no_space)
    with pytest.raises(ExportError, match="the disk is full") as caught:
        write_atomically(target, _writer(b"new contents" * 1000))
    assert "essay.docx was left as it was" in str(caught.value)
    assert target.read_bytes() == PREVIOUS
    assert [p.name for p in tmp_path.iterdir()] == ["essay.docx"]


def test_full_disk_mid_write(tmp_path: Path) -> None:
    target = tmp_path / "essay.docx"
    target.write_bytes(PREVIOUS)

    def half_then_full(stream) -> None:  # type: ignore[no-untyped-def]
        stream.write(b"PK\x03\x04 half a zip")
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(ExportError, match="the disk is full"):
        write_atomically(target, half_then_full)
    assert target.read_bytes() == PREVIOUS
    assert [p.name for p in tmp_path.iterdir()] == ["essay.docx"]


def test_full_disk_with_no_previous_file(tmp_path: Path) -> None:
    def full(stream) -> None:  # type: ignore[no-untyped-def]
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(ExportError, match="No file was written"):
        write_atomically(tmp_path / "new.docx", full)
    assert list(tmp_path.iterdir()) == []


def test_missing_folder_and_folder_as_target(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="does not exist"):
        write_atomically(tmp_path / "nowhere" / "essay.docx", _writer(b"x"))
    with pytest.raises(ExportError, match="it is a folder"):
        write_atomically(tmp_path, _writer(b"x"))


def test_success_replaces_and_keeps_permissions(tmp_path: Path) -> None:
    target = tmp_path / "essay.docx"
    target.write_bytes(PREVIOUS)
    target.chmod(0o640)
    write_atomically(target, _writer(b"new"))
    assert target.read_bytes() == b"new"
    assert target.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["essay.docx"]


def test_a_bug_in_the_writer_is_not_disguised(tmp_path: Path) -> None:
    """Only OS errors become ExportError; a programming error propagates, still cleaned up."""

    def broken(stream) -> None:  # type: ignore[no-untyped-def]
        raise KeyError("style")

    with pytest.raises(KeyError):
        write_atomically(tmp_path / "essay.docx", broken)
    assert list(tmp_path.iterdir()) == []
