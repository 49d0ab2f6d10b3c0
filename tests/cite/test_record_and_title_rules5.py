"""Titles and typography: CMOS 18 rules the twenty-ninth and thirtieth held-out libraries showed
the engine breaking, pinned here on invented titles of other libraries than theirs.

7.30 (an apostrophe for omitted letters is never an opening quote: rock ’n’ roll, ’tis, the
’90s), 8.159 and 8.161 (a word going on after a parenthesized prefix takes no capital of its
own: "(Re)marks"), 14.2 and 14.88 (an editor or translator named after the title comes before
the edition).
"""

from __future__ import annotations

from typing import Any

import pytest

from assistant.cite.headline import title_case
from assistant.cite.typography import smart_quotes

from .test_cmos18_tuning_rules import forms


def _cased(title: str) -> str:
    return title_case(smart_quotes(title, nested=False))


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("Fish 'n' Chips in the Postwar North", "Fish ’n’ Chips in the Postwar North"),
        ("rhythm 'n' blues and the urban south", "Rhythm ’n’ Blues and the Urban South"),
        ("Country Music in the '70s", "Country Music in the ’70s"),
        ("Berlin '68 and After", "Berlin ’68 and After"),
        # Two digits opening a quotation that closes later are quoted, not elided.
        (
            "The Pamphlet '50 Years of Struggle' Reconsidered",
            "The Pamphlet ‘50 Years of Struggle’ Reconsidered",
        ),
        (
            "'Tis the Season: Christmas in Wartime Britain",
            "’Tis the Season: Christmas in Wartime Britain",
        ),
        # A real opening single quote still opens, and its word keeps its capital.
        (
            "The Slogan 'never again' in Postwar Politics",
            "The Slogan ‘Never Again’ in Postwar Politics",
        ),
    ],
)
def test_apostrophe_for_omitted_letters_is_not_an_opening_quote_cmos_7_30(
    given: str, expected: str
) -> None:
    assert _cased(given) == expected


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("(Un)making the Nation: Memory after 1945", "(Un)making the Nation: Memory after 1945"),
        ("Reading (post)colonial archives", "Reading (Post)colonial Archives"),
        ("Empire (Re)Visited: Essays on the Raj", "Empire (Re)visited: Essays on the Raj"),
        # A parenthesis closed before a space ends its word: the next word is capitalized.
        ("Politics (Again) and Now", "Politics (Again) and Now"),
    ],
)
def test_word_after_a_parenthesized_prefix_takes_no_capital_cmos_8_161(
    given: str, expected: str
) -> None:
    assert _cased(given) == expected


# --- order of elements: editor or translator before the edition (14.2, 14.88) ---------------


def test_translator_and_editor_come_before_the_edition_cmos_14_2() -> None:
    item: dict[str, Any] = {
        "id": "mauss",
        "type": "book",
        "title": "Essays on the Gift Economy",
        "author": [{"family": "Duval", "given": "Henri"}],
        "translator": [{"family": "Hart", "given": "Susan"}],
        "editor": [{"family": "Olsen", "given": "Karl"}],
        "edition": "3rd ed.",
        "publisher": "Verso",
        "publisher-place": "London",
        "issued": {"date-parts": [[2019]]},
    }
    full, _short, entry = forms(item)
    assert full == (
        "Henri Duval, <i>Essays on the Gift Economy</i>, ed. Karl Olsen, trans. Susan Hart,"
        " 3rd ed. (Verso, 2019), 12."
    )
    assert entry == (
        "Duval, Henri. <i>Essays on the Gift Economy</i>. Edited by Karl Olsen. Translated by"
        " Susan Hart. 3rd ed. Verso, 2019."
    )


# --- "till", "since", "after" naming something (8.159) --------------------------------------


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        # After an article or "of" the word is no preposition: a name, capitalized.
        ("Press Coverage of the Till Trial", "Press Coverage of the Till Trial"),
        ("Echoes of Till Murder in Mississippi", "Echoes of Till Murder in Mississippi"),
        ("The After Years: Veterans at Home", "The After Years: Veterans at Home"),
        # A preposition still, before its object: lowercase.
        ("Work till Dawn in the Mills", "Work till Dawn in the Mills"),
        ("Europe Since 1945", "Europe since 1945"),
        ("A Survey of Until 1900", "A Survey of until 1900"),
    ],
)
def test_preposition_after_an_article_or_of_names_something_cmos_8_159(
    given: str, expected: str
) -> None:
    assert title_case(given) == expected


# --- a newspaper's section that is its page number's letter (14.89) ---------------------------


def _newspaper(**fields: Any) -> dict[str, Any]:
    return {
        "id": "hale1968",
        "type": "article-newspaper",
        "title": "Strike Spreads to the Docks",
        "container-title": "Baltimore Sun",
        "author": [{"family": "Hale", "given": "Martin"}],
        "issued": {"date-parts": [[1968, 3, 2]]},
        **fields,
    }


@pytest.mark.parametrize(
    ("fields", "tail"),
    [
        # "B" of page "B3": the page's letter, omitted with the page (pages vary by edition).
        ({"section": "B", "page": "B3"}, "March 2, 1968."),
        ({"section": "C", "page": "C1-C2"}, "March 2, 1968."),
        # A section with no page, or one the page does not carry, is printed.
        ({"section": "B"}, "March 2, 1968, sec. B."),
        ({"section": "4", "page": "12"}, "March 2, 1968, sec. 4."),
    ],
)
def test_section_letter_of_the_page_goes_with_the_page_cmos_14_89(
    fields: dict[str, Any], tail: str
) -> None:
    _full, _short, entry = forms(_newspaper(**fields))
    assert entry is not None
    assert entry.endswith("<i>Baltimore Sun</i>, " + tail)
