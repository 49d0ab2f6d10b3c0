"""Spell checking of the writer's words: what is flagged, what is left alone, the word list."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.check.spelling import (
    Speller,
    quotation_spans,
    read_personal,
    words_of,
    write_personal,
)


@pytest.fixture(scope="module")
def english() -> Speller:
    return Speller.load("en")


def _flagged(speller: Speller, text: str) -> list[str]:
    spans, _open = speller.misspelled(text)
    return [text[a:b] for a, b in spans]


def test_misspellings_are_flagged_and_correct_words_not(english) -> None:
    text = "Stalin recieved the telegram and aproved Kim's plan for the peninsula."
    assert _flagged(english, text) == ["recieved", "aproved"]


def test_quotations_citations_code_and_addresses_are_left_alone(english) -> None:
    text = (
        "He wrote “the speach was a signel” [@shen-2000, 52] and 'ok' "
        '"anothr quotation" see `sytax` at https://exampel.org/pagge mispeled'
    )
    assert _flagged(english, text) == ["mispeled"]


def test_a_quotation_running_into_the_next_paragraph(english) -> None:
    spans, still_open = english.misspelled("He said: “the frist part")
    assert spans == [] and still_open
    spans, still_open = english.misspelled("secnd part” and then tihrd", inside_quotation=True)
    text = "secnd part” and then tihrd"
    assert [text[a:b] for a, b in spans] == ["tihrd"] and not still_open


def test_acronyms_numbers_possessives_and_compounds(english) -> None:
    assert _flagged(english, "NATO and the PLA in 1950s Korea's well-known cold-war") == []
    assert _flagged(english, "a well-knwn case") == ["well-knwn"]


def test_the_librarys_words_are_accepted(english) -> None:
    speller = Speller.load("en")
    assert _flagged(speller, "Shtykov cabled Vasilevsky") == ["Shtykov", "Vasilevsky"]
    speller.add_known(words_of("Telegram from Shtykov to Vasilevsky, 1950"))
    assert _flagged(speller, "Shtykov cabled Vasilevsky") == []


def test_personal_words_and_their_file(tmp_path: Path) -> None:
    speller = Speller.load("en")
    assert _flagged(speller, "Zhihua argues") == ["Zhihua"]
    speller.add_personal("Zhihua")
    assert _flagged(speller, "Zhihua argues") == []
    path = tmp_path / "words" / "dictionary-en.txt"
    write_personal(path, speller.personal_words())
    assert read_personal(path) == {"zhihua"}
    assert read_personal(tmp_path / "missing.txt") == set()
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\x00garbage")
    assert read_personal(tmp_path / "bad.txt") == set()


def test_suggestions(english) -> None:
    assert "received" in english.suggestions("recieved")
    assert english.suggestions("Stallin")[0][0].isupper()


def test_other_languages() -> None:
    russian = Speller.load("ru")
    assert _flagged(russian, "Сталин получил телеграму") == ["телеграму"]
    with pytest.raises(ValueError, match="no dictionary"):
        Speller.load("xx")


def test_quotation_spans_need_an_opening_position_for_straight_marks() -> None:
    spans, still_open = quotation_spans('5" screen and "quoted" words')
    assert spans == [(14, 22)] and not still_open
