"""Hostile queries answer quickly with a message, and an empty library answers "no passages".

Each runs `assistant search` in a subprocess with a time limit (the limit is the assertion:
an unbounded expansion took 15 s on 1M words), never a timed assertion of speed.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from assistant.cli import main
from assistant.library.corpus import Library
from assistant.search.errors import SearchCancelled
from assistant.search.index import SearchIndex

LIMIT_SECONDS = 30


@pytest.fixture(scope="module")
def many_words(tmp_path_factory) -> tuple[Path, Path]:
    """A corpus of 40,000 distinct words (every letter starts thousands), indexed."""
    corpus = tmp_path_factory.mktemp("many")
    rng = random.Random(7)
    letters = "abcdefghijklmnopqrstuvwxyz"
    for number in range(20):
        words = [
            "".join(rng.choice(letters) for _ in range(rng.randint(4, 9))) for _ in range(4000)
        ]
        paragraphs = [" ".join(words[i : i + 80]) + "." for i in range(0, len(words), 80)]
        (corpus / f"words-{number:02}.txt").write_text("\n\n".join(paragraphs), encoding="utf-8")
    index = tmp_path_factory.mktemp("many-index")
    assert main(["index", "--corpus", str(corpus), "--index", str(index)]) == 0
    return corpus, index


def _search(corpus: Path, index: Path, *query: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [
            *(sys.executable, "-m", "assistant", "search", *query, "--json"),
            *("--corpus", str(corpus), "--index", str(index)),
        ],
        capture_output=True,
        text=True,
        timeout=LIMIT_SECONDS,
    )


def test_a_prefix_for_every_letter_answers_with_a_message(many_words):
    corpus, index = many_words
    result = _search(corpus, index, " ".join(f"{c}*" for c in "abcdefghijklmnopqrstuvwxyz"))
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    assert any("matches too many words" in n for n in payload["notices"])


def test_a_single_prefix_is_cut_to_the_most_frequent_words(many_words):
    corpus, index = many_words
    result = _search(corpus, index, "a* OR b*")
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    assert payload["total"] > 0 and payload["notices"]


def test_a_ten_thousand_character_word_answers_with_a_message(many_words):
    corpus, index = many_words
    result = _search(corpus, index, "q" * 10_000)
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    assert payload["total"] == 0
    assert any("10,000 characters" in n for n in payload["notices"])


def test_fuzzy_terms_and_many_words_answer(many_words):
    corpus, index = many_words
    words = " ".join(f"word{n}~" for n in range(60))
    result = _search(corpus, index, words)
    assert result.returncode == 0, result.stderr
    assert any("only the first" in n for n in json.loads(result.stdout)["notices"])


def test_an_empty_library_answers_no_passages(tmp_path):
    corpus = tmp_path / "empty"
    corpus.mkdir()
    result = subprocess.run(
        [
            *(sys.executable, "-m", "assistant", "search", "Stalin"),
            *("--corpus", str(corpus), "--index", str(tmp_path / "index")),
        ],
        capture_output=True,
        text=True,
        timeout=LIMIT_SECONDS,
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "No passages match 'Stalin': the index of" in result.stdout
    assert "holds no passages" in result.stdout
    # The same index answers every kind of query without an error.
    index = SearchIndex(tmp_path / "index")
    for text in ("Stalin*", '"Kim Il Sung"', "Stalin OR Mao", "Stalin~", "kind:note x"):
        assert index.search(text).total == 0
    assert index.more_like("Stalin backed Kim").total == 0


def test_a_superseded_search_is_cancelled(corpus_dir, tmp_path):
    index = SearchIndex(tmp_path / "index")
    index.update(Library.open(corpus_dir))
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(SearchCancelled):
        index.search("Stalin Mao Korea", cancel=cancel)
    assert index.search("Stalin Mao Korea").total > 0
