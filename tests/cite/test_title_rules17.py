"""Title rules fixed in the seventeenth round: Romance and Dutch titles a catalogue typed in
headline style, set in the language's sentence style (CMOS 18 11.27, 11.33, 11.38)."""

from __future__ import annotations

import pytest

from assistant.cite.romance_case import sentence_style
from assistant.cite.short_titles import derive_short_title
from assistant.cite.titles import case_title


@pytest.mark.parametrize(
    ("language", "typed", "expected"),
    [
        # 11.38: Spanish capitalizes the first word and proper nouns; a capitalized "En"
        # shows the whole title typed in headline style.
        ("es", "La Reforma Agraria En Bolivia", "La reforma agraria en Bolivia"),
        # 11.38: Portuguese alike, the subtitle's first word keeps its capital.
        (
            "pt",
            "A Política Externa Brasileira: Uma Análise Histórica da Diplomacia Regional",
            "A política externa brasileira: Uma análise histórica da diplomacia regional",
        ),
        # 11.33: Italian; the name after an elided preposition keeps its capital.
        (
            "it",
            "La Questione Agraria nel Mezzogiorno dell’Italia Meridionale",
            "La questione agraria nel mezzogiorno dell’Italia meridionale",
        ),
        # 11.27: French; "Belgique" is a proper noun the dictionary holds capitalized.
        (
            "fr",
            "Les Ouvriers Du Textile et la Grève Générale en Belgique",
            "Les ouvriers du textile et la grève générale en Belgique",
        ),
        # Dutch alike.
        (
            "nl",
            "De Sociale Kwestie In Het Moderne Rotterdam",
            "De sociale kwestie in het moderne Rotterdam",
        ),
    ],
)
def test_headline_typed_title_set_in_sentence_style(language, typed, expected):
    assert sentence_style(typed, language) == expected


@pytest.mark.parametrize(
    ("language", "title"),
    [
        # Already sentence style: nothing changes.
        ("es", "La reforma agraria en Bolivia, 1952–1964"),
        # Too little evidence: two capitalized words may be names the dictionary only knows
        # in lowercase ("Mosca" is Moscow, and "mosca" a fly).
        ("it", "Il Vaticano e Mosca"),
        ("es", "Memorias de Fidel Castro"),
        # A word typed lowercase shows sentence style: "Partido" is the party's name.
        ("es", "Historia del Partido Comunista en la isla"),
        # A language without a dictionary here.
        ("tr", "Kurtuluş Savaşı'nda Sovyet Yardımı"),
    ],
)
def test_title_without_clear_headline_evidence_stays(language, title):
    assert sentence_style(title, language) == title


def test_case_title_applies_it_to_a_record_in_that_language():
    assert (
        case_title("El Movimiento Obrero En Chile", english=False, language="es")
        == "El movimiento obrero en Chile"
    )
    # A newspaper's name is its own (masthead).
    assert (
        case_title("El Diario Ilustrado De Santiago", english=False, language="es", masthead=True)
        == "El Diario Ilustrado De Santiago"
    )


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # CMOS 14.30: where and when a photograph or event took place, set off by commas after
        # the head, are no key words, a single place with its date as a place with its country.
        ("Children Playing in the Ruins, Berlin, 1946", "Children Playing in the Ruins"),
        ("Strikers Marching on the Capitol, Washington, 1932", "Strikers Marching on the Capitol"),
        ("Miners Waiting at the Gate, Aberfan, 21 October 1966", "Miners Waiting at the Gate"),
        # A name after a comma with no date stays (it may be an inverted name or a parallel).
        ("Árbenz Guzmán, Jacobo", "Árbenz Guzmán, Jacobo"),
    ],
)
def test_short_title_drops_a_dated_setting(title, expected):
    assert derive_short_title(title) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # CMOS 14.30: a short title never ends inside a noun phrase; a date or a number before
        # a noun modifies it, so the cut takes the noun too.
        ("Speech to the May 1 Meeting of Dockworkers", "Speech to the May 1 Meeting"),
        ("Statement at the 4 July Assembly for Peace", "Statement at the 4 July Assembly"),
        ("Riots at the 1968 Convention in Chicago", "Riots at the 1968 Convention"),
    ],
)
def test_short_title_keeps_the_noun_a_date_modifies(title, expected):
    assert derive_short_title(title) == expected


@pytest.mark.parametrize(
    ("language", "typed", "expected"),
    [
        # CMOS 18 14.89: a colon separates title and subtitle, in a foreign title too, where
        # a catalogue typed a period.
        (
            "fr",
            "Les paysans et la République. Une histoire politique du Limousin",
            "Les paysans et la République: Une histoire politique du Limousin",
        ),
        (
            "it",
            "Il partito nuovo. Togliatti e la ricostruzione, 1944–1948",
            "Il partito nuovo: Togliatti e la ricostruzione, 1944–1948",
        ),
        # An abbreviation's period stays (a title of office, a short word).
        (
            "pl",
            "Przemówienie tow. Edwarda Gierka na VI Zjeździe",
            "Przemówienie tow. Edwarda Gierka na VI Zjeździe",
        ),
    ],
)
def test_foreign_subtitle_period_becomes_colon(language, typed, expected):
    assert case_title(typed, english=False, language=language) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # CMOS 14.30: a title that opens with a prepositional phrase has it for its head; the
        # phrase of place or time after it goes.
        ("Behind the Lines in the Battle for the Pacific Islands", "Behind the Lines"),
        ("Across the Divide between East and West in Divided Berlin", "Across the Divide"),
        # "of" and "to" complete the opening phrase: it stays whole.
        ("In the Name of the Working Class", "In the Name of the Working Class"),
        ("From the Danube to the Yalu", "From the Danube to the Yalu"),
    ],
)
def test_short_title_of_a_title_opening_with_a_preposition(title, expected):
    assert derive_short_title(title) == expected
