"""Notes typed by hand (in Word, say) that cite a library item are found and offered as
citations; notes that are commentary, or that could cite two works, are left alone."""

from __future__ import annotations

import json
from pathlib import Path

from assistant.check.audit import check_draft
from assistant.check.hand_notes import find_hand_citations
from assistant.cite.model import Citation, Note
from assistant.essay.model import Block, Essay, NoteAnchor, Span

SOURCES = Path(__file__).resolve().parents[2] / "resources" / "corpus" / "sources.json"
ITEMS = {item["id"]: item for item in json.loads(SOURCES.read_text(encoding="utf-8"))}


def essay_with(*notes: Note) -> Essay:
    return Essay(
        blocks=[
            Block("paragraph", [Span(f"Sentence {n}."), NoteAnchor(note)])
            for n, note in enumerate(notes)
        ],
        items=ITEMS,
    )


def test_typed_full_and_short_notes_and_ibid_are_recognised() -> None:
    essay = essay_with(
        Note(
            (
                "Shen Zhihua, “Sino-Soviet Relations and the Origins of the Korean War,” "
                "*Journal of Cold War Studies* 2, no. 2 (2000): 52.",
            )
        ),
        Note(("Ibid., 55.",)),
        Note(("Zubok and Pleshakov, *Inside the Kremlin’s Cold War*, 62–64.",)),
        Note(("On this debate, historians still disagree.",)),
        Note.of(Citation("shuster-2019", "3")),
    )
    found = find_hand_citations(essay)
    assert [(f.note, f.citation) for f in found] == [
        (1, Citation("shen-2000", "52")),
        (2, Citation("shen-2000", "55")),
        (3, Citation("zubok-pleshakov-1996", "62–64")),
    ]


def test_a_surname_alone_or_a_title_alone_is_not_enough() -> None:
    essay = essay_with(
        Note(("Shen disagrees with most of the literature here.",)),
        Note(("The origins of the Korean War are disputed.",)),
    )
    assert find_hand_citations(essay) == []


def test_two_equally_good_matches_are_left_to_the_writer() -> None:
    twin = {**ITEMS["shen-2000"], "id": "shen-2000b"}
    essay = essay_with(Note(("Shen, “Sino-Soviet Relations,” 52.",)))
    assert find_hand_citations(essay, {**ITEMS, "shen-2000b": twin}) == []


def test_the_check_lists_them_as_suggestions_that_do_not_fail_it() -> None:
    essay = essay_with(Note(("Shen, “Sino-Soviet Relations,” 52.",)))
    problems = [p for p in check_draft(essay, None, ITEMS) if p.kind == "hand-written-citation"]
    assert len(problems) == 1
    (problem,) = problems
    assert problem.severity == "info" and problem.note == 1
    assert problem.suggestion == Citation("shen-2000", "52")
    assert "make it a citation" in problem.message
