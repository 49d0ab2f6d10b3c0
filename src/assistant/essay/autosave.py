"""When to write the crash-recovery copy of the essay being edited: soon after the writer pauses.

A fixed period (every 30 s) either loses up to half a minute of typing or writes while nothing
changed. Instead the copy is written `delay` seconds after the last edit, so a pause to think
is enough to make the work safe; during a long unbroken stretch of typing it is still written
at least every `max_wait` seconds; after a failed write (a full disk) the next attempt waits
`retry` seconds rather than failing on every pause. The clock is the caller's (monotonic
seconds), so the policy is tested without a window or a timer; the window arms one single-shot
timer with `due_in`.

The copy itself is an essay file in the user's data folder (`autosave_path`), written,
found, listed and discarded by the functions at the end.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from assistant.essay.file_format import essay_file_bytes, essay_to_dict
from assistant.essay.model import Essay
from assistant.essay.store import (
    ESSAY_SUFFIX,
    EssayFileError,
    load_essay,
    read_essay_bytes,
    write_atomically,
)
from assistant.paths import user_data_dir

DEFAULT_DELAY_S = 3.0
MIN_DELAY_S = 1.0
MAX_DELAY_S = 600.0
MAX_WAIT_S = 60.0
RETRY_S = 30.0


def delay_from_setting(value: Any) -> float:
    """The delay stored in the settings, or the default when it is missing or not a number;
    kept between one second and ten minutes."""
    try:
        delay = float(value)
    except (TypeError, ValueError):
        return DEFAULT_DELAY_S
    if delay != delay:  # NaN
        return DEFAULT_DELAY_S
    return min(max(delay, MIN_DELAY_S), MAX_DELAY_S)


class AutosaveSchedule:
    """Edits in, "save now" or "wait this long" out."""

    def __init__(
        self,
        delay_s: float = DEFAULT_DELAY_S,
        max_wait_s: float = MAX_WAIT_S,
        retry_s: float = RETRY_S,
    ) -> None:
        self.delay_s = delay_from_setting(delay_s)
        self.max_wait_s = max(max_wait_s, self.delay_s)
        self.retry_s = retry_s
        self._first_unsaved: float | None = None
        self._last_edit: float | None = None
        self._not_before: float | None = None

    @property
    def pending(self) -> bool:
        """Whether there are edits no autosave has captured yet."""
        return self._last_edit is not None

    def edited(self, now: float) -> None:
        if self._first_unsaved is None:
            self._first_unsaved = now
        self._last_edit = now

    def saving(self) -> None:
        """An autosave has captured everything edited so far."""
        self._first_unsaved = self._last_edit = None

    def saved(self) -> None:
        self._not_before = None

    def failed(self, now: float) -> None:
        """The autosave did not reach the disk: its edits are pending again, retried later."""
        self.edited(now)
        self._not_before = now + self.retry_s

    def due_at(self) -> float | None:
        if self._last_edit is None or self._first_unsaved is None:
            return None
        due = min(self._last_edit + self.delay_s, self._first_unsaved + self.max_wait_s)
        if self._not_before is not None:
            due = max(due, self._not_before)
        return due

    def due_in(self, now: float) -> float | None:
        """Seconds until the autosave should be written (0: now), None when nothing to save."""
        due = self.due_at()
        return None if due is None else max(0.0, due - now)


# -- the autosave files ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AutosaveInfo:
    """An autosave found on disk: which essay it belongs to (None: never saved) and when."""

    path: Path
    essay_path: Path | None
    saved_at: datetime


def _autosave_dir() -> Path:
    return user_data_dir() / "autosave"


def autosave_path(essay_path: Path | str | None) -> Path:
    """Where the autosave of `essay_path` (None: an essay not yet saved) lives.

    Autosaves go to the user's data folder, not beside the essay, so they work for essays in
    read-only folders and never clutter the writer's folders.
    """
    if essay_path is None:
        return _autosave_dir() / f"untitled{ESSAY_SUFFIX}"
    resolved = Path(essay_path).expanduser().resolve()
    key = hashlib.sha1(str(resolved).encode("utf-8")).hexdigest()[:12]
    return _autosave_dir() / f"{resolved.stem}-{key}{ESSAY_SUFFIX}"


def write_autosave(essay: Essay, essay_path: Path | str | None) -> Path:
    """Write the crash-recovery copy of an essay being edited; returns where it went."""
    target = autosave_path(essay_path)
    target.parent.mkdir(parents=True, exist_ok=True)
    extra = {"autosave_of": None if essay_path is None else str(Path(essay_path).resolve())}
    write_atomically(essay_file_bytes(essay, extra), target, before_replace=None)
    return target


def find_autosave(essay_path: Path | str | None) -> Path | None:
    """The autosave to offer for recovery: one newer than the saved essay and different from it."""
    target = autosave_path(essay_path)
    if not target.is_file():
        return None
    try:
        autosaved = read_essay_bytes(target.read_bytes(), target)
    except (EssayFileError, OSError):
        return None
    if essay_path is None:
        return target
    saved_path = Path(essay_path)
    try:
        saved = load_essay(saved_path)
    except EssayFileError:
        return target  # the saved essay is gone or damaged: the autosave is all there is
    try:
        if saved_path.stat().st_mtime_ns > target.stat().st_mtime_ns:
            return None
    except OSError:
        return target
    if essay_to_dict(saved) == essay_to_dict(autosaved):
        return None
    return target


def discard_autosave(essay_path: Path | str | None) -> None:
    """Remove the autosave (after a save, or when the writer declines to recover it)."""
    autosave_path(essay_path).unlink(missing_ok=True)


def list_autosaves() -> list[AutosaveInfo]:
    """Every autosave on disk, newest first (the app offers them at startup after a crash)."""
    folder = _autosave_dir()
    if not folder.is_dir():
        return []
    found = []
    for candidate in folder.glob(f"*{ESSAY_SUFFIX}"):
        try:
            document = json.loads(candidate.read_bytes())
            origin = document.get("autosave_of")
        except (OSError, ValueError, AttributeError):
            continue
        found.append(
            AutosaveInfo(
                candidate,
                None if origin is None else Path(origin),
                datetime.fromtimestamp(candidate.stat().st_mtime),
            )
        )
    return sorted(found, key=lambda info: info.saved_at, reverse=True)
