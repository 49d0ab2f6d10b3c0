"""Find and replace: the options a word processor offers, and notes' citations left alone."""

from __future__ import annotations

import pytest

from assistant.cite.model import Citation, Note
from assistant.essay.find import (
    FindError,
    FindOptions,
    count_in_note,
    find_all,
    replace_all,
    replace_in_note,
)

TEXT = "Stalin agreed. Stalinism aside, stalin's choice was STALIN's alone."


def test_plain_search_ignores_case_by_default() -> None:
    assert len(find_all(TEXT, "stalin")) == 4


def test_case_sensitive() -> None:
    assert find_all(TEXT, "Stalin", FindOptions(case_sensitive=True)) == [(0, 6), (15, 21)]


def test_whole_word_skips_longer_words_in_any_script() -> None:
    spans = find_all(TEXT, "stalin", FindOptions(whole_word=True))
    assert [TEXT[a:b] for a, b in spans] == ["Stalin", "stalin", "STALIN"]
    russian = "Сталин и сталинизм"
    assert find_all(russian, "сталин", FindOptions(whole_word=True)) == [(0, 6)]


def test_the_query_is_literal_unless_regex() -> None:
    assert find_all("p. 52 and p.52", "p.5") == [(10, 13)]
    assert len(find_all("p. 52 and p.52", r"p\.\s?52", FindOptions(regex=True))) == 2


def test_regex_replacement_uses_groups() -> None:
    text, count = replace_all(
        "pp. 12-15 and pp. 30-31", r"(\d+)-(\d+)", r"\1–\2", FindOptions(regex=True)
    )
    assert (text, count) == ("pp. 12–15 and pp. 30–31", 2)


def test_a_literal_replacement_is_not_expanded() -> None:
    assert replace_all("a b", "a", r"\1") == (r"\1 b", 1)


def test_bad_regex_is_a_clear_error() -> None:
    with pytest.raises(FindError, match="not a valid regular expression"):
        find_all("text", "(unclosed", FindOptions(regex=True))
    with pytest.raises(FindError, match="group"):
        replace_all("ab", "(a)", r"\2", FindOptions(regex=True))


def test_empty_matches_and_empty_queries_find_nothing() -> None:
    assert find_all("abc", "") == []
    assert find_all("abc", "x*", FindOptions(regex=True)) == []


def test_a_pattern_matching_everywhere_is_bounded() -> None:
    from assistant.essay import find

    assert len(find_all("a" * (find.MAX_MATCHES + 50), "a")) == find.MAX_MATCHES


def test_notes_prose_is_replaced_and_citation_keys_and_pages_kept() -> None:
    """Commentary, a prefix and a suffix are the writer's prose; the key and page are data."""
    citation = Citation("shen-2000", "52", prefix="see Shen", suffix="Shen's emphasis")
    note = Note(("Shen argues this; ", (citation,), " and Shen again."))
    assert count_in_note(note, "Shen") == 4
    replaced, count = replace_in_note(note, "Shen", "Zhihua")
    assert count == 4
    kept = Citation("shen-2000", "52", prefix="see Zhihua", suffix="Zhihua's emphasis")
    assert replaced.segments == ("Zhihua argues this; ", (kept,), " and Zhihua again.")
    same, none = replace_in_note(note, "absent", "x")
    assert none == 0 and same is note
    pages, count = replace_in_note(note, "52", "53")
    assert count == 0 and pages is note


def test_a_replacement_that_would_break_the_citation_group_is_not_made() -> None:
    """ "; @other" typed into a prefix would read back as a second citation: left as it was."""
    citation = Citation("shen-2000", "52", prefix="see")
    note = Note(((citation,),))
    same, count = replace_in_note(note, "see", "see; @other")
    assert count == 0 and same is note
    from assistant.essay.find import find_in_note, replace_in_note_at

    span = find_in_note(note, "see")[0]
    assert replace_in_note_at(note, span, "see", "see; @other", FindOptions()) is None


def test_a_note_is_searched_in_its_source_form_prose_only() -> None:
    from assistant.essay.find import find_in_note, note_source

    note = Note(("See Stalin; ", (Citation("stalin-1950", "52"),), " on Stalin."))
    source = note_source(note)
    assert source.text == "See Stalin; [@stalin-1950, 52] on Stalin."
    spans = find_in_note(note, "stalin")
    # The citation's key holds "stalin" too, but only the prose is searched.
    assert [source.text[a:b] for a, b in spans] == ["Stalin", "Stalin"]
    assert spans[1][0] == source.text.rindex("Stalin")


def test_prefixes_and_suffixes_are_found_where_the_notes_strip_shows_them() -> None:
    from assistant.essay.find import find_in_note, note_source, replace_in_note_at

    group = (
        Citation("a", "4", prefix="see Stalin's"),
        Citation("stalin-1950", "7–9", label="chapter", suffix="on Stalin"),
    )
    note = Note(("Stalin: ", group, "."))
    source = note_source(note)
    spans = find_in_note(note, "Stalin")
    assert [source.text[a:b] for a, b in spans] == ["Stalin"] * 3
    # Each span sits in the text the strip shows: the prefix, then the suffix after the key.
    assert spans[1][0] == source.text.index("see Stalin") + 4
    assert spans[2][0] == source.text.rindex("Stalin")
    changed = replace_in_note_at(note, spans[2], "Stalin", "Iosif Stalin", FindOptions())
    assert changed is not None
    assert changed.segments[1][1].suffix == "on Iosif Stalin"
    assert changed.segments[1][1].locator == "7–9" and changed.segments[1][1].label == "chapter"
    assert note_source(changed).text.endswith("on Iosif Stalin].")


def test_replacing_one_match_in_a_note() -> None:
    from assistant.essay.find import find_in_note, replace_in_note_at

    note = Note(("See Stalin; ", (Citation("stalin-1950", "52"),), " on Stalin."))
    last = find_in_note(note, "Stalin")[1]
    replaced = replace_in_note_at(note, last, "Stalin", "Iosif Stalin", FindOptions())
    assert replaced is not None
    assert replaced.segments == (
        "See Stalin; ",
        (Citation("stalin-1950", "52"),),
        " on Iosif Stalin.",
    )
    # A span that is no longer a match (the note changed), or one reaching into a citation.
    assert replace_in_note_at(note, (0, 3), "Stalin", "x", FindOptions()) is None
    assert replace_in_note_at(note, (4, 20), "Stalin", "x", FindOptions()) is None
    groups = replace_in_note_at(note, last, r"(St)alin", r"\1.", FindOptions(regex=True))
    assert groups is not None and groups.segments[2] == " on St.."
