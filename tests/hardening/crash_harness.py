"""Crash injection: SIGKILL a process at a random moment of a save, export, sources edit or index
rebuild, then load what it left and verify it.

Each round starts a worker process that repeats one operation in a loop on a private folder,
kills its whole process group (the indexer's helper processes too) after a random delay, and
checks, as the next start of the app would find them:

- save: the essay opens, and is one of the versions the worker wrote;
- export: the .docx is absent (no export finished yet) or a whole Word file with every footnote;
- sources: sources.json is a JSON array the library reads without a problem, and every document
  file in the corpus is complete;
- index: the index still answers a search with the hits it had, an update brings it back in
  line, and no killed writer's files are left after it.

At the end the start-up sweeps run and any `.NAME.xxxx.tmp` or index scratch left is counted.
The test suite runs a few rounds per operation (tests/hardening/test_crash_injection.py); the
long run is `benchmarks/bench_robustness.py`. Also runnable as a script:
`python tests/hardening/crash_harness.py --kills 25`.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import select
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
SRC = REPO_ROOT / "src"
BUNDLED = REPO_ROOT / "resources" / "corpus"
SCENARIOS = ("save", "export", "sources", "index")
# How long after the worker is ready it may be killed: about the length of a few operations,
# so kills land at every stage of one (measured: a save of this essay ~15 ms, an export ~0.1 s,
# a sources edit ~10 ms, a rebuild of the corpus 0.5-2 s).
MAX_DELAY_S = {"save": 0.4, "peer-save": 0.4, "export": 0.8, "sources": 0.4, "index": 2.5}
QUERY = "Acheson speech"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@dataclass
class Outcome:
    scenario: str
    kills: int = 0
    corrupt: int = 0
    problems: list[str] = field(default_factory=list)
    litter_before_sweep: int = 0  # temporaries the kills left (counted as each kill ends)
    litter_after_sweep: int = 0
    seconds: float = 0.0


# ---------------------------------------------------------------------------------------------
# The workers (run in the child process)


def _essay(words: int = 4000, notes: int = 80):  # type: ignore[no-untyped-def]
    from assistant.essay.sample import make_long_essay

    return make_long_essay(words, notes)


def _worker(scenario: str, folder: Path) -> None:
    if scenario == "save":
        from assistant.essay.store import save_essay

        essay = _essay()
        print("ready", flush=True)
        for version in range(1, 10**9):
            essay.title = f"Version {version}"
            save_essay(essay, folder / "essay.essay")
    elif scenario == "peer-save":
        from assistant.essay.file_format import essay_file_bytes

        essay = _essay()
        print("ready", flush=True)
        for version in range(1, 10**9):
            essay.title = f"Version {version}"
            # In place, as most programs write: what the atomic save exists to avoid.
            (folder / "essay.essay").write_bytes(essay_file_bytes(essay))
    elif scenario == "export":
        from assistant.export.docx import export_docx

        essay = _essay()
        print("ready", flush=True)
        for version in range(1, 10**9):
            essay.title = f"Version {version}"
            export_docx(essay, folder / "essay.docx")
    elif scenario == "sources":
        from assistant.library.corpus import Library

        corpus = folder / "corpus"
        library = Library.open(corpus)
        export = folder / "zotero.json"
        print("ready", flush=True)
        for step in range(1, 10**9):
            item = library.items()["shen-2000"]
            item["note"] = f"edit {step}"
            library.update_item(item)
            added = library.add_file(folder / "incoming.md")
            library.remove(added.id, delete_file=True)
            export.write_text(
                json.dumps([{"id": f"imported-{step % 7}", "type": "book", "title": "T"}])
            )
            library.import_metadata(export)
    elif scenario == "index":
        from assistant.library.corpus import Library
        from assistant.search.index import SearchIndex

        library = Library.open(folder / "corpus")
        print("ready", flush=True)
        while True:
            SearchIndex(folder / "index").update(library, rebuild=True)
    else:
        raise SystemExit(f"unknown scenario {scenario}")


# ---------------------------------------------------------------------------------------------
# Setting up and verifying (in the harness process)


def _prepare(scenario: str, folder: Path, corpus_words: int) -> dict:
    """Create the worker's folder; returns what verification compares against."""
    folder.mkdir(parents=True, exist_ok=True)
    expected: dict = {}
    if scenario in ("sources", "index"):
        corpus = folder / "corpus"
        if corpus_words > 30_000:
            sys.path.insert(0, str(REPO_ROOT / "benchmarks"))
            from search_corpus import build_corpus

            build_corpus(BUNDLED, corpus, corpus_words)
        else:
            shutil.copytree(BUNDLED, corpus)
        incoming = folder / "incoming.md"
        incoming.write_text(
            "# Incoming\n\n" + "The armistice talks at Panmunjom dragged on. " * 3000,
            encoding="utf-8",
        )
        expected["incoming"] = incoming.read_bytes()
        expected["originals"] = {p.name: p.read_bytes() for p in corpus.iterdir()}
    if scenario == "index":
        from assistant.library.corpus import Library
        from assistant.search.index import SearchIndex

        index = SearchIndex(folder / "index")
        index.update(Library.open(folder / "corpus"))
        results = index.search(QUERY, limit=5)
        expected["hits"] = (results.total, [(h.source_id, h.ordinal) for h in results.hits])
    if scenario == "export":
        expected["notes"] = len(_essay().notes())
    return expected


