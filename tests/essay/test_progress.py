"""Word count, target and session progress as the status bar says them."""

from __future__ import annotations

from assistant.essay.progress import WordProgress


def test_without_a_target() -> None:
    assert WordProgress(1, session_start=1).label() == "1 word"
    assert WordProgress(1504, session_start=1504).label() == "1,504 words"


def test_with_a_target_and_session_progress() -> None:
    progress = WordProgress(1620, target=3000, session_start=1500)
    assert progress.label() == "1,620 / 3,000 words (54 %) · +120 this session"
    assert progress.fraction() == 1620 / 3000


def test_deleting_counts_against_the_session() -> None:
    assert WordProgress(1400, session_start=1500).label() == "1,400 words · -100 this session"


def test_past_the_target() -> None:
    assert WordProgress(3300, target=3000, session_start=3300).label() == (
        "3,300 / 3,000 words (110 %)"
    )
