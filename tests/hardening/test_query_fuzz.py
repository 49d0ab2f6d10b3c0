"""The query fuzzer's short run: hundreds of random and malformed queries, no traceback."""

from __future__ import annotations

import json
from pathlib import Path

from assistant.library.corpus import Library
from assistant.search.index import SearchIndex

from .bounded import run_bounded

FUZZER = Path(__file__).with_name("query_fuzz.py")


def test_fuzzed_queries_give_results_or_a_syntax_message(tmp_path: Path, corpus: Path) -> None:
    index_dir = tmp_path / "index"
    SearchIndex(index_dir).update(Library.open(corpus))
    result = run_bounded(
        [str(FUZZER), "--corpus", str(corpus), "--index", str(index_dir), "--count", "400"],
        timeout=240,
    )
    assert result.stdout, result.stderr
    summary = json.loads(result.stdout)
    assert summary["failures"] == []
    assert summary["queries"] == 400
    # The fuzzer exercises both outcomes, not only one.
    assert summary["answered"] > 50 and summary["syntax_errors"] >= 0
    assert result.returncode == 0


def test_queries_the_long_fuzz_run_found(tmp_path: Path, corpus: Path) -> None:
    """Each query that once raised in the long run (benchmarks/bench_robustness.py) stays
    answered with a message."""
    from assistant.search.errors import QuerySyntaxError

    index = SearchIndex(tmp_path / "index")
    index.update(Library.open(corpus))
    for text in ['{qualitatively TO }kind:"Jieshi(fighting + committee)conclude"\\!=']:
        try:
            index.search(text)
        except QuerySyntaxError as error:
            assert error.message
