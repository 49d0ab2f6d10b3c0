"""Printed pages: /PageLabels, folios found on the page, the writer's offset, the fallback."""

from __future__ import annotations

from assistant.library.importers import load_document
from assistant.library.model import page_text

from . import make
from .make import prose

HEADS = {0: "JOURNAL OF COLD WAR STUDIES", 1: "Shen · Sino-Soviet Relations"}


def _offprint(tmp_path, first_folio=211, pages=4, foot_on=(0,), heads=True, folios=True):
    """A journal offprint: folio in the header beside the running head, in the footer on the
    article's opening page, no /PageLabels."""
    built = []
    for index in range(pages):
        page = make.Page()
        folio = str(first_folio + index)
        if index in foot_on:
            if folios:
                page.add(make.PAGE_W / 2 - 8, 620, folio, 9)
            y = make.TOP + 40
            page.add(make.LEFT, make.TOP, "Sino-Soviet Relations and the Korean War", 16)
        else:
            head = HEADS[index % 2] if heads else ""
            if index % 2 == 0:
                if folios:
                    page.add(make.LEFT, 50, folio, 9)
                page.add(200, 50, head, 9)
            else:
                page.add(make.LEFT, 50, head, 9)
                if folios:
                    page.add(make.RIGHT - 16, 50, folio, 9)
            y = make.TOP
        y = make.paragraph(page, y, prose(120, seed=index))
        make.paragraph(page, y, prose(90, seed=index + 3))
        built.append(page)
    return make.write(tmp_path / "offprint.pdf", built)


def _pages(document):
    return [p.page for p in document.passages if p.kind == "body"]


def test_folios_without_page_labels_give_the_printed_pages(tmp_path):
    document = load_document(_offprint(tmp_path), "shen")
    assert sorted(set(_pages(document))) == ["211", "212", "213", "214"]
    assert not any(p.pdf_page for p in document.passages)


def test_folios_starting_anywhere_and_moving_between_header_and_footer(tmp_path):
    # Footer folios on pages 1 and 3 (chapter openings), header folios elsewhere.
    path = _offprint(tmp_path, first_folio=1037, pages=5, foot_on=(0, 3))
    document = load_document(path, "book")
    assert sorted(set(_pages(document))) == ["1037", "1038", "1039", "1040", "1041"]
    # The title repeated on both openings is a heading, not a running head.
    headings = [p for p in document.passages if p.kind == "heading"]
    assert [(h.text, h.page) for h in headings] == [
        ("Sino-Soviet Relations and the Korean War", "1037"),
        ("Sino-Soviet Relations and the Korean War", "1040"),
    ]


def test_running_heads_and_folios_are_not_in_the_text(tmp_path):
    document = load_document(_offprint(tmp_path), "shen")
    assert "JOURNAL OF COLD WAR STUDIES" not in document.text
    assert "Sino-Soviet Relations" not in document.text.replace(
        "Sino-Soviet Relations and the Korean War", ""
    )
    for passage in document.passages:
        assert not passage.text.strip().startswith(("211", "212", "213", "214"))
        assert not passage.text.strip().endswith(("211", "212", "213", "214"))


def test_roman_front_matter_then_arabic_folios(tmp_path):
    built = []
    folios = ["vii", "viii", "1", "2", "3"]
    for index, folio in enumerate(folios):
        page = make.Page()
        page.add(make.PAGE_W / 2 - 8, 620, folio, 9)
        make.paragraph(page, make.TOP, prose(80, seed=index))
        built.append(page)
    document = load_document(make.write(tmp_path / "book.pdf", built), "book")
    assert _pages(document) == folios


def test_page_labels_win_when_present(tmp_path):
    pages = []
    for index in range(3):
        page = make.Page()
        make.paragraph(page, make.TOP, prose(60, seed=index))
        pages.append(page)
    path = make.write(tmp_path / "labelled.pdf", pages, labels=[("r", 1), ("D", 1), ("D", 0)])
    document = load_document(path, "labelled")
    assert _pages(document) == ["i", "1", "2"]
    assert not any(p.pdf_page for p in document.passages)


def test_without_labels_or_folios_the_pdf_page_is_used_and_said(tmp_path):
    document = load_document(_offprint(tmp_path, heads=False, folios=False), "plain")
    assert sorted(set(_pages(document))) == ["1", "2", "3", "4"]
    passage = document.passages[1]
    assert passage.pdf_page
    assert page_text(passage.page, passage.pdf_page) == f"PDF p. {passage.page}"


def test_the_writers_page_offset_corrects_the_pages(tmp_path):
    path = _offprint(tmp_path, heads=False, folios=False)
    item = {"id": "plain", "page-offset": 210}
    document = load_document(path, "plain", item)
    assert sorted(set(_pages(document))) == ["211", "212", "213", "214"]
    assert not any(p.pdf_page for p in document.passages)


def test_without_folios_the_metadata_page_range_numbers_an_offprint(tmp_path):
    path = _offprint(tmp_path, heads=False, folios=False)
    for pages in ("211-214", "211–14"):
        document = load_document(path, "plain", {"id": "plain", "page": pages})
        assert sorted(set(_pages(document))) == ["211", "212", "213", "214"]
        assert not any(p.pdf_page for p in document.passages)
    # A range that does not fit the PDF (a cover page, a chapter of a book) is not used.
    document = load_document(path, "plain", {"id": "plain", "page": "211-230"})
    assert all(p.pdf_page for p in document.passages if p.kind == "body")


def test_the_offset_is_part_of_the_content_hash(tmp_path):
    from assistant.library.corpus import Library

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    _offprint(corpus, heads=False, folios=False)
    library = Library.open(corpus)
    before = library.content_hash("offprint")
    library.update_item({"id": "offprint", "title": "Offprint", "page-offset": 210})
    assert library.content_hash("offprint") != before
    assert library.document("offprint").passages[0].page == "211"


def test_a_download_notice_under_the_folio_is_removed_and_the_folio_still_found(tmp_path):
    built = []
    for index in range(4):
        page = make.Page()
        make.paragraph(page, make.TOP, prose(90, seed=index))
        page.add(make.PAGE_W / 2 - 8, 596, str(77 + index), 9)
        page.add(make.LEFT, 616, "This content downloaded from 128.112.200.107 on Mon, 12 Jan", 7)
        page.add(
            make.LEFT, 626, "2026 10:00:00 UTC. All use subject to https://about.jstor.org/terms", 7
        )
        built.append(page)
    document = load_document(make.write(tmp_path / "jstor.pdf", built), "jstor")
    assert sorted(set(_pages(document))) == ["77", "78", "79", "80"]
    assert "downloaded" not in document.text and "jstor.org" not in document.text
