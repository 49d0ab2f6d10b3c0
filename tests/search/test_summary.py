"""The Search pane's words for a search: status line, no-hits message, errors, start hint."""

from __future__ import annotations

from assistant.search.errors import IndexUnavailable, QuerySyntaxError
from assistant.search.results import SearchResults
from assistant.search.summary import (
    QUERY_HINT,
    error_message,
    no_hits_message,
    plain_snippet,
    results_summary,
    start_hint,
)


def _results(total: int, counts: dict[str, int], **extra: object) -> SearchResults:
    return SearchResults("q", total, [], counts, **extra)  # type: ignore[arg-type]


def test_the_status_line_counts_hits_and_sources_and_says_how_many_are_shown() -> None:
    assert results_summary(_results(1, {"a": 1}), [object()], "q") == "1 hit"
    many = results_summary(_results(1234, {"a": 1000, "b": 234}), [object()] * 50, "q")
    assert many == "1,234 hits in 2 sources (showing the best 50)"
    like = results_summary(_results(3, {"a": 3}), [object()] * 3, "", like_text=True)
    assert like == "3 passages like the selected text"


def test_the_status_line_says_what_the_search_did_to_the_query_and_escapes_it() -> None:
    corrected = _results(2, {"a": 2}, corrected="Molotov", suggestion=None)
    assert results_summary(corrected, [1, 2], "Molotvo").startswith(
        "Showing results for <b>Molotov</b> — 2 hits"
    )
    relaxed = _results(2, {"a": 2}, relaxed=True, not_found=("<zz>",), notices=("cut short",))
    assert results_summary(relaxed, [1, 2], "a b <zz>") == (
        "2 hits with most of the words — not found: &lt;zz&gt; — cut short"
    )
    suggested = _results(1, {"a": 1}, suggestion='Kim "Il-sung"')
    assert results_summary(suggested, [1], "Kim Ilsung").endswith(
        ' — Did you mean <a href="suggest:Kim &quot;Il-sung&quot;">Kim &quot;Il-sung&quot;</a>?'
    )
    # With no hits the suggestion belongs to the message below, not the status line.
    assert "Did you mean" not in results_summary(_results(0, {}, suggestion="Kim"), [], "Kmi")


def test_no_hits_message_offers_the_correction_and_all_sources() -> None:
    results = _results(0, {}, suggestion="Acheson")
    assert no_hits_message(results, "<Achesn>", filtered=True) == (
        "No passage matches <b>&lt;Achesn&gt;</b>. Did you mean "
        '<a href="suggest:Acheson">Acheson</a>? Try searching all sources.'
    )
    assert no_hits_message(_results(0, {}), "x", filtered=False) == "No passage matches <b>x</b>."


def test_each_failure_gets_its_own_message_and_a_malformed_query_a_hint() -> None:
    assert error_message(QuerySyntaxError("bad"), "unclosed quote", False) == (
        "Cannot read this query: unclosed quote",
        QUERY_HINT,
    )
    building = error_message(IndexUnavailable("none"), "No index", indexing=True)
    assert building == ("The index is being built; hits will appear here when it is ready.", "")
    assert error_message(IndexUnavailable("none"), "No index", False) == (
        "No index (Library → Reindex)",
        "",
    )
    assert error_message(RuntimeError(), "boom", False) == ("Search failed: boom", "")


def test_start_hint_counts_sources_and_mentions_indexing() -> None:
    assert start_hint(1, False).startswith("Type words to search your 1 source;")
    assert start_hint(12, True).startswith("<b>Indexing your sources in the background…</b>")


def test_plain_snippet_drops_the_marks_and_unescapes() -> None:
    assert plain_snippet("the <b>defense</b> &amp; <b>perimeter</b>") == "the defense & perimeter"
