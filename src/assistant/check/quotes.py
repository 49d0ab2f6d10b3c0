"""The quote checker: every cited quotation in a draft against its source's wording.

`check.quotations.find_quotations(essay)` finds the quotations and the note citing each;
`QuoteChecker.check(...)` compares a quotation with the cited sources and says whether it
matches, where it differs (with the source's real wording marked), or that it was found word
for word in a different source than the one cited.
"""

from __future__ import annotations

import functools
import re
import threading
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Literal, Protocol

from assistant.check.match import Difference, SourceMatch, find_closest, find_exact
from assistant.check.pattern import Pattern, parse_quotation
from assistant.check.quotations import Quotation, find_quotations
from assistant.check.text import SourceText, strip_marks
from assistant.cite.labels import item_label
from assistant.essay.model import Essay
from assistant.library.model import Document, Passage

QuoteStatus = Literal["ok", "mismatch", "wrong-source", "not-found", "unverifiable"]

# Below this share of its words found in place in the cited source, a quotation that does not
# match is also looked for, word for word, in the library's other sources.
LOOK_ELSEWHERE_BELOW = 0.8
_MEMO_MAX = 5000
# A source text this short is likely notes or an excerpt rather than the work itself.
SHORT_SOURCE_WORDS = 2000
_TRAILING = re.compile(r"[\s.,;:!?…]+$")
_LEADING = re.compile(r"^[\s.,;:!?…]+")


@dataclass(slots=True)
class QuoteCheck:
    """What the checker found for one quotation.

    `status`: "ok"; "mismatch" (the wording differs from the cited source: `differences`, and
    `source_wording` with the differing source words marked); "wrong-source" (found word for
    word in `found_in`, not in the cited source); "not-found" (nothing like it in the cited
    source); "unverifiable" (no text for the cited source in the library).
    """

    quotation: Quotation
    status: QuoteStatus
    message: str = ""
    source_id: str | None = None
    found_in: str | None = None
    differences: list[Difference] = field(default_factory=list)
    # The source's wording as (text, differs) pieces: join the texts for the plain wording.
    source_wording: list[tuple[str, bool]] = field(default_factory=list)
    section: str = ""
    page: str | None = None
    passage: Passage | None = None
    # The page the quotation ends on, when it runs onto the next page (PDF sources).
    last_page: str | None = None
    _correction: str | None = None

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    def source_text(self) -> str:
        return "".join(text for text, _ in self.source_wording)

    def marked_source(self, open_mark: str = "[[", close_mark: str = "]]") -> str:
        """The source's wording with the words the quotation gets wrong between marks."""
        return "".join(
            f"{open_mark}{text}{close_mark}" if differs else text
            for text, differs in self.source_wording
        )

    def corrected_quotation(self) -> str | None:
        """The quotation rewritten with the source's words (keeping correct ellipses), or None.

        This is what goes between the quotation marks: the one-click fix for a mismatch.
        """
        return self._correction

    def pages(self) -> str | None:
        """The printed page(s) the quotation is on ("41" or "41–42"), when the source has them."""
        if not self.page:
            return None
        if self.last_page and self.last_page != self.page:
            return f"{self.page}–{self.last_page}"
        return self.page

    def place(self) -> str:
        """Where in the source: "p. 52", "section INTRODUCTION", or ""."""
        if self.page:
            return f"p. {self.page}"
        if self.section:
            return f"section “{self.section}”"
        return ""


class DocumentSource(Protocol):
    """What the checker needs from the library (assistant.library.corpus.Library fits)."""

    def document(self, source_id: str) -> Document: ...


class CandidateFinder(Protocol):
    """What the checker needs from the search index (SearchIndex fits): candidate passages."""

    def search(self, query: str, limit: int = 10, source_ids: Any = None) -> Any: ...


class DocumentSet:
    """Documents held in memory, for checking against texts that are not in a library."""

    def __init__(self, documents: Iterable[Document]) -> None:
        self._documents = {d.source_id: d for d in documents}

    def document(self, source_id: str) -> Document:
        try:
            return self._documents[source_id]
        except KeyError:
            raise KeyError(f"no text for “{source_id}”") from None

    def ids(self) -> list[str]:
        return list(self._documents)


