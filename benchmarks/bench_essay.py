"""Benchmark: save and load a 15,000-word essay with 300 notes; Markdown out and in.

Target (issue 4): saving and loading each at most 0.2 s. Reading the essay's Markdown runs
Pandoc's own reader (issue 10): importing a draft in the app must stay under 1 s. The CPU
column (this process and its children, such as pandoc) shows the cost without the wait for a
busy machine's cores. The essay is
`assistant.essay.sample.make_long_essay` (the corpus's own prose, notes of every shape, the
bundled reading notes as its outline, the three CSL items as its snapshot).

A save here is the real thing: temp file, fsync, hard-linked backup of the previous save,
rename, folder fsync, pruning to five backups. Peers in the same run: a bare `json.dump` to
the file (what the safety costs) and `pickle` (the fastest stdlib round trip), and for the
Markdown reader, pandoc 3 parsing the same Markdown to its JSON AST (when pypandoc-binary is
installed).

    .venv/bin/python benchmarks/bench_essay.py [--words 15000] [--notes 300] [--repeat 15]
"""

from __future__ import annotations

import argparse
import json
import pickle
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from assistant.essay.markdown import read_markdown, write_markdown  # noqa: E402
from assistant.essay.sample import make_long_essay  # noqa: E402
from assistant.essay.store import essay_to_dict, load_essay, save_essay  # noqa: E402

CPU: list[float] = []  # the CPU time of the runs of the last _time call


def _cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _time(action: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Median and worst wall time of `repeat` runs after one warm-up, in seconds."""
    action()
    runs = []
    CPU.clear()
    for _ in range(repeat):
        cpu = _cpu()
        start = time.perf_counter()
        action()
        runs.append(time.perf_counter() - start)
        CPU.append(_cpu() - cpu)
    return statistics.median(runs), max(runs)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--words", type=int, default=15000)
    parser.add_argument("--notes", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()

    essay = make_long_essay(words=args.words, notes=args.notes)
    rows: list[tuple[str, float, float, float, str]] = []
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "long.essay"
        save_essay(essay, path)
        size = path.stat().st_size
        median, worst = _time(lambda: save_essay(essay, path), args.repeat)
        rows.append(
            ("save_essay (atomic, fsync, backup)", median, worst, statistics.median(CPU), "≤ 0.2 s")
        )
        median, worst = _time(lambda: load_essay(path), args.repeat)
        rows.append(
            ("load_essay (parse, validate)", median, worst, statistics.median(CPU), "≤ 0.2 s")
        )

        plain = Path(folder) / "plain.json"

        def dump() -> None:
            with plain.open("w", encoding="utf-8") as handle:
                json.dump(essay_to_dict(essay), handle, ensure_ascii=False)

        median, worst = _time(dump, args.repeat)
        rows.append(("peer: bare json.dump, no fsync", median, worst, statistics.median(CPU), ""))
        pickled = Path(folder) / "essay.pickle"
        median, worst = _time(lambda: pickled.write_bytes(pickle.dumps(essay)), args.repeat)
        rows.append(("peer: pickle.dumps + write", median, worst, statistics.median(CPU), ""))
        median, worst = _time(lambda: pickle.loads(pickled.read_bytes()), args.repeat)
        rows.append(("peer: pickle.loads", median, worst, statistics.median(CPU), ""))

    markdown = write_markdown(essay)
    median, worst = _time(lambda: write_markdown(essay), args.repeat)
    rows.append(("write_markdown", median, worst, statistics.median(CPU), ""))
    from assistant.essay import pandoc_ast

    def read_cold() -> None:
        pandoc_ast._run.cache_clear()  # the reader caches Pandoc's AST of a text it has seen
        read_markdown(markdown)

    def pandoc_process() -> None:
        pandoc_ast._run.cache_clear()
        pandoc_ast.parse_markdown(markdown)

    median, worst = _time(read_cold, args.repeat)
    rows.append(
        (
            "read_markdown (Pandoc's reader + AST walk)",
            median,
            worst,
            statistics.median(CPU),
            "≤ 1 s",
        )
    )
    median, worst = _time(pandoc_process, args.repeat)
    rows.append(
        ("  of which the pandoc process (JSON AST)", median, worst, statistics.median(CPU), "")
    )
    read_markdown(markdown)
    median, worst = _time(lambda: read_markdown(markdown), args.repeat)
    rows.append(("  of which the AST walk (AST cached)", median, worst, statistics.median(CPU), ""))
    try:
        import pypandoc

        pandoc = pypandoc.get_pandoc_path()

        def pandoc_read() -> None:
            subprocess.run(
                [pandoc, "-f", "markdown", "-t", "json"],
                input=markdown,
                capture_output=True,
                text=True,
                check=True,
            )

        median, worst = _time(pandoc_read, max(3, args.repeat // 3))
        rows.append(("peer: pandoc -f markdown -t json", median, worst, statistics.median(CPU), ""))
    except (ImportError, OSError) as error:
        print(f"(pandoc peer skipped: {error})")

    print(
        f"Essay: {essay.word_count():,} words, {len(essay.notes())} notes, "
        f"file {size / 1024:.0f} KiB, Markdown {len(markdown) / 1024:.0f} KiB; "
        f"median and worst of {args.repeat} runs.\n"
    )
    print("| operation | median | worst | CPU (median) | target |")
    print("| --- | ---: | ---: | ---: | --- |")
    for name, median, worst, cpu, target in rows:
        print(
            f"| {name} | {median * 1000:.1f} ms | {worst * 1000:.1f} ms | {cpu * 1000:.0f} ms"
            f" | {target} |"
        )
    limit = {"≤ 0.2 s": 0.2, "≤ 1 s": 1.0}
    failed = [name for name, median, _w, _c, target in rows if target and median > limit[target]]
    if failed:
        print(f"\nOver target: {', '.join(failed)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
