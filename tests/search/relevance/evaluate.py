"""The relevance evaluation: build the corpus, run the queries, count top-3 hits.

By hand, with the app's search (another query set, such as held2/, by name):

    PYTHONPATH=src python tests/search/relevance/evaluate.py [--set held2]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
BUNDLED = HERE.parents[2] / "resources" / "corpus"
TOP = 3
# Another query set is a folder beside this file with its own queries.tsv and corpus/ (held2/):
# its queries replace this folder's and its sources are added to the corpus. Named by `--set`
# or by this variable, so that benchmarks/bench_search.py --relevance runs it unchanged.
SET_VARIABLE = "RELEVANCE_SET"


def query_set(name: str | None = None) -> Path | None:
    """The folder of the chosen query set, or None for this folder's own queries."""
    name = os.environ.get(SET_VARIABLE, "") if name is None else name
    if not name:
        return None
    folder = HERE / name
    if not (folder / "queries.tsv").is_file():
        raise ValueError(f"no query set {name!r}: {folder / 'queries.tsv'} does not exist")
    return folder


@dataclass(frozen=True)
class Case:
    half: str  # "tune" or "held"
    query: str
    expected: tuple[tuple[str, str], ...]  # (source id, words in the passage)


def cases(set_name: str | None = None) -> list[Case]:
    found = []
    folder = query_set(set_name) or HERE
    for line in (folder / "queries.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        half, query, expected = line.split("\t")
        pairs = []
        for option in expected.split(" || "):
            source, _, words = option.partition(" :: ")
            pairs.append((source.strip(), words.strip()))
        found.append(Case(half, query, tuple(pairs)))
    return found


def build_corpus(target: Path, set_name: str | None = None) -> Path:
    """The bundled corpus plus the test sources (and a query set's), with one sources.json."""
    target.mkdir(parents=True, exist_ok=True)
    items = []
    chosen = query_set(set_name)
    for folder in (BUNDLED, HERE / "corpus", *([chosen / "corpus"] if chosen else [])):
        for path in folder.iterdir():
            if path.name == "sources.json":
                items += json.loads(path.read_text(encoding="utf-8"))
            elif path.suffix in (".md", ".txt"):
                shutil.copy(path, target / path.name)
    (target / "sources.json").write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
    return target


# A search: query -> the (source id, passage text) of its best hits, best first.
Searcher = Callable[[str], Sequence[tuple[str, str]]]


def found_in_top(case: Case, hits: Sequence[tuple[str, str]]) -> bool:
    return any(
        source == expected_source and words in text
        for source, text in hits[:TOP]
        for expected_source, words in case.expected
    )


def evaluate(search: Searcher, selected: Sequence[Case] | None = None) -> dict[str, list[Case]]:
    """The cases found in the top 3 and those missed, per half."""
    outcome: dict[str, list[Case]] = {"tune": [], "held": [], "tune-missed": [], "held-missed": []}
    for case in selected if selected is not None else cases():
        key = case.half if found_in_top(case, search(case.query)) else f"{case.half}-missed"
        outcome[key].append(case)
    return outcome


def rate(outcome: dict[str, list[Case]], half: str) -> float:
    found, missed = len(outcome[half]), len(outcome[f"{half}-missed"])
    return found / max(1, found + missed)


def main() -> int:
    parser = argparse.ArgumentParser(description="Top-3 rate of the app's search on a query set.")
    parser.add_argument("--set", default=None, help="a query-set folder beside this file (held2)")
    args = parser.parse_args()

    from assistant.library.corpus import Library
    from assistant.search.index import SearchIndex

    selected = cases(args.set)
    with tempfile.TemporaryDirectory(prefix="relevance-") as temp:
        corpus = build_corpus(Path(temp) / "corpus", args.set)
        app = SearchIndex(Path(temp) / "index")
        report = app.update(Library.open(corpus))
        print(f"{report.indexed} sources indexed, problems: {report.problems or 'none'}")
        hits: dict[str, list[tuple[str, str]]] = {}

        def search(text: str) -> list[tuple[str, str]]:
            hits[text] = [(h.source_id, h.text) for h in app.search(text, limit=TOP).hits]
            return hits[text]

        outcome = evaluate(search, selected)
    for half in ("tune", "held"):
        found, missed = len(outcome[half]), len(outcome[f"{half}-missed"])
        if found + missed:
            print(f"{half}: {found}/{found + missed} in the top {TOP} ({rate(outcome, half):.1%})")
    for case in outcome["tune-missed"] + outcome["held-missed"]:
        print(f"MISSED {case.query!r}; top {TOP}:")
        for source, text in hits[case.query]:
            print(f"    {source}: {text[:100]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
