"""The autosave policy: a few seconds after the last edit, at least once a minute while typing."""

from __future__ import annotations

import math

import pytest

from assistant.essay.autosave import (
    DEFAULT_DELAY_S,
    MAX_DELAY_S,
    MIN_DELAY_S,
    AutosaveSchedule,
    delay_from_setting,
)


def test_nothing_to_save_until_an_edit() -> None:
    schedule = AutosaveSchedule(3)
    assert schedule.due_in(100.0) is None and not schedule.pending


def test_saves_a_few_seconds_after_the_last_keystroke() -> None:
    schedule = AutosaveSchedule(3)
    for now in (10.0, 10.4, 11.0, 12.5):  # a burst of typing
        schedule.edited(now)
    assert schedule.due_in(13.0) == pytest.approx(2.5)  # 3 s after 12.5, not after 10.0
    assert schedule.due_in(15.5) == 0
    schedule.saving()
    schedule.saved()
    assert schedule.due_in(16.0) is None


def test_unbroken_typing_still_saves_every_max_wait() -> None:
    schedule = AutosaveSchedule(3, max_wait_s=60)
    now = 0.0
    while now < 59.0:
        schedule.edited(now)
        now += 0.5
        assert schedule.due_in(now) > 0
    schedule.edited(59.5)
    assert schedule.due_in(60.0) == 0  # the first unsaved edit is a minute old


def test_edits_during_a_save_are_kept_for_the_next() -> None:
    schedule = AutosaveSchedule(3)
    schedule.edited(1.0)
    schedule.saving()  # the essay was captured; the write runs in the background
    schedule.edited(2.0)
    schedule.saved()
    assert schedule.due_in(2.0) == pytest.approx(3.0)


def test_a_failed_save_is_retried_later_not_on_every_pause() -> None:
    schedule = AutosaveSchedule(3, retry_s=30)
    schedule.edited(0.0)
    schedule.saving()
    schedule.failed(4.0)
    assert schedule.pending
    schedule.edited(5.0)
    assert schedule.due_in(8.0) == pytest.approx(26.0)  # not at 8.0: the disk is still full
    assert schedule.due_in(34.0) == 0
    schedule.saving()
    schedule.saved()
    schedule.edited(40.0)
    assert schedule.due_in(40.0) == pytest.approx(3.0)  # back to normal once a save worked


@pytest.mark.parametrize(
    ("stored", "expected"),
    [
        (None, DEFAULT_DELAY_S),
        ("", DEFAULT_DELAY_S),
        ("soon", DEFAULT_DELAY_S),
        (float("nan"), DEFAULT_DELAY_S),
        ("5", 5.0),
        (0, MIN_DELAY_S),
        (-3, MIN_DELAY_S),
        (math.inf, MAX_DELAY_S),
        (10**9, MAX_DELAY_S),
    ],
)
def test_delay_setting_is_read_safely(stored: object, expected: float) -> None:
    assert delay_from_setting(stored) == expected
