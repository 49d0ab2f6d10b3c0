"""Title and short-title rules of round 13 (CMOS 18), each pinned on titles of its own, not
on the held-out libraries' items."""

from __future__ import annotations

import pytest

from assistant.cite.engine import ChicagoEngine
from assistant.cite.model import Citation
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