class QuoteChecker:
    """Checks quotations against a library's texts, caching each source's prepared words.

    `library` gives documents by id; `all_ids` lists every source (to find a quotation taken
    from a different source than the one cited); `index`, when given, finds the candidate
    sources fast instead of scanning them all.
    """

    def __init__(
        self,
        library: DocumentSource,
        *,
        all_ids: Callable[[], Collection[str]] | None = None,
        index: CandidateFinder | None = None,
        titles: Mapping[str, str] | None = None,
    ) -> None:
        self._library = library
        self._all_ids = all_ids or _ids_of(library)
        self._index = index
        self._titles = dict(titles or {})
        self._sources: dict[str, SourceText | None] = {}
        self._failures: dict[str, str] = {}
        # Sources already looked up during the current check_essay run: asked once per run.
        self._run: set[str] | None = None
        # The results of the last check_quotations run.
        self.checked: list[QuoteCheck] = []
        self._memo: dict[tuple, QuoteCheck] = {}

    @classmethod
    def for_library(
        cls,
        library: Any,
        *,
        index: CandidateFinder | None = None,
        items: Mapping[str, Mapping[str, Any]] | None = None,
    ) -> QuoteChecker:
        """A checker over a `Library`, naming sources by author and short title."""
        known = dict(library.items())
        known.update(items or {})
        titles = {sid: short_title(item) for sid, item in known.items()}
        return cls(
            library,
            all_ids=lambda: [source.id for source in library.sources],
            index=index,
            titles=titles,
        )

    # ---------------------------------------------------------------------------------------
    # sources

    def source(self, source_id: str) -> SourceText | None:
        """The prepared text of a source, or None (reason in `failure(source_id)`)."""
        if self._run is not None and source_id in self._run:
            return self._sources.get(source_id)
        if self._run is not None:
            self._run.add(source_id)
        try:
            document = self._library.document(source_id)
        except Exception as error:  # an unreadable or missing file: report it, check the rest
            self._failures[source_id] = str(error) or error.__class__.__name__
            self._sources[source_id] = None
            return None
        self._failures.pop(source_id, None)
        cached = self._sources.get(source_id)
        # The library hands back its cached Document, so identity usually settles it; a changed
        # file gives new text and the words are prepared again.
        if cached is not None and cached.text == document.text:
            return cached
        layout = tuple((p.start, p.end, p.kind) for p in document.passages)
        prepared = _prepare(source_id, document.text, layout, document)
        self._sources[source_id] = prepared
        return prepared

    def all_sources(self) -> dict[str, SourceText]:
        """Every source of the library that has text, prepared (for the borrowing guard)."""
        prepared = {}
        for source_id in self._all_ids():
            source = self.source(source_id)
            if source is not None:
                prepared[source_id] = source
        return prepared

    def _word_count(self, source_id: str) -> int:
        source = self._sources.get(source_id)
        return sum(len(stream) for stream in source.streams) if source is not None else 0

    def failure(self, source_id: str) -> str:
        return self._failures.get(source_id, "")

    def title(self, source_id: str) -> str:
        return self._titles.get(source_id, source_id)

    # ---------------------------------------------------------------------------------------
    # checking

    def check_text(self, text: str, cited: Sequence[str]) -> QuoteCheck:
        """Check quotation `text` (the words inside the marks) against the cited source ids."""
        quotation = Quotation(text, 0, 0, 0, len(text))
        return self._check_all([(quotation, list(cited))])[0]

    def check(self, quotation: Quotation) -> QuoteCheck:
        return self._check_all([(quotation, quotation.cited_ids)])[0]

    def check_essay(self, essay: Essay) -> list[QuoteCheck]:
        """Check every cited quotation of the essay (uncited ones are the audit's business)."""
        return self.check_quotations(find_quotations(essay))

    def check_quotations(self, quotations: Iterable[Quotation]) -> list[QuoteCheck]:
        """Check the cited ones among `quotations`, looking each source up once."""
        self.checked = self._check_all([(q, q.cited_ids) for q in quotations if q.anchor])
        return self.checked

    def _check_all(self, work: list[tuple[Quotation, list[str]]]) -> list[QuoteCheck]:
        # Quotations that fail against their cited source are then looked for in the other
        # sources all together: one index query for the lot instead of one per quotation.
        # Results are remembered per quotation text, cited ids and the cited texts, so a
        # re-check after an edit only does the quotations that changed.
        self._run = set()
        try:
            keys = [self._memo_key(q, c) for q, c in work]
            results: list[QuoteCheck | _Pending] = [
                replace(self._memo[key], quotation=q)
                if key in self._memo
                else self._check_cited(q, c)
                for key, (q, c) in zip(keys, work, strict=True)
            ]
            # A quotation that nearly matches its cited source (a word changed or dropped) is
            # a misquotation of that source; only the others may come from somewhere else.
            pending = [
                r
                for r in results
                if isinstance(r, _Pending)
                and (r.closest is None or r.closest[1].similarity < LOOK_ELSEWHERE_BELOW)
            ]
            found = self._find_elsewhere(pending) if pending else []
            finished = dict(zip(map(id, pending), found, strict=True))
            checks = [
                self._finish(r, finished.get(id(r))) if isinstance(r, _Pending) else r
                for r in results
            ]
            if len(self._memo) > _MEMO_MAX:
                self._memo.clear()
            for key, check in zip(keys, checks, strict=True):
                self._memo[key] = check
            return checks
        finally:
            self._run = None

    def _memo_key(self, quotation: Quotation, cited: list[str]) -> tuple:
        # The prepared texts are shared per content, so their identity changes exactly when a
        # cited file does.
        return (quotation.text, tuple(cited), tuple(id(self.source(s)) for s in cited))

    def _check_cited(self, quotation: Quotation, cited: list[str]) -> QuoteCheck | _Pending:
        pattern = parse_quotation(quotation.text)
        if not pattern.segments:
            return QuoteCheck(quotation, "ok", "nothing to compare")
        prepared = [(sid, self.source(sid)) for sid in cited]
        available = [(sid, s) for sid, s in prepared if s is not None]
        if not available:
            reasons = "; ".join(self.failure(sid) or f"no text for {sid}" for sid in cited)
            return QuoteCheck(
                quotation,
                "unverifiable",
                f"cannot check: {reasons or 'the note cites no source'}",
                source_id=cited[0] if cited else None,
            )
        for source_id, source in available:
            exact = find_exact(pattern, source)
            if exact is not None:
                return self._result(quotation, "ok", "", source_id, exact, pattern)
        closest: tuple[str, SourceMatch] | None = None
        for source_id, source in available:
            match = find_closest(pattern, source)
            if match is not None and (closest is None or match.similarity > closest[1].similarity):
                closest = (source_id, match)
        return _Pending(quotation, pattern, cited, [sid for sid, _ in available], closest)

    def _finish(self, pending: _Pending, elsewhere: tuple[str, SourceMatch] | None) -> QuoteCheck:
        quotation, pattern, cited = pending.quotation, pending.pattern, pending.cited
        if elsewhere is not None:
            other_id, match = elsewhere
            cited_names = ", ".join(self.title(s) for s in cited)
            message = (
                f"found word for word in {self.title(other_id)}, not in the cited source "
                f"({cited_names})"
            )
            result = self._result(quotation, "wrong-source", message, cited[0], match, pattern)
            result.found_in = other_id
            return result
        if pending.closest is None:
            names = ", ".join(self.title(s) for s in pending.available)
            message = f"not found in the cited source ({names}) nor anywhere else in the library"
            sizes = [self._word_count(s) for s in pending.available]
            if max(sizes) < SHORT_SOURCE_WORDS:
                # Reading notes or an excerpt stand in for the work: say so, it explains a lot.
                message += (
                    f"; the library holds only {max(sizes):,} words of it, so check the "
                    "quotation against the full text"
                )
            return QuoteCheck(quotation, "not-found", message, source_id=pending.available[0])
        source_id, match = pending.closest
        details = "; ".join(d.describe() for d in match.differences)
        if not details:
            # Every part is in the source, just not in this order or this close together.
            details = (
                "its parts are in the source but not in this order, or too far apart for an "
                "ellipsis"
            )
        message = f"differs from {self.title(source_id)}: {details}"
        return self._result(quotation, "mismatch", message, source_id, match, pattern)

    def _result(
        self,
        quotation: Quotation,
        status: QuoteStatus,
        message: str,
        source_id: str,
        match: SourceMatch,
        pattern: Pattern,
    ) -> QuoteCheck:
        source = match.source
        pieces: list[tuple[str, bool]] = []
        if status != "ok":  # the source's wording is only shown for a problem
            for number, segment in enumerate(match.segments):
                if number:
                    pieces.append((" … ", False))
                pieces.extend(_marked_pieces(source, segment.tokens, segment.first, segment.marked))
        first, final = match.segments[0], match.segments[-1]
        passage = None
        page = last_page = None
        if first.last > first.first:
            offset = first.stream.span(first.first)[0]
            passage, page = source.passage_at(offset), source.page_at(offset)
        if final.last > final.first:
            offset = final.stream.span(final.last - 1)[0]
            last_page = source.page_at(offset)
        result = QuoteCheck(
            quotation,
            status,
            message,
            source_id=source_id,
            differences=match.differences,
            source_wording=pieces,
            section=passage.section if passage else "",
            page=page,
            passage=passage,
            last_page=last_page,
        )
        if status == "mismatch":
            result._correction = _correction(quotation.text, pattern, match)
        return result

    def _find_elsewhere(self, pending: list[_Pending]) -> list[tuple[str, SourceMatch] | None]:
        """For each pending quotation, a source other than the cited ones holding it verbatim.

        One index query for the lot finds the passages holding any of the quotations' phrases
        (without an index, every source's text is read); each quotation's phrases are looked
        for in those texts with `str.find` over a flattened copy, and only the sources that
        have them all are read and matched exactly.
        """
        probes = [_probe(p.pattern) for p in pending]
        flats = self._indexed_candidates(probes)
        if flats is None:
            flats = {}
            for source_id in self._all_ids():
                try:
                    flats[source_id] = flatten(self._library.document(source_id).text)
                except Exception:  # an unreadable source cannot hold the quotation for us
                    continue
        found: list[tuple[str, SourceMatch] | None] = []
        for item, probe in zip(pending, probes, strict=True):
            result = None
            if probe is not None:
                for source_id, flat in flats.items():
                    if source_id in item.cited or not all(p in flat for p in probe):
                        continue
                    source = self.source(source_id)
                    exact = find_exact(item.pattern, source) if source is not None else None
                    if exact is not None:
                        result = (source_id, exact)
                        break
            found.append(result)
        return found

    def _indexed_candidates(self, probes: list[list[str] | None]) -> dict[str, str] | None:
        """The index's passages holding any of the phrases, flattened and joined per source
        (so candidates are known without reading whole documents); None without an index."""
        if self._index is None:
            return None
        phrases = [max(probe, key=len) for probe in probes if probe]
        texts: dict[str, list[str]] = {}
        try:
            for start in range(0, len(phrases), _PHRASES_PER_QUERY):
                chunk = phrases[start : start + _PHRASES_PER_QUERY]
                query = " OR ".join(f'"{_index_phrase(phrase)}"' for phrase in chunk)
                # Enough hits that a phrase found in many passages cannot crowd out the rest.
                for hit in self._index.search(query, limit=4 * len(chunk) + 10).hits:
                    texts.setdefault(hit.source_id, []).append(hit.text)
        except Exception:  # a query the index cannot run: scan the sources instead
            return None
        return {sid: flatten("\n".join(parts)) for sid, parts in sorted(texts.items())}


