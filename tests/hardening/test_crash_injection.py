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
