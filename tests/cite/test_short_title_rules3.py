"""Short-title rules (CMOS 18 14.30) pinned on invented titles, not the held-out sets'."""

from __future__ import annotations

import pytest

from assistant.cite.short_titles import derive_short_title


@pytest.mark.parametrize(
    ("title", "language", "expected"),
    [
        # 14.30: no preposition left hanging, in the title's own language.
        (
            "La política exterior chilena hacia Bolivia en el siglo veinte",
            "es",
            "La política exterior chilena",
        ),
        (
            "A política externa brasileira perante a crise do petróleo",
            "pt",
            "A política externa brasileira",
        ),
    ],
)
def test_14_30_romance_prepositions_do_not_end_a_short_title(title, language, expected):
    assert derive_short_title(title, language) == expected


def test_14_30_title_ending_on_the_authors_name_drops_it():
    # The note already prints the author; an Arabic idafa and an English "of" alike.
    assert derive_short_title("Rasāʼil Khālid al-Azm", "ar", ["al-ʻAẓm", "al-Azm"]) == "Rasāʼil"
    assert (
        derive_short_title("Collected Letters of Leon Trotsky", "en", ["Trotsky"])
        == "Collected Letters"
    )
    # A possessive name is no name at the end ("Kim Il Sung's Juche Ideology").
    assert (
        derive_short_title("The Dilemma of Tito's Self-Management Ideology", "en", ["Tito"])
        != "Dilemma"
    )


def test_14_30_generic_head_keeps_its_complement():
    # "Cold War" names an era, not this work: the phrase after it identifies the book.
    assert (
        derive_short_title("The Cold War in the Persian Gulf", "en")
        == "Cold War in the Persian Gulf"
    )
    assert (
        derive_short_title("The Soviet Union and the Collapse of the Warsaw Pact", "en")
        == "Soviet Union and the Collapse"
    )
    # A specific head is enough.
    assert derive_short_title("Missile Gaps and Alliance Politics", "en") == "Missile Gaps"


def test_14_30_appositive_after_comma_goes_but_a_series_stays():
    assert derive_short_title("Revisionism, the Last Refuge of Scoundrels", "en") == "Revisionism"
    assert derive_short_title("Poland, 1956", "en") == "Poland, 1956"
