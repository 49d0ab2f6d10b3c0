"""The long robustness run: hundreds of random SIGKILLs and thousands of fuzzed queries.

    .venv/bin/python benchmarks/bench_robustness.py --kills 100 --queries 5000

Kills: `tests/hardening/crash_harness.py` per operation (save, export, sources edits, index
rebuilds of a corpus large enough for the two-process writer), each kill followed by loading
and verifying what was left, and the start-up sweeps at the end. The peer, in the same run:
the same kills during a save that writes the file in place (`Path.write_bytes`, no temporary
file and rename), which shows the harness does catch corruption. Queries:
`tests/hardening/query_fuzz.py` on the bundled corpus. Prints Markdown tables for the README;
exits 1 if anything was corrupted, left behind or raised. The suite runs a few rounds of each
on every run (tests/hardening/test_crash_injection.py, test_query_fuzz.py).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO_ROOT / "src"), str(REPO_ROOT / "tests" / "hardening")]

import crash_harness  # noqa: E402
import query_fuzz  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kills", type=int, default=100, help="kills per operation")
    parser.add_argument("--queries", type=int, default=5000)
    parser.add_argument("--index-words", type=int, default=400_000, help="corpus for rebuilds")
    parser.add_argument("--seed", type=int, default=1950)
    args = parser.parse_args()

    base = Path(tempfile.mkdtemp(prefix="robustness-"))
    try:
        outcomes = []
        for scenario in (*crash_harness.SCENARIOS, "peer-save"):
            words = args.index_words if scenario == "index" else 0
            outcomes.append(
                crash_harness.run_scenario(scenario, args.kills, base / scenario, args.seed, words)
            )
            print(f"{scenario}: done", file=sys.stderr, flush=True)

        from assistant.library.corpus import Library
        from assistant.search.index import SearchIndex

        corpus = base / "fuzz-corpus"
        shutil.copytree(crash_harness.BUNDLED, corpus)
        SearchIndex(base / "fuzz-index").update(Library.open(corpus))
        started = time.monotonic()
        fuzzed = query_fuzz.fuzz(corpus, base / "fuzz-index", args.queries, args.seed)
        fuzz_seconds = time.monotonic() - started
    finally:
        shutil.rmtree(base, ignore_errors=True)

    print(
        "| operation killed | kills | corrupt files | temporaries left by kills "
        "| left after start-up sweep | run (s) |"
    )
    print("|---|---:|---:|---:|---:|---:|")
    for o in outcomes:
        print(
            f"| {o.scenario} | {o.kills} | {o.corrupt} | {o.litter_before_sweep} | "
            f"{o.litter_after_sweep} | {o.seconds:.0f} |"
        )
    ours = [o for o in outcomes if not o.scenario.startswith("peer")]
    print(
        f"| **the app's four** | **{sum(o.kills for o in ours)}** | "
        f"**{sum(o.corrupt for o in ours)}** | {sum(o.litter_before_sweep for o in ours)} | "
        f"**{sum(o.litter_after_sweep for o in ours)}** | |"
    )
    print()
    print(
        "| fuzzed queries | answered | syntax message | traceback "
        "| p50 (ms) | p99 (ms) | max (ms) | run (s) |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    print(
        f"| {fuzzed['queries']} | {fuzzed['answered']} | {fuzzed['syntax_errors']} | "
        f"{len(fuzzed['failures'])} | {fuzzed['p50_ms']} | {fuzzed['p99_ms']} | "
        f"{fuzzed['max_ms']} | {fuzz_seconds:.0f} |"
    )
    for o in outcomes:
        for problem in o.problems:
            print(f"{o.scenario}: {problem}", file=sys.stderr)
    for failure in fuzzed["failures"][:20]:
        print(f"query {failure['query']!r}:\n{failure['error']}", file=sys.stderr)
    bad = any(o.corrupt or o.litter_after_sweep for o in ours) or fuzzed["failures"]
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
