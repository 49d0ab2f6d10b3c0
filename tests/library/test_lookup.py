"""The @ completer's lookup: words typed against authors, titles, years and ids."""

from __future__ import annotations

import json

from assistant.library.lookup import find_items
from assistant.paths import bundled_corpus_dir

ITEMS = {
    item["id"]: item
    for item in json.loads((bundled_corpus_dir() / "sources.json").read_text(encoding="utf-8"))
}


def test_author_and_year() -> None:
    assert find_items(ITEMS, "shen 2000") == ["shen-2000"]


def test_title_words_and_prefixes() -> None:
    assert find_items(ITEMS, "kreml") == ["zubok-pleshakov-1996"]
    assert find_items(ITEMS, "zub ples") == ["zubok-pleshakov-1996"]


def test_every_word_must_match() -> None:
    assert find_items(ITEMS, "shen 1996") == []


def test_an_empty_query_lists_everything_and_accents_are_ignored() -> None:
    assert set(find_items(ITEMS, "")) == set(ITEMS)
    items = {"a": {"id": "a", "title": "Détente", "author": [{"family": "Åslund"}]}}
    assert find_items(items, "aslund detente") == ["a"]


def test_author_matches_rank_first() -> None:
    items = {
        "book": {"id": "book", "title": "On Stalin", "author": [{"family": "Smith"}]},
        "bio": {"id": "bio", "title": "A Life", "author": [{"family": "Stalin"}]},
    }
    assert find_items(items, "stalin") == ["bio", "book"]


def test_malformed_items_do_not_break_the_lookup() -> None:
    items = {"x": {"id": "x", "author": ["not a name"], "issued": {"date-parts": [[]]}}}
    assert find_items(items, "x") == ["x"]
