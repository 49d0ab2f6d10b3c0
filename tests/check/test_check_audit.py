"""Finding quotations and their notes in a draft, and the citation audit."""

from __future__ import annotations

import json

from check_helpers import CORPUS, essay_of, paragraph

from assistant.check.audit import audit_essay, check_draft, missing_metadata
from assistant.check.quotations import find_quotations
from assistant.check.quotes import QuoteChecker
from assistant.cite.model import Citation, Note
from assistant.essay.model import Block, NoteAnchor, Span

ITEMS = {item["id"]: item for item in json.loads((CORPUS / "sources.json").read_text())}
SHEN_QUOTE = (
    "in light of the altered international situation, we agree with the proposal of the "
    "Koreans to move toward reunification."
)


def kinds(problems) -> list[tuple[str, int | None, int | None]]:
    return [(p.kind, p.paragraph, p.note) for p in problems]


# --- which note cites a quotation ------------------------------------------------------------


def test_note_right_after_the_closing_mark_cites_the_quotation() -> None:
    essay = essay_of(
        paragraph("Stalin wrote that “", SHEN_QUOTE, "”", ("shen-2000", "44"), " Mao agreed.")
    )
    [quotation] = find_quotations(essay)
    assert quotation.text == SHEN_QUOTE
    assert quotation.note_number == 1
    assert quotation.cited_ids == ["shen-2000"]
    assert essay.blocks[0].text[quotation.start : quotation.end] == SHEN_QUOTE


def test_note_at_the_end_of_the_sentence_cites_both_quotations_in_it() -> None:
    essay = essay_of(
        paragraph(
            'Shuster calls the speech "more nuanced" and its impact "negligible" in U.S. policy.',
            ("shuster-2019", "30"),
            ' Then "an unrelated quotation of several words" follows.',
        )
    )
    first, second, third = find_quotations(essay)
    assert (first.text, first.note_number) == ("more nuanced", 1)
    assert (second.text, second.note_number) == ("negligible", 1)
    assert third.anchor is None  # the note belongs to the previous sentence


def test_note_in_a_later_sentence_does_not_cite_the_quotation() -> None:
    essay = essay_of(
        paragraph(
            "He wrote “the speech had a negligible impact on decision making.” He was right.",
            ("shuster-2019", "30"),
        )
    )
    [quotation] = find_quotations(essay)
    assert quotation.anchor is None


def test_block_quotation_of_two_paragraphs_is_one_quotation_cited_by_its_last_note() -> None:
    first = Block("blockquote", [Span("Scholars have been unable to explain this sudden")])
    anchor = NoteAnchor(Note.of(Citation("shen-2000", "44")))
    second = Block("blockquote", [Span("and dramatic transformation."), anchor])
    essay = essay_of(paragraph("Shen is blunt:"), first, second, paragraph("After."))
    [quotation] = find_quotations(essay)
    assert quotation.is_block and quotation.anchor is anchor
    assert (quotation.block, quotation.end_block) == (1, 2)


def test_draft_with_correct_quotation_has_no_quote_problems(raw_checker: QuoteChecker) -> None:
    essay = essay_of(
        paragraph("Stalin wrote that “", SHEN_QUOTE, "”", ("shen-2000", "44")), items=ITEMS
    )
    assert check_draft(essay, raw_checker) == []


def test_check_draft_reports_misquotation_with_paragraph_and_note(raw_checker) -> None:
    essay = essay_of(
        Block("heading", [Span("Introduction")], level=1),
        paragraph("First paragraph.", ("shen-2000", "44")),
        paragraph(
            "Stalin wrote that “",
            SHEN_QUOTE.replace("altered", "changed"),
            "”",
            ("shen-2000", "45"),
        ),
        items=ITEMS,
    )
    problems = check_draft(essay, raw_checker)
    assert kinds(problems) == [("misquotation", 2, 2)]
    [problem] = problems
    assert str(problem).startswith("paragraph 2, note 2: quotation “in light of the changed")
    assert "“changed” where the source has “altered”" in problem.message
    assert problem.check.corrected_quotation() == SHEN_QUOTE
    text = essay.blocks[2].text
    assert text[problem.start : problem.end].startswith("in light of the changed")


def test_block_quotation_from_the_wrong_source_is_reported(raw_checker: QuoteChecker) -> None:
    quote = Block(
        "blockquote",
        [Span(SHEN_QUOTE), NoteAnchor(Note.of(Citation("shuster-2019", "12")))],
    )
    problems = check_draft(essay_of(paragraph("Stalin:"), quote, items=ITEMS), raw_checker)
    assert kinds(problems) == [("wrong-source", 2, 1)]
    assert problems[0].check.found_in == "shen-2000"


# --- audit -------------------------------------------------------------------------------------


def test_quotation_without_a_note_is_reported_but_scare_quotes_are_not() -> None:
    essay = essay_of(
        paragraph("Stalin's “Shift” is a theme.", ("shuster-2019", "1")),
        paragraph("He wrote that “we agree with the proposal of the Koreans” and left."),
        items=ITEMS,
    )
    assert kinds(audit_essay(essay)) == [("no-note", 2, None)]


