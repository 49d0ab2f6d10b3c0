"""Title and short-title rules of round 13 (CMOS 18), each pinned on titles of its own, not
on the held-out libraries' items."""

from __future__ import annotations

import pytest

from assistant.cite.engine import ChicagoEngine
from assistant.cite.model import Citation
from assistant.cite.short_titles import derive_short_title
from assistant.cite.titles import case_title, nest_quotes


@pytest.mark.parametrize(
    ("title", "language", "expected"),
    [
        # 8.159, 11.6: a catalogue's " : " after a title ending in "!" or "?" goes (no colon
        # after the title's own mark), and the subtitle still opens with a capital.
        (
            "Ať žije republika! : dějiny jedné demonstrace",
            "cs",
            "Ať žije republika! Dějiny jedné demonstrace",
        ),
        (
            "Warum gerade wir? : eine Familiengeschichte",
            "de",
            "Warum gerade wir? Eine Familiengeschichte",
        ),
        (
            "Dlaczego Solidarność? : szkice z historii",
            "pl",
            "Dlaczego Solidarność? Szkice z historii",
        ),
        # 11.6: a subtitle that opens on a letter of Latin Extended-A is capitalized too.
        ("Praha 1968: čas naděje", "cs", "Praha 1968: Čas naděje"),
        ("Kraków i Śląsk: źródła do dziejów", "pl", "Kraków i Śląsk: Źródła do dziejów"),
        # Russian keeps its lowercase word after the mark.
        ("Кто виноват? : очерки", "ru", "Кто виноват? очерки"),
    ],
)
def test_subtitle_after_exclamation_or_question_mark_cmos_8_159_11_6(
    title: str, language: str, expected: str
) -> None:
    assert case_title(title, False, language=language) == expected


def test_short_note_ends_on_the_titles_own_mark_cmos_14_30_6_131() -> None:
    item = {
        "id": "a",
        "type": "book",
        "language": "cs",
        "title": "Ať žije republika! : dějiny jedné demonstrace v Praze",
        "author": [{"family": "Novák", "given": "Jan"}],
        "publisher": "Academia",
        "issued": {"date-parts": [[2001]]},
    }
    engine = ChicagoEngine({"a": item})
    first = engine.full_note(Citation("a", "12")).html()
    second = engine.short_note(Citation("a", "14")).html()
    assert "<i>Ať žije republika! Dějiny jedné demonstrace v Praze</i>" in first
    assert second == "Novák, <i>Ať žije republika!</i> 14."


@pytest.mark.parametrize(
    ("title", "depth", "expected"),
    [
        # 11.9, 6.9: a Latin-script foreign title's own quotation marks take the marks of
        # the English text it is cited in: single inside a quoted title, double in italics.
        ("Polityka „odwilży” w PRL", 1, "Polityka ‘odwilży’ w PRL"),
        ("Polityka „odwilży” w PRL", 0, "Polityka “odwilży” w PRL"),
        ("Die „Stunde Null“ in Köln", 1, "Die ‘Stunde Null’ in Köln"),
        ("Der »Bitterfelder Weg« und die Literatur", 1, "Der ‘Bitterfelder Weg’ und die Literatur"),
        ("La « drôle de guerre » en Lorraine", 1, "La ‘drôle de guerre’ en Lorraine"),
        ("Il «sorpasso» del 1987", 0, "Il “sorpasso” del 1987"),
        # A quotation inside a quotation alternates again.
        ("«Il „boom“ economico»", 1, "‘Il “boom” economico’"),
        # A title in Cyrillic keeps the marks it was typed with.
        ("Доклад «О культе личности»", 1, "Доклад «О культе личности»"),
    ],
)
def test_foreign_quotation_marks_in_a_title_become_english_cmos_11_9(
    title: str, depth: int, expected: str
) -> None:
    assert nest_quotes(title, depth) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # 8.161: the second element of a hyphenated compound is capitalized unless it is an
        # article, preposition or conjunction, or the first element a prefix; a first element
        # of two syllables is an English word, not a syllable of a romanized name.
        (
            "The Politics of Nation-building after Empire",
            "The Politics of Nation-Building after Empire",
        ),
        ("Theater-going in Victorian London", "Theater-Going in Victorian London"),
        ("Policy-making and the Cold War", "Policy-Making and the Cold War"),
        # Romanized given names keep their lowercase syllable, prefixes their case.
        ("Deng Xiao-ping and the Reforms", "Deng Xiao-ping and the Reforms"),
        ("Park Chung-hee and Korea", "Park Chung-hee and Korea"),
        ("Anti-inflation Policy in Britain", "Anti-inflation Policy in Britain"),
    ],
)
def test_hyphenated_compound_second_element_cmos_8_161(title: str, expected: str) -> None:
    assert case_title(title, True) == expected


