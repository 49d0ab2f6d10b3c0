"""Search benchmark: this app's Whoosh index against SQLite FTS5 and tantivy, same passages,
same run.

Run by hand (never in the test suite):

    .venv/bin/python benchmarks/bench_search.py                      # 1M words + relevance
    .venv/bin/python benchmarks/bench_search.py --sizes 1000000,10000000 --reps 10
    .venv/bin/python benchmarks/bench_search.py --sizes 0 --relevance  # relevance only

For each corpus size it measures, for every engine: the full index (parsing the files into
passages is measured once and added to every engine's time), the CPU it took (this process and
its children: Whoosh uses a second process for large builds, tantivy two threads), a no-op
reindex (this app only), and then, in a fresh process per engine: opening the index plus the
first search, search latency p50/p95 over a fixed query set (each search returns the total,
counts per source and the top 10 hits with snippets), the slowest first run of a query (its
words read from disk for the first time), and the process's peak memory.

`--relevance` runs the evaluation set of tests/search/relevance/ (61 queries a history student
types, half held out from tuning) through the three engines: this app as a user searches;
FTS5 with the query's words joined by OR (its default AND finds nothing for most of them);
tantivy with its query parser's default (OR) over a stemmed field. A query counts as found
when an expected passage is in the top 3.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests" / "search"))

from assistant.library.corpus import Library  # noqa: E402
from assistant.library.model import Passage  # noqa: E402
from assistant.paths import bundled_corpus_dir  # noqa: E402
from search_corpus import build_corpus  # noqa: E402

# Valid in all three query languages: implicit AND, "phrases", prefix*.
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
ENGINES = ("whoosh", "fts5", "tantivy")
LABELS = {"whoosh": "Whoosh (this app)", "fts5": "SQLite FTS5", "tantivy": "tantivy"}


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def cpu_seconds() -> float:
    """CPU time of this process (all threads) and its finished children."""
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def passages_of(corpus: Path) -> list[Passage]:
    library = Library.open(corpus)
    return [p for s in library.sources if s.path for p in library.document(s.id).passages]


# ---------------------------------------------------------------------------------------------
# Building each engine's index


def index_whoosh(corpus: Path, path: Path) -> dict[str, float]:
    from assistant.search.index import SearchIndex

    library = Library.open(corpus)
    started, started_cpu = time.perf_counter(), cpu_seconds()
    report = SearchIndex(path).update(library)
    full, full_cpu = time.perf_counter() - started, cpu_seconds() - started_cpu
    started = time.perf_counter()
    noop = SearchIndex(path).update(Library.open(corpus))
    noop_time = time.perf_counter() - started
    assert noop.indexed == 0 and noop.unchanged == report.indexed
    return {"full": full, "full_cpu": full_cpu, "noop": noop_time, "words": report.words}


def index_fts5(passages: list[Passage], path: Path) -> dict[str, float]:
    started, started_cpu = time.perf_counter(), cpu_seconds()
    db = sqlite3.connect(path)
    db.execute(
        "CREATE VIRTUAL TABLE p USING fts5(text, section, source UNINDEXED, ordinal UNINDEXED, "
        "kind UNINDEXED, front UNINDEXED, tokenize='porter unicode61 remove_diacritics 2')"
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
    db.close()
    return {"full": time.perf_counter() - started, "full_cpu": cpu_seconds() - started_cpu}


def _tantivy_schema() -> Any:
    import tantivy

    builder = tantivy.SchemaBuilder()
    builder.add_text_field("text", stored=True, tokenizer_name="en_stem")
    builder.add_text_field("section", stored=True, tokenizer_name="en_stem")
    builder.add_text_field("source", stored=True, tokenizer_name="raw", fast=True)
    builder.add_integer_field("ordinal", stored=True, fast=True)
    builder.add_integer_field("front", stored=True, indexed=True, fast=True)
    return builder.build()


def index_tantivy(passages: list[Passage], path: Path) -> dict[str, float]:
    import tantivy

    started, started_cpu = time.perf_counter(), cpu_seconds()
    path.mkdir(parents=True, exist_ok=True)
    index = tantivy.Index(_tantivy_schema(), path=str(path))
    writer = index.writer(heap_size=256_000_000, num_threads=2)
    for p in passages:
        writer.add_document(
            tantivy.Document(
                text=p.text,
                section=p.section,
                source=p.source_id,
                ordinal=p.ordinal,
                front=int(p.front_matter),
            )
        )
    writer.commit()
    writer.wait_merging_threads()
    return {"full": time.perf_counter() - started, "full_cpu": cpu_seconds() - started_cpu}


# ---------------------------------------------------------------------------------------------
# Searching, in a fresh process per engine (--worker)


def whoosh_searcher(path: Path) -> Callable[[str], int]:
    from assistant.search.index import SearchIndex

    index = SearchIndex(path)

    def search(query: str) -> int:
        results = index.search(query, limit=10)
        assert results.counts_by_source and all(h.snippet for h in results.hits)
        return results.total

    return search


def fts5_searcher(path: Path) -> Callable[[str], int]:
    db = sqlite3.connect(path)

    def search(query: str) -> int:
        counts = db.execute(
            "SELECT source, count(*) FROM p WHERE p MATCH ? AND front = 0 GROUP BY source",
            (query,),
        ).fetchall()
        db.execute(
            "SELECT source, ordinal, section, kind, bm25(p), "
            "snippet(p, 0, '<b>', '</b>', '…', 24), text FROM p "
            "WHERE p MATCH ? AND front = 0 ORDER BY bm25(p), source, ordinal LIMIT 10",
            (query,),
        ).fetchall()
        return sum(n for _, n in counts)

    return search


def tantivy_searcher(path: Path) -> Callable[[str], int]:
    import tantivy

    index = tantivy.Index.open(str(path))
    index.reload()
    searcher = index.searcher()
    front = tantivy.Query.term_query(index.schema, "front", 1)
    aggregation = {"by_source": {"terms": {"field": "source", "size": 100_000}}}

    def search(text: str) -> int:
        prefix = re.fullmatch(r"(\w+)\*", text)
        if prefix:  # tantivy's query language has no prefix term: a regex over the terms
            parsed = tantivy.Query.regex_query(index.schema, "text", prefix.group(1).lower() + ".*")
        else:
            parsed = index.parse_query(text, ["text"], conjunction_by_default=True)
        q = tantivy.Query.boolean_query(
            [(tantivy.Occur.Must, parsed), (tantivy.Occur.MustNot, front)]
        )
        hits = searcher.search(q, 10).hits
        snippets = tantivy.SnippetGenerator.create(searcher, q, index.schema, "text")
        for _, address in hits:
            snippets.snippet_from_doc(searcher.doc(address)).to_html()
        buckets = searcher.aggregate(q, aggregation)["by_source"]["buckets"]
        return sum(int(b["doc_count"]) for b in buckets)

    return search


def _memory_mb() -> tuple[float, float]:
    """(peak resident memory, resident memory of the process's own data now): VmHWM, which
    unlike ru_maxrss is not inherited from the parent across exec, also counts the pages of
    memory-mapped index files; RssAnon leaves them out."""
    fields = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        name, _, value = line.partition(":")
        if name in ("VmHWM", "RssAnon"):
            fields[name] = int(value.split()[0]) / 1024
    peak = fields.get("VmHWM", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    return peak, fields.get("RssAnon", float("nan"))


def worker(engine: str, path: Path, reps: int) -> None:
    # The engine's modules are loaded before the clock starts (the app imports them at
    # start-up); the clock covers opening the index and answering the first query.
    import tantivy  # noqa: F401

    import assistant.search.index  # noqa: F401

    started, started_cpu = time.perf_counter(), time.process_time()
    search = {"whoosh": whoosh_searcher, "fts5": fts5_searcher, "tantivy": tantivy_searcher}[
        engine
    ](path)
    search(QUERIES[0])
    open_first = time.perf_counter() - started
    open_first_cpu = time.process_time() - started_cpu
    first = []
    for query in QUERIES:  # each query's first run (its words read for the first time)
        started = time.perf_counter()
        search(query)
        first.append(time.perf_counter() - started)
    samples, cpu = [], []
    for _ in range(reps):
        for query in QUERIES:
            started, started_cpu = time.perf_counter(), time.process_time()
            total = search(query)
            samples.append(time.perf_counter() - started)
            cpu.append(time.process_time() - started_cpu)
            assert total > 0, (engine, query)
    peak, anonymous = _memory_mb()
    json.dump(
        {
            "open_first": open_first,
            "open_first_cpu": open_first_cpu,
            "first_max": max(first),
            "p50": percentile(samples, 0.5),
            "p95": percentile(samples, 0.95),
            "cpu95": percentile(cpu, 0.95),
            "peak_mb": peak,
            "anon_mb": anonymous,
        },
        sys.stdout,
    )


def run_worker(engine: str, path: Path, reps: int) -> dict[str, float]:
    env = dict(os.environ, PYTHONPATH=str(HERE.parent / "src"))
    done = subprocess.run(
        [sys.executable, __file__, "--worker", engine, str(path), "--reps", str(reps)],
        capture_output=True,
        text=True,
        env=env,
    )
    if done.returncode:
        raise SystemExit(f"the {engine} search process failed:\n{done.stderr}")
    return json.loads(done.stdout)


# ---------------------------------------------------------------------------------------------
# Relevance


def relevance(work: Path) -> list[tuple[str, float, float, list[str]]]:
    import tantivy
    from relevance import evaluate

    from assistant.search.index import SearchIndex

    corpus = evaluate.build_corpus(work / "relevance-corpus")
    passages = [p for p in passages_of(corpus) if not p.front_matter]
    app = SearchIndex(work / "relevance-whoosh")
    app.update(Library.open(corpus))
    index_fts5(passages, work / "relevance.sqlite")
    db = sqlite3.connect(work / "relevance.sqlite")
    index_tantivy(passages, work / "relevance-tantivy")
    tindex = tantivy.Index.open(str(work / "relevance-tantivy"))
    tindex.reload()
    tsearcher = tindex.searcher()

    def words(text: str) -> list[str]:
        return re.findall(r"\w+", text)

    def app_search(text: str) -> list[tuple[str, str]]:
        return [(h.source_id, h.text) for h in app.search(text, limit=3).hits]

    def fts5_search(text: str) -> list[tuple[str, str]]:
        query = " OR ".join(f'"{w}"' for w in words(text))
        rows = db.execute(
            "SELECT source, text FROM p WHERE p MATCH ? ORDER BY bm25(p) LIMIT 3", (query,)
        ).fetchall()
        return [(str(s), str(t)) for s, t in rows]

    def tantivy_search(text: str) -> list[tuple[str, str]]:
        parsed = tindex.parse_query(" ".join(words(text)), ["text"])
        found = []
        for _, address in tsearcher.search(parsed, 3).hits:
            doc = tsearcher.doc(address)
            found.append((doc["source"][0], doc["text"][0]))
        return found

    rows = []
    for name, search in (
        ("Whoosh (this app)", app_search),
        ("SQLite FTS5 (words joined by OR)", fts5_search),
        ("tantivy (default OR, en_stem)", tantivy_search),
    ):
        outcome = evaluate.evaluate(search)
        missed = [c.query for c in outcome["tune-missed"] + outcome["held-missed"]]
        rows.append((name, evaluate.rate(outcome, "tune"), evaluate.rate(outcome, "held"), missed))
    db.close()
    return rows


# ---------------------------------------------------------------------------------------------


def bench_size(
    words: int, temp: Path, reps: int, cache: Path | None
) -> tuple[int, int, dict[str, dict]]:
    corpus = (cache or temp) / f"corpus-{words}"
    if cache is None or not (corpus / "sources.json").exists():
        build_corpus(bundled_corpus_dir(), corpus, words)
    started = time.perf_counter()
    passages = passages_of(corpus)
    parse = time.perf_counter() - started
    results: dict[str, dict] = {}
    print(f"{words:,} words: whoosh…", file=sys.stderr)
    results["whoosh"] = index_whoosh(corpus, temp / f"whoosh-{words}")
    print("fts5…", file=sys.stderr)
    results["fts5"] = index_fts5(passages, temp / f"fts5-{words}.sqlite")
    print("tantivy…", file=sys.stderr)
    results["tantivy"] = index_tantivy(passages, temp / f"tantivy-{words}")
    for engine in ("fts5", "tantivy"):  # the same parsing as the app's own run
        results[engine]["full"] += parse
        results[engine]["full_cpu"] += parse
    paths = {
        "whoosh": temp / f"whoosh-{words}",
        "fts5": temp / f"fts5-{words}.sqlite",
        "tantivy": temp / f"tantivy-{words}",
    }
    for engine in ENGINES:
        print(f"searching {engine}…", file=sys.stderr)
        results[engine].update(run_worker(engine, paths[engine], reps))
    counted = results["whoosh"]["words"]
    if cache is None:
        shutil.rmtree(corpus, ignore_errors=True)
    return counted, len(passages), results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000000", help="corpus sizes in words, comma-separated")
    parser.add_argument("--reps", type=int, default=10, help="repetitions of the query set")
    parser.add_argument("--relevance", action="store_true", help="run the evaluation set too")
    parser.add_argument(
        "--corpus-cache",
        type=Path,
        help="keep the generated corpora in this folder and reuse them (the same seed)",
    )
    parser.add_argument("--worker", nargs=2, metavar=("ENGINE", "PATH"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.worker[0], Path(args.worker[1]), args.reps)
        return 0

    load_before = os.getloadavg()
    sizes = [int(s) for s in args.sizes.split(",") if int(s) > 0]
    table = []
    with tempfile.TemporaryDirectory(prefix="bench-search-") as temp:
        for size in sizes:
            table.append(bench_size(size, Path(temp), args.reps, args.corpus_cache))
        relevance_rows = relevance(Path(temp)) if args.relevance else []

    if table:
        print(f"Query set ({len(QUERIES)} queries × {args.reps} runs): " + ", ".join(QUERIES))
        print()
        print(
            "| words | passages | engine | full index (s) | index CPU (s) | no-op reindex (s) | "
            "open + first search (s) | its CPU (s) | slowest first run of a query (ms) | "
            "search p50 (ms) | search p95 (ms) | search p95 CPU (ms) | "
            "peak memory searching (MB) | own data at the end (MB) |"
        )
        print("|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for words, passages, results in table:
            for engine in ENGINES:
                r = results[engine]
                noop = f"{r['noop']:.3f}" if "noop" in r else "n/a"
                print(
                    f"| {words:,} | {passages:,} | {LABELS[engine]} | {r['full']:.1f} | "
                    f"{r['full_cpu']:.1f} | {noop} | {r['open_first']:.3f} | "
                    f"{r['open_first_cpu']:.3f} | "
                    f"{r['first_max'] * 1000:.0f} | "
                    f"{r['p50'] * 1000:.1f} | {r['p95'] * 1000:.1f} | {r['cpu95'] * 1000:.1f} | "
                    f"{r['peak_mb']:.0f} | {r['anon_mb']:.0f} |"
                )
    if relevance_rows:
        print()
        print("| engine | top-3, tuning half | top-3, held-out half | missed |")
        print("|---|---:|---:|---|")
        for name, tune, held, missed in relevance_rows:
            print(f"| {name} | {tune:.1%} | {held:.1%} | {'; '.join(missed)} |")
    load_after = os.getloadavg()
    print(
        f"\nPython {sys.version.split()[0]}, {os.cpu_count()} CPUs; 1-minute load average "
        f"{load_before[0]:.1f} before and {load_after[0]:.1f} after the run (other processes "
        "compete for the CPUs when it is above 1); CPU-time columns are less sensitive to that."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
