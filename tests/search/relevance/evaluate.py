"""The relevance evaluation: build the corpus, run the queries, count top-3 hits."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
BUNDLED = HERE.parents[2] / "resources" / "corpus"
TOP = 3


@dataclass(frozen=True)
class Case:
    half: str  # "tune" or "held"
    query: str
    expected: tuple[tuple[str, str], ...]  # (source id, words in the passage)


def cases() -> list[Case]:
    found = []
    for line in (HERE / "queries.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        half, query, expected = line.split("\t")
        pairs = []
        for option in expected.split(" || "):
            source, _, words = option.partition(" :: ")
            pairs.append((source.strip(), words.strip()))
        found.append(Case(half, query, tuple(pairs)))
    return found


def build_corpus(target: Path) -> Path:
    """The bundled corpus plus the test sources, with one sources.json."""
    target.mkdir(parents=True, exist_ok=True)
    items = []
    for folder in (BUNDLED, HERE / "corpus"):
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