def _verify(scenario: str, folder: Path, expected: dict) -> list[str]:
    """What is wrong with what the killed worker left, as the app would find it."""
    problems: list[str] = []
    if scenario in ("save", "peer-save"):
        from assistant.essay.store import load_essay

        path = folder / "essay.essay"
        if path.exists():
            try:
                title = load_essay(path).title
            except Exception as error:
                return [f"the essay does not open: {error}"]
            if not re.fullmatch(r"Version \d+", title):
                problems.append(f"the essay opens with an unexpected title {title!r}")
    elif scenario == "export":
        path = folder / "essay.docx"
        if path.exists():
            problems.extend(_check_docx(path, expected["notes"]))
    elif scenario == "sources":
        problems.extend(_check_sources(folder, expected))
    elif scenario == "index":
        problems.extend(_check_index(folder, expected))
    return problems


def _check_docx(path: Path, notes: int) -> list[str]:
    from lxml import etree

    try:
        import docx

        document = docx.Document(str(path))
        with zipfile.ZipFile(path) as archive:
            root = etree.fromstring(archive.read("word/footnotes.xml"))
    except Exception as error:
        return [f"the export does not open: {error}"]
    found = sum(1 for note in root.iter(f"{_W}footnote") if int(note.get(f"{_W}id", "0")) > 0)
    if found != notes:
        return [f"the export has {found} footnotes, not {notes}"]
    if not document.paragraphs:
        return ["the export has no paragraphs"]
    return []


def _check_sources(folder: Path, expected: dict) -> list[str]:
    from assistant.library.corpus import Library

    corpus = folder / "corpus"
    problems: list[str] = []
    try:
        data = json.loads((corpus / "sources.json").read_text(encoding="utf-8"))
    except Exception as error:
        return [f"sources.json does not read: {error}"]
    if not isinstance(data, list) or not any(
        isinstance(e, dict) and e.get("id") == "shen-2000" for e in data
    ):
        problems.append("sources.json lost its entries")
    library = Library.open(corpus)
    problems.extend(
        f"library problem: {p}"
        for p in library.problems
        if p.path == "sources.json" and ("cannot be read" in p.message or "JSON array" in p.message)
    )
    for path in corpus.iterdir():
        if not path.is_file() or path.name.startswith("."):
            continue
        original = expected["originals"].get(path.name)
        if original is None and path.suffix == ".md":
            original = expected["incoming"]  # an added copy: whole or absent
        if original is not None and path.name != "sources.json" and path.read_bytes() != original:
            problems.append(f"{path.name} is not the whole file")
    return problems


def _check_index(folder: Path, expected: dict) -> list[str]:
    from assistant.library.corpus import Library
    from assistant.search.index import SearchIndex

    problems: list[str] = []
    index_dir = folder / "index"
    for stage in ("after the kill", "after the next update"):
        try:
            index = SearchIndex(index_dir)
            if stage == "after the next update":
                index.update(Library.open(folder / "corpus"))
            results = index.search(QUERY, limit=5)
            got = (results.total, [(h.source_id, h.ordinal) for h in results.hits])
        except Exception as error:
            problems.append(f"search {stage} failed: {type(error).__name__}: {error}")
            continue
        if got != expected["hits"]:
            problems.append(f"search {stage} gave {got}, not {expected['hits']}")
    return problems


