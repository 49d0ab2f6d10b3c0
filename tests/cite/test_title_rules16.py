"""Title and short-title rules of round 16 (CMOS 18), each pinned on titles of its own, not
on the held-out libraries' items."""

from __future__ import annotations

import pytest

from assistant.cite.headline import title_case
from assistant.cite.model import Run
from assistant.cite.short_titles import derive_short_title
from assistant.cite.titles import subtitle_colon
from assistant.cite.typography import punctuation_inside_quotes


@pytest.mark.parametrize(
    "title",
    [
        # CMOS 18 14.89 (a period before a subtitle becomes a colon) never applies to a
        # transliterated Russian initial (11.100: "Ya.", "Yu.", "Kh.", "Zh." each stand for
        # one Cyrillic letter).
        "Letters of Yu. V. Andropov to the Central Committee",
        "Memorandum of a Meeting with N. Kh. Baibakov on Oil Exports",
        "Minutes of the Talks between M. Zh. Kuanyshev and the Polish Delegation",
        "Notes on a Speech by A. Ya. Malik at the Security Council",
    ],
)
def test_transliterated_initials_are_not_subtitle_periods_14_89(title: str) -> None:
    assert subtitle_colon(title) == title


def test_a_real_subtitle_period_still_becomes_a_colon_14_89() -> None:
    assert (
        subtitle_colon("The Andropov File. Letters to the Central Committee")
        == "The Andropov File: Letters to the Central Committee"
    )


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # CMOS 18 14.30: a short title keeps the head phrase; a present participle after a
        # plural noun opens a clause ("Students | Protesting the War") and is never its
        # last word, cut from its object.
        (
            "Memoirs of the Students Protesting the War in Vietnam",
            "Memoirs of the Students",
        ),
        (
            "History of the Volunteers Defending the Republic in Spain",
            "History of the Volunteers",
        ),
        # A gerund after a singular noun is a compound noun and may end it.
        ("Nation Building in South Vietnam and Laos since 1954", "Nation Building"),
        ("An Atlantic Ruling Class", "Atlantic Ruling Class"),
    ],
)
def test_short_title_never_ends_on_a_participle_14_30(title: str, expected: str) -> None:
    assert derive_short_title(title) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # CMOS 18 14.30 never splits a name; an Arabic name's head ("ʻAbd", "Abū", "Ibn")
        # is incomplete without the word it heads (11.99).
        (
            "Min awrāq jalasāt ʻAbd al-Raḥmān ʻĀrif al-khāṣṣah wa-al-ʻāmmah, 1966-1968",
            "Min awrāq jalasāt ʻAbd al-Raḥmān",
        ),
        (
            "Nuṣūṣ khuṭub ijtimāʻāt Abū Bakr al-Ṣiddīq al-ūlá wa-al-thāniyah",
            "Nuṣūṣ khuṭub ijtimāʻāt Abū Bakr",
        ),
    ],
)
def test_short_title_keeps_an_arabic_name_whole_14_30(title: str, expected: str) -> None:
    assert derive_short_title(title, "ar") == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # CMOS 18 ch. 8 (place names): the article of "The Hague" is part of the name and keeps its
        # capital in a headline-style title (8.159 lowercases articles otherwise) ...
        (
            "Peace Conferences At The Hague, 1899 and 1907",
            "Peace Conferences at The Hague, 1899 and 1907",
        ),
        ("Letters from The Hague", "Letters from The Hague"),
        # ... while "the Netherlands", "the Bahamas" take an ordinary article.
        ("Trade With The Netherlands", "Trade with the Netherlands"),
    ],
)
def test_the_hague_keeps_its_article_capitalized_8_159(title: str, expected: str) -> None:
    assert title_case(title) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # CMOS 18 6.9, 6.122: a quoted sentence's own period gives way to the comma that
        # follows the quotation; one mark, never ".,".
        (
            "“The archive in Dresden reopens tomorrow.”, Mastodon",
            "“The archive in Dresden reopens tomorrow,” Mastodon",
        ),
        # An abbreviation's period stays before the comma.
        ("“Moscow, Ltd.”, 12", "“Moscow, Ltd.,” 12"),
    ],
)
def test_quoted_sentence_period_gives_way_to_comma_6_122(text: str, expected: str) -> None:
    assert "".join(r.text for r in punctuation_inside_quotes([Run(text)])) == expected


@pytest.mark.parametrize(
    ("title", "language", "expected"),
    [
        # CMOS 18 14.30: a Romance headline that is a sentence with "be" ("es", "est", "è",
        # "é") is shortened to its subject, what the work is about.
        ("La révolution est un drame passionnel de tous les jours", "fr", "La révolution"),
        ("La storia è una lunga serie di errori commessi", "it", "La storia"),
        ("A revolução brasileira é uma longa história de lutas", "pt", "A revolução brasileira"),
        # "son" as a noun ("the son", a Cuban genre) is no copula.
        ("El son cubano y la música popular del Caribe", "es", "El son cubano"),
    ],
)
def test_romance_copula_sentence_keeps_its_subject_14_30(
    title: str, language: str, expected: str
) -> None:
    assert derive_short_title(title, language) == expected
