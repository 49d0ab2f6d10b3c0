"""Title rules fixed in the eighteenth round: headline-typed Romance titles without damage to
names (CMOS 18 11.27, 11.38), romanized East Asian titles with their characters (11.83,
14.98), bracketed translations (14.88), hyphenated compounds (8.161), German titles already in
sentence style (11.42), date ranges in titles (6.78)."""

from __future__ import annotations

import pytest

from assistant.cite import romance_case
from assistant.cite.romance_case import sentence_style


@pytest.mark.parametrize(
    ("language", "title"),
    [
        # CMOS 11.38, RAE Ortografía 4.2.4: the names of parties, bodies and states keep every
        # capital in Spanish and Portuguese; with the other words in lowercase the title is
        # already sentence style and stays, however many capitalized common words it has.
        ("es", "El Partido Socialista Obrero Español y las Fuerzas Armadas en la Transición"),
        ("pt", "O Partido Socialista e as Forças Armadas depois do 25 de Abril"),
        ("es", "México y los Estados Unidos frente a la Unión Soviética"),
    ],
)
def test_sentence_style_title_with_names_of_bodies_stays(language, title):
    assert sentence_style(title, language) == title


@pytest.mark.parametrize(
    ("language", "typed", "expected"),
    [
        # 11.38: one-letter conjunctions and articles typed capitalized are lowered, and they
        # show the title typed in headline style.
        ("pt", "O Exílio Político E A Ditadura Militar", "O exílio político e a ditadura militar"),
        ("es", "La Deuda Externa Y La Crisis Agraria", "La deuda externa y la crisis agraria"),
        ("it", "La Resistenza E Il Movimento Operaio", "La resistenza e il movimento operaio"),
        # 11.27: an elided preposition typed capitalized ("D'") is lowered; the name after
        # it keeps its capital.
        (
            "fr",
            "Les Colons D'Indochine Et Leurs Journaux",
            "Les colons d'Indochine et leurs journaux",
        ),
        # RAE 4.2.4 (11.38): a party's, a state's, an armed force's name, and a war's, keep
        # their capitals inside an otherwise lowered title; a generic phrase does not.
        (
            "es",
            "El Partido Comunista De Chile Y La Guerra Fría",
            "El Partido Comunista de Chile y la Guerra Fría",
        ),
        (
            "es",
            "Las Fuerzas Armadas Y El Movimiento Obrero En Venezuela",
            "Las Fuerzas Armadas y el movimiento obrero en Venezuela",
        ),
        (
            "pt",
            "O Brasil E Os Estados Unidos Na Segunda Guerra Mundial",
            "O Brasil e os Estados Unidos na Segunda Guerra Mundial",
        ),
        # 11.27: French capitalizes a body's first noun only: "Parti communiste", "Union
        # soviétique".
        (
            "fr",
            "Le Parti Communiste Et L'Union Soviétique",
            "Le Parti communiste et l'Union soviétique",
        ),
    ],
)
def test_headline_typed_title_lowered_but_names_kept(language, typed, expected):
    assert sentence_style(typed, language) == expected


def test_roman_numeral_is_no_italian_article():
    # 11.33: "I" after a name is a numeral and keeps its capital; the rest is lowered.
    assert (
        sentence_style("Vittorio Emanuele I E La Corte Di Torino", "it")
        == "Vittorio Emanuele I e la corte di Torino"
    )


def test_needs_dictionary_tells_headline_typed_titles():
    assert romance_case.needs_dictionary("La Deuda Externa Y La Crisis Agraria", "es")
    assert not romance_case.needs_dictionary("La deuda externa y la crisis agraria", "es")
    assert not romance_case.needs_dictionary("Die Deutsche Frage", "de")


def test_warm_loads_the_dictionary_once(monkeypatch):
    loaded: list[str] = []
    monkeypatch.setattr(romance_case, "_loaded", {})
    real = romance_case._load

    def counting(language: str):
        loaded.append(language)
        return real(language)

    monkeypatch.setattr(romance_case, "_load", counting)
    assert romance_case.unloaded(["es", "xx", "de"]) == {"es"}
    romance_case.warm(["es", "xx", "es"])
    assert loaded == ["es"]
    assert romance_case.unloaded(["es"]) == set()
    # A later title in that language finds the dictionary loaded.
    assert sentence_style("La Deuda Externa Y La Crisis Agraria", "es").startswith("La deuda")
    assert loaded == ["es"]


