"""Exact notes and entries for the three bundled sources, first and subsequent citations."""

from __future__ import annotations

import json

import pytest

from assistant.cite.engine import ChicagoEngine
from assistant.cite.model import Citation, Note
from assistant.paths import bundled_corpus_dir

ZUBOK_FULL = (
    "Vladislav Zubok and Constantine Pleshakov, <i>Inside the Kremlin’s Cold War: From Stalin to"
    " Khrushchev</i> (Harvard University Press, 1996), 52."
)
ZUBOK_SHORT = "Zubok and Pleshakov, <i>Inside the Kremlin’s Cold War</i>, 54–56."
ZUBOK_BIB = (
    "Zubok, Vladislav, and Constantine Pleshakov. <i>Inside the Kremlin’s Cold War: From Stalin"
    " to Khrushchev</i>. Harvard University Press, 1996."
)
SHEN_FULL = (
    "Shen Zhihua, “Sino-Soviet Relations and the Origins of the Korean War: Stalin’s Strategic"
    " Goals in the Far East,” <i>Journal of Cold War Studies</i> 2, no. 2 (2000): 52."
)
SHEN_SHORT = "Shen, “Sino-Soviet Relations,” 60."
SHEN_BIB = (
    "Shen Zhihua. “Sino-Soviet Relations and the Origins of the Korean War: Stalin’s Strategic"
    " Goals in the Far East.” <i>Journal of Cold War Studies</i> 2, no. 2 (2000): 44–68."
)
SHUSTER_FULL = (
    "Jacob Shuster, “Stalin’s Foreign Policy ‘Shift’: Cautious Expansionism, USSR-DPRK Relations"
    " 1945–1950 and the Origins of the Korean War” (major research paper, University of Windsor,"
    " 2019), 12, https://scholar.uwindsor.ca/major-papers/103."
)
SHUSTER_SHORT = "Shuster, “Stalin’s Foreign Policy ‘Shift,’” 14."
SHUSTER_BIB = (
    "Shuster, Jacob. “Stalin’s Foreign Policy ‘Shift’: Cautious Expansionism, USSR-DPRK Relations"
    " 1945–1950 and the Origins of the Korean War.” Major research paper, University of Windsor,"
    " 2019. https://scholar.uwindsor.ca/major-papers/103."
)


@pytest.fixture
def engine() -> ChicagoEngine:
    items = json.loads((bundled_corpus_dir() / "sources.json").read_text(encoding="utf-8"))
    return ChicagoEngine({item["id"]: item for item in items})


def test_first_then_subsequent_citations(engine: ChicagoEngine) -> None:
    notes = [
        Note.of(Citation("zubok-pleshakov-1996", "52")),
        Note.of(Citation("shen-2000", "52")),
        Note.of(Citation("shuster-2019", "12")),
        Note.of(Citation("zubok-pleshakov-1996", "54-56")),
        Note.of(Citation("shen-2000", "60")),
        Note.of(Citation("shuster-2019", "14")),
    ]
    assert [n.html() for n in engine.render_notes(notes)] == [
        ZUBOK_FULL,
        SHEN_FULL,
        SHUSTER_FULL,
        ZUBOK_SHORT,
        SHEN_SHORT,
        SHUSTER_SHORT,
    ]


def test_builder_preview_forms(engine: ChicagoEngine) -> None:
    assert engine.full_note(Citation("shen-2000", "52")).html() == SHEN_FULL
    assert engine.short_note(Citation("shen-2000", "60")).html() == SHEN_SHORT
    assert engine.short_note(Citation("shuster-2019", "14")).html() == SHUSTER_SHORT
    # Plain text keeps every character but the italics.
    assert engine.short_note(Citation("zubok-pleshakov-1996", "54-56")).text == (
        "Zubok and Pleshakov, Inside the Kremlin’s Cold War, 54–56."
    )


def test_bibliography_sorted_by_author(engine: ChicagoEngine) -> None:
    assert [e.html() for e in engine.bibliography()] == [SHEN_BIB, SHUSTER_BIB, ZUBOK_BIB]
    assert engine.bibliography_entry("shen-2000").html() == SHEN_BIB


def test_bundled_sources_render_without_warnings(engine: ChicagoEngine) -> None:
    for item_id in ("zubok-pleshakov-1996", "shen-2000", "shuster-2019"):
        assert engine.full_note(Citation(item_id, "1")).warnings == []
        assert engine.bibliography_entry(item_id).warnings == []


def test_italic_runs_are_runs(engine: ChicagoEngine) -> None:
    runs = engine.full_note(Citation("shen-2000", "52")).runs
    assert [r.text for r in runs if r.italic] == ["Journal of Cold War Studies"]
