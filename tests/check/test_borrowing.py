"""The borrowing guard on real sentences of the bundled sources.

Each case is what a student's draft really does: a sentence of Shen's copied from notes without
marks (cited or not), a copy with a word or two changed, a sentence reordered, and what must not
be flagged: an honest paraphrase, a proper quotation, stock phrases and names.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from check_helpers import SOURCE_IDS, paragraph, raw_document

from assistant.check.audit import check_draft
from assistant.check.borrowing import find_borrowings
from assistant.check.quotes import DocumentSet, QuoteChecker
from assistant.check.text import SourceText
from assistant.cite.model import Citation, Note
from assistant.essay.model import Block, Essay, NoteAnchor, Span
from assistant.library.model import Document, Passage

SHEN_ACHESON = (
    "A week later, Secretary of State Dean Acheson pointedly excluded Taiwan and South Korea "
    "from America's defense perimeter in the western Pacific."
)


@pytest.fixture(scope="module")
def sources() -> dict[str, SourceText]:
    return {s: SourceText.from_document(raw_document(s)) for s in SOURCE_IDS}


def borrowings(sources: dict[str, SourceText], *blocks: Block):  # type: ignore[no-untyped-def]
    return find_borrowings(Essay(blocks=list(blocks)), sources)


def test_a_sentence_copied_without_marks_and_without_a_note(sources) -> None:  # type: ignore[no-untyped-def]
    (found,) = borrowings(sources, paragraph("Many things mattered. " + SHEN_ACHESON))
    assert found.kind == "verbatim"
    assert found.source_id == "shen-2000"
    assert found.text == SHEN_ACHESON.rstrip(".")
    assert found.source_wording.startswith("A week later, Secretary of State Dean Acheson")
    assert found.marked_wording.startswith("[[A week later, Secretary of State")
    assert not found.cited_here
    assert found.shared_words == 22


def test_cited_but_unquoted_is_still_reported(sources) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Stalin finally seemed convinced. After Kim's secret visit, Stalin approved the "
        "military plans."
    )
    (found,) = borrowings(sources, paragraph(text, ("shen-2000", "71")))
    assert found.cited_here and found.source_id == "shen-2000"
    problems = [
        p
        for p in check_draft(_essay(paragraph(text, ("shen-2000", "71"))), _checker())
        if p.kind == "unquoted-borrowing"
    ]
    assert len(problems) == 1 and problems[0].severity == "warning"
    assert "The note cites it" in problems[0].message


def test_a_lightly_edited_copy_is_one_stretch(sources) -> None:  # type: ignore[no-untyped-def]
    edited = (
        "Soviet leaders plainly assumed that the United States would have no time at all to "
        "intervene once the war in Korea began."
    )
    (found,) = borrowings(sources, paragraph(edited))
    assert found.source_id == "shen-2000"
    assert found.text.startswith("Soviet leaders plainly assumed")
    assert "[[Soviet leaders]] clearly [[assumed that the United States" in found.marked_wording


def test_a_reordered_sentence_is_a_close_paraphrase(sources) -> None:  # type: ignore[no-untyped-def]
    reordered = (
        "Kim's interpreter Mun Il recalled that when Kim explained to Stalin why America would "
        "not intervene, he cited four factors, among them a decisive surprise attack by the "
        "North Koreans."
    )
    (found,) = borrowings(sources, paragraph(reordered))
    assert found.kind == "paraphrase" and found.source_id == "shen-2000"
    assert "[[interpreter]]" in found.marked_wording and "four factors" in found.marked_wording


@pytest.mark.parametrize(
    "text",
    [
        # An honest paraphrase: the idea, in other words.
        "Moscow's planners expected a quick campaign; in their view Washington simply could not "
        "react before Seoul fell.",
        # A proper quotation, with its note.
        "Shen notes that “Stalin was impressed with Acheson's speech after he had studied it "
        "carefully.”",
        # Stock phrases and the names of institutions.
        "By the end of the war the Central Committee of the Soviet Communist Party had changed "
        "its view of the Korean People's Army.",
        # A title in italics is not borrowed prose.
        "See *Uncertain Partners: Stalin, Mao, and the Korean War* on this point.",
    ],
)
def test_what_is_not_a_borrowing(sources, text: str) -> None:  # type: ignore[no-untyped-def]
    assert borrowings(sources, paragraph(text, ("shen-2000", "60"))) == []


def test_words_quoted_earlier_are_the_writers_own_quotation_later(sources) -> None:  # type: ignore[no-untyped-def]
    quoted = paragraph(
        "Shen writes that “Secretary of State Dean Acheson pointedly excluded Taiwan and South "
        "Korea from America's defense perimeter.”",
        ("shen-2000", "52"),
    )
    echo = paragraph(
        "That Dean Acheson pointedly excluded Taiwan and South Korea mattered to Moscow."
    )
    assert borrowings(sources, quoted, echo) == []


def test_a_borrowing_in_a_notes_commentary(sources) -> None:  # type: ignore[no-untyped-def]
    note = Note(
        (
            (Citation("shen-2000", "52"),),
            ". " + SHEN_ACHESON,
        )
    )
    block = Block("paragraph", [Span("Stalin read the speech."), NoteAnchor(note)])
    (found,) = borrowings(sources, block)
    assert found.note == 1 and found.cited_here and found.source_id == "shen-2000"


def test_a_borrowing_across_a_page_break_in_the_source() -> None:
    first = "The Soviet leader weighed the American reaction with unusual care, and "
    second = "only after long talks with Kim did he accept the plan for a rapid offensive."
    text = first + "\n\n46\n\n" + second
    document = Document(
        "memo",
        text,
        [
            Passage("memo", 0, first, "body", "", "45", 0, len(first)),
            Passage("memo", 1, second, "body", "", "46", len(text) - len(second), len(text)),
        ],
    )
    source = SourceText.from_document(document)
    draft = paragraph(
        "Stalin weighed the American reaction with unusual care, and only after "
        "long talks with Kim did he accept the plan for a rapid offensive."
    )
    (found,) = find_borrowings(Essay(blocks=[draft]), {"memo": source})
    assert found.page == "45"
    assert (
        "unusual care, and" in found.source_wording
        and "only after long talks" in found.source_wording
    )
    assert "46" not in found.source_wording  # the folio between the pages is not the source's words


# -- through check_draft and the command line -------------------------------------------------


def _checker() -> QuoteChecker:
    return QuoteChecker(DocumentSet(raw_document(s) for s in SOURCE_IDS))


def _essay(*blocks: Block) -> Essay:
    return Essay(blocks=list(blocks))


def test_the_guard_can_be_turned_off() -> None:
    essay = _essay(paragraph(SHEN_ACHESON))
    assert any(p.kind == "unquoted-borrowing" for p in check_draft(essay, _checker()))
    assert not any(
        p.kind == "unquoted-borrowing" for p in check_draft(essay, _checker(), borrowing=False)
    )


def test_cli_json_reports_the_borrowing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from assistant.cli import main

    draft = tmp_path / "draft.md"
    draft.write_text(f"Stalin hesitated at first. {SHEN_ACHESON}\n", encoding="utf-8")
    status = main(["check", str(draft), "--format", "json", "--index", str(tmp_path / "ix")])
    problems = json.loads(capsys.readouterr().out)
    assert status == 1
    (problem,) = [p for p in problems if p["kind"] == "unquoted-borrowing"]
    assert problem["source"] == "shen-2000"
    assert problem["paragraph"] == 1
    assert problem["source_wording"].startswith("A week later, Secretary of State")
    text = draft.read_text(encoding="utf-8")
    assert text[problem["start"] : problem["end"]].startswith("A week later")
    assert problem["cited"] is False

    status = main(
        ["check", str(draft), "--format", "json", "--no-borrowing", "--index", str(tmp_path / "ix")]
    )
    problems = json.loads(capsys.readouterr().out)
    assert not any(p["kind"] == "unquoted-borrowing" for p in problems)