def _html(parts) -> str:
    return "".join(f"<i>{run.text}</i>" if run.italic else run.text for run in parts)


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # CMOS 11.83, 14.98: the romanized title is italic like any book's; the characters
        # that follow it are never italic; the bracketed translation is roman (14.88).
        (
            "Nihon senryō shi 日本占領史 [A history of the occupation of Japan]",
            "<i>Nihon senryō shi</i> 日本占領史 [A history of the occupation of Japan]",
        ),
        ("Chosŏn minjujuŭi 조선민주주의", "<i>Chosŏn minjujuŭi</i> 조선민주주의"),
        (
            "Xin Zhongguo waijiao: Huiyi yu sikao 新中国外交：回忆与思考",
            "<i>Xin Zhongguo waijiao: Huiyi yu sikao</i> 新中国外交：回忆与思考",
        ),
        # Characters alone: all roman.
        ("毛泽东外交文选", "毛泽东外交文选"),
        # 14.88: a romanized volume title's bracketed translation stays outside the italics.
        (
            "Taiheiyō sensō e no michi 3 [The road to the Pacific War 3]",
            "<i>Taiheiyō sensō e no michi 3</i> [The road to the Pacific War 3]",
        ),
    ],
)
def test_romanized_title_italic_characters_and_translation_roman(title, expected):
    from assistant.cite.titles import styled_title

    assert _html(styled_title(title, quoted=False)) == expected


def test_translation_of_a_quoted_title_follows_the_closing_quote():
    # 14.88: “Original title” [Translation].
    from assistant.cite.titles import styled_title

    parts = styled_title("Voina i mir v Koree [War and peace in Korea]", quoted=True)
    assert _html(parts) == "“Voina i mir v Koree” [War and peace in Korea]"


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        # 8.161 concerns English compounds: a romanized Korean or Japanese place name's
        # suffix (-ri, -dong, -ken) keeps the record's lowercase.
        ("Fighting at Kunu-ri", "Fighting at Kunu-ri"),
        (
            "The Battle of Hagaru-ri and the Chosin Reservoir",
            "The Battle of Hagaru-ri and the Chosin Reservoir",
        ),
        ("the war in okinawa-ken", "The War in Okinawa-ken"),
        # 8.161: after a prefix only a proper noun or adjective keeps a capital; a verb's
        # -ing form does not ("Re-examining", "Co-opting"), a name does ("Pre-Columbian").
        ("Re-Thinking the Korean War", "Re-thinking the Korean War"),
        ("Co-Opting the Opposition", "Co-opting the Opposition"),
        ("Pre-Columbian Trade Routes", "Pre-Columbian Trade Routes"),
        ("The Non-Aligned Movement and the Cold War", "The Non-Aligned Movement and the Cold War"),
        # An English compound still takes its capitals.
        ("a to-do list for peace", "A To-Do List for Peace"),
    ],
)
def test_hyphenated_compounds_8_161(typed, expected):
    from assistant.cite.headline import title_case

    assert title_case(typed) == expected


@pytest.mark.parametrize(
    "title",
    [
        # CMOS 11.26: the adjectives of proper names keep their capitals in German: the
        # Foreign Office ("Auswärtiges Amt") and the official "Auswärtige Politik".
        "Akten zur Auswärtigen Politik der Republik Österreich 1955",
        "Das Auswärtige Amt und die Vergangenheit",
    ],
)
def test_german_name_adjective_in_sentence_style_stays(title):
    from assistant.cite.german_case import sentence_style as german

    assert german(title) == title


def test_german_title_without_an_institution_still_lowered_after_article():
    from assistant.cite.german_case import sentence_style as german

    # 11.24: an attributive adjective after "im" before a common noun is lowercase.
    assert german("Der Spion im Kalten Winter") == "Der Spion im kalten Winter"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # CMOS 6.78, 6.83: the en dash between dates, whatever the language's month names.
        ("Rapports, 1962 (1er janvier-30 juin)", "Rapports, 1962 (1er janvier–30 juin)"),
        ("Actas, 3 enero-28 febrero 1959", "Actas, 3 enero–28 febrero 1959"),
        ("Protokolle, Mai-Juni 1968", "Protokolle, Mai–Juni 1968"),
        # A hyphenated name with a month-like word is no range.
        ("Mars-Venus", "Mars-Venus"),
    ],
)
def test_en_dash_between_foreign_dates_6_78(text, expected):
    from assistant.cite.ranges import number_ranges

    assert number_ranges(text) == expected


def test_en_dash_in_a_course_or_event_name_6_78():
    from assistant.cite.engine import ChicagoEngine
    from assistant.cite.model import Citation

    item = {
        "id": "lec",
        "type": "speech",
        "genre": "Lecture",
        "title": "The Marshall Plan",
        "author": [{"family": "Okafor", "given": "Ada"}],
        "event-title": "HIST 2210: Europe since 1945, 1945-2000, Riverside College",
        "issued": {"date-parts": [["2025", 3, 4]]},
    }
    note = ChicagoEngine({"lec": item}).full_note(Citation("lec")).html()
    assert "1945–2000, Riverside College" in note