@dataclass(slots=True)
class _Pending:
    """A quotation that did not match its cited source, waiting for the look elsewhere."""

    quotation: Quotation
    pattern: Pattern
    cited: list[str]
    available: list[str]
    closest: tuple[str, SourceMatch] | None


# How many phrases go into one index query when looking for quotations in other sources.
_PHRASES_PER_QUERY = 40
_INDEX_PHRASE_WORDS = 8
_NOT_WORD = re.compile(r"[\W_]+")


_PREPARED: dict[tuple[str, str, tuple], SourceText] = {}
# Room for a whole library: the borrowing guard reads every source on every check, and a cache
# smaller than the library would evict (and prepare again) sources each time.
_PREPARED_MAX = 1000
_PREPARED_LOCK = threading.Lock()


def _prepare(source_id: str, text: str, layout: tuple, document: Document) -> SourceText:
    """A source's prepared words, shared by every checker in the process (the Check pane
    re-runs with a new checker when the library changes): keyed by the text and passage
    layout, so an edited file is prepared afresh."""
    key = (source_id, text, layout)
    with _PREPARED_LOCK:
        prepared = _PREPARED.get(key)
    if prepared is None:
        prepared = SourceText.from_document(document)
        with _PREPARED_LOCK:
            if len(_PREPARED) >= _PREPARED_MAX:
                _PREPARED.pop(next(iter(_PREPARED)))
            _PREPARED[key] = prepared
    return prepared


