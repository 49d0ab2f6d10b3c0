"""The full-text index of a library's passages, and searching it.

`SearchIndex` is the one object the app, the CLI and the checker use. Its parts live in
modules named for them: `lifecycle` (opening, checking and rebuilding the folder), `indexing`
(updates), `querying` (the query a text becomes), `scoring` (BM25F fast paths, relaxation),
`postings` (posting lists and per-document tables as cached arrays), `ranking` (the second
look at the best hits), `snippets`, `suggest` ("Did you mean"), `variants` (spellings,
abbreviations, translations, paraphrases, synonyms), `translit` (Latin and Cyrillic),
`results` (the plain-data model) and
`whoosh_internals` (every use of Whoosh's private internals, behind a version check).

A search runs in steps: the query is checked and parsed; each plain word gets its variants
(those present in the index); plain-word queries are scored by `scoring.score_groups` (the
same scores as Whoosh's own searcher), others by Whoosh's matchers. When fewer than ten
passages hold all the words, the search is relaxed to passages holding most of them, ranked by
their share of the query; the best hits get a second look (`ranking`: the words close
together, the words in headings); when a word is in no passage and a close, frequent word is,
the search re-runs with the correction. Every search counts all its matches per source
exactly.
"""

from __future__ import annotations

import html
import itertools
import threading
from collections.abc import Collection, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt
from whoosh import collectors, query

from assistant.library.model import Passage
from assistant.search import postings, ranking, scoring, snippets, suggest, whoosh_internals
from assistant.search.analysis import DEFAULT_LANGUAGE
from assistant.search.errors import IndexUnavailable, QuerySyntaxError, SearchCancelled
from assistant.search.indexing import ProgressCallback, update_index
from assistant.search.lifecycle import IndexStore
from assistant.search.query import check_query
from assistant.search.querying import Built, QueryBuilder, is_plain
from assistant.search.results import Hit, IndexReport, SearchResults
from assistant.search.schema import INDEX_VERSION, stored_passage
from assistant.search.scoring import SECONDARY_KIND_FACTOR, clear_caches
from assistant.search.variants import VariantTables, synonyms_files

if TYPE_CHECKING:
    from assistant.library.corpus import Library

__all__ = [
    "INDEX_VERSION",
    "SECONDARY_KIND_FACTOR",
    "Hit",
    "IndexReport",
    "ProgressCallback",
    "SearchIndex",
    "SearchResults",
    "clear_caches",
]

_FRONT_MASK = query.Term("kind", "front")


# A plain query matching fewer passages than this with all its words is relaxed to the
# passages holding most of them (those with all of them still rank first): a handful of
# passages with every word is often not the passage meant, which uses another word for one.
RELAX_BELOW = 10


def _top(docs: npt.NDArray[np.int64], scores: npt.NDArray[np.float64], count: int) -> list[int]:
    """Where in `docs` the `count` best are: the higher score first, then the lower document
    number (a relaxed query's scores already carry each passage's share of the query)."""
    if not len(docs):
        return []
    candidates = np.arange(len(docs))
    if len(docs) > count:
        threshold = np.partition(scores, len(scores) - count)[len(scores) - count]
        candidates = np.flatnonzero(scores >= threshold)
    order = np.lexsort((docs[candidates], -scores[candidates]))
    return [int(i) for i in candidates[order[:count]]]


