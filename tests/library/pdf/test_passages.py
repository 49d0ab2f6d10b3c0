"""Clean passages from PDFs: paragraphs, hyphenation, columns, page breaks, footnotes."""

from __future__ import annotations

from assistant.library.importers import load_document

from . import make
from .make import prose


def _load(tmp_path, pages, name="source"):
    return load_document(make.write(tmp_path / f"{name}.pdf", pages), name)


def _folio(page, number):
    page.add(make.PAGE_W / 2 - 8, 620, str(number), 9)


def test_paragraphs_by_indentation_spacing_and_short_last_lines(tmp_path):
    page = make.Page()
    first, second, third = prose(70, 0), prose(60, 2), prose(50, 4)
    y = make.paragraph(page, make.TOP, first)  # indented first line
    y = make.paragraph(page, y, second)  # indented, no extra space
    make.paragraph(page, y + 10, third, indent=False)  # block style: a blank line before
    document = _load(tmp_path, [page])
    bodies = [p.text for p in document.passages if p.kind == "body"]
    assert bodies == [first, second, third]


def test_line_end_hyphens_are_joined_and_compounds_kept(tmp_path):
    page = make.Page()
    make.lines(
        page,
        make.TOP,
        [
            "The ambassador reported the negotia-",
            "tions to Moscow, where the Sino-",
            "Soviet alliance and a well-known fear of",
            "war with the West weighed on every well-",
            "known decision  of  the  leadership.",
        ],
    )
    document = _load(tmp_path, [page])
    assert document.passages[0].text == (
        "The ambassador reported the negotiations to Moscow, where the Sino-Soviet alliance "
        "and a well-known fear of war with the West weighed on every well-known decision of "
        "the leadership."
    )


def test_a_sentence_across_a_page_break_is_one_passage_with_both_pages(tmp_path):
    one, two = make.Page(), make.Page()
    _folio(one, 46)
    _folio(two, 47)
    y = make.paragraph(one, make.TOP, prose(60, 1))
    make.lines(one, y, ["Stalin had by then concluded that the Americans would not"])
    make.lines(two, make.TOP, ["intervene in Korea, and he told Kim so in April."])
    make.paragraph(two, make.TOP + 2 * make.LEADING, prose(60, 3))
    document = _load(tmp_path, [one, two])
    spanning = [p for p in document.passages if "would not intervene in Korea" in p.text]
    assert len(spanning) == 1
    assert spanning[0].page == "46–47"
    # The document still knows each word's page, for the quote checker's "p. 47".
    assert document.page_at(document.text.index("would not intervene")) == "46"
    assert document.page_at(document.text.index("intervene in Korea")) == "47"
    last = document.passages[-1]
    assert last.page == "47" and "intervene" not in last.text


def test_a_long_paragraph_across_a_page_break_keeps_single_pages_away_from_it(tmp_path):
    import textwrap

    one, two = make.Page(), make.Page()
    _folio(one, 46)
    _folio(two, 47)
    text = prose(420, 0)
    lines = textwrap.wrap(text, 62)
    cut = 28  # the page breaks after 28 lines, mid-sentence
    assert not lines[cut - 1].endswith(".")
    make.lines(one, make.TOP, lines[:cut])
    make.lines(two, make.TOP, lines[cut:])
    document = _load(tmp_path, [one, two])
    assert " ".join(document.text.split()) == text
    pages = [p.page for p in document.passages]
    assert "46" in pages and "46–47" in pages and "47" in pages
    spanning = next(p for p in document.passages if p.page == "46–47")
    assert f"{lines[cut - 1].split()[-1]} {lines[cut].split()[0]}" in spanning.text


def _two_columns(tmp_path, interleaved: bool):
    """Two columns, drawn line by line across both columns when `interleaved`."""
    import textwrap

    left_text, right_text = prose(160, 0), prose(160, 3)
    left = textwrap.wrap(left_text, 28)
    right = textwrap.wrap(right_text, 28)
    page = make.Page()
    page.add(make.LEFT, 60, "THE KOREAN DECISION, 1950", 14)
    rows = list(zip(left, right, strict=False))
    if interleaved:
        for n, (a, b) in enumerate(rows):
            page.add(make.LEFT, 90 + n * 13, a)
            page.add(236, 90 + n * 13, b)
    else:
        for n, a in enumerate(left):
            page.add(make.LEFT, 90 + n * 13, a)
        for n, b in enumerate(right):
            page.add(236, 90 + n * 13, b)
    name = "interleaved" if interleaved else "columns"
    return _load(tmp_path, [page], name), left_text, right_text


