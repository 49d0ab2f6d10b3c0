"""Rules found by the last round of held-out libraries (heldout47-50), each pinned on invented
items: names a database typed in capitals, a podcast's producer before the medium, and a
series that only repeats a report's genre."""

from __future__ import annotations

import pytest

from assistant.cite.engine import ChicagoEngine
from assistant.cite.model import Citation


def _forms(item: dict, locator: str = "12") -> tuple[str, str, str]:
    engine = ChicagoEngine({item["id"]: item})
    citation = Citation(item["id"], locator)
    return (
        engine.full_note(citation).html(),
        engine.short_note(citation).html(),
        engine.bibliography_entry(item["id"]).html(),
    )


@pytest.mark.parametrize(
    ("family", "given", "note_name", "bib_name"),
    [
        ("OKONKWO", "ADAEZE N.", "Adaeze N. Okonkwo", "Okonkwo, Adaeze N."),
        ("O'SULLIVAN", "Brendan", "Brendan O’Sullivan", "O’Sullivan, Brendan"),
        ("MCALLISTER-HOLT", "J. R.", "J. R. McAllister-Holt", "McAllister-Holt, J. R."),
        ("ВОРОНИНА", "ЕЛЕНА", "Елена Воронина", "Воронина, Елена"),
        # Mixed case is the bearer's own spelling and stays.
        ("deLisle", "Anna", "Anna deLisle", "deLisle, Anna"),
    ],
)
def test_a_name_typed_in_capitals_is_set_as_its_bearer_writes_it_cmos_8_3(
    family: str, given: str, note_name: str, bib_name: str
) -> None:
    item = {
        "id": "a",
        "type": "article-journal",
        "title": "Harbours of the Delta",
        "container-title": "Journal of Coastal History",
        "volume": "7",
        "issue": "2",
        "page": "1-20",
        "issued": {"date-parts": [[2011]]},
        "author": [{"family": family, "given": given}],
    }
    note, short, bib = _forms(item)
    assert note.startswith(note_name + ", “Harbours")
    assert short.startswith(note_name.split()[-1] + ", “Harbours")
    stop = "" if bib_name.endswith(".") else "."
    assert bib.startswith(f"{bib_name}{stop} “Harbours")


def test_a_corporate_name_in_capitals_is_left_as_typed() -> None:
    item = {
        "id": "c",
        "type": "report",
        "title": "Annual Review",
        "publisher": "OECD",
        "issued": {"date-parts": [[1962]]},
        "author": [{"literal": "OECD"}],
    }
    note, _short, bib = _forms(item)
    assert note.startswith("OECD, <i>Annual Review</i>")
    assert bib.startswith("OECD. <i>Annual Review</i>")


def test_a_podcasts_producer_stands_with_the_show_before_the_medium_cmos_14_167() -> None:
    item = {
        "id": "p",
        "type": "broadcast",
        "genre": "podcast",
        "title": "The Tunnel under the River",
        "container-title": "Harbour Tales",
        "publisher": "Maritime Museum of Lisbon",
        "number": "44",
        "issued": {"date-parts": [[2022, 3, 8]]},
        "author": [{"family": "Carvalho", "given": "Inês"}],
        "URL": "https://example.org/tales/44",
    }
    note, _short, _bib = _forms(item, locator="")
    assert note == (
        "Inês Carvalho, “The Tunnel under the River,” <i>Harbour Tales</i>, Maritime Museum of "
        "Lisbon, podcast, episode 44, March 8, 2022, https://example.org/tales/44."
    )


@pytest.mark.parametrize(
    ("series", "printed"),
    [
        ("Discussion Paper Series", False),  # only says again what the genre says
        ("Discussion Papers", False),
        ("Centre for Maritime Economics Discussion Papers", True),  # names whose series
    ],
)
def test_a_series_that_only_repeats_the_genre_is_left_out_cmos_14_116(
    series: str, printed: bool
) -> None:
    item = {
        "id": "w",
        "type": "report",
        "title": "Freight Rates and the Canal",
        "genre": "Discussion Paper",
        "number": "77",
        "collection-title": series,
        "publisher": "Institute of Port Studies",
        "issued": {"date-parts": [[2003]]},
        "author": [{"family": "Lindqvist", "given": "Mats"}],
    }
    note, _short, bib = _forms(item)
    assert "Discussion Paper no. 77" in note
    assert (series in note) is printed
    assert (series in bib) is printed
