"""What a search returns and what an index update did: plain data, no Whoosh objects."""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.library.model import ImportProblem


@dataclass(frozen=True)
class Hit:
    """One matching passage."""

    source_id: str
    ordinal: int
    section: str
    page: str | None
    kind: str
    score: float
    snippet: str  # HTML-escaped, matches in <b>…</b>
    text: str
    pdf_page: bool = False  # `page` is the PDF's page number, not a printed one
    # Words of the query this passage does not contain (only when the search was relaxed
    # to passages holding most of the words).
    missing: tuple[str, ...] = ()


@dataclass
class SearchResults:
    query: str  # as typed
    total: int
    hits: list[Hit]
    counts_by_source: dict[str, int]
    suggestion: str | None = None  # "Did you mean": a correction the user may pick
    # The query actually run when the typed one found nothing and a correction did
    # ("Showing results for Molotov").
    corrected: str | None = None
    # Few passages (`all_words`, maybe none) hold every word: the hits are passages with
    # most of them, best first (those with all of them among the first).
    relaxed: bool = False
    all_words: int = 0
    # Words of the query found in no passage at all.
    not_found: tuple[str, ...] = ()
    # Where the search was cut short to stay quick (a prefix matching too many words...).
    notices: tuple[str, ...] = ()


@dataclass
class IndexReport:
    """What an `update()` did, for the status bar and the CLI."""

    indexed: int = 0  # sources (re)indexed
    unchanged: int = 0
    removed: int = 0
    problems: list[ImportProblem] = field(default_factory=list)
    rebuilt_reason: str | None = None
    words: int = 0  # words in the passages indexed by this update
    passages: int = 0
    cancelled: bool = False
    busy: bool = False  # another process held the index's write lock; nothing was changed
