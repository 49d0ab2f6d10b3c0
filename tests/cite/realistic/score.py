"""How many notes, short notes and bibliography entries are CMOS-right on the realistic library.

Run by hand from a tree:
    PYTHONPATH=<tree>/src python tests/cite/realistic/score.py [--quiet] [--engine-only] [FOLDER...]
Each FOLDER holds another library.json and expected.json (e.g. heldout/); this folder by default.
--quiet leaves out the mismatches, --engine-only the oracles (seconds instead of a minute).

Scores the engine (assistant.cite.engine.ChicagoEngine) and, when they are installed, the two
oracles (Pandoc's citeproc, citeproc-js) against `expected.json`: the note, short note and
bibliography entry a Chicago-trained editor writes for each item of `library.json`, note
sequences (Ibid., shared surnames) and bibliography order. Prints each figure and every mismatch
as expected/got. The test suite imports `engine_scores` (tests/cite/test_realistic.py).
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
if __name__ == "__main__":  # run as a script: make `tests.cite` importable
    sys.path.insert(0, str(HERE.parents[2]))

from assistant.cite.engine import ChicagoEngine  # noqa: E402
from assistant.cite.model import Citation, Note  # noqa: E402

KINDS = ("note", "short", "bib")
# One oracle run: (items, notes, bibliography ids or None, ibid?) -> (note HTML, [(id, entry)]).
Render = Callable[
    [list[dict[str, Any]], list[Note], "list[str] | None", bool],
    tuple[list[str], list[tuple[str, str]]],
]


def load(folder: Path = HERE) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """A library (`library.json`) and its expectations (`expected.json`) from `folder`."""
    items = json.loads((folder / "library.json").read_text(encoding="utf-8"))
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    return items, expected


@dataclass
class Score:
    """Agreement of one renderer with the expectations, kind by kind."""

    name: str
    right: dict[str, int] = field(default_factory=lambda: dict.fromkeys((*KINDS, "seq"), 0))
    total: dict[str, int] = field(default_factory=lambda: dict.fromkeys((*KINDS, "seq"), 0))
    order_right: int = 0
    order_total: int = 0
    mismatches: list[tuple[str, str, str | None, str | None]] = field(default_factory=list)

    def check(
        self, kind: str, label: str, want: str | None, got: str | None, also: Sequence[str] = ()
    ) -> None:
        """Count `got` right when it is `want` or one of the forms `also` accepts."""
        want, got = canonical(want), canonical(got)
        self.total[kind] += 1
        if got == want or got in {canonical(form) for form in also}:
            self.right[kind] += 1
        else:
            self.mismatches.append((kind, label, want, got))

    def percent(self, kind: str) -> float:
        return 100.0 * self.right[kind] / self.total[kind] if self.total[kind] else 0.0

    @property
    def overall(self) -> float:
        """Every note (full, short, in sequences) and bibliography entry together."""
        right = sum(self.right.values())
        total = sum(self.total.values())
        return 100.0 * right / total if total else 0.0


def canonical(html: str | None) -> str | None:
    """One spelling of the same rendering: no empty italics, adjacent italic runs joined, an
    ampersand written bare or as the entity."""
    if html is None:
        return None
    html = html.replace("&amp;", "&")
    previous = None
    while previous != html:
        previous = html
        html = html.replace("<i></i>", "").replace("</i><i>", "")
    return html


def _citation(raw: Sequence[str], labels: dict[str, str]) -> Citation:
    """A sequence's citation: [id, locator, prefix?]. Its locator takes the label the set gives
    the item (a novel cited by chapter is cited by chapter in a sequence too)."""
    item_id, locator, *rest = raw
    label = labels.get(item_id, "page") if locator else "page"
    return Citation(item_id, locator, label, prefix=rest[0] if rest else "")


def _labels(expected: dict[str, Any]) -> dict[str, str]:
    return {case["id"]: case.get("label", "page") for case in expected["items"]}


def _first_and_second(expected: dict[str, Any]) -> list[Note]:
    """Every item cited once (full note), then every item again (short note)."""
    cases = expected["items"]
    cites = [Citation(case["id"], case["locator"], case["label"]) for case in cases]
    return [Note.of(c) for c in cites] + [Note.of(c) for c in cites]


def _relocated(form: str, old: str, new: str) -> str | None:
    """`form` (a note ending in its locator `old`) cited at `new` instead; None if it does not
    end so."""
    if old == new:
        return form
    if old and form.endswith(f"{old}."):
        return f"{form[: -len(old) - 1]}{new}."
    return None


def sequence_also(
    expected: dict[str, Any], raw_note: Sequence[Sequence[str]], want: str
) -> list[str]:
    """The other forms accepted for a sequence's note: when the note cites one item and is
    that item's full or short note at another locator, the forms the item's `note_also` or
    `short_also` accept, at that locator (a form acceptable once is acceptable in a sequence)."""
    if len(raw_note) != 1 or len(raw_note[0]) != 2:
        return []
    item_id, locator = raw_note[0]
    case = next((c for c in expected["items"] if c["id"] == item_id), None)
    if case is None:
        return []
    for kind in ("note", "short"):
        if _relocated(case[kind], case["locator"], locator) == want:
            forms = (_relocated(f, case["locator"], locator) for f in case.get(f"{kind}_also", ()))
            return [f for f in forms if f is not None]
    return []


def _sequence_items(items: list[dict[str, Any]], sequence: dict[str, Any]) -> list[dict[str, Any]]:
    """The items a sequence cites: each sequence is a document of its own."""
    cited = {raw[0] for note in sequence["notes"] for raw in note}
    return [item for item in items if item["id"] in cited]


def _score_order(score: Score, expected: dict[str, Any], order: list[str]) -> None:
    position = {item_id: index for index, item_id in enumerate(order)}
    for before, after, rule in expected["order"]:
        score.order_total += 1
        if before in position and after in position and position[before] < position[after]:
            score.order_right += 1
        else:
            score.mismatches.append(("order", f"{before} before {after}", rule, None))


def engine_scores(items: list[dict[str, Any]], expected: dict[str, Any]) -> Score:
    score = Score("engine")
    engine = ChicagoEngine({item["id"]: item for item in items})
    for case in expected["items"]:
        citation = Citation(case["id"], case["locator"], case["label"])
        full = engine.full_note(citation).html()
        score.check("note", case["id"], case["note"], full, case.get("note_also", ()))
        short = engine.short_note(citation).html()
        score.check("short", case["id"], case["short"], short, case.get("short_also", ()))
        printed = engine.bibliography([case["id"]])
        entry = printed[0].html() if printed else None
        score.check("bib", case["id"], case["bib"], entry, case.get("bib_also", ()))
    for sequence in expected["sequences"]:
        subset = _sequence_items(items, sequence)
        seq_engine = ChicagoEngine({item["id"]: item for item in subset}, ibid=sequence["ibid"])
        notes = [
            Note(tuple([tuple(_citation(raw, _labels(expected)) for raw in note)]))
            for note in sequence["notes"]
        ]
        got = [note.html() for note in seq_engine.render_notes(notes)]
        for index, want in enumerate(sequence["expected"]):
            label = f"{sequence['name']} #{index + 1}"
            also = sequence_also(expected, sequence["notes"][index], want)
            score.check("seq", label, want, got[index] if index < len(got) else None, also)
    by_html = {engine.bibliography_entry(i["id"]).html(): i["id"] for i in items}
    order = [by_html.get(entry.html(), "?") for entry in engine.bibliography()]
    _score_order(score, expected, order)
    return score


def oracle_scores(
    name: str, render: Render, items: list[dict[str, Any]], expected: dict[str, Any]
) -> Score:
    """One run for the items, one per sequence (each its own document)."""
    score = Score(name)
    cases = expected["items"]
    ids = [item["id"] for item in items]
    notes, entries = render(items, _first_and_second(expected), ids, False)
    entry_of = dict(entries)
    for index, case in enumerate(cases):
        score.check("note", case["id"], case["note"], notes[index], case.get("note_also", ()))
        short = notes[len(cases) + index]
        score.check("short", case["id"], case["short"], short, case.get("short_also", ()))
        entry = entry_of.get(case["id"]) or None
        score.check("bib", case["id"], case["bib"], entry, case.get("bib_also", ()))
    for sequence in expected["sequences"]:
        subset = _sequence_items(items, sequence)
        seq_notes = [
            Note(tuple([tuple(_citation(raw, _labels(expected)) for raw in note)]))
            for note in sequence["notes"]
        ]
        got, _ = render(subset, seq_notes, None, sequence["ibid"])
        for index, want in enumerate(sequence["expected"]):
            also = sequence_also(expected, sequence["notes"][index], want)
            score.check("seq", f"{sequence['name']} #{index + 1}", want, got[index], also)
    _score_order(score, expected, [item_id for item_id, html in entries if html])
    return score


def pandoc_oracle() -> Render | None:
    from tests.cite.oracle import CHICAGO, CHICAGO_IBID, csl_path, pandoc_path, pandoc_render

    if pandoc_path() is None or csl_path() is None:
        return None

    def render(items, notes, ids, ibid):  # type: ignore[no-untyped-def]
        style = CHICAGO_IBID if ibid else CHICAGO
        return pandoc_render(items, notes, bibliography_ids=ids, style=style)

    return render


def citeproc_js_oracle() -> Render | None:
    from tests.cite import citeproc_js
    from tests.cite.oracle import CHICAGO, CHICAGO_IBID

    if citeproc_js.unavailable():
        return None

    def render(items, notes, ids, ibid):  # type: ignore[no-untyped-def]
        style = CHICAGO_IBID if ibid else CHICAGO
        return citeproc_js.render(items, notes, bibliography_ids=ids, style=style)

    return render


ORACLES = (("pandoc citeproc", pandoc_oracle), ("citeproc-js", citeproc_js_oracle))


def report(score: Score, *, mismatches: bool = True) -> str:
    lines = [
        f"{score.name}: notes {score.percent('note'):.1f}% ({score.right['note']}/"
        f"{score.total['note']}), short notes {score.percent('short'):.1f}% "
        f"({score.right['short']}/{score.total['short']}), bibliography "
        f"{score.percent('bib'):.1f}% ({score.right['bib']}/{score.total['bib']}), sequences "
        f"{score.percent('seq'):.1f}% ({score.right['seq']}/{score.total['seq']}), all "
        f"{score.overall:.1f}%; bibliography order {score.order_right}/{score.order_total}"
    ]
    if mismatches:
        for kind, label, want, got in score.mismatches:
            lines.append(f"  [{kind}] {label}\n    expected: {want}\n    got:      {got}")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    quiet = "--quiet" in argv
    # The oracles take most of a run; --engine-only is for checking a change against every set.
    oracles = () if "--engine-only" in argv else ORACLES
    folders = [Path(arg) for arg in argv if not arg.startswith("--")] or [HERE]
    for folder in folders:
        if len(folders) > 1:
            print(f"## {folder.name}")
        items, expected = load(folder)
        scores = [engine_scores(items, expected)]
        for name, make in oracles:
            render = make()
            if render is None:
                print(f"{name}: not installed, skipped")
                continue
            try:
                scores.append(oracle_scores(name, render, items, expected))
            except subprocess.CalledProcessError as error:
                # Pandoc refuses a whole library over one field it cannot read (a catalogue's
                # "c1986" as a date part): it renders nothing, every form counts wrong.
                reason = str(error.stderr or "").strip().splitlines()
                print(f"{name}: could not read the library ({' '.join(reason[:2]) or error})")
                print()
        for score in scores:
            print(report(score, mismatches=not quiet))
            print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