@functools.lru_cache(maxsize=512)
def flatten(text: str) -> str:
    """The text's words in lower case, one space apart, footnote marks gone: quotations'
    phrases are found in it with `str.find`. Cached by text (a source is flattened once per
    process however many checks run)."""
    return " " + _NOT_WORD.sub(" ", strip_marks(text).replace("’", "'").lower()) + " "


def _probe(pattern: Pattern) -> list[str] | None:
    """The quotation's runs of words (split at ellipses and bracketed changes), flattened as
    `flatten` flattens a source: a source lacking any of them cannot hold the quotation. None
    when no run has two words (too little to look for)."""
    phrases: list[str] = []
    for segment in pattern.segments:
        run: list[str] = []
        for item in [*segment.items, None]:
            if item is None or item.editorial:
                if run:
                    phrases.append(" " + _NOT_WORD.sub(" ", " ".join(run).lower()).strip() + " ")
                run = []
                continue
            run.append(item.word)
    if not phrases or max(len(p.split()) for p in phrases) < 2:
        return None
    return phrases


def _index_phrase(phrase: str) -> str:
    return " ".join(phrase.split()[:_INDEX_PHRASE_WORDS])


def short_title(item: Mapping[str, Any]) -> str:
    """How messages name a source: the Chicago short note without a locator,
    `Shen, “Sino-Soviet Relations”`, so nested quotation marks come out right."""
    return item_label(item)