def test_unclosed_quotation_mark_is_reported() -> None:
    essay = essay_of(paragraph("He wrote that “we agree with the proposal.", ("shen-2000", "4")))
    problems = audit_essay(essay, ITEMS)
    assert kinds(problems) == [("unclosed-quotation", 1, None)]


def test_note_without_locator_is_reported() -> None:
    essay = essay_of(paragraph("A claim.", ("shen-2000", "")), items=ITEMS)
    [problem] = audit_essay(essay)
    assert (problem.kind, problem.note) == ("no-locator", 1)
    assert "Shen, “Sino-Soviet Relations” without a page" in problem.message


def test_unknown_source_is_reported() -> None:
    essay = essay_of(paragraph("A claim.", ("ghost-1999", "3")), items=ITEMS)
    [problem] = audit_essay(essay)
    assert problem.kind == "unknown-source" and "ghost-1999" in problem.message


def test_missing_metadata_is_reported_once_per_item() -> None:
    book = {"id": "b", "type": "book", "title": "A Book", "author": [{"family": "Roe"}]}
    article = {
        "id": "a",
        "type": "article-journal",
        "title": "An Article",
        "container-title": "Journal",
        "issued": {"date-parts": [[1999]]},
    }
    essay = essay_of(
        paragraph("One.", ("b", "3"), " Two.", ("a", "4"), " Three.", ("b", "9")),
        items={"a": article, "b": book},
    )
    problems = audit_essay(essay)
    assert [(p.kind, p.note, p.item_id) for p in problems] == [
        ("missing-metadata", 1, "b"),
        ("missing-metadata", 2, "a"),
    ]
    # The short title drops the initial article (CMOS 14.30).
    assert "Roe, Book has no date or publisher" in problems[0].message
    assert "no page range" in problems[1].message


def test_bundled_items_have_complete_metadata() -> None:
    assert all(missing_metadata(item) == [] for item in ITEMS.values())


def test_thesis_without_university_is_reported() -> None:
    thesis = {k: v for k, v in ITEMS["shuster-2019"].items() if k != "publisher"}
    assert missing_metadata(thesis) == ["university (publisher)"]


def test_consecutive_notes_to_the_same_place_are_reported() -> None:
    essay = essay_of(
        paragraph("One.", ("shen-2000", "52"), " Two.", ("shen-2000", "52")),
        paragraph("Three.", ("shen-2000", "52"), " Four.", ("shen-2000", "53")),
        items=ITEMS,
    )
    problems = audit_essay(essay)
    assert kinds(problems) == [("repeated-note", 1, 2), ("repeated-note", 2, 3)]
    assert "notes 1 and 2 cite the same place (Shen, “Sino-Soviet Relations”, 52)" in (
        problems[0].message
    )
    assert "merge them" in problems[0].message


def test_notes_with_commentary_are_not_called_repeats() -> None:
    note = Note(("See also the telegram.", (Citation("shen-2000", "52"),)))
    essay = essay_of(
        Block("paragraph", [Span("One."), NoteAnchor(Note.of(Citation("shen-2000", "52")))]),
        Block("paragraph", [Span("Two."), NoteAnchor(note)]),
        items=ITEMS,
    )
    assert audit_essay(essay) == []


def test_quotations_in_a_note_are_checked_against_its_citations(raw_checker) -> None:
    wrong = Note(
        (
            "Shuster is blunt: “the speech had a small impact on decision making.” See ",
            (Citation("shuster-2019", "31"),),
            ".",
        )
    )
    right = Note(
        (
            "Compare “the speech had a negligible impact on decision making.” ",
            (Citation("shuster-2019", "31"),),
        )
    )
    uncited = Note(("An aside, “with a quotation nobody cites in this note at all.”",))
    essay = essay_of(
        Block("paragraph", [Span("One."), NoteAnchor(wrong), Span(" Two."), NoteAnchor(right)]),
        Block("paragraph", [Span("Three."), NoteAnchor(uncited)]),
        items=ITEMS,
    )
    problems = check_draft(essay, raw_checker)
    assert kinds(problems) == [("misquotation", 1, 1)]
    assert problems[0].message.startswith("quotation in the note “the speech had a small")
    assert (problems[0].start, problems[0].end) == (4, 4)  # at the note's anchor


def test_titles_in_quotation_marks_are_not_quotations(raw_checker) -> None:
    essay = essay_of(
        paragraph(
            "Kathryn Weathersby's “The Soviet Role in the Early Phase of the Korean War” is "
            "cited by Shuster.",
            ("shen-2000", "50"),
            " Shuster says the speech had “a negligible impact on decision making.”",
            ("shen-2000", "51"),
        ),
        items=ITEMS,
    )
    [quotation] = find_quotations(essay)
    assert quotation.text == "a negligible impact on decision making."
    assert kinds(check_draft(essay, raw_checker)) == [("wrong-source", 1, 2)]


def test_straight_guillemet_and_nested_quotation_marks() -> None:
    essay = essay_of(
        paragraph(
            'He said "first words here" and «second words there» and “third ‘inner’ words”.',
            ("shen-2000", "1"),
        )
    )
    assert [q.text for q in find_quotations(essay)] == [
        "first words here",
        "second words there",
        "third ‘inner’ words",
    ]
    assert {q.note_number for q in find_quotations(essay)} == {1}
