"""Smart punctuation as you type: the rule, character by character."""

from __future__ import annotations

import pytest

from assistant.essay.typing import Replacement, curl_quotation, smart_typing


def typed(text: str) -> str:
    """What the editor shows after typing `text` key by key with smart punctuation on."""
    out = ""
    for char in text:
        change = smart_typing(out, char)
        out += char
        if change is not None:
            out = out[: len(out) - change.length] + change.text
    return out


@pytest.mark.parametrize(
    ("keys", "shown"),
    [
        ('He said "no."', "He said “no.”"),
        ('"Yes," she said', "“Yes,” she said"),
        ("Stalin's telegram", "Stalin’s telegram"),
        ("don't", "don’t"),
        ("the 'altered situation'", "the ‘altered situation’"),
        ("('quoted')", "(‘quoted’)"),
        ("\"'nested'\"", "“‘nested’”"),
        ("the 1950s' crises", "the 1950s’ crises"),
        ("a pause--then war", "a pause—then war"),
        ("pp. 52-55", "pp. 52–55"),
        ("a well-known case", "a well-known case"),
        ("em--dash--twice", "em—dash—twice"),
    ],
)
def test_typing(keys: str, shown: str) -> None:
    assert typed(keys) == shown


@pytest.mark.parametrize(
    "keys",
    ['[@shen-2000, 52-55] "x"', "[see @id, 'q'", '`code "here" --x`'],
)
def test_citations_and_code_keep_straight_characters(keys: str) -> None:
    # Inside the unclosed bracket or backticks nothing changes.
    prefix_end = keys.index("]") if "]" in keys else len(keys)
    assert typed(keys[:prefix_end]) == keys[:prefix_end]


def test_after_a_citation_closes_typing_is_smart_again() -> None:
    assert typed('[@shen-2000, 52] "x"') == "[@shen-2000, 52] “x”"


def test_other_characters_are_left_alone() -> None:
    assert smart_typing("abc", "d") is None
    assert smart_typing("", "-") is None
    assert smart_typing("a-", "b") is None
    assert smart_typing("x", "ab") is None
    assert smart_typing("", '"') == Replacement(1, "“")


def test_a_source_quotation_gets_curly_apostrophes_and_nested_marks() -> None:
    assert curl_quotation("Stalin's \"altered situation\" won't wait") == (
        "Stalin’s ‘altered situation’ won’t wait"
    )