def _ids_of(library: Any) -> Callable[[], Collection[str]]:
    if hasattr(library, "ids"):
        return library.ids
    if hasattr(library, "sources"):
        return lambda: [source.id for source in library.sources]
    return lambda: []


def _marked_pieces(source: SourceText, tokens, first: int, marked: set[int]):
    pieces: list[tuple[str, bool]] = []
    run: list = []
    run_marked = False
    for offset, token in enumerate(tokens):
        is_marked = first + offset in marked
        if run and is_marked != run_marked:
            pieces.append((source.wording(run), run_marked))
            pieces.append((" ", False))
            run = []
        run.append(token)
        run_marked = is_marked
    if run:
        pieces.append((source.wording(run), run_marked))
    return pieces


def _correction(text: str, pattern: Pattern, match: SourceMatch) -> str:
    """Source words for each segment that differs; the writer's text for those that match."""
    parts: list[str] = []
    previous_end = 0
    for segment_match in match.segments:
        segment = segment_match.segment
        parts.append(text[previous_end : segment.start])  # the ellipsis as the writer typed it
        written = text[segment.start : segment.end]
        if segment_match.exact:
            parts.append(written)
        else:
            wording = match.source.wording(segment_match.tokens)
            lead = _LEADING.search(written)
            trail = _TRAILING.search(written)
            first_word = segment.items[0].word if segment.items else ""
            if wording and first_word[:1].isupper() != wording[:1].isupper():
                # Chicago lets the first letter follow the writer's sentence.
                first = wording[0].upper() if first_word[:1].isupper() else wording[0].lower()
                wording = first + wording[1:]
            parts.append(
                (lead.group() if lead else "") + wording + (trail.group() if trail else "")
            )
        previous_end = segment.end
    parts.append(text[previous_end:])
    return "".join(parts)
