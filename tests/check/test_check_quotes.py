"""The quote checker on real sentences from the bundled corpus."""

from __future__ import annotations

import pytest
from check_helpers import document_with_notes, raw_document

from assistant.check.quotes import DocumentSet, QuoteChecker

SHEN = "shen-2000"
SHUSTER = "shuster-2019"

SHEN_SENTENCE = (
    "Scholars have been unable to explain this sudden and dramatic transformation of the "
    "Soviet Union's policy toward Korea in 1950."
)
SHUSTER_SENTENCE = (
    "it is evident that the speech had a negligible impact on decision making in the invasion "
    "of South Korea"
)


# --- exact quotations pass -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (SHEN_SENTENCE, SHEN),
        (SHUSTER_SENTENCE, SHUSTER),
        (
            "in light of the altered international situation, we agree with the proposal of "
            "the Koreans to move toward reunification.",
            SHEN,
        ),
        # Source text wraps this title over two lines; the quotation has it on one.
        ("Cautious Expansionism, USSR-DPRK Relations 1945 - 1950 and the Origins", SHUSTER),
    ],
)
def test_exact_quotation_passes(raw_checker: QuoteChecker, text: str, source: str) -> None:
    result = raw_checker.check_text(text, [source])
    assert result.status == "ok", result.message
    assert result.differences == []
    assert result.corrected_quotation() is None


def test_curly_and_straight_marks_and_apostrophes_are_the_same(raw_checker: QuoteChecker):
    curly = SHEN_SENTENCE.replace("Union's", "Union’s")
    assert raw_checker.check_text(curly, [SHEN]).ok


def test_nested_quotation_in_single_marks_passes(raw_checker: QuoteChecker) -> None:
    # Shuster prints Merrill's words in double marks; quoted inside a quotation they are single.
    text = (
        "As historian John Merrill explains, the speech ‘acknowledged the importance of Asian "
        "nationalism, warned of a Soviet attempt to pry loose Manchuria from China.’"
    )
    assert raw_checker.check_text(text, [SHUSTER]).ok


def test_footnote_reference_marks_in_the_source_are_ignored(raw_checker: QuoteChecker) -> None:
    # The source has "…remains unresolved.⁹⁷ Since one of…": the superscript is a note mark.
    text = (
        "the question of its impact on Stalin and Soviet foreign policy remains unresolved. "
        "Since one of Stalin's primary concerns"
    )
    assert raw_checker.check_text(text, [SHUSTER]).ok


# --- Chicago-allowed changes pass ------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # first letter's case follows the writer's sentence
        "the speech had a negligible impact on decision making",
        "The speech had a negligible impact on decision making",
        # bracketed change of the first letter
        "[T]he speech had a negligible impact",
        # ellipsis in each form writers type
        "the speech had a negligible impact … in the invasion of South Korea",
        "the speech had a negligible impact . . . in the invasion of South Korea",
        "the speech had a negligible impact ... in the invasion of South Korea",
        "the speech had a negligible impact [...] in the invasion of South Korea",
        # four-dot ellipsis across a sentence boundary
        "the question of its impact on Stalin and Soviet foreign policy remains unresolved. . . . "
        "However, with the archival materials available, it is evident",
        # bracketed interpolation and a bracketed word standing for the source's
        "the speech [of January 1950] had a negligible impact on decision making",
        "[Acheson's] speech had a negligible impact on decision making",
        "the speech had a negligible impact on decision making [sic]",
    ],
)
def test_chicago_allowed_changes_pass(raw_checker: QuoteChecker, text: str) -> None:
    result = raw_checker.check_text(text, [SHUSTER])
    assert result.status == "ok", result.message


def test_ellipsis_cannot_reorder_the_source(raw_checker: QuoteChecker) -> None:
    text = "in the invasion of South Korea … the speech had a negligible impact"
    assert not raw_checker.check_text(text, [SHUSTER]).ok


# --- misquotations -----------------------------------------------------------------------------


def test_altered_word_is_reported_with_source_wording(raw_checker: QuoteChecker) -> None:
    text = SHEN_SENTENCE.replace("sudden", "abrupt")
    result = raw_checker.check_text(text, [SHEN])
    assert result.status == "mismatch"
    assert [(d.kind, d.source_words, d.quoted_words) for d in result.differences] == [
        ("changed", "sudden", "abrupt")
    ]
    assert "this [[sudden]] and dramatic" in result.marked_source()
    assert "“abrupt” where the source has “sudden”" in result.message
    assert result.corrected_quotation() == SHEN_SENTENCE


def test_dropped_words_without_ellipsis_are_reported(raw_checker: QuoteChecker) -> None:
    text = "the speech had impact on decision making in the invasion of South Korea"
    result = raw_checker.check_text(text, [SHUSTER])
    assert result.status == "mismatch"
    assert [(d.kind, d.source_words) for d in result.differences] == [("omitted", "a negligible")]
    assert "had [[a negligible]] impact" in result.marked_source()
    corrected = result.corrected_quotation()
    assert (
        corrected
        == "the speech had a negligible impact on decision making in the invasion of South Korea"
    )
    assert raw_checker.check_text(corrected, [SHUSTER]).ok


def test_added_words_outside_brackets_are_reported(raw_checker: QuoteChecker) -> None:
    text = "the speech had a truly negligible impact on decision making"
    result = raw_checker.check_text(text, [SHUSTER])
    assert result.status == "mismatch"
    assert [(d.kind, d.quoted_words) for d in result.differences] == [("added", "truly")]
    assert result.corrected_quotation() == "the speech had a negligible impact on decision making"


