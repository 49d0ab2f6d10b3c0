"""Search benchmark: Whoosh index (this app) against SQLite FTS5 over the same passages.

Run by hand (never in the test suite):

    .venv/bin/python benchmarks/bench_search.py            # bundled corpus + 1M-word corpus
    .venv/bin/python benchmarks/bench_search.py --words 200000 --reps 10

For each corpus it measures full index throughput (parsing the files into passages plus
indexing them), a no-op reindex (open the library, hash every file, find nothing to do), and
search latency p50/p95 for a fixed query set of common and rare terms, phrases and a prefix,
each search returning the total, counts per source and the top 10 hits with snippets.
The slowest first search is each query's first run on a fresh searcher with nothing
decoded yet (p50/p95 are measured after one warm-up run of each query). SQLite
FTS5 (porter tokenizer, bm25(), snippet(), counts per source) indexes the very same passages
in the same run. Prints a Markdown table with the FTS5/Whoosh ratios.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from assistant.library.corpus import Library
from assistant.library.model import Passage
from assistant.paths import bundled_corpus_dir
from assistant.search.index import SearchIndex, clear_caches
from search_corpus import build_corpus, copy_bundled

# Valid in both query languages: implicit AND, "phrases", prefix*.
QUERIES = [
    "Stalin",  # common
    "Korea",  # common
    "Stalin Mao",  # two common terms
    "Soviet policy Korea",
    "Acheson defense perimeter",
    '"Kim Il Sung"',  # common phrase
    '"defense perimeter"',  # rare phrase
    "Shifrtelgramma",  # rare, in notes
    "Gottwald",  # rare
    "nucle*",  # prefix
]


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def cpu_seconds() -> float:
    """CPU time of this process and its finished children (Whoosh's second indexing process)."""
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def bench_whoosh(corpus: Path, work: Path, reps: int) -> dict[str, float]:
    index_dir = work / "whoosh"
    shutil.rmtree(index_dir, ignore_errors=True)
    library = Library.open(corpus)
    started, started_cpu = time.perf_counter(), cpu_seconds()
    report = SearchIndex(index_dir).update(library)
    full = time.perf_counter() - started
    full_cpu = cpu_seconds() - started_cpu

    started = time.perf_counter()
    noop = SearchIndex(index_dir).update(Library.open(corpus))
    noop_time = time.perf_counter() - started
    assert noop.indexed == 0 and noop.unchanged == report.indexed

    # First searches: a fresh searcher and nothing decoded yet (the files are in the OS
    # cache, as after indexing or after the app's first search).
    clear_caches()
    index = SearchIndex(index_dir)
    first = []
    for query in QUERIES:
        started = time.perf_counter()
        index.search(query)
        first.append(time.perf_counter() - started)
    samples, cpu = [], []
    for _ in range(reps):
        for query in QUERIES:
            started, started_cpu = time.perf_counter(), time.process_time()
            results = index.search(query, limit=10)
            samples.append(time.perf_counter() - started)
            cpu.append(time.process_time() - started_cpu)
            assert results.total > 0, query
    return {
        "first_max": max(first),
        "cpu95": percentile(cpu, 0.95),
        "full_cpu": full_cpu,
        "words": report.words,
        "passages": report.passages,
        "full": full,
        "noop": noop_time,
        "p50": percentile(samples, 0.5),
        "p95": percentile(samples, 0.95),
    }


def passages_of(corpus: Path) -> list[Passage]:
    library = Library.open(corpus)
    return [p for s in library.sources if s.path for p in library.document(s.id).passages]


def bench_fts5(corpus: Path, work: Path, reps: int, parse_time: float) -> dict[str, float]:
    db_path = work / "fts5.sqlite"
    db_path.unlink(missing_ok=True)
    passages = passages_of(corpus)
    started, started_cpu = time.perf_counter(), cpu_seconds()
    db = sqlite3.connect(db_path)
    db.execute(
        "CREATE VIRTUAL TABLE p USING fts5(text, section, source UNINDEXED, ordinal UNINDEXED, "
        "kind UNINDEXED, front UNINDEXED, tokenize='porter unicode61')"
    )
    with db:
        db.executemany(
            "INSERT INTO p(text, section, source, ordinal, kind, front) VALUES (?,?,?,?,?,?)",
            (
                (p.text, p.section, p.source_id, p.ordinal, p.kind, int(p.front_matter))
                for p in passages
            ),
        )
        db.execute("INSERT INTO p(p) VALUES ('optimize')")
    full = time.perf_counter() - started + parse_time  # same parsing cost as Whoosh's run
    full_cpu = cpu_seconds() - started_cpu + parse_time

    def search(query: str) -> tuple[int, list]:
        counts = db.execute(
            "SELECT source, count(*) FROM p WHERE p MATCH ? AND front = 0 GROUP BY source",
            (query,),
        ).fetchall()
        hits = db.execute(
            "SELECT source, ordinal, section, kind, bm25(p), "
            "snippet(p, 0, '<b>', '</b>', '…', 24), text FROM p "
            "WHERE p MATCH ? AND front = 0 ORDER BY bm25(p), source, ordinal LIMIT 10",
            (query,),
        ).fetchall()
        return sum(n for _, n in counts), hits

    db.close()
    db = sqlite3.connect(db_path)  # a fresh connection, as for Whoosh's first searches
    first = []
    for query in QUERIES:
        started = time.perf_counter()
        search(query)
        first.append(time.perf_counter() - started)
    samples, cpu = [], []
    for _ in range(reps):
        for query in QUERIES:
            started, started_cpu = time.perf_counter(), time.process_time()
            total, _ = search(query)
            samples.append(time.perf_counter() - started)
            cpu.append(time.process_time() - started_cpu)
            assert total > 0, query
    db.close()
    return {
        "first_max": max(first),
        "cpu95": percentile(cpu, 0.95),
        "full_cpu": full_cpu,
        "words": sum(len(p.text.split()) for p in passages),
        "passages": len(passages),
        "full": full,
        "noop": float("nan"),
        "p50": percentile(samples, 0.5),
        "p95": percentile(samples, 0.95),
    }


def parse_only(corpus: Path) -> float:
    started = time.perf_counter()
    passages_of(corpus)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--words", type=int, default=1_000_000, help="size of the large corpus")
    parser.add_argument("--reps", type=int, default=20, help="repetitions of the query set")
    args = parser.parse_args()

    load_before = os.getloadavg()
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-search-") as temp:
        temp_dir = Path(temp)
        corpora = [("bundled", copy_bundled(bundled_corpus_dir(), temp_dir / "bundled"))]
        built = build_corpus(bundled_corpus_dir(), temp_dir / "large", args.words)
        corpora.append(("large", built))
        for name, _ in corpora:
            corpus = temp_dir / name
            work = temp_dir / f"{name}-work"
            work.mkdir()
            print(f"benchmarking {name}…", file=sys.stderr)
            whoosh = bench_whoosh(corpus, work, args.reps)
            parse = parse_only(corpus)
            fts = bench_fts5(corpus, work, args.reps, parse)
            rows.append((name, whoosh, fts, parse))

    print(f"Query set ({len(QUERIES)} queries × {args.reps} runs): " + ", ".join(QUERIES))
    print()
    print(
        "| corpus | words | passages | engine | full index (s) | M words/s | index CPU (s) | "
        "no-op reindex (s) | search p50 (ms) | search p95 (ms) | search p95 CPU (ms) | "
        "slowest first search (ms) |"
    )
    print("|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for name, whoosh, fts, _ in rows:
        for engine, result in (("Whoosh (this app)", whoosh), ("SQLite FTS5", fts)):
            noop = "n/a" if result["noop"] != result["noop"] else f"{result['noop']:.3f}"
            print(
                f"| {name} | {whoosh['words']:,} | {result['passages']:,} | {engine} | "
                f"{result['full']:.2f} | {whoosh['words'] / result['full'] / 1e6:.3f} | "
                f"{result['full_cpu']:.2f} | {noop} | "
                f"{result['p50'] * 1000:.1f} | {result['p95'] * 1000:.1f} | "
                f"{result['cpu95'] * 1000:.1f} | {result['first_max'] * 1000:.1f} |"
            )
        print(
            f"| {name} | | | FTS5 / Whoosh | {fts['full'] / whoosh['full']:.2f}× | | "
            f"{fts['full_cpu'] / whoosh['full_cpu']:.2f}× | | "
            f"{fts['p50'] / whoosh['p50']:.2f}× | {fts['p95'] / whoosh['p95']:.2f}× | "
            f"{fts['cpu95'] / whoosh['cpu95']:.2f}× | "
            f"{fts['first_max'] / whoosh['first_max']:.2f}× |"
        )
    print()
    print(
        "Full index times include parsing the files into passages "
        f"({', '.join(f'{n}: {p:.2f} s' for n, _, _, p in rows)}), for both engines."
    )
    large = rows[-1][1]
    targets = [
        ("search p95 at 1M words ≤ 30 ms", large["p95"] * 1000, 30, "ms", False),
        ("full indexing ≥ 0.15 M words/s", large["words"] / large["full"] / 1e6, 0.15, "M/s", True),
        ("no-op reindex ≤ 0.2 s", large["noop"], 0.2, "s", False),
    ]
    print()
    for label, value, target, unit, higher in targets:
        met = value >= target if higher else value <= target
        ratio = value / target if not higher else target / value
        verdict = "met" if met else f"MISSED by {ratio:.1f}×"
        print(f"- target {label}: measured {value:.3f} {unit} — {verdict}")
    load_after = os.getloadavg()
    print(
        f"\nPython {sys.version.split()[0]}, {os.cpu_count()} CPUs; 1-minute load average "
        f"{load_before[0]:.1f} before and {load_after[0]:.1f} after the run (other processes "
        "compete for the CPUs when it is above 1); CPU-time columns are less sensitive to that."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
