"""Spelling rules, tables, the synonyms file and source languages, one by one."""

from __future__ import annotations

import pytest

from assistant.search import languages
from assistant.search.variants import VariantTables, compact, rule_variants


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Malenkov", "malenkow"),
        ("Malenkow", "malenkov"),
        ("Trotsky", "trotskii"),
        ("Trotskii", "trotsky"),
        ("Khrushchev", "chrushchev"),
        ("Beriia", "beria"),
        ("Iurii", "yurii"),
        ("Vasilevsky", "vasilievskii"),
        ("Ezhov", "yezhov"),
        ("armour", "armor"),
        ("labor", "labour"),
        ("organise", "organize"),
        ("organization", "organisation"),
        ("analyse", "analyze"),
        ("travelled", "traveled"),
        ("Köln", "koeln"),
        ("Koeln", "köln"),
    ],
)
def test_rules_derive_the_other_spelling(word, expected):
    assert expected in rule_variants(word)


@pytest.mark.parametrize("word", ["four", "hour", "your", "detour", "Mao", "Kim"])
def test_rules_leave_short_and_ordinary_words_alone(word):
    assert not any(v in ("for", "hor", "yor", "detor") for v in rule_variants(word))
    assert len(rule_variants(word)) <= 24


def test_rules_are_bounded_for_any_input():
    assert len(rule_variants("x" * 10_000)) <= 24
    assert rule_variants("") == [] and rule_variants("1950") == []


def test_compact_keys_ignore_case_accents_spaces_hyphens_and_apostrophes():
    assert compact("Chou En-lai") == compact("chou enlai") == "chouenlai"
    assert compact("P’yŏngyang") == compact("Pyongyang")
    assert compact("Lüshun") == "lushun"


def test_shipped_tables_pair_the_names(tmp_path):
    tables = VariantTables([tmp_path / "none.txt"])
    assert "Zhou Enlai" in tables.lookup("Chou En-lai")
    assert "Lüshun" in tables.lookup("port arthur")
    assert "Guomindang" in tables.lookup("Kuomintang")
    assert "armor" not in tables.lookup("armour")  # a rule's job, not the table's
    assert "defense" in tables.lookup("defence")


def test_a_synonyms_file_with_bad_lines_and_bytes_is_read_as_far_as_it_makes_sense(tmp_path):
    synonyms = tmp_path / "synonyms.csv"
    synonyms.write_bytes(
        b"zorble, flimflam\n\xff\xfe garbage\nonly-one-entry\n# comment, here\n"
        + b"a, b, "
        + b"x" * 200
        + b"\n"
        + b"blork = snerk | wibble\n"
    )
    tables = VariantTables([synonyms])
    assert tables.lookup("zorble") == ["flimflam"]
    assert set(tables.lookup("blork")) == {"snerk", "wibble"}
    assert tables.lookup("comment") == [] and tables.lookup("only-one-entry") == []


def test_a_huge_synonyms_file_is_read_only_in_part(tmp_path):
    synonyms = tmp_path / "synonyms.csv"
    with synonyms.open("w", encoding="utf-8") as out:
        out.write("zorble, flimflam\n")
        for number in range(300_000):
            out.write(f"word{number}, other{number}\n")
    tables = VariantTables([synonyms])
    assert tables.lookup("zorble") == ["flimflam"]
    assert tables.lookup("word299999") == []  # beyond the first 2 MB


def test_an_unreadable_synonyms_path_is_ignored(tmp_path):
    folder = tmp_path / "synonyms.csv"
    folder.mkdir()  # a folder where the file should be
    assert VariantTables([folder]).lookup("zorble") == []


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("en-US", "en"),
        ("de", "de"),
        ("Russian", "ru"),
        ("русский", "ru"),
        ("fr-FR", "fr"),
        ("zh-CN", "zh"),
        ("ger", "de"),
        ("", None),
        (None, None),
        (42, None),
        ("Klingon tongue", None),
    ],
)
def test_csl_language_values(value, code):
    assert languages.from_csl(value) == code


def test_detection_by_script_and_common_words():
    assert languages.detect("Сталин согласился с планом Ким Ир Сена весной.") == "ru"
    assert languages.detect("朝鲜战争爆发以前，斯大林曾多次拒绝") == "zh"
    german = "Die Nachricht von dem Angriff erreichte die Stadt, und sie war nicht überrascht. "
    assert languages.detect(german * 5) == "de"
    english = "The news of the attack reached the city and it was not a surprise to them. "
    assert languages.detect(english * 5) == "en"
    # A few foreign words in English prose do not make it foreign.
    assert languages.detect(english * 5 + "die der und das") == "en"
    assert languages.detect("") == "en" and languages.detect("1950 1953") == "en"


@pytest.mark.parametrize(
    ("word", "variant"),
    [("Razuvaev", "razuvayev"), ("Andreyev", "andreev"), ("Matveev", "matveyev")],
)
def test_e_after_a_vowel_is_also_ye(word, variant):
    assert variant in rule_variants(word)


def test_korean_and_chinese_names_of_the_period_are_in_the_tables(tmp_path):
    tables = VariantTables([tmp_path / "none.txt"])
    assert "Gaeseong" in tables.lookup("Kaesong")
    assert "Panmunjom" in tables.lookup("Panmunjeom")
    assert "Shih Che" in tables.lookup("Shi Zhe")
    assert "Kim Il Sung" in tables.lookup("Kim Il-song")
