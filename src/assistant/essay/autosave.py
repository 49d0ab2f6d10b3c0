"""When to write the crash-recovery copy of the essay being edited: soon after the writer pauses.

A fixed period (every 30 s) either loses up to half a minute of typing or writes while nothing
changed. Instead the copy is written `delay` seconds after the last edit, so a pause to think
is enough to make the work safe; during a long unbroken stretch of typing it is still written
at least every `max_wait` seconds; after a failed write (a full disk) the next attempt waits
`retry` seconds rather than failing on every pause. The clock is the caller's (monotonic
seconds), so the policy is tested without a window or a timer; the window arms one single-shot
timer with `due_in`.
"""

from __future__ import annotations

from typing import Any

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
