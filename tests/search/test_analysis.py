"""The analyser: the writer's fast path numbers terms exactly as the Token stream does."""

from __future__ import annotations

import pytest

from assistant.search.analysis import FastStemmingAnalyzer, mark_language

SAMPLES = [
    "Stalin's P'yŏngyang P’yŏngyang Gdańsk Köln Straße l'armée d'Estaing U.S. policy",
    "Chou En-lai and Rhee Syng-man; Sino-Soviet 1950-53 the-the a-b",
    "朝鲜战争爆发以前 Молотова Молотов ёлка 金 x朝鲜y",
    mark_language("Die Straßen von Köln, Kim Il-sungs Armee", "de"),
    mark_language("Le bataillon français débarqua à Pusan; l'offensive chinoise", "fr"),
    "'quoted' -dash- it's O'Neill's re-re-elected — 12-14 Jan.",
    "",
    "a an the of",
]


@pytest.mark.parametrize("text", SAMPLES)
def test_term_positions_equal_the_token_stream(text):
    analyzer = FastStemmingAnalyzer()
    expected: dict[str, list[int]] = {}
    for token in analyzer(text, positions=True):
        expected.setdefault(token.text, []).append(token.pos)
    assert analyzer.term_positions(text) == expected


def test_words_as_historians_write_them():
    analyzer = FastStemmingAnalyzer()
    assert analyzer.query_stems("P’yŏngyang") == analyzer.query_stems("Pyongyang")
    assert analyzer.query_stems("Gdańsk") == ["gdansk"]
    assert analyzer.query_stems("Straße", "de") == analyzer.query_stems("Strassen", "de")
    assert analyzer.query_stems("朝鲜战争") == ["朝鲜", "鲜战", "战争"]
    assert "enlai" in analyzer.term_positions("Chou En-lai")
    assert analyzer.query_stems("Молотова") == ["молотов"]


def test_positions_of_some_terms_are_those_of_all_terms():
    from assistant.search.analysis import FastStemmingAnalyzer, mark_language

    analyzer = FastStemmingAnalyzer()
    for text in (
        "Chou En-lai joined him in January 1950; P'yŏngyang's Kim Il-sung and l'armée.",
        mark_language("Die Straßen von Köln und Gdańsk nach dem Krieg, Kim Il-sungs Armee.", "de"),
        "朝鲜战争爆发以前，斯大林同意了金日成的计划。 Stalin's 1950 U.S.-Soviet talks",
    ):
        everything = analyzer.term_positions(text)
        assert analyzer.positions_of(text, frozenset(everything)) == everything
        some = frozenset(list(everything)[::3])
        assert analyzer.positions_of(text, some) == {t: everything[t] for t in some}
