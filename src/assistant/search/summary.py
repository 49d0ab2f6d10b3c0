"""How the Search pane puts a search into words: the status line over the hits, the message
when nothing matches, what an error means and how to fix it, and the hint before any query.

Rich text (Qt's HTML subset): every query word and correction is escaped, and a suggestion is
a `suggest:WORDS` link the pane runs when clicked.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

from assistant.search.errors import IndexUnavailable, QuerySyntaxError
from assistant.search.results import SearchResults

QUERY_HINT = (
    'Quotes must be closed ("defense perimeter"); AND, OR and NOT need words on '
    "both sides; a trailing * needs at least one letter before it."
)


def _suggestion_link(suggestion: str) -> str:
    return f'<a href="suggest:{html.escape(suggestion, quote=True)}">{html.escape(suggestion)}</a>'


def results_summary(
    results: SearchResults, shown: Sequence[Any], query: str, like_text: bool = False
) -> str:
    """The status line: how many hits (in how many sources, how many shown), what the search
    did to the query (corrected, relaxed, words not found), its notices, and "Did you mean"
    while hits are shown (with none, `no_hits_message` makes the suggestion)."""
    total = results.total
    if like_text:
        text = f"{len(shown)} passage{'s' if len(shown) != 1 else ''} like the selected text"
    else:
        noun = "hit" if total == 1 else "hits"
        text = f"{total:,} {noun}"
        counts = results.counts_by_source
        if len(counts) > 1:
            text += f" in {len(counts)} sources"
        if total > len(shown):
            text += f" (showing the best {len(shown)})"
    if results.corrected:
        text = f"Showing results for <b>{html.escape(results.corrected)}</b> — " + text
    elif results.relaxed:
        text += " with most of the words"
    if results.not_found and not results.corrected:
        text += " — not found: " + ", ".join(html.escape(w) for w in results.not_found)
    for notice in results.notices:
        text += f" — {html.escape(notice)}"
    suggestion = results.suggestion
    if suggestion and suggestion != query and shown:
        text += f" — Did you mean {_suggestion_link(suggestion)}?"
    return text


def no_hits_message(results: SearchResults, query: str, filtered: bool) -> str:
    """The message in place of hits when nothing matched, with the correction to try."""
    text = f"No passage matches <b>{html.escape(query)}</b>."
    if results.suggestion:
        text += f" Did you mean {_suggestion_link(results.suggestion)}?"
    if filtered:
        text += " Try searching all sources."
    return text


def error_message(error: BaseException, message: str, indexing: bool) -> tuple[str, str]:
    """(the status line, the hint below it) for a search that failed with `error`
    (`message` is its text): a query that cannot be read says how queries are written; a
    missing index on first launch says the hits come once it is built."""
    if isinstance(error, QuerySyntaxError):
        return f"Cannot read this query: {message}", QUERY_HINT
    if isinstance(error, IndexUnavailable) and indexing:
        # First launch: the search reruns by itself when the index is ready.
        return "The index is being built; hits will appear here when it is ready.", ""
    if isinstance(error, IndexUnavailable):
        return f"{message} (Library → Reindex)", ""
    return f"Search failed: {message}", ""


def start_hint(source_count: int, indexing: bool) -> str:
    """What the pane shows before anything is typed."""
    text = (
        f"Type words to search your {source_count} source{'s' if source_count != 1 else ''}; "
        "hits appear as you type.<br/><br/>"
        'Examples: <i>Acheson speech</i> · <i>"defense perimeter"</i> · '
        "<i>Stalin AND Kim</i> · <i>telegra*</i><br/><br/>"
        "↓ moves into the hits, Enter opens one in the Reader; drag a hit onto a note "
        "in the outline to keep it as evidence."
    )
    if indexing:
        text = "<b>Indexing your sources in the background…</b><br/><br/>" + text
    return text


def plain_snippet(snippet: str) -> str:
    """A hit's snippet (escaped HTML, matches in <b>) as plain text, for screen readers and
    tests."""
    return html.unescape(snippet.replace("<b>", "").replace("</b>", ""))
