"""What the command line and the app say when the system, not the input, stops an operation.

Every expected failure has its own message where it happens (a damaged file, a bad query). What
is left are errors from below: a disk that is full or read-only, a path that is a file where a
folder was wanted, input nested deeper than Python's stack, memory running out. The CLI's
top-level handler and the app's exception hook both word them with `describe`, so a writer
never sees a traceback and both say the same thing.
"""

from __future__ import annotations

import errno
import os

# The failures worded here; anything else is a bug and keeps its traceback (in the log).
SYSTEM_FAILURES = (OSError, RecursionError, MemoryError)

_REASONS = {
    errno.ENOSPC: "the disk is full; free some space and try again",
    errno.EDQUOT: "the disk quota is used up; free some space and try again",
    errno.EFBIG: "the file grew past the largest this disk (or a size limit) allows",
    errno.EROFS: "the disk is read-only",
    errno.EACCES: "permission denied (the folder may be read-only)",
    errno.EPERM: "the operation is not permitted (the folder may be read-only or locked)",
    errno.ENOTDIR: "a file is in the way where a folder was expected",
    errno.EISDIR: "it is a folder where a file was expected",
    errno.ENOENT: "it does not exist",
    errno.ENAMETOOLONG: "the name is too long",
    errno.EMFILE: "too many files are open",
    errno.EIO: "the disk reported an input/output error",
}

_WRITE_ERRORS = {errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EPERM}


def describe(error: BaseException) -> str:
    """One sentence for the writer; no traceback, no Python jargon beyond the error's text."""
    if isinstance(error, RecursionError):
        return (
            "the input is nested too deeply to be read (more levels of brackets or lists than "
            "any real file holds); nothing was changed."
        )
    if isinstance(error, MemoryError):
        return "the computer ran out of memory; the input is too large to handle here."
    if isinstance(error, OSError):
        reason = _REASONS.get(error.errno or -1) or (error.strerror or str(error) or "failed")
        where = error.filename if error.filename is not None else ""
        if where and error.errno in _WRITE_ERRORS and not os.path.lexists(where):
            # A file being created (often a temporary with a random name): name its folder.
            where = f"cannot write in {os.path.dirname(os.path.abspath(where))}"
        if error.filename2 is not None:
            where = f"{where} → {error.filename2}"
        return f"{where}: {reason}." if where else f"{reason[:1].upper()}{reason[1:]}."
    return f"{type(error).__name__}: {error}"
