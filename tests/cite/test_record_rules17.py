"""Record-side rules found by round 17 of the held-out libraries, each pinned on invented
items (not the held-out sets' own)."""

from __future__ import annotations

import pytest

from .test_record_rules12 import notes_and_entry as _forms

# --- a letter to the editor is described, not titled (CMOS 18 14.105, 14.192) ------------


@pytest.mark.parametrize("heading", ["Letter to the Editor", "Letters to the Editor"])
def test_a_letter_to_the_editor_is_a_description_14_105(heading: str) -> None:
    item = {
        "id": "hale1974",
        "type": "article-newspaper",
        "title": heading,
        "author": [{"family": "Hale", "given": "Dorothy"}],
        "container-title": "The Boston Globe",
        "page": "A14",
        "issued": {"date-parts": [["1974", 3, 2]]},
    }
    full, short, bib = _forms(item)
    assert full == "Dorothy Hale, letter to the editor, <i>Boston Globe</i>, March 2, 1974, 12."
    assert short == "Hale, letter to the editor, 12."
    assert bib == "Hale, Dorothy. Letter to the editor. <i>Boston Globe</i>, March 2, 1974."


def test_a_titled_newspaper_letter_keeps_its_title_14_105() -> None:
    item = {
        "id": "hale1975",
        "type": "article-newspaper",
        "title": "The Busing Order and Our Schools",
        "author": [{"family": "Hale", "given": "Dorothy"}],
        "container-title": "The Boston Globe",
        "issued": {"date-parts": [["1975", 1, 9]]},
    }
    full, _, _ = _forms(item)
    assert "“The Busing Order and Our Schools,”" in full


# --- a site's numbered series is followed by its publisher (CMOS 18 14.104, 14.123) --------


def test_a_numbered_web_series_keeps_its_publisher_after_the_number_14_123() -> None:
    item = {
        "id": "ruiz2005",
        "type": "webpage",
        "title": "The Chile Files",
        "container-title": "Cold War International History Project Working Paper No. 47",
        "author": [{"family": "Ruiz", "given": "Ana"}],
        "publisher": "Wilson Center",
        "issued": {"date-parts": [["2005", 3, 5]]},
        "URL": "https://example.org/wp47",
    }
    full, _, bib = _forms(item)
    assert "Working Paper No. 47, Wilson Center, March 5, 2005, 12," in full
    assert bib is not None and "Working Paper No. 47. Wilson Center, March 5, 2005." in bib


def test_a_site_named_after_its_owner_does_not_repeat_it_14_104() -> None:
    item = {
        "id": "ruiz2006",
        "type": "webpage",
        "title": "The Santiago Cables",
        "container-title": "Wilson Center Digital Archive",
        "author": [{"family": "Ruiz", "given": "Ana"}],
        "publisher": "Wilson Center",
        "issued": {"date-parts": [["2006", 4, 1]]},
        "URL": "https://example.org/cables",
    }
    full, _, _ = _forms(item)
    assert "Wilson Center Digital Archive, April 1, 2006" in full


# --- an article out online before its issue (CMOS 18 14.75) ------------------------------


def test_advance_online_publication_is_said_so_without_its_provisional_pages_14_75() -> None:
    item = {
        "id": "moreau2025",
        "type": "article-journal",
        "title": "Harbours of the Cold War: Brest and the Atlantic Alliance",
        "author": [{"family": "Moreau", "given": "Claire"}],
        "container-title": "International History Review",
        "page": "1-19",
        "status": "Advance online publication",
        "issued": {"date-parts": [["2025", 6, 3]]},
        "DOI": "10.1080/07075332.2025.1111111",
    }
    full, _, bib = _forms(item)
    assert (
        "<i>International History Review</i>, advance online publication, June 3, 2025, 12, "
        "https://doi.org/10.1080/07075332.2025.1111111." in full
    )
    assert bib is not None and "1–19" not in bib and "(June 3, 2025)" not in bib


def test_an_online_first_record_with_a_volume_keeps_its_pages_14_75() -> None:
    item = {
        "id": "moreau2026",
        "type": "article-journal",
        "title": "Brest Again",
        "author": [{"family": "Moreau", "given": "Claire"}],
        "container-title": "International History Review",
        "volume": "48",
        "page": "1-19",
        "status": "advance online publication",
        "issued": {"date-parts": [["2026", 1, 3]]},
    }
    _, _, bib = _forms(item)
    assert bib is not None and "48 (2026): 1–19." in bib


# --- a journal's new or numbered series (CMOS 18 14.180) ---------------------------------


@pytest.mark.parametrize(
    ("series", "printed"), [("New Series", "n.s."), ("4th Series", "4th ser.")]
)
def test_a_journal_series_stands_between_commas_before_the_volume_14_180(
    series: str, printed: str
) -> None:
    item = {
        "id": "ward1984",
        "type": "article-journal",
        "title": "Boyars and Books",
        "author": [{"family": "Ward", "given": "Helen"}],
        "container-title": "Slavonic and East European Review",
        "collection-title": series,
        "volume": "12",
        "page": "101-20",
        "issued": {"date-parts": [["1984"]]},
    }
    _, _, bib = _forms(item)
    assert bib is not None
    assert f"<i>Slavonic and East European Review</i>, {printed}, 12 (1984): 101–20." in bib


# --- a review of two books, each with its author (CMOS 18 14.102) ------------------------


def test_a_review_of_two_books_gives_each_its_author_14_102() -> None:
    item = {
        "id": "lindqvist2011",
        "type": "review-book",
        "title": "Neutral Ground",
        "author": [{"family": "Lindqvist", "given": "Annika"}],
        "reviewed-author": [
            {"family": "Holm", "given": "Peter"},
            {"family": "Marsh", "given": "Ruth"},
        ],
        "reviewed-title": "Sweden and the Bomb; Finland between the Blocs",
        "container-title": "Scandinavian Journal of History",
        "volume": "36",
        "issue": "2",
        "page": "210-14",
        "issued": {"date-parts": [["2011"]]},
    }
    full, _, _ = _forms(item)
    assert (
        "review of <i>Sweden and the Bomb</i>, by Peter Holm, and "
        "<i>Finland between the Blocs</i>, by Ruth Marsh," in full
    )