def test_two_columns_drawn_line_by_line_read_column_by_column(tmp_path):
    document, left_text, right_text = _two_columns(tmp_path, interleaved=True)
    body = " ".join(p.text for p in document.passages if p.kind == "body")
    assert body == f"{left_text} {right_text}"
    assert document.passages[0].kind == "heading"


def test_two_columns_drawn_column_by_column_read_the_same(tmp_path):
    document, left_text, right_text = _two_columns(tmp_path, interleaved=False)
    body = " ".join(p.text for p in document.passages if p.kind == "body")
    assert body == f"{left_text} {right_text}"


def test_footnotes_at_the_foot_become_note_passages(tmp_path):
    one, two = make.Page(), make.Page()
    _folio(one, 52)
    _folio(two, 53)
    make.paragraph(one, make.TOP, prose(60, 0) + " Shtykov reported it at once.")
    one.add(0, 0, "^1", 6.5)  # a note reference: smaller, raised, drawn on its own
    make.lines(
        one,
        560,
        [
            "1. Shtykov to Vyshinsky, 19 January 1950, AVPRF, fond 059a, opis' 5a,",
            "delo 3, papka 11, listy 87–91.",
            "2. Weathersby, “Soviet Aims in Korea,” 23, where the telegram is",
        ],
        size=make.NOTE,
    )
    make.paragraph(two, make.TOP, prose(60, 2))
    make.lines(
        two,
        560,
        ["quoted at length.", "3. Goncharov, Lewis and Xue, Uncertain Partners, 130."],
        size=make.NOTE,
    )
    document = _load(tmp_path, [one, two])
    notes = [p for p in document.passages if p.kind == "note"]
    assert [n.text for n in notes] == [
        "1. Shtykov to Vyshinsky, 19 January 1950, AVPRF, fond 059a, opis' 5a, delo 3, papka "
        "11, listy 87–91.",
        "2. Weathersby, “Soviet Aims in Korea,” 23, where the telegram is quoted at length.",
        "3. Goncharov, Lewis and Xue, Uncertain Partners, 130.",
    ]
    assert [n.page for n in notes] == ["52", "52–53", "53"]
    body = " ".join(p.text for p in document.passages if p.kind == "body")
    assert "Vyshinsky" not in body and "Goncharov" not in body
    assert "Shtykov reported it at once.¹" in body


def test_ibid_notes_repeated_at_the_foot_of_pages_are_notes_not_running_feet(tmp_path):
    pages = []
    for number in range(1, 5):
        page = make.Page()
        _folio(page, 40 + number)
        make.paragraph(page, make.TOP, make.prose(50, number) + " He said so.")
        make.lines(page, 560, [f"{number}. Ibid., {44 + number}."], size=make.NOTE)
        pages.append(page)
    document = _load(tmp_path, pages)
    notes = [(p.text, p.page) for p in document.passages if p.kind == "note"]
    assert notes == [(f"{n}. Ibid., {44 + n}.", str(40 + n)) for n in range(1, 5)]


def _indexed_page_break(tmp_path):
    """A PDF whose sentence runs from printed page 46 onto 47, indexed."""
    from assistant.library.corpus import Library
    from assistant.search.index import SearchIndex

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    one, two = make.Page(), make.Page()
    _folio(one, 46)
    _folio(two, 47)
    y = make.paragraph(one, make.TOP, prose(60, 1))
    make.lines(one, y, ["Stalin had by then concluded that the Americans would not"])
    make.lines(two, make.TOP, ["intervene in Korea, and he told Kim so in April."])
    make.write(corpus / "roe.pdf", [one, two])
    index = SearchIndex(tmp_path / "index")
    index.update(Library.open(corpus))
    return index


def test_a_phrase_across_the_page_break_is_found_by_search(tmp_path):
    results = _indexed_page_break(tmp_path).search('"would not intervene in Korea"')
    assert [(hit.source_id, hit.page) for hit in results.hits] == [("roe", "46–47")]


def test_the_page_filter_finds_a_passage_running_over_that_page(tmp_path):
    """page:46 and page:47 both find the passage printed on 46–47; page:40-46 any page in it;
    page:48 nothing; the label as typed ("46–47") still matches."""
    index = _indexed_page_break(tmp_path)

    def pages(query):
        return sorted({hit.page for hit in index.search(query).hits})

    assert pages("Americans page:46") == ["46–47"]
    assert pages("Americans page:47") == ["46–47"]
    assert pages("Americans page:40-46") == ["46–47"]
    assert pages("Americans page:46–47") == ["46–47"]
    assert pages("Americans page:48") == []
