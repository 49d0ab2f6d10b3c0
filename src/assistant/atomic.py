"""Replace a file so that a failure never leaves it half-written: the one way this app writes.

The bytes go to a temporary file in the target's own folder (same file system, so the rename is
atomic), are fsynced, and only then replace the target; the folder is fsynced so the rename
survives a power cut. On any failure (read-only folder, full disk, a crash mid-write) the
temporary file is removed, the target is untouched, and the OSError reaches the caller, which
words it for the writer (essay save, export, sources.json).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

Content = bytes | Callable[[BinaryIO], object]


def replace_atomically(
    path: Path, content: Content, *, before_replace: Callable[[], None] | None = None
) -> None:
    """Write `content` (bytes, or a function writing to a binary stream) in place of `path`.

    `before_replace` runs once the new contents are safely on disk and just before the rename
    (the essay store keeps its backup of the previous file there).
    """
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    handle, temporary_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    temporary = Path(temporary_name)
    try:
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
