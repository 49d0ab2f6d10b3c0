"""Knowing that an essay is already open elsewhere (another window, another app instance).

A lock file beside the essay (`.name.essay.lock`) holds who has it open: process id, host and
a token per window. Opening an essay whose lock belongs to a live process (or to another window
of this one) is reported so the writer is warned before two windows overwrite each other's
saves. A lock left by a crashed process (its pid is gone) is stale and taken over; a lock that
cannot be read or written never stops an essay from opening (a read-only folder, a network
share): locking is a warning, not a gate.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from assistant.atomic import replace_atomically


@dataclass(frozen=True, slots=True)
class Holder:
    pid: int
    host: str
    token: str
    since: str

    def describe(self) -> str:
        where = "this computer" if self.host == socket.gethostname() else self.host
        return f"another window (process {self.pid} on {where}, since {self.since})"


def lock_path(essay_path: Path) -> Path:
    essay_path = Path(essay_path)
    return essay_path.with_name(f".{essay_path.name}.lock")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process, alive
    except OSError:
        return False
    return True


def read_holder(essay_path: Path) -> Holder | None:
    try:
        data = json.loads(lock_path(essay_path).read_text(encoding="utf-8"))
        return Holder(int(data["pid"]), str(data["host"]), str(data["token"]), str(data["since"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


class EssayLock:
    """One window's claim on one essay file."""

    def __init__(self) -> None:
        self.token = uuid.uuid4().hex
        self.path: Path | None = None

    def other_holder(self, essay_path: Path) -> Holder | None:
        """Who else has `essay_path` open, if anyone still alive does."""
        holder = read_holder(essay_path)
        if holder is None or holder.token == self.token:
            return None
        if holder.host == socket.gethostname() and not _alive(holder.pid):
            return None  # left by a process that crashed
        return holder

    def acquire(self, essay_path: Path) -> bool:
        """Claim `essay_path` (releasing the previous one); False if the lock could not be
        written, which the caller may ignore."""
        self.release()
        data = {
            "pid": os.getpid(),
            "host": socket.gethostname(),
            "token": self.token,
            "since": f"{datetime.now():%d %b %Y, %H:%M}",
        }
        try:
            replace_atomically(lock_path(essay_path), json.dumps(data).encode("utf-8"))
        except OSError:
            return False
        self.path = Path(essay_path)
        return True

    def release(self) -> None:
        if self.path is None:
            return
        holder = read_holder(self.path)
        if holder is not None and holder.token == self.token:
            with contextlib.suppress(OSError):
                lock_path(self.path).unlink()
        self.path = None
