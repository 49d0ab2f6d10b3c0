"""The checker and "find support" over the real library and search index."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from check_helpers import CORPUS

from assistant.check.quotes import QuoteChecker
from assistant.check.support import find_support, key_terms
from assistant.library.corpus import Library
from assistant.search.index import SearchIndex


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    target = tmp_path_factory.mktemp("checkcorpus") / "corpus"
    shutil.copytree(CORPUS, target)
    return Library.open(target)


@pytest.fixture(scope="module")
def index(library: Library, tmp_path_factory: pytest.TempPathFactory) -> SearchIndex:
    built = SearchIndex(tmp_path_factory.mktemp("checkindex") / "index")
    built.update(library)
    return built


def test_quotation_across_the_page_footnote_passes_in_the_library(library: Library) -> None:
    checker = QuoteChecker.for_library(library)
    text = (
        "These new sources have enabled scholars to reconsider many aspects of the Korean War "
        "and Soviet foreign policy."
    )
    result = checker.check_text(text, ["shen-2000"])
    assert result.status == "ok", result.message
    assert result.section == "Introduction"


def test_misquotation_names_the_source_and_its_section(library: Library) -> None:
    checker = QuoteChecker.for_library(library)
    result = checker.check_text(
        "the speech had a minor impact on decision making in the invasion of South Korea",
        ["shuster-2019"],
    )
    assert result.status == "mismatch"
    assert result.message.startswith("differs from Shuster, “Stalin’s Foreign Policy ‘Shift’”")
    assert result.place() == "section “DEAN ACHESON PRESS CLUB SPEECH (1950)”"
    assert result.marked_source() == (
        "the speech had a [[negligible]] impact on decision making in the invasion of South Korea"
    )


def test_wrong_source_is_found_through_the_index(library: Library, index: SearchIndex) -> None:
    calls: list[str] = []

    class Counting:
        def search(self, query: str, limit: int = 10, source_ids=None):
            calls.append(query)
            return index.search(query, limit=limit, source_ids=source_ids)

    checker = QuoteChecker.for_library(library, index=Counting())
    text = "we agree with the proposal of the Koreans to move toward reunification"
    result = checker.check_text(text, ["zubok-pleshakov-1996"])
    assert result.status == "wrong-source"
    assert result.found_in == "shen-2000"
    assert "Shen, “Sino-Soviet Relations”" in result.message
    assert calls and calls[0].startswith('"we agree with the proposal')


def test_changed_source_file_is_read_again(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    library = Library.open(corpus)
    checker = QuoteChecker.for_library(library)
    text = "the speech had a negligible impact on decision making"
    assert checker.check_text(text, ["shuster-2019"]).ok
    path = corpus / "shuster-2019.md"
    path.write_text(path.read_text().replace("negligible impact", "modest impact"))
    assert checker.check_text(text, ["shuster-2019"]).status == "mismatch"


# --- find support ------------------------------------------------------------------------------


def test_find_support_ranks_the_acheson_passages_first(index: SearchIndex) -> None:
    sentence = (
        "Acheson's January 1950 speech left Korea outside the American defense perimeter "
        "[@shen-2000, 52]."
    )
    results = find_support(sentence, index, limit=5)
    top = [(hit.source_id, "Acheson" in hit.text) for hit in results.hits[:3]]
    assert all(has_acheson for _, has_acheson in top)
    assert {source for source, _ in top} == {"shen-2000", "shuster-2019"}
    assert results.counts_by_source.keys() <= {"shen-2000", "shuster-2019", "zubok-pleshakov-1996"}
    assert len(results.hits) == 5
    assert "shen" not in results.query  # the citation is not part of the sentence's terms


def test_key_terms_drop_stopwords_citations_and_repeats() -> None:
    assert key_terms("Stalin feared that the Americans would fight; Stalin hesitated.[^3]") == [
        "stalin",
        "feared",
        "americans",
        "fight",
        "hesitated",
    ]


def test_find_support_for_a_sentence_without_content_words_is_empty(index: SearchIndex) -> None:
    results = find_support("It was what it was, and so it is.", index)
    assert results.hits == [] and results.total == 0


def test_find_support_with_query_syntax_words_still_answers(index: SearchIndex) -> None:
    results = find_support('Kim AND "Stalin NOT source: kind:front (Moscow', index, limit=3)
    assert results.hits


# --- a PDF source: printed page labels ---------------------------------------------------------


def _pdf(path: Path, pages: list[str]) -> Path:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("Helvetica", size=11)
    for number, text in enumerate(pages):
        if number == 0:
            pdf.add_page(label_style="r", label_start=1)
        elif number == 1:
            pdf.add_page(label_style="D", label_start=41)
        else:
            pdf.add_page()
        pdf.multi_cell(0, 6, text)
    pdf.output(str(path))
    return path


PAGES = [
    "Preface. The author thanks the archivists in Moscow and Beijing for their patience.",
    "In January 1950 Stalin told Kim Il Sung that the matter required thorough preparation "
    "and must be organized in such a way that there will not be a large risk. The Soviet "
    "leader then turned to the question of",
    "Chinese support, which he regarded as indispensable before any attack on the South could "
    "begin. Mao was informed only in May.",
]


@pytest.fixture
def pdf_library(tmp_path: Path) -> Library:
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    library = Library.open(corpus)
    item = {
        "id": "roe-1999",
        "type": "book",
        "title": "Stalin's Gamble",
        "author": [{"family": "Roe", "given": "Ann"}],
        "publisher": "Press",
        "issued": {"date-parts": [[1999]]},
    }
    library.add_file(_pdf(tmp_path / "roe-1999.pdf", PAGES), item)
    return library


def test_misquotation_in_a_pdf_names_the_printed_page(pdf_library: Library) -> None:
    checker = QuoteChecker.for_library(pdf_library)
    result = checker.check_text("Mao was told only in May", ["roe-1999"])
    assert result.status == "mismatch"
    assert result.place() == "p. 42"
    assert result.marked_source() == "Mao was [[informed]] only in May"


def test_quotation_across_a_pdf_page_break_passes(pdf_library: Library) -> None:
    checker = QuoteChecker.for_library(pdf_library)
    result = checker.check_text(
        "The Soviet leader then turned to the question of Chinese support", ["roe-1999"]
    )
    assert result.status == "ok", result.message
    assert result.page == "41"


def _essay_citing(page: str):
    from assistant.cite.model import Citation, Note
    from assistant.essay.model import Block, Essay, NoteAnchor, Span

    anchor = NoteAnchor(Note.of(Citation("roe-1999", page)))
    text = (
        "Stalin insisted the attack “must be organized in such a way that there will not be "
        "a large risk.”"
    )
    return Essay(blocks=[Block("paragraph", [Span(text), anchor])])


@pytest.mark.parametrize("page", ["41", "40–41", "41, 44", "xii"])
def test_note_citing_the_right_page_passes(pdf_library: Library, page: str) -> None:
    from assistant.check.audit import check_draft

    checker = QuoteChecker.for_library(pdf_library)
    problems = check_draft(_essay_citing(page), checker, pdf_library.items())
    assert [p.kind for p in problems] == ([] if page != "xii" else ["wrong-page"])


def test_note_citing_another_page_than_the_quotation_is_reported(pdf_library: Library) -> None:
    from assistant.check.audit import check_draft

    checker = QuoteChecker.for_library(pdf_library)
    [problem] = check_draft(_essay_citing("43"), checker, pdf_library.items())
    assert (problem.kind, problem.severity, problem.note) == ("wrong-page", "warning", 1)
    assert "is on p. 41 of the source, but the note cites p. 43" in problem.message


def test_quotation_across_pages_matches_a_range(pdf_library: Library) -> None:
    from assistant.check.audit import check_draft
    from assistant.cite.model import Citation, Note
    from assistant.essay.model import Block, Essay, NoteAnchor, Span

    text = "He “then turned to the question of Chinese support.”"
    for page, expected in (("41–42", []), ("42", []), ("44", ["wrong-page"])):
        anchor = NoteAnchor(Note.of(Citation("roe-1999", page)))
        essay = Essay(blocks=[Block("paragraph", [Span(text), anchor])])
        checker = QuoteChecker.for_library(pdf_library)
        problems = check_draft(essay, checker, pdf_library.items())
        assert [p.kind for p in problems] == expected, page
    assert "p. 41–42" in problems[0].message
