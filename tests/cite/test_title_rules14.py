"""Title and short-title rules of round 14 (CMOS 18), each pinned on titles of its own, not
on the held-out libraries' items."""

from __future__ import annotations

import pytest

from assistant.cite.engine import ChicagoEngine
from assistant.cite.languages import code_of, guess
from assistant.cite.ranges import number_ranges
from assistant.cite.short_titles import derive_short_title
from assistant.cite.titles import case_title


@pytest.mark.parametrize(
    ("title", "language", "expected"),
    [
        # 14.30: a short title never ends on a conjunction or preposition, in South and West
        # Slavic as in English (Slovene "in", and; "s", with; Croatian "i", "u"; Czech "a").
        ("Spomini na partizanska leta in povojno obnovo", "sl", "Spomini na partizanska leta"),
        (
            "Pogovor s predsednikom Titom o gospodarski reformi",
            "sl",
            "Pogovor s predsednikom Titom",
        ),
        ("Hrvatska politika i jugoslavenska kriza u sedamdesetima", "hr", "Hrvatska politika"),
        ("Записник са састанка у Београду и закључци", "sr", "Записник са састанка"),
        ("Pražské jaro a sovětská intervence v srpnu", "cs", "Pražské jaro"),
        (
            "Het Nederlandse buitenlands beleid en de Koude Oorlog",
            "nl",
            "Het Nederlandse buitenlands beleid",
        ),
        # 14.30: "in the year" before a year governs it as "in" does; it goes with the year
        # ("leta 1961", "godine 1954"), unless only the head would be left.
        ("Tržaška kriza leta 1953 v ameriških dokumentih", "sl", "Tržaška kriza leta 1953"),
        ("Jugoslovanska diplomacija in Trst leta 1954", "sl", "Jugoslovanska diplomacija in Trst"),
        ("Posjet Josipa Broza Tita Indiji godine 1954", "hr", "Posjet Josipa Broza Tita Indiji"),
        # 14.30: a participle serving as a preposition ("concerning", "regarding") is no end.
        (
            "Memorandum of the Joint Chiefs Concerning the Defense of Formosa",
            "en",
            "Memorandum of the Joint Chiefs",
        ),
        (
            "Instructions to the Delegation Regarding the Peace Conference",
            "en",
            "Instructions to the Delegation",
        ),
    ],
)
def test_short_title_function_words_14_30(title: str, language: str, expected: str) -> None:
    assert derive_short_title(title, language) == expected


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("Croatian", "hr"),
        ("srp", "sr"),
        ("Serbo-Croatian", "sh"),
        ("hbs", "sh"),
        ("bos", "bs"),
        ("slk", "sk"),
        ("Bulgarian", "bg"),
    ],
)
def test_language_names_of_records(value: str, code: str) -> None:
    assert code_of(value) == code


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 6.78: the en dash of "from ... to" between dates, in a transliterated Russian title
        # as in an English one; the hyphen of a numeral's case ending ("70-kh") stays.
        ("Mai 1945-oktiabr’ 1949", "Mai 1945–oktiabr’ 1949"),
        (
            "Ot ottepeli k zastoiu: 1964-seredina 70-kh godov",
            "Ot ottepeli k zastoiu: 1964–seredina 70-kh godov",
        ),
        ("Сентябрь 1939-июнь 1941", "Сентябрь 1939–июнь 1941"),
        ("Ot 1956-go k 1964 godu", "Ot 1956-go k 1964 godu"),
        ("Voprosy istorii 70-kh godov", "Voprosy istorii 70-kh godov"),
    ],
)
def test_russian_date_ranges_take_en_dashes_6_78(text: str, expected: str) -> None:
    assert number_ranges(text) == expected


def test_original_title_ranges_take_en_dashes_6_78() -> None:
    # 6.78, 14.108: the original of a translation is cited with its own ranges dashed.
    engine = ChicagoEngine(
        {
            "t": {
                "id": "t",
                "type": "book",
                "title": "The Thaw Generation",
                "author": [{"family": "Petrov", "given": "Ivan"}],
                "publisher": "Cornell University Press",
                "issued": {"date-parts": [["2004"]]},
                "original-title": "Pokolenie ottepeli, 1956-1968",
                "original-publisher": "Nauka",
                "original-date": {"date-parts": [["1999"]]},
                "language": "en",
            }
        }
    )
    bib = engine.bibliography_entry("t").text
    assert "Pokolenie ottepeli, 1956–1968" in bib