@pytest.mark.parametrize(
    ("title", "language", "expected"),
    [
        # 14.30, 8.76: a year after "of" that completes an event's name ("the Revolution of
        # 1848", "the Panic of 1837") tells which event: a key word, kept ...
        (
            "The Russian Revolution of 1905: Workers and Soldiers",
            "en",
            "Russian Revolution of 1905",
        ),
        ("The Great Panic of 1873 in the American West", "en", "Great Panic of 1873"),
        # ... while a year after any other noun is a trailing date, dropped when two words
        # are left.
        ("The Dockyard Fire of 1911", "en", "Dockyard Fire"),
        # A single year after a comma stays with a short head ("Berlin Crisis, 1961"), and
        # goes after a head of four words, a short title already.
        ("Berlin Crisis, 1961", "en", "Berlin Crisis, 1961"),
        (
            "American Diplomacy toward Hungary, 1956: A Reassessment",
            "en",
            "American Diplomacy toward Hungary",
        ),
        # Hungarian: a year with a season or month in the temporal case ("in the autumn of
        # 1968") says when, and goes as a trailing span of years does.
        ("A magyar külpolitika 1968 nyarán", "hu", "A magyar külpolitika"),
        ("Az egyetemi ifjúság mozgalmai 1956 októberében", "hu", "Az egyetemi ifjúság mozgalmai"),
        # So does a Hungarian year-first date at the end, not set off by a comma.
        (
            "A budapesti egyetemisták gyűlése 1956. október 22-én",
            "hu",
            "A budapesti egyetemisták gyűlése",
        ),
        # ... but an adjective of the year ("1956-os") names the subject and stays.
        ("Az 1956-os forradalom", "hu", "Az 1956-os forradalom"),
    ],
)
def test_trailing_dates_and_years_that_name_events_cmos_14_30_8_76(
    title: str, language: str, expected: str
) -> None:
    assert derive_short_title(title, language) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # 14.30: a short title never ends inside a relative clause, on its pronoun and verb
        # ("Ten Days That Shook"): the cut falls before the clause, after a head of two
        # words or more.
        ("Ten Days That Shook the World", "Ten Days"),
        ("Four Decisions Which Made the Atomic Age", "Four Decisions"),
        ("The Young Officers Who Toppled the Monarchy in Egypt", "Young Officers"),
        # After a preposition, "that" is a demonstrative, no relative pronoun.
        ("Memories of That Summer in Prague and Vienna", "Memories of That Summer"),
    ],
)
def test_short_title_cuts_before_a_relative_clause_cmos_14_30(title: str, expected: str) -> None:
    assert derive_short_title(title) == expected


@pytest.mark.parametrize(
    ("title", "language", "expected"),
    [
        # 14.30: two people's names joined by "and" name one subject and stay together ...
        (
            "Korespondencja Józefa Piłsudskiego i Romana Dmowskiego w latach 1918-1920",
            "pl",
            "Korespondencja Józefa Piłsudskiego i Romana Dmowskiego",
        ),
        # ... (a regnal numeral is part of a name, no acronym) ...
        (
            "Leone XIII e Giuseppe Toniolo nella crisi di fine secolo",
            "it",
            "Leone XIII e Giuseppe Toniolo",
        ),
        # ... but two bodies (an institution's noun, an acronym) are two subjects: the
        # short title may end after the first.
        (
            "Stenogramy posiedzeń Komitetu Centralnego i Biura Politycznego PZPR",
            "pl",
            "Stenogramy posiedzeń Komitetu Centralnego",
        ),
    ],
)
def test_only_peoples_names_joined_by_and_stay_together_cmos_14_30(
    title: str, language: str, expected: str
) -> None:
    assert derive_short_title(title, language) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # 14.30: a head that only names a field many works share ("Civil Rights", as "Cold
        # War") keeps the phrase after it; a title of five words is then kept whole.
        ("Civil Rights and ‘Massive Resistance’", "Civil Rights and ‘Massive Resistance’"),
        ("Civil Rights in the American South: A Reader", "Civil Rights in the American South"),
    ],
)
def test_a_field_is_no_head_of_its_own_cmos_14_30(title: str, expected: str) -> None:
    assert derive_short_title(title) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # 14.30: a cut never ends on a modifier inside the noun chain a phrase's object is;
        # the chain's noun comes too.
        (
            "Measurement of Low Frequency Noise in Deep Ocean Basins near Bermuda",
            "Measurement of Low Frequency Noise",
        ),
        # A degree adjective and its noun say how much, not of what: the noun keeps its
        # "of" complement, to five words.
        (
            "High Levels of Radioactive Iodine in Milk Alarm Farmers in Wales",
            "High Levels of Radioactive Iodine",
        ),
        ("Rapid Changes of Sea Ice in the Arctic Ocean", "Rapid Changes of Sea Ice"),
        # A "by" phrase after a bare head of two key words names its agent or means, and
        # goes, in a title of five words too.
        ("Iodine Uptake by Grazing Cattle", "Iodine Uptake"),
        # A head of one word keeps its "by" phrase.
        ("Government by Emergency Decree", "Government by Emergency Decree"),
    ],
)
def test_noun_chains_complements_and_agent_phrases_cmos_14_30(title: str, expected: str) -> None:
    assert derive_short_title(title) == expected