def _litter(folder: Path) -> list[Path]:
    """Killed writers' temporaries and index scratch anywhere under `folder`."""
    found = [p for p in folder.rglob(".*.tmp") if re.fullmatch(r"\..+\.[a-z0-9_]{8}\.tmp", p.name)]
    found += [p for p in folder.rglob("MAIN.tmp")]
    found += [p for p in folder.rglob("_MAIN_*.toc.*")]
    return found


def _sweep(scenario: str, folder: Path) -> None:
    """What the next start of the app does."""
    from assistant.atomic import sweep_temporaries
    from assistant.library.corpus import Library

    if scenario in ("sources", "index"):
        Library.open(folder / "corpus")
    if scenario == "index":
        from assistant.search.index import SearchIndex

        SearchIndex(folder / "index").update(Library.open(folder / "corpus"))
    sweep_temporaries(folder, suffixes=(".essay", ".docx", ".md"))


# ---------------------------------------------------------------------------------------------
# Killing


def _start(scenario: str, folder: Path) -> subprocess.Popen[str]:
    env = dict(os.environ, PYTHONPATH=str(SRC))
    return subprocess.Popen(
        [sys.executable, str(Path(__file__).resolve()), "--worker", scenario, str(folder)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        start_new_session=True,  # its own process group: the kill takes its helpers too
    )


def _wait_ready(process: subprocess.Popen[str], timeout: float = 60.0) -> None:
    assert process.stdout is not None
    ready, _, _ = select.select([process.stdout], [], [], timeout)
    line = process.stdout.readline() if ready else ""
    if line.strip() != "ready":
        process.kill()
        _, stderr = process.communicate(timeout=30)
        raise RuntimeError(f"the worker did not start: {stderr[-2000:]}")


def run_scenario(
    scenario: str, kills: int, folder: Path, seed: int = 1950, corpus_words: int = 0
) -> Outcome:
    rng = random.Random(f"{seed}-{scenario}")
    outcome = Outcome(scenario)
    started = time.monotonic()
    expected = _prepare(scenario, folder, corpus_words)
    litter_seen: set[Path] = set()
    for _ in range(kills):
        process = _start(scenario, folder)
        _wait_ready(process)
        time.sleep(rng.uniform(0.0, MAX_DELAY_S[scenario]))
        if process.poll() is not None:
            _, stderr = process.communicate()
            outcome.problems.append(f"the worker ended by itself: {stderr[-2000:]}")
            outcome.corrupt += 1
            continue
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate(timeout=60)
        outcome.kills += 1
        outcome.litter_before_sweep += len(set(_litter(folder)) - litter_seen)
        litter_seen = set(_litter(folder))
        problems = _verify(scenario, folder, expected)
        if problems:
            outcome.corrupt += 1
            outcome.problems.extend(problems)
    time.sleep(2.5)  # older than any write a living process could be starting
    _sweep(scenario, folder)
    left = _litter(folder)
    outcome.litter_after_sweep = len(left)
    outcome.problems.extend(f"litter left after the sweep: {p}" for p in left)
    outcome.seconds = time.monotonic() - started
    return outcome


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kills", type=int, default=25, help="kills per operation")
    parser.add_argument("--scenario", choices=[*SCENARIOS, "peer-save"], action="append")
    parser.add_argument("--seed", type=int, default=1950)
    parser.add_argument("--corpus-words", type=int, default=0, help="index a corpus this big")
    parser.add_argument("--folder", type=Path, help="work folder (default: a temporary one)")
    parser.add_argument("--worker", nargs=2, metavar=("SCENARIO", "FOLDER"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        _worker(args.worker[0], Path(args.worker[1]))
        return 0
    import tempfile

    base = args.folder or Path(tempfile.mkdtemp(prefix="crash-"))
    outcomes = [
        run_scenario(name, args.kills, base / name, args.seed, args.corpus_words)
        for name in (args.scenario or SCENARIOS)
    ]
    print("| operation | kills | corrupt files | litter left by kills | litter after sweep | s |")
    print("|---|---:|---:|---:|---:|---:|")
    for o in outcomes:
        print(
            f"| {o.scenario} | {o.kills} | {o.corrupt} | {o.litter_before_sweep} | "
            f"{o.litter_after_sweep} | {o.seconds:.0f} |"
        )
    for o in outcomes:
        for problem in o.problems:
            print(f"{o.scenario}: {problem}", file=sys.stderr)
    return 1 if any(o.corrupt or o.litter_after_sweep for o in outcomes) else 0


if __name__ == "__main__":
    sys.path.insert(0, str(SRC))
    sys.exit(main())
