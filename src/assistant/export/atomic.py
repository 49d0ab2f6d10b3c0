"""Write an export so that a failure never leaves a half-written or clobbered file behind.

The bytes go to a temporary file in the target's own folder (same file system, so the final
rename is atomic), are flushed and fsynced, and only then replace the target. If anything fails
on the way (read-only folder, full disk, the file open in another program), the temporary file
is removed and whatever was at the target before is untouched.
"""

from __future__ import annotations

import errno
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from assistant.atomic import replace_atomically


class ExportError(Exception):
    """An export could not be written; the message says why and what to do, for the user."""


def write_atomically(path: Path, write: Callable[[BinaryIO], object]) -> None:
    """Call `write(file)` on a temporary file beside `path`, then move it into place."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if target.is_dir():
        raise ExportError(f"Cannot export to {target}: it is a folder. Give a file name.")
    if not folder.is_dir():
        raise ExportError(f"Cannot export to {target}: the folder {folder} does not exist.")
    try:
        replace_atomically(target, write)
    except OSError as error:
        raise ExportError(_explain(error, target)) from error


def _explain(error: OSError, target: Path) -> str:
    unchanged = f"{target.name} was left as it was." if target.exists() else "No file was written."
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return (
            f"Cannot write {target}: the disk is full. Free some space or choose another "
            f"folder, then export again. {unchanged}"
        )
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return (
            f"Cannot write {target}: the folder {target.parent} is read-only or you do not "
            f"have permission to write there (or the file is open in another program). "
            f"Choose another folder. {unchanged}"
        )
    reason = error.strerror or str(error)
    return f"Cannot write {target}: {reason}. {unchanged}"