@pytest.mark.parametrize(
    ("title", "language", "expected"),
    [
        # 14.30: a parenthesis after the main title (an alternative title, a gloss) is no
        # key word; a parenthesis of dates is the period covered (its own rule).
        ("Delo vrachei (Poslednee prestuplenie Stalina)", "ru", "Delo vrachei"),
        (
            "The Southeast Asia Collective Defense Treaty (Manila Pact)",
            "en",
            "Southeast Asia Collective Defense Treaty",
        ),
        # ... but not from a head of one word and its article, which names nothing alone.
        ("The Party (Bolsheviks)", "en", "Party (Bolsheviks)"),
        # 13.51, 14.30: a short title never ends on an ellipsis; the head before it stays.
        ("Where the Thaw Ended . . . and What Came After", "en", "Where the Thaw Ended"),
        (". . . And the Wall Came Down", "en", "And the Wall Came Down"),
    ],
)
def test_short_title_without_gloss_or_ellipsis_14_30(
    title: str, language: str, expected: str
) -> None:
    assert derive_short_title(title, language) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # 13.51: three spaced periods, a space on either side where a word stands.
        ("The Thaw Began... and Ended", "The Thaw Began . . . and Ended"),
        ("The Thaw Began…and Ended", "The Thaw Began . . . and Ended"),
        ("...And the Wall Came Down", ". . . And the Wall Came Down"),
        ("Détente Again…?", "Détente Again . . .?"),
    ],
)
def test_ellipsis_as_spaced_periods_13_51(title: str, expected: str) -> None:
    assert case_title(title, True) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # 8.159: a letter after a parenthesis inside a word is the word's optional ending.
        ("rethinking the ally(ies) of the cold war", "Rethinking the Ally(ies) of the Cold War"),
        (
            "Forgotten Partner(s)? Ottawa and Washington",
            "Forgotten Partner(s)? Ottawa and Washington",
        ),
        # A parenthesized prefix still leaves one capital, on the prefix.
        ("the (re)building of berlin", "The (Re)building of Berlin"),
    ],
)
def test_parenthesis_inside_a_word_8_159(title: str, expected: str) -> None:
    assert case_title(title, True) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # 14.30: "heads of state", "chiefs of staff" name one office: a cut never splits them.
        (
            "Meeting of Heads of Government of the Commonwealth Countries",
            "Meeting of Heads of Government",
        ),
        (
            "Memoranda of the Combined Chiefs of Staff for the Cairo Conference",
            "Memoranda of the Combined Chiefs of Staff",
        ),
    ],
)
def test_set_phrases_are_one_term_14_30(title: str, expected: str) -> None:
    assert derive_short_title(title, "en") == expected


def test_german_series_keeps_its_capitals() -> None:
    # A series is a name typed as its publisher gives it, like a periodical's (14.123):
    # German sentence style acts on titles only.
    engine = ChicagoEngine(
        {
            "s": {
                "id": "s",
                "type": "book",
                "title": "Aufsätze zur Internationalen Politik der Bundesrepublik",
                "author": [{"family": "Keller", "given": "Anna"}],
                "collection-title": "Schriften zur Internationalen Politik",
                "collection-number": "12",
                "publisher": "Wallstein",
                "issued": {"date-parts": [["2010"]]},
                "language": "de",
            }
        }
    )
    bib = engine.bibliography_entry("s").text
    assert "Schriften zur Internationalen Politik 12" in bib
    assert "Aufsätze zur internationalen Politik der Bundesrepublik" in bib


@pytest.mark.parametrize(
    ("title", "code"),
    [
        # 11.x: a record without its language still has its short title cut by the title's
        # own function words; the Cyrillic alphabets are told apart by their own letters.
        ("Записник са састанка Извршног већа у Београду", "sr"),
        ("Історія української дипломатії", "uk"),
        ("Советская дипломатия и Балканы", "ru"),
        ("Hrvatska politika i jugoslavenska kriza u sedamdesetima", "hr"),
        ("Spomini na partizanska leta in povojno obnovo ter preporod", "sl"),
    ],
)
def test_language_read_from_title_11(title: str, code: str) -> None:
    assert guess(title) == code


def test_body_name_in_the_genitive_is_no_surname_14_30() -> None:
    # 14.30: a body's name is no person's; its last word ("Jugoslavije") is no surname the
    # short note already prints, so "Statut Saveza komunista Jugoslavije" stays whole.
    assert (
        derive_short_title(
            "Statut Saveza komunista Jugoslavije", "sh", ["Savez komunista Jugoslavije"]
        )
        == "Statut Saveza komunista Jugoslavije"
    )
    # A person's name at the end still goes ("Selected Works of Ho Chi Minh" by him).
    assert derive_short_title(
        "Selected Speeches and Writings of Ho Chi Minh", "en", ["Ho Chi Minh"]
    ) == ("Selected Speeches and Writings")


@pytest.mark.parametrize(
    ("title", "language", "expected"),
    [
        # 14.30: in a Slavic sentence-style title a name after a lowercase noun is its
        # genitive attribute, as an English "of" phrase is: a cut may fall before it.
        (
            "Zapisnik sa sednice Izvršnog veća Narodne skupštine o privrednoj reformi",
            "sr",
            "Zapisnik sa sednice",
        ),
        (
            "Poročilo o obisku Predsednika Republike v Indiji in Burmi",
            "sl",
            "Poročilo o obisku",
        ),
    ],
)
def test_cut_before_a_genitive_name_14_30(title: str, language: str, expected: str) -> None:
    assert derive_short_title(title, language) == expected
