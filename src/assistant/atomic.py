"""Replace a file so that a failure never leaves it half-written: the one way this app writes.

The bytes go to a temporary file in the target's own folder (same file system, so the rename is
atomic), are fsynced, and only then replace the target; the folder is fsynced so the rename
survives a power cut. On any failure (read-only folder, full disk, a crash mid-write) the
temporary file is removed, the target is untouched, and the OSError reaches the caller, which
words it for the writer (essay save, export, sources.json).

A process killed mid-write cannot remove its temporary `.NAME.xxxxxxxx.tmp`. The writer holds
an advisory lock on it while it lives, so `sweep_temporaries` (run by every write to the same
target, and at start-up on the corpus and essay folders) can tell such litter from a write in
progress in another process, and deletes only the litter.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

Content = bytes | Callable[[BinaryIO], object]

# mkstemp's names: the prefix ".NAME.", 8 characters of [a-z0-9_], the suffix ".tmp".
_TEMPORARY = re.compile(r"\.(?P<name>.+)\.[a-z0-9_]{8}\.tmp")
# Between mkstemp creating the file and the writer locking it there is a moment; a file this
# young is never swept. Where no lock exists (Windows), only a temporary untouched for an hour
# is taken for litter.
_YOUNGEST_LITTER_S = 2.0
_UNLOCKED_LITTER_S = 3600.0


def replace_atomically(
    path: Path, content: Content, *, before_replace: Callable[[], None] | None = None
) -> None:
    """Write `content` (bytes, or a function writing to a binary stream) in place of `path`.

    `before_replace` runs once the new contents are safely on disk and just before the rename
    (the essay store keeps its backup of the previous file there).
    """
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    sweep_temporaries(folder, target.name)
    handle, temporary_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    temporary = Path(temporary_name)
    try:
        _lock(handle)
        with os.fdopen(handle, "wb") as stream:
            if isinstance(content, bytes):
                _write_all(stream.fileno(), content)
            else:
                content(stream)
                stream.flush()
            os.fsync(stream.fileno())
        # mkstemp creates the file private (0600); keep the mode the target had or would get.
        os.chmod(temporary, _mode_for(target))
        if before_replace is not None:
            before_replace()
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
        raise
    fsync_folder(folder)


def copy_atomically(source: Path, target: Path) -> None:
    """Copy the file `source` to `target` the same way: all of it, or nothing and no litter."""

    def copy(stream: BinaryIO) -> None:
        with open(source, "rb") as reader:
            for chunk in iter(lambda: reader.read(1 << 20), b""):
                _write_all(stream.fileno(), chunk)

    replace_atomically(target, copy)


def _write_all(descriptor: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(descriptor, view)
        view = view[written:]


def _mode_for(target: Path) -> int:
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def fsync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable; not possible (nor needed) on every platform."""
    if os.name == "nt":
        return
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


def _lock(descriptor: int) -> None:
    try:
        import fcntl
    except ImportError:  # Windows: the sweep goes by age alone
        return
    with contextlib.suppress(OSError):
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)


def sweep_temporaries(
    folder: Path, name: str | None = None, suffixes: tuple[str, ...] | None = None
) -> list[Path]:
    """Delete the temporary files killed writers left in `folder`: only those of the target
    `name`, or of targets ending with one of `suffixes` (the folder may be shared with other
    programs); returns what was deleted. Never raises: litter is not worth a failed save."""
    removed: list[Path] = []
    try:
        candidates = [entry for entry in os.scandir(folder) if entry.name.endswith(".tmp")]
    except OSError:
        return removed
    now = time.time()
    for entry in candidates:
        match = _TEMPORARY.fullmatch(entry.name)
        if match is None or (name is not None and match["name"] != name):
            continue
        if suffixes is not None and not match["name"].lower().endswith(suffixes):
            continue
        path = Path(entry.path)
        with contextlib.suppress(OSError):
            age = now - entry.stat(follow_symlinks=False).st_mtime
            if not entry.is_file(follow_symlinks=False) or age < _YOUNGEST_LITTER_S:
                continue
            if _abandoned(path, age):
                path.unlink()
                removed.append(path)
    return removed


def _abandoned(path: Path, age: float) -> bool:
    """Whether no living writer holds the temporary file's lock."""
    try:
        import fcntl
    except ImportError:
        return age >= _UNLOCKED_LITTER_S
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    finally:
        os.close(descriptor)  # closing drops the lock taken just now
    return True
