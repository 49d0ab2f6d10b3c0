"""Short-title principles of CMOS 18 14.30 (the main title's key words, at most four not
counting an initial article, never ending on a function word or a possessive, never breaking
a unit), pinned on invented titles, not the held-out sets' (heldout19 and 21-24 showed these
faults)."""

from __future__ import annotations

import pytest

from assistant.cite.short_titles import derive_short_title


def _short(title: str, language: str = "en") -> str:
    return derive_short_title(title, language)


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # 14.30: a sentence is cut after its verb and what completes it, never inside it ...
        ("Soviet Envoy Is Received at Kremlin", "Soviet Envoy Is Received"),
        ("Grain Talks Are Resumed in Geneva after Delay", "Grain Talks Are Resumed"),
        # ... and stays whole when no such cut is left (the clause ends the title) ...
        ("We Knew the Embassy Was 'Compromised'", "We Knew the Embassy Was 'Compromised'"),
        # ... while a comma may close its first clause: the subordinate clause goes.
        ("The Wall Was Permanent, Until It Fell Overnight", "Wall Was Permanent"),
    ],
)
def test_14_30_a_sentence_is_cut_only_after_its_clause(title, expected):
    assert _short(title) == expected


def test_14_30_two_coordinated_questions_stay_whole():
    # The question mark belongs to both clauses: "Who Won the Cold War" alone is another
    # question.
    title = "Who Won the Peace, and Why Did It Not Last?"
    assert _short(title) == title


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # 14.30: never end on a possessive; its noun goes with it, even past four words.
        (
            "The Roots of the Soviet Union’s Grain Crisis in Ukraine",
            "Roots of the Soviet Union’s Grain Crisis",
        ),
        (
            "Sources of the Allies’ Occupation Policy in Austria",
            "Sources of the Allies’ Occupation Policy",
        ),
        # A closing single quotation mark after an s is no possessive: the cut may follow.
        ("The ‘Three Worlds’ and the Nonaligned Movement", "‘Three Worlds’"),
    ],
)
def test_14_30_a_possessive_keeps_its_noun(title, expected):
    assert _short(title) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # 14.30: at most four words; a generic head ("... War") takes the phrase after it
        # only when that stays within four words ...
        ("The Second World War and the Construction of a Garrison State", "Second World War"),
        (
            "Aspirations in the Diplomacy of the Marshall Plan in Greece",
            "Aspirations in the Diplomacy",
        ),
        # ... a unit begun within the four words is kept whole (a quotation).
        (
            "The Cold War and “Cultural Freedom” in Postwar Berlin",
            "Cold War and “Cultural Freedom”",
        ),
        # "Cold War" is one name: a cut never falls between its words.
        ("Fighting Their Own Cold War in the Andes", "Fighting Their Own Cold War"),
    ],
)
def test_14_30_four_words_and_units(title, expected):
    assert _short(title) == expected


def test_14_30_an_apposition_after_a_date_comma_is_no_cut():
    # The comma closing "March 11, 1985," is the date's: the short title is the head phrase.
    title = "A Critical History of the March 11, 1985, Succession in Moscow"
    assert _short(title) == "Critical History"


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # 14.30: places and dates in apposition after the head are no key words.
        ("The Commonwealth Conference, Lusaka, Zambia, August 1979", "Commonwealth Conference"),
        ("The Afro-Asian Writers Meeting, Tashkent, Uzbekistan", "Afro-Asian Writers Meeting"),
        # One name after a comma may be an inverted name: it stays.
        ("Nagy Imre, Miklós", "Nagy Imre, Miklós"),
    ],
)
def test_14_30_places_in_apposition_go(title, expected):
    assert _short(title) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # 14.30: a year after "of" or "and" is a key word when it is the only other one ...
        ("Lessons of 1956: Hungary and the West", "Lessons of 1956"),
        ("The Czechs and 1938", "Czechs and 1938"),
        # ... and goes as a period when two words are left.
        ("The Border Clash of 1962", "Border Clash"),
        # A lapse of time after the subject dates the work, as a period does.
        ("Khrushchev’s Thaw Twenty Years After", "Khrushchev’s Thaw"),
        ("The Prague Spring Fifty Years Later", "Prague Spring"),
    ],
)
def test_14_30_years_and_lapses(title, expected):
    assert _short(title) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # 14.30: an acronym modifies the noun after it; the cut falls at the noun phrase's
        # end, not after the acronym.
        (
            "Minutes of the SED CC Secretariat Meeting on Youth Policy",
            "Minutes of the SED CC Secretariat Meeting",
        ),
        # ... also when the four words end inside the phrase past the acronym.
        (
            "Memorandum for the NSC Planning Board on Indochina",
            "Memorandum for the NSC Planning Board",
        ),
        # An acronym that ends its phrase is cut after as any word.
        (
            "Report of the NATO Military Committee to the Council",
            "Report of the NATO Military Committee",
        ),
    ],
)
def test_14_30_an_acronym_keeps_the_noun_it_modifies(title, expected):
    assert _short(title) == expected
