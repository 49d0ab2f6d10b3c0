"""Where both citeproc oracles are CMOS-wrong: the CMOS 18 form, pinned rule by rule.

Each pin names the rule, cites an item of the realistic library (tests/cite/realistic) the way a
writer would, and states the form CMOS prescribes (the library's expectation). The engine must
print it. One Pandoc run and one citeproc-js run over all pins confirm that both oracles print
something else, so a pin whose difference has disappeared upstream is noticed; where a rewrite in
cmos_corrections.py stands for the rule in the generated-item comparisons (test_oracle.py), the
rewrite of each oracle's output must give exactly the CMOS form.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from assistant.cite.engine import ChicagoEngine
from assistant.cite.model import Citation, Note

from . import citeproc_js
from .cmos_corrections import cmos_form
from .oracle import csl_path, pandoc_path, pandoc_render
from .realistic.score import canonical, load

ITEMS, EXPECTED = load()
BY_ID = {item["id"]: item for item in ITEMS}
CASES = {case["id"]: case for case in EXPECTED["items"]}


@dataclass(frozen=True)
class Pin:
    """One rule: the item cited (`kind` 'note' for its first note, 'short' for the note after,
    'bib' for its entry), or an explicit note sequence and the note it is judged on."""

    item_id: str
    kind: str = "note"
    corrected: bool = False  # cmos_form() rewrites the oracles' output into the CMOS form
    sequence: tuple[tuple[str, str], ...] = ()
    at: int = 0  # with a sequence: the index of the note judged
    ours: str = ""  # with a sequence: the CMOS form

    def notes(self) -> list[Note]:
        if self.sequence:
            return [Note.of(Citation(item_id, locator)) for item_id, locator in self.sequence]
        case = CASES[self.item_id]
        citation = Citation(self.item_id, case["locator"], case["label"])
        return [Note.of(citation)] * (2 if self.kind == "short" else 1)

    def judged(self) -> int:
        """Index, among this pin's notes, of the note judged."""
        return self.at if self.sequence else len(self.notes()) - 1

    def cmos(self) -> str:
        return self.ours or CASES[self.item_id][self.kind]


PINS: dict[str, Pin] = {
    "6.78: en dash between the numbers of a range in a title": Pin("cumings1981", "bib", True),
    "9.64: a range of publication years abbreviated like page numbers": Pin(
        "stalin-works", "bib", True
    ),
    "14.106: a blog's name followed by '(blog)'": Pin("ostermann2015", "note", True),
    "14.89: a newspaper's section after the date, as 'sec. B'": Pin("wapo2000", "note", True),
    "ch. 10 (ca.): an approximate date as 'ca.', with the title's comma": Pin("politburo1950"),
    "14.104: the volume's editor is not the author of an unsigned document in it": Pin(
        "muccio1950", "note", True
    ),
    "14.119–14.128: the article's page is not repeated after the archival signature": Pin(
        "shtykov1950a", "bib", True
    ),
    "14.110: the short form of an interview is 'Name, interview'": Pin("muccio1971", "short", True),
    "14.130: a signed article in a scholarly encyclopedia is cited like a chapter": Pin(
        "ce-korean", "short", True
    ),
    "14.30: a short title from the main title, initial article dropped": Pin("westad2017", "short"),
    "14.30: a short title of at most about four words, never ending on a function word": Pin(
        "stueck2002", "short"
    ),
    "14.88: a translated title in square brackets, roman": Pin("volkogonov1989", "note"),
    "14.113: a thesis's genre lowercase in a note": Pin("kraus2014", "note"),
    "14.113: an edition given as text lowercase in a note": Pin("kennan1951", "note"),
    "14.115: an unpublished conference paper has a bibliography entry": Pin("conf2010", "bib"),
    "14.72: no inversion comma before 'and' after a family-first name": Pin("chenyang1998", "bib"),
    "14.29: given names when two cited authors share a surname": Pin(
        "zhang1995",
        sequence=(("zhang1995", "98"), ("zhang2002", "151"), ("zhang1995", "99")),
        at=2,
        ours="Shu Guang Zhang, <i>Mao’s Military Romanticism</i>, 99.",
    ),
}


def _documents() -> tuple[list[dict[str, Any]], list[Note], dict[str, int]]:
    """All pins as one document: every pin cites items no other pin cites."""
    notes: list[Note] = []
    where: dict[str, int] = {}
    cited: list[str] = []
    for rule, pin in PINS.items():
        start = len(notes)
        notes.extend(pin.notes())
        where[rule] = start + pin.judged()
        cited.extend(c.item_id for note in pin.notes() for c in note.citations)
    items = [BY_ID[i] for i in dict.fromkeys(cited)]
    return items, notes, where


def test_pins_cite_items_no_other_pin_cites() -> None:
    owners: dict[str, str] = {}
    for rule, pin in PINS.items():
        for note in pin.notes():
            for citation in note.citations:
                assert owners.setdefault(citation.item_id, rule) == rule, citation.item_id


def _engine_form(rule: str) -> str | None:
    items, notes, where = _documents()
    engine = ChicagoEngine({item["id"]: item for item in items})
    pin = PINS[rule]
    if pin.kind == "bib" and not pin.sequence:
        printed = engine.bibliography([pin.item_id])
        return printed[0].html() if printed else None
    return engine.render_notes(notes)[where[rule]].html()


@pytest.mark.parametrize("rule", list(PINS))
def test_engine_prints_the_cmos_form(rule: str) -> None:
    assert canonical(_engine_form(rule)) == canonical(PINS[rule].cmos())


@pytest.fixture(scope="module")
def oracles() -> dict[str, tuple[list[str], dict[str, str]]]:
    if pandoc_path() is None or csl_path() is None:
        pytest.skip("pandoc (pypandoc-binary) or chicago-notes-bibliography.csl missing")
    reason = citeproc_js.unavailable()
    if reason:
        pytest.skip(f"citeproc-js: {reason}")
    items, notes, _ = _documents()
    ids = [item["id"] for item in items]
    pandoc_notes, pandoc_entries = pandoc_render(items, notes, bibliography_ids=ids)
    js_notes, js_entries = citeproc_js.render(items, notes, bibliography_ids=ids)
    return {
        "pandoc": (pandoc_notes, dict(pandoc_entries)),
        "citeproc-js": (js_notes, dict(js_entries)),
    }


@pytest.mark.parametrize("rule", list(PINS))
def test_both_oracles_print_another_form(
    rule: str, oracles: dict[str, tuple[list[str], dict[str, str]]]
) -> None:
    pin = PINS[rule]
    _, _, where = _documents()
    cited = [BY_ID[c.item_id] for note in pin.notes() for c in note.citations]
    for name, (notes, entries) in oracles.items():
        if pin.kind == "bib" and not pin.sequence:
            theirs = entries.get(pin.item_id) or None
        else:
            theirs = notes[where[rule]]
        assert canonical(theirs) != canonical(pin.cmos()), f"{name} now prints the CMOS form"
        if pin.corrected:
            rewritten = cmos_form(theirs or "", cited, short=pin.kind == "short")
            assert canonical(rewritten) == canonical(pin.cmos()), name
