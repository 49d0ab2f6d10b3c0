"""Random SIGKILLs during saves, exports, sources edits and index rebuilds corrupt nothing.

The short run of `crash_harness.py` (a few kills per operation, every test run); the long one
is `benchmarks/bench_robustness.py`, with its figures in the README.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from .crash_harness import SCENARIOS, run_scenario

KILLS = int(os.environ.get("CRASH_KILLS", "3"))


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_random_kills_corrupt_nothing(tmp_path: Path, scenario: str) -> None:
    outcome = run_scenario(scenario, KILLS, tmp_path / scenario, seed=os.getpid())
    assert outcome.problems == []
    assert outcome.kills == KILLS and outcome.corrupt == 0
    assert outcome.litter_after_sweep == 0


def test_verification_catches_a_torn_file(tmp_path: Path) -> None:
    """The check after each kill can fail: a save cut short is reported as corrupt."""
    from assistant.essay.sample import make_long_essay
    from assistant.essay.store import save_essay

    from .crash_harness import _verify

    path = tmp_path / "essay.essay"
    essay = make_long_essay(500, 5)
    essay.title = "Version 1"
    save_essay(essay, path)
    assert _verify("save", tmp_path, {}) == []
    path.write_bytes(path.read_bytes()[:-200])
    assert _verify("save", tmp_path, {}) != []