class SearchIndex:
    """The index in `index_dir` (created on first update)."""

    def __init__(
        self, index_dir: Path, lock_timeout: float = 10.0, corpus_dir: Path | None = None
    ) -> None:
        self.store = IndexStore(index_dir)
        self.index_dir = self.store.index_dir
        self.schema = self.store.schema
        self.lock_timeout = lock_timeout
        self._analyzer = self.schema["text"].analyzer
        # Plain-word queries are scored by `scoring.score_groups`; False forces Whoosh's own
        # matchers (the tests compare the two).
        self.fast_path = True
        # The second look at the best hits (words close together, words in headings); False
        # leaves BM25's order as Whoosh computes it (the tests compare the two).
        self.rerank = True
        # Plain queries with all their words in fewer passages than this are relaxed.
        self.relax_below = RELAX_BELOW
        self._builder = QueryBuilder(self.schema, self._analyzer, VariantTables())
        self._corpus_dir = corpus_dir
        self._related = True
        self.use_synonyms_of(corpus_dir)

    def use_synonyms_of(self, corpus_dir: Path | None) -> None:
        """Read the user's synonyms from `corpus_dir`/synonyms.csv (and the user data folder)."""
        self._corpus_dir = corpus_dir
        tables = VariantTables(synonyms_files(corpus_dir), self._related)
        self._builder.tables = tables
        # Read in the background (tens of milliseconds), so the first search rarely waits.
        threading.Thread(target=tables.table, name="search-tables", daemon=True).start()

    @property
    def related_words(self) -> bool:
        """Whether a word also finds its translations and paraphrases (the shipped glossary
        and thesaurus); names, spellings and the user's synonyms always apply."""
        return self._related

    @related_words.setter
    def related_words(self, value: bool) -> None:
        self._related = value
        self.use_synonyms_of(self._corpus_dir)

    # ----------------------------------------------------------------------------------------
    # Updating

    def update(
        self,
        library: Library,
        progress: ProgressCallback | None = None,
        cancel: threading.Event | None = None,
        rebuild: bool = False,
    ) -> IndexReport:
        """Bring the index in line with the library; only changed sources are re-indexed."""
        if library.corpus_dir is not None:
            self.use_synonyms_of(library.corpus_dir)
        return update_index(self.store, library, progress, cancel, rebuild, self.lock_timeout)

    def indexed_hashes(self) -> dict[str, str]:
        return self.store.indexed_hashes()

    # ----------------------------------------------------------------------------------------
    # Reading

    @contextmanager
    def _searcher(self) -> Iterator[Any]:
        with self.store.searcher() as searcher:
            yield searcher

    def is_empty(self) -> bool:
        return self.doc_count() == 0

    def doc_count(self) -> int:
        """Indexed passages (0 when there is no readable index)."""
        try:
            with self._searcher() as searcher:
                return int(searcher.doc_count())
        except IndexUnavailable:
            return 0

    def source_ids(self) -> set[str]:
        with self._searcher() as searcher:
            return set(self._known_sources(searcher))

    def parse(self, text: str, known_sources: set[str] | None = None) -> Any:
        """The query Whoosh runs for `text` (after the syntax checks), variants included."""
        check_query(text, known_sources)
        with self._searcher() as searcher:
            return self._build(text, searcher).parsed

    def _build(self, text: str, searcher: Any, cancel: threading.Event | None = None) -> Built:
        try:
            return self._builder.build(text, searcher, self._languages(searcher), cancel)
        except (SearchCancelled, QuerySyntaxError):
            raise
        except Exception as error:  # Whoosh rarely raises, but its messages are technical
            raise QuerySyntaxError(f"The query could not be read ({error}).") from error

    def search(
        self,
        query_text: str,
        limit: int = 10,
        source_ids: Collection[str] | None = None,
        cancel: threading.Event | None = None,
    ) -> SearchResults:
        """Top passages for a query, best first, ties broken by source and position.

        A plain query (words and phrases) that no passage matches in full is relaxed to the
        passages holding most of its words; a word in no passage that has a close, frequent
        correction is corrected when the query found nothing (or only relaxed matches).
        `cancel` stops a search that a newer one superseded (SearchCancelled).
        """
        try:
            return self._search(query_text, limit, source_ids, cancel)
        except query.QueryError as error:  # e.g. a phrase on a field without positions
            raise QuerySyntaxError(f"The query cannot be run ({error}).") from error

    def _search(
        self,
        query_text: str,
        limit: int,
        source_ids: Collection[str] | None,
        cancel: threading.Event | None,
    ) -> SearchResults:
        with self._searcher() as searcher:
            check_query(query_text, self._known_sources(searcher))
            wants_front = "kind:front" in query_text.lower()
            plain = is_plain(query_text)
            built = self._build(query_text, searcher, cancel)
            results = self._run(
                searcher, built, query_text, limit, source_ids, wants_front, relax=plain
            )
            if built.not_found and (results.total == 0 or results.relaxed):
                corrected = self._corrected(searcher, built, query_text)
                if corrected is not None:
                    again = self._build(corrected, searcher, cancel)
                    better = self._run(
                        searcher, again, corrected, limit, source_ids, wants_front, relax=plain
                    )
                    # Shown instead of the typed query's hits when it finds passages with
                    # every word, or leaves no word unfound; else offered ("Did you mean").
                    if better.total and (
                        not better.relaxed
                        or better.all_words
                        or not better.not_found
                        or not results.total
                    ):
                        better.query = query_text
                        better.corrected = corrected
                        return better
                    results.suggestion = corrected
            return results

    def _corrected(self, searcher: Any, built: Built, query_text: str) -> str | None:
        """The query with each word found nowhere replaced by its correction, if any."""
        unknown = set()
        for word in built.not_found:
            if self._builder.tables.spellings(word):
                continue  # a name the tables know is no misspelling (Yalu is not Yale)
            unknown.update(self._analyzer.query_stems(word))
        if not unknown:
            return None
        replacements = suggest.corrections(searcher, self._analyzer, query_text, unknown)
        if not replacements:
            return None
        corrected = suggest.apply(query_text, replacements)
        return corrected if corrected != query_text else None

    def _run(
        self,
        searcher: Any,
        built: Built,
        query_text: str,
        limit: int,
        source_ids: Collection[str] | None,
        wants_front: bool,
        mask: Any = None,
        relax: bool = False,
    ) -> SearchResults:
        parsed = built.parsed
        notices = tuple(dict.fromkeys(built.notices))
        not_found = tuple(dict.fromkeys(built.not_found))
        if source_ids is not None and not source_ids:
            return SearchResults(query_text, 0, [], {}, not_found=not_found, notices=notices)
        if parsed is query.NullQuery or searcher.doc_count() == 0:
            return SearchResults(query_text, 0, [], {}, not_found=not_found, notices=notices)
        masks = [] if wants_front else [_FRONT_MASK]
        if mask is not None:
            masks.append(mask)
        mask_query = query.Or(masks) if len(masks) > 1 else (masks[0] if masks else None)
        filter_query = (
            query.Or([query.Term("source", s) for s in sorted(source_ids)])
            if source_ids is not None
            else None
        )
        limit = max(1, limit)
        demoted = not scoring.names_kind(parsed)
        plain = scoring.plain_query(parsed) if self.fast_path else None
        excluded: list[scoring.PlainQuery | None] = []
        bonus = 0.0
        if plain is None and self.fast_path:
            positive, negative, bonus = scoring.without_negations(parsed)
            if negative:
                excluded = [scoring.plain_query(n) for n in negative]
                plain = scoring.plain_query(positive) if all(excluded) else None
        matched_groups: dict[int, int] | None = None
        complete = 0
        if plain is not None:
            optional = self._optional(plain, built) if relax else ()
            scored = scoring.score_groups(
                searcher, plain, self.relax_below if relax else 0, optional
            )
            complete = scored.complete
            docs, scores = scored.docs, scored.scores + bonus if bonus else scored.scores
            keep = None
            for negated in excluded:
                assert negated is not None
                gone = np.isin(docs, scoring.score_groups(searcher, negated).docs)
                keep = ~gone if keep is None else keep & ~gone
            if filter_query is not None:
                allowed = np.fromiter(searcher.docs_for_query(filter_query), dtype=np.int64)
                inside = np.isin(docs, allowed)
                keep = inside if keep is None else keep & inside
            if mask_query is not None and len(docs):
                masked = self._masked(searcher, mask_query)[docs]
                keep = ~masked if keep is None else keep & ~masked
            bits = scored.matched
            if keep is not None:
                docs, scores = docs[keep], scores[keep]
                bits = bits[keep] if bits is not None else None
            if demoted:
                scores = scores * self._demotion(searcher)[docs]
            matched: Any = docs
            depth = max(limit + 5, ranking.DEPTH) if self.rerank else limit + 5
            best = _top(docs, scores, depth)
            rows = [
                (float(scores[i]), searcher.stored_fields(int(docs[i])), int(docs[i])) for i in best
            ]
            if bits is not None:
                matched_groups = {int(docs[i]): int(bits[i]) for i in best}
            if self.rerank:
                rows = ranking.rerank(
                    searcher,
                    self._analyzer,
                    plain,
                    rows,
                    optional,
                    headings=matched_groups is None,
                )
        else:
            # One pass scores the top hits and records every match for the exact total and
            # the per-source counts. (groupedby= would keep every match as a stored hit.)
            counting = scoring.CountingTopCollector(
                limit + 5, self._demoted(searcher) if demoted else {}
            )
            collector: Any = counting
            if filter_query is not None or mask_query is not None:
                collector = collectors.FilterCollector(counting, filter_query, mask_query)
            searcher.search_with_collector(parsed, collector)
            matched = np.asarray(counting.matched, dtype=np.int64)
            rows = [(hit.score, hit.fields(), hit.docnum) for hit in collector.results()]
        names, numbers = self._doc_sources(searcher)
        per_source = np.bincount(numbers[matched], minlength=len(names))
        counts = dict(sorted((names[i], int(per_source[i])) for i in np.flatnonzero(per_source)))
        total = len(matched)
        # Deterministic: equal scores fall back to source and position, not to docnum
        # (which depends on the order sources happened to be indexed in).
        rows.sort(
            key=lambda r: (
                -round(r[0], 6),
                r[1]["source"],
                r[1]["ordinal"],
            )
        )
        rows = rows[:limit]
        terms = snippets.highlight_terms(searcher, parsed)
        hits = []
        for score, stored, docnum in rows:
            missing: tuple[str, ...] = ()
            if matched_groups is not None and plain is not None:
                missing = self._missing(plain, built, matched_groups[docnum])
            hits.append(
                Hit(
                    source_id=stored["source"],
                    ordinal=int(stored["ordinal"]),
                    section=stored.get("section", ""),
                    page=stored.get("page"),
                    kind=stored.get("kindlabel", "body"),
                    score=round(float(score), 4),
                    snippet=snippets.snippet(
                        self._analyzer, stored["text"], terms, stored.get("lang")
                    ),
                    text=stored["text"],
                    pdf_page=bool(stored.get("pdfpage", False)),
                    missing=missing,
                )
            )
        return SearchResults(
            query_text,
            total,
            hits,
            counts,
            relaxed=matched_groups is not None,
            all_words=complete,
            not_found=not_found,
            notices=notices,
        )

    def _missing(self, plain: scoring.PlainQuery, built: Built, mask: int) -> tuple[str, ...]:
        """The words of a relaxed query that a passage does not hold, as typed."""
        missing = []
        for number, group in enumerate(plain.groups):
            if mask & (1 << number):
                continue
            keys = [tuple(w.decode("utf-8") for w in alternative) for alternative in group]
            typed = next((built.words[k] for k in keys if k in built.words), " ".join(keys[0]))
            missing.append(typed)
        return tuple(missing)

    def _optional(self, plain: scoring.PlainQuery, built: Built) -> tuple[bool, ...]:
        """Which groups of a plain query are function words (not required)."""
        return tuple(
            any(tuple(w.decode("utf-8") for w in alt) in built.optional for alt in group)
            for group in plain.groups
        )

    def _snippet(self, text: str, terms: frozenset[str]) -> str:
        return snippets.snippet(self._analyzer, text, terms)

    # ----------------------------------------------------------------------------------------
    # Tables per searcher

    def _demoted(self, searcher: Any) -> dict[int, float]:
        """Score factors of the passages that rank below body text (notes, headings)."""

        def compute(searcher: Any) -> dict[int, float]:
            factors: dict[int, float] = {}
            for kind, factor in scoring.SECONDARY_KINDS.items():
                for docnum in scoring.term_docs(searcher, "kind", kind):
                    factors[docnum] = factor
            return factors

        return self.store.cached(searcher, "demoted", compute)

    def _demotion(self, searcher: Any) -> npt.NDArray[np.float64]:
        """The score factor of every document (1 but for notes, headings, bibliography)."""

        def compute(searcher: Any) -> npt.NDArray[np.float64]:
            factors = np.ones(searcher.doc_count_all())
            for docnum, factor in self._demoted(searcher).items():
                factors[docnum] = factor
            return factors

        return postings.doc_table(searcher, "demotion", compute)  # type: ignore[no-any-return]

    def _masked(self, searcher: Any, mask_query: Any) -> npt.NDArray[np.bool_]:
        """Whether each document is masked; the default mask (front matter) is kept."""

        def compute(searcher: Any, docs: Any) -> npt.NDArray[np.bool_]:
            masked = np.zeros(searcher.doc_count_all(), dtype=bool)
            masked[np.fromiter(docs, dtype=np.int64)] = True
            return masked

        if mask_query != _FRONT_MASK:
            return compute(searcher, searcher.docs_for_query(mask_query))
        return postings.doc_table(  # type: ignore[no-any-return]
            searcher, "front", lambda s: compute(s, scoring.term_docs(s, "kind", "front"))
        )

    def _languages(self, searcher: Any) -> list[str]:
        """The languages of the indexed passages, English first."""

        def compute(searcher: Any) -> list[str]:
            found = {
                t.decode("utf-8") if isinstance(t, bytes) else str(t)
                for t in searcher.lexicon("lang")
            }
            found.add(DEFAULT_LANGUAGE)
            return sorted(found, key=lambda code: (code != DEFAULT_LANGUAGE, code))

        return self.store.cached(searcher, "languages", compute)

    def _known_sources(self, searcher: Any) -> set[str]:
        return self.store.cached(
            searcher,
            "known_sources",
            lambda s: {
                t.decode("utf-8") if isinstance(t, bytes) else str(t) for t in s.lexicon("source")
            },
        )

    def _doc_sources(self, searcher: Any) -> tuple[list[str], npt.NDArray[np.int64]]:
        """(source ids, the number in that list of every document's source)."""

        def compute(searcher: Any) -> tuple[list[str], npt.NDArray[np.int64]]:
            # From the source column, read whole; else from each source's posting list.
            # Deleted documents may keep any number: they never match.
            numbers: dict[bytes, int] = {b"": 0}
            parts = []
            for subsearcher, _ in searcher.leaf_searchers():
                values = whoosh_internals.bytes_column(subsearcher.reader(), "source")
                if values is None:
                    break
                # A source's passages are runs of documents: one lookup per run.
                part = np.empty(len(values), dtype=np.int64)
                start = 0
                for value, run in itertools.groupby(values):
                    end = start + len(list(run))
                    part[start:end] = numbers.setdefault(value, len(numbers))
                    start = end
                parts.append(part)
            else:
                names = [value.decode("utf-8") for value in numbers]
                return names, np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64)
            names = [""]
            table = np.zeros(searcher.doc_count_all(), dtype=np.int64)
            for term in searcher.lexicon("source"):
                names.append(term.decode("utf-8") if isinstance(term, bytes) else str(term))
                table[postings.postings(searcher, "source", term)[0]] = len(names) - 1
            return names, table

        return postings.doc_table(searcher, "sources", compute)  # type: ignore[no-any-return]

    # ----------------------------------------------------------------------------------------
    # The reader and "find support"

    def more_like(
        self, text: str, limit: int = 10, exclude: tuple[str, int] | None = None
    ) -> SearchResults:
        """Passages sharing the most distinctive words of `text` (a passage or a sentence)."""
        with self._searcher() as searcher:
            if searcher.doc_count() == 0:
                return SearchResults(text, 0, [], {}, None)
            keys = searcher.key_terms_from_text("text", text, numterms=12, normalize=True)
            if not keys:
                return SearchResults(text, 0, [], {}, None)
            parsed = query.Or([query.Term("text", word, boost=weight) for word, weight in keys])
            mask = query.Term("uid", f"{exclude[0]}#{exclude[1]}") if exclude else None
            return self._run(searcher, Built(parsed), text, limit, None, False, mask=mask)

    def passage(self, source_id: str, ordinal: int) -> Passage | None:
        with self._searcher() as searcher:
            stored = searcher.document(uid=f"{source_id}#{ordinal}")
        return stored_passage(stored) if stored else None

    def passages(self, source_id: str) -> list[Passage]:
        """All passages of a source in reading order (front matter included)."""
        with self._searcher() as searcher:
            found = [stored_passage(s) for s in searcher.documents(source=source_id)]
        return sorted(found, key=lambda p: p.ordinal)

    def highlight(self, text: str, query_text: str) -> str:
        """Escaped HTML of the whole `text` with the query's terms in <b> (for the reader)."""
        try:
            with self._searcher() as searcher:
                check_query(query_text)
                parsed = self._build(query_text, searcher).parsed
                terms = snippets.highlight_terms(searcher, parsed)
                languages = self._languages(searcher)
        except (QuerySyntaxError, IndexUnavailable, SearchCancelled):
            return html.escape(text, quote=False)
        return snippets.highlight(self._analyzer, text, terms, languages)