def test_capitals_inside_the_quotation_must_match(raw_checker: QuoteChecker) -> None:
    result = raw_checker.check_text("the Speech had a negligible impact", [SHUSTER])
    assert result.status == "mismatch"
    assert [(d.kind, d.source_words, d.quoted_words) for d in result.differences] == [
        ("case", "speech", "Speech")
    ]


def test_correction_keeps_a_correct_ellipsis_and_fixes_the_wrong_segment(
    raw_checker: QuoteChecker,
) -> None:
    text = "the speech had a small impact … in the invasion of South Korea."
    result = raw_checker.check_text(text, [SHUSTER])
    assert result.status == "mismatch"
    assert result.corrected_quotation() == (
        "the speech had a negligible impact … in the invasion of South Korea."
    )


def test_correction_keeps_the_writers_first_letter(raw_checker: QuoteChecker) -> None:
    result = raw_checker.check_text("The speech had a small impact on decision making", [SHUSTER])
    assert result.corrected_quotation() == "The speech had a negligible impact on decision making"


# --- wrong source, not found, unverifiable -----------------------------------------------------


def test_quotation_from_a_different_source_is_reported(raw_checker: QuoteChecker) -> None:
    text = "in light of the altered international situation, we agree with the proposal"
    result = raw_checker.check_text(text, [SHUSTER])
    assert result.status == "wrong-source"
    assert result.found_in == SHEN
    assert "shen-2000" in result.message and "shuster-2019" in result.message


def test_quotation_nowhere_in_the_library_is_not_found(raw_checker: QuoteChecker) -> None:
    result = raw_checker.check_text("the cat sat quietly upon the mat all afternoon", [SHEN])
    assert result.status == "not-found"
    assert "not found" in result.message


def test_several_cited_sources_pass_when_one_has_the_words(raw_checker: QuoteChecker) -> None:
    assert raw_checker.check_text(SHEN_SENTENCE, [SHUSTER, SHEN]).ok


def test_source_without_text_is_unverifiable_not_a_failure(raw_checker: QuoteChecker) -> None:
    result = raw_checker.check_text(SHEN_SENTENCE, ["no-such-source"])
    assert result.status == "unverifiable"
    assert "no-such-source" in result.message


def test_unreadable_source_file_is_reported_and_others_still_checked() -> None:
    class Flaky(DocumentSet):
        def document(self, source_id: str):
            if source_id == "broken":
                raise OSError("broken.pdf: file is damaged")
            return super().document(source_id)

    checker = QuoteChecker(Flaky([raw_document(SHEN)]))
    assert "file is damaged" in checker.check_text("words", ["broken"]).message
    assert checker.check_text(SHEN_SENTENCE, ["broken", SHEN]).ok


# --- quotations spanning a paragraph break in the source ---------------------------------------


def test_quotation_across_paragraph_break_and_page_footnote_passes() -> None:
    # Shen's "These new" / footnote 1 / "sources have enabled scholars…": the printed page
    # broke mid-sentence and the page's footnote sits between the halves.
    document = document_with_notes(SHEN, ("1. ", "2. ", "3. "))
    checker = QuoteChecker(DocumentSet([document]))
    text = (
        "These new sources have enabled scholars to reconsider many aspects of the Korean War "
        "and Soviet foreign policy."
    )
    result = checker.check_text(text, [SHEN])
    assert result.status == "ok", result.message
    assert result.passage is not None and result.passage.kind == "body"


def test_shuster_quotation_across_page_footnote_passes() -> None:
    document = document_with_notes(SHUSTER, ("⁹", "¹"))
    checker = QuoteChecker(DocumentSet([document]))
    text = (
        "importantly leaving the Korean peninsula outside of the protected zone. While the "
        "panicked reaction in the ROK to the speech has been well documented"
    )
    assert checker.check_text(text, [SHUSTER]).ok


def test_quotation_across_two_body_paragraphs_passes(raw_checker: QuoteChecker) -> None:
    text = (
        "Scholars have been unable to explain this sudden and dramatic transformation of the "
        "Soviet Union's policy toward Korea in 1950. In the mid-1990s, the Russian government "
        "declassified a number of crucial documents"
    )
    assert raw_checker.check_text(text, [SHEN]).ok


def test_mismatch_across_footnote_reports_source_words_without_the_note() -> None:
    document = document_with_notes(SHEN, ("1. ",))
    checker = QuoteChecker(DocumentSet([document]))
    text = "These new sources have allowed scholars to reconsider many aspects of the Korean War"
    result = checker.check_text(text, [SHEN])
    assert result.status == "mismatch"
    assert result.source_text() == (
        "These new sources have enabled scholars to reconsider many aspects of the Korean War"
    )
    assert "Shifrtelgramma" not in result.corrected_quotation()


def test_quoting_a_footnote_of_the_source_passes() -> None:
    document = document_with_notes(SHEN, ("1. ",))
    checker = QuoteChecker(DocumentSet([document]))
    text = "I have collected over 500 Russian archival documents, and I cite many of these"
    result = checker.check_text(text, [SHEN])
    assert result.ok
    assert result.passage is not None and result.passage.kind == "note"


def test_not_found_in_a_short_source_text_says_the_text_is_partial(raw_checker) -> None:
    # zubok-pleshakov-1996.md is a reader's notes on the book (576 words), not the book.
    result = raw_checker.check_text(
        "the Kremlin leaders never meant to fight the Americans over a peninsula",
        ["zubok-pleshakov-1996"],
    )
    assert result.status == "not-found"
    assert "the library holds only 5" in result.message
    assert "check the quotation against the full text" in result.message
