"""Pandoc citation syntax: the cases below were checked against the pandoc 3.9 binary."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from assistant.cite.model import LOCATOR_LABELS, Citation
from assistant.cite.pandoc_syntax import (
    CitationSyntaxError,
    find_citations,
    format_citation_group,
    parse_citation_group,
    parse_locator,
    scan_citations,
)


@pytest.mark.parametrize(
    ("suffix", "expected"),
    [
        (", 52", ("page", "52", "")),
        (", pp. 33-35, emphasis added", ("page", "33-35", ", emphasis added")),
        (", chap. 3", ("chapter", "3", "")),
        (", chapter 3", ("chapter", "3", "")),
        (", Chap. 3", ("chapter", "3", "")),
        (", 33-35, 38-39", ("page", "33-35, 38-39", "")),
        (", 12 and 14", ("page", "12", " and 14")),
        (", 12, 14 and elsewhere", ("page", "12, 14", " and elsewhere")),
        (", vol. 2, 45", ("volume", "2, 45", "")),
        (", p. x", ("page", "x", "")),
        (", pp. xii–xiv", ("page", "xii–xiv", "")),
        (", xii-xiv", ("page", "", ", xii-xiv")),  # a bare roman numeral is not a locator
        (", chap. intro", ("page", "", ", chap. intro")),
        (", 33. More text", ("page", "33", ". More text")),
        (",33,34", ("page", "33, 34", "")),
        (" 44", ("page", "44", "")),
        (", p 44", ("page", "", ", p 44")),  # short terms need their period
        (", §3", ("section", "3", "")),
        (", ¶ 3", ("paragraph", "3", "")),
        (", pp.33", ("page", "33", "")),
        (", 12-14, n. 3", ("page", "12-14", ", n. 3")),
        (", n. 12", ("note", "12", "")),
        (", nn. 12-13", ("note", "12-13", "")),
        (", l. 4", ("line", "4", "")),
        (", fig. 4", ("figure", "4", "")),
        (", para. 4", ("paragraph", "4", "")),
        (", fol. 3r", ("folio", "3r", "")),
        (", 3r-4v", ("page", "3r-4v", "")),
        (", A12", ("page", "A12", "")),
        (", 12 ff.", ("page", "12", " ff.")),
        (", 33 (emphasis mine)", ("page", "33", " (emphasis mine)")),
        (", {ii, A, D-Z}, with suffix", ("page", "ii, A, D-Z", ", with suffix")),
        (", {vol. 3}", ("volume", "3", "")),
        (", emphasis added", ("page", "", ", emphasis added")),
        ("", ("page", "", "")),
    ],
)
def test_parse_locator_matches_pandoc(suffix: str, expected: tuple[str, str, str]) -> None:
    assert parse_locator(suffix) == expected


def test_group_with_prefix_and_two_items() -> None:
    assert parse_citation_group("see @a, 4; @b, 7–9") == (
        Citation("a", "4", prefix="see"),
        Citation("b", "7–9"),
    )


def test_chapter_suppress_author_and_suffix() -> None:
    assert parse_citation_group("@id, chap. 3") == (Citation("id", "3", label="chapter"),)
    assert parse_citation_group("-@id") == (Citation("id", suppress_author=True),)
    assert parse_citation_group("@id, pp. 33-35, emphasis added") == (
        Citation("id", "33-35", suffix=", emphasis added"),
    )


def test_keys_with_internal_punctuation_and_braces() -> None:
    assert parse_citation_group("@doe:1999.a, 4")[0].item_id == "doe:1999.a"
    # Trailing punctuation is not part of the key.
    assert parse_citation_group("@doe.")[0] == Citation("doe", suffix=".")
    assert parse_citation_group("@{odd key}, 4")[0] == Citation("odd key", "4")


@pytest.mark.parametrize(
    ("text", "message", "offset"),
    [
        ("", "empty citation", 0),
        ("   ", "empty citation", 0),
        ("@a, 33; and more", "'and more' has no @key", 8),
        ("@a;", "empty citation between semicolons", 3),
        ("; @a", "empty citation between semicolons", 0),
        ("write to me@example.org", "has no @key", 0),
        ("@{unclosed", "unclosed '@{'", 0),
    ],
)
def test_bad_groups_raise_clear_errors(text: str, message: str, offset: int) -> None:
    with pytest.raises(CitationSyntaxError, match=message) as caught:
        parse_citation_group(text)
    assert caught.value.offset == offset


def test_format_is_inverse_of_parse_for_written_groups() -> None:
    for text in [
        "see @a, 4; @b, 7–9",
        "@id, chap. 3",
        "-@id",
        "@id, 33-35, emphasis added",
        "*see* @a, 33; compare @b, n. 4",
        "@{odd key}, {ii, A}",
    ]:
        assert format_citation_group(parse_citation_group(text)) == text


_locators = st.one_of(
    st.just(""),
    st.from_regex(r"[1-9][0-9]{0,3}(-[1-9][0-9]{0,2})?", fullmatch=True),
    st.from_regex(r"[ivx]{1,4}", fullmatch=True),
    st.from_regex(r"[1-9][0-9]?, [1-9][0-9]?", fullmatch=True),
)


@given(
    key=st.from_regex(r"[a-z][a-z0-9]{0,6}(-[a-z0-9]{1,4})?", fullmatch=True),
    locator=_locators,
    label=st.sampled_from(LOCATOR_LABELS),
    prefix=st.sampled_from(["", "see", "*cf.*", "compare"]),
    suffix=st.sampled_from(["", ", emphasis added", " (my translation)", ", and passim"]),
    suppress=st.booleans(),
)
def test_round_trip_any_citation(
    key: str, locator: str, label: str, prefix: str, suffix: str, suppress: bool
) -> None:
    citation = Citation(key, locator, label if locator else "page", prefix, suffix, suppress)
    assert parse_citation_group(format_citation_group([citation, citation])) == (
        citation,
        citation,
    )


def test_find_citations_in_running_text() -> None:
    text = "Stalin agreed [see @shen-2000, 52; @shuster-2019, 7–9]. Later [-@shen-2000]."
    groups = find_citations(text)
    assert [text[s:e] for s, e, _ in groups] == [
        "[see @shen-2000, 52; @shuster-2019, 7–9]",
        "[-@shen-2000]",
    ]
    assert groups[0][2][1] == Citation("shuster-2019", "7–9")


def test_find_citations_skips_code_escapes_footnotes_and_links() -> None:
    text = "`[@code]` and \\[@escaped] and [^1] and [a link](http://x) and [@real, 4]"
    groups = find_citations(text)
    assert [g[2][0].item_id for g in groups] == ["real"]


def test_nested_brackets_stay_in_the_prefix() -> None:
    (group,) = find_citations("x [see [the letter] @a, 33] y")
    assert group[2] == (Citation("a", "33", prefix="see [the letter]"),)


def test_unclosed_citation_is_reported_with_offset() -> None:
    text = "First [@a, 3] then [@b, 44 and the paragraph ends.\n\nNext [@c]."
    groups, problems = scan_citations(text)
    assert [g[2][0].item_id for g in groups] == ["a", "c"]
    assert len(problems) == 1
    assert problems[0].offset == text.index("[@b")
    assert "unclosed citation" in problems[0].message
    assert "'[@b, 44" in problems[0].message


def test_malformed_group_is_reported_not_dropped() -> None:
    text = "Claim [@a, 33; and more]."
    groups, problems = scan_citations(text)
    assert groups == []
    assert len(problems) == 1
    assert "has no @key" in problems[0].message
    assert problems[0].offset == text.index("and more")


def test_email_addresses_are_not_citations() -> None:
    assert scan_citations("Write [me@example.org] today.") == ([], [])


_syntax_text = st.text(alphabet="ab1 @[];,-{}`\\^.:pchap", max_size=40)


@given(_syntax_text)
def test_any_text_parses_or_raises_a_citation_syntax_error(text: str) -> None:
    try:
        citations = parse_citation_group(text)
    except CitationSyntaxError as error:
        assert 0 <= error.offset <= len(text)
        assert error.message
    else:
        assert citations
        assert all(c.item_id for c in citations)


@given(_syntax_text)
def test_scanning_any_text_never_fails_and_spans_are_brackets(text: str) -> None:
    groups, problems = scan_citations(text)
    for start, end, citations in groups:
        assert text[start] == "[" and text[end - 1] == "]"
        assert citations
    for problem in problems:
        assert 0 <= problem.offset <= len(text)
