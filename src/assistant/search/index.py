"""The Whoosh full-text index of a library's passages, and searching it.

One Whoosh document per passage. Each source's passages are replaced as a unit when the
source file's content hash changes, so an unchanged corpus costs one hash per file and no
write. The hash of each indexed source lives in the index itself (a term on the source's first
passage), so it is committed atomically with the passages it describes.

Reading is safe while another thread or process writes: Whoosh commits by writing new
segment files and then atomically replacing its table of contents, and every search opens (or
refreshes) a searcher on the latest committed generation.

Searching: plain words joined by AND or OR and exact phrases (most searches) are scored by a
tight loop over Whoosh's posting blocks with the same BM25F formula, which the tests check
gives Whoosh's own scores; any other query runs through Whoosh's matchers and collectors.
Every search counts all its matches per source exactly.
"""

from __future__ import annotations

import heapq
import html
import logging
import pickle
import re
import shutil
import threading
from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from itertools import accumulate
from pathlib import Path
from typing import TYPE_CHECKING, Any

from whoosh import collectors, columns, matching, qparser, query, scoring, writing
from whoosh import highlight as whoosh_highlight
from whoosh import index as whoosh_index
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3Codec, W3LeafMatcher
from whoosh.fields import ID, KEYWORD, NUMERIC, STORED, TEXT, Schema
from whoosh.index import LockError
from whoosh.query.spans import Span, SpanNear2
from whoosh.util.numeric import byte_to_length

from assistant.library.errors import ImportFailed, LibraryError
from assistant.library.model import ImportProblem, Passage
from assistant.library.passages import word_count
from assistant.search.analysis import FastStemmingAnalyzer
from assistant.search.errors import IndexUnavailable, QuerySyntaxError
from assistant.search.query import check_query
from assistant.search.writer import FastMpWriter, FastSegmentWriter

if TYPE_CHECKING:
    from assistant.library.corpus import Library

log = logging.getLogger(__name__)

# Bump when passage splitting, the schema or the posting format changes: every source is then
# re-indexed (5: posting blocks pickled with protocol 4, see writer.py; 6: PDF passages by
# layout, with printed pages).
INDEX_VERSION = "6"
_HASH_SEPARATOR = "|"
# Beyond this many words a (re)build uses a second process for analysis.
_MULTIPROCESS_WORDS = 300_000

ProgressCallback = Callable[[int, int, str], None]


def _schema() -> Schema:
    stemming = FastStemmingAnalyzer()
    return Schema(
        uid=ID(unique=True, stored=True),
        source=ID(stored=True, sortable=True),
        ordinal=NUMERIC(stored=True, sortable=True),
        section=TEXT(analyzer=stemming, stored=True, phrase=False),
        page=ID(stored=True),
        kind=KEYWORD(lowercase=True, scorable=False),
        kindlabel=STORED(),
        front=STORED(),
        pdfpage=STORED(),
        start=STORED(),
        end=STORED(),
        text=TEXT(analyzer=stemming, stored=True),
        srchash=ID(),
    )


def _codec() -> W3Codec:
    """Whoosh's codec with uncompressed posting blocks: zlib cost a tenth of the build and
    every search decompressed its posting blocks again, for an index a few MB smaller."""
    return W3Codec(compression=0)


def _signature(schema: Schema) -> dict[str, tuple]:
    """What must match for an existing index to be usable (Whoosh fields lack __eq__)."""
    return {
        name: (
            type(schema[name]).__name__,
            type(schema[name].format).__name__ if schema[name].format else None,
            type(getattr(schema[name], "analyzer", None)).__name__,
            schema[name].stored,
            schema[name].scorable,
        )
        for name in schema.names()
    }


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


@dataclass(frozen=True)
class Hit:
    source_id: str
    ordinal: int
    section: str
    page: str | None
    kind: str
    score: float
    snippet: str  # HTML-escaped, matches in <b>…</b>
    text: str
    pdf_page: bool = False  # `page` is the PDF's page number, not a printed one


@dataclass
class SearchResults:
    query: str
    total: int
    hits: list[Hit]
    counts_by_source: dict[str, int]
    suggestion: str | None = None


_QUERY_WORD = re.compile(r"(?<![\w:])[^\W\d_][\w'’]*(?![\w:*~])")


class _BoldFormatter(whoosh_highlight.Formatter):
    """Escaped text with matches in plain <b> tags (no classes: the UI styles <b>)."""

    between = " … "

    def _text(self, text: str) -> str:
        return html.escape(text, quote=False)

    def format_token(self, text: str, token: Any, replace: bool = False) -> str:
        return "<b>" + html.escape(whoosh_highlight.get_text(text, token, replace), False) + "</b>"


_LENGTHS: dict[tuple[str, str], list[int]] = {}
_LENGTHS_LOCK = threading.Lock()


def _field_lengths(reader: Any, fieldname: str) -> list[int] | None:
    """Every document's field length in one segment, read once (segments are immutable)."""
    segment = getattr(reader, "segment", None)
    if segment is None:
        return None
    key = (segment().segment_id(), fieldname)
    lengths = _LENGTHS.get(key)
    if lengths is None:
        lengths = _length_column(reader, fieldname)
        if lengths is None:
            lengths = [
                reader.doc_field_length(docnum, fieldname, 1)
                for docnum in range(reader.doc_count_all())
            ]
        with _LENGTHS_LOCK:
            if len(_LENGTHS) > 256:
                _LENGTHS.clear()
            _LENGTHS[key] = lengths
    return lengths


# Length byte -> length, as W3's doc_field_length(docnum, fieldname, 1) decodes it.
_BYTE_LENGTHS = [1] + [byte_to_length(b) for b in range(1, 256)]


def _length_column(reader: Any, fieldname: str) -> list[int] | None:
    """A segment's field lengths decoded from its one-byte-per-document length column in one
    read, or None when the segment is not laid out that way. (Whoosh reads the column one
    document at a time, which made a first search after indexing 1M words cost ~40 ms.)"""
    try:
        column = reader._perdoc._cached_reader(f"_{fieldname}_len", LENGTHS_COLUMN)
    except AttributeError:
        return None
    if column is None:
        return [1] * reader.doc_count_all()
    if not (
        type(column) is columns.NumericColumn.Reader
        and column._typecode == "B"
        and column._fixedlen == 1
        and not column._reverse
    ):
        return None
    doccount = reader.doc_count_all()
    count = min(column._count, doccount)
    raw = bytes(column._dbfile.get(column._basepos, count))
    default = _BYTE_LENGTHS[column._default or 0]
    return [_BYTE_LENGTHS[b] for b in raw] + [default] * (doccount - count)


def _term_docs(searcher: Any, fieldname: str, text: str) -> list[int]:
    """Document numbers (deleted ones left out) holding a term: docs_for_query for one term,
    a posting block at a time instead of a matcher call per document."""
    found: list[int] = []
    for subsearcher, offset in searcher.leaf_searchers():
        reader = subsearcher.reader()
        if (fieldname, text) not in reader:
            continue
        matcher = reader.postings(fieldname, text)
        if type(matcher) is W3LeafMatcher and not matcher._byteids:
            while matcher.is_active():
                if matcher._data is None:
                    matcher._read_data()
                found.extend(offset + d for d in accumulate(matcher._data[0]))
                if matcher._lastblock:
                    break
                matcher._next_block()
        else:
            found.extend(offset + d for d in matcher.all_ids())
    return found


_TAILS: dict[tuple[str, str, float], list[float]] = {}


def _length_tails(reader: Any, fieldname: str, slope: float) -> list[float]:
    """`slope * length` of every document of a segment (the length part of BM25's
    denominator), per segment and slope (which changes only with the index's average
    length)."""
    key = (reader.segment().segment_id(), fieldname, slope)
    tails = _TAILS.get(key)
    if tails is None:
        lengths = _field_lengths(reader, fieldname) or []
        tails = [slope * length for length in lengths]
        with _LENGTHS_LOCK:
            if len(_TAILS) > 16:
                _TAILS.clear()
            _TAILS[key] = tails
    return tails


class _CachedLengthBM25F(scoring.BM25F):
    """BM25F whose scorers look document lengths up in a list.

    Whoosh reads each matching document's length from the segment's length column, which is
    about half the cost of scoring a common word; the scores are identical.
    """

    def scorer(self, searcher: Any, fieldname: str, text: Any, qf: int = 1) -> Any:
        scorer = super().scorer(searcher, fieldname, text, qf)
        if isinstance(scorer, scoring.BM25FScorer):
            lengths = _field_lengths(searcher.reader(), fieldname)
            if lengths is not None:
                scorer.dfl = lengths.__getitem__
        return scorer


class _AdjacentSpansMatcher(SpanNear2.SpanNear2Matcher):
    """Phrase matching by intersecting position sets.

    Same documents and spans as Whoosh's SpanNear2 for an exact phrase (ordered, adjacent
    words), but without building and comparing a Span object per position pair, which made
    a common phrase ("Kim Il Sung") the slowest query by far.
    """

    def _get_spans(self) -> list[Span]:
        if not (self.ordered and self.slop == 1 and self.mindist == 1):
            return super()._get_spans()
        starts: set[int] | None = None
        for offset, matcher in enumerate(self.ms):
            shifted = {position - offset for position in matcher.value_as("positions")}
            starts = shifted if starts is None else starts & shifted
            if not starts:
                return []
        last = len(self.ms) - 1
        return [Span(start, start + last) for start in sorted(starts or ())]


class _FastPhrase(query.Phrase):
    """A Phrase whose matcher is `_AdjacentSpansMatcher` (scores are unchanged)."""

    def matcher(self, searcher: Any, context: Any = None) -> Any:
        if self.slop != 1 or len(self.words) < 2:
            return super().matcher(searcher, context)
        if self.fieldname not in searcher.schema:
            return super().matcher(searcher, context)
        field = searcher.schema[self.fieldname]
        if not field.format or not field.format.supports("positions"):
            return super().matcher(searcher, context)
        reader = searcher.reader()
        matchers = []
        for word in self.words:
            try:
                term = field.to_bytes(word)
            except ValueError:
                return matching.NullMatcher()
            if (self.fieldname, term) not in reader:
                return matching.NullMatcher()
            matchers.append(query.Term(self.fieldname, term).matcher(searcher, context))
        matcher: Any = _AdjacentSpansMatcher(matchers, slop=1, ordered=True, mindist=1)
        if self.boost != 1.0:
            matcher = matching.WrappingMatcher(matcher, boost=self.boost)
        return matcher


def _fast_phrases(parsed: Any) -> Any:
    def swap(node: Any) -> Any:
        if type(node) is query.Phrase:
            return _FastPhrase(
                node.fieldname,
                node.words,
                slop=node.slop,
                boost=node.boost,
                char_ranges=node.char_ranges,
            )
        return node

    return parsed.accept(swap)


_FRONT_MASK = query.Term("kind", "front")
# A source's own notes and its headings are short and dense in the words of their section, so
# BM25 tends to rank them above the body passages that discuss the subject (the bibliographic
# note `Matray, "Dean Acheson's Press Club Speech Reexamined"` above the pages about the
# speech). Unless the query asks for a kind, their scores are scaled by this factor, which only
# reorders hits that match about equally well.
SECONDARY_KIND_FACTOR = 0.75
_SECONDARY_KINDS = query.Or([query.Term("kind", "note"), query.Term("kind", "heading")])
SNIPPET_CHARS = 220
_POSITIONS_HEADER = 4  # whoosh.formats._INT_SIZE


def _positions(value: bytes) -> Iterator[int]:
    """Positions of a Positions-format posting (Whoosh's decode_positions, without copies):
    a 4-byte count, then the delta-coded positions pickled without the final STOP."""
    if not value.endswith(b"."):
        value += b"."
    return accumulate(pickle.loads(value[_POSITIONS_HEADER:]))


# Decoded positions by posting value, minus the word's offset in a phrase (so a phrase
# matches where the shifted sets of its words intersect). Values repeat across words and
# documents (most words occur once in a passage, so a value is often just "position n"),
# and unpickling them was most of the cost of a common phrase.
_SHIFTED_POSITIONS: dict[int, dict[bytes, frozenset[int]]] = {}
_SHIFTED_POSITIONS_LIMIT = 50_000


def _shifted_positions(offset: int) -> dict[bytes, frozenset[int]]:
    cache = _SHIFTED_POSITIONS.get(offset)
    if cache is None or len(cache) >= _SHIFTED_POSITIONS_LIMIT:
        cache = _SHIFTED_POSITIONS[offset] = {}
    return cache


def _decode_shifted(value: bytes, offset: int, cache: dict[bytes, frozenset[int]]) -> frozenset:
    found = frozenset(position - offset for position in _positions(value))
    cache[value] = found
    return found


def clear_caches() -> None:
    """Forget what searches keep decoded between runs (document lengths, phrase positions):
    for measuring a first search, or to free memory."""
    with _LENGTHS_LOCK:
        _LENGTHS.clear()
        _TAILS.clear()
    _SHIFTED_POSITIONS.clear()


def _bag_of_words(parsed: Any) -> tuple[list[bytes], str] | None:
    """(terms, "and" | "or" | "phrase") when the query is plain words of the text field
    joined by AND or by OR, or one exact phrase: the common cases the fast scoring path
    handles. None otherwise (Whoosh's own matchers then run the query)."""

    def plain_term(node: Any) -> bool:
        return type(node) is query.Term and node.fieldname == "text" and node.boost == 1.0

    def as_bytes(text: Any) -> bytes:
        return text if isinstance(text, bytes) else str(text).encode("utf-8")

    if plain_term(parsed):
        return [as_bytes(parsed.text)], "and"
    if (
        isinstance(parsed, query.Phrase)
        and parsed.fieldname == "text"
        and parsed.slop == 1
        and parsed.boost == 1.0
        and len(parsed.words) >= 2
    ):
        return [as_bytes(word) for word in parsed.words], "phrase"
    if type(parsed) in (query.And, query.Or) and parsed.boost == 1.0:
        if getattr(parsed, "scale", None) or getattr(parsed, "minmatch", 0):
            return None
        if parsed.subqueries and all(plain_term(q) for q in parsed.subqueries):
            terms = [as_bytes(q.text) for q in parsed.subqueries]
            if len(set(terms)) != len(terms):
                return None  # Whoosh scores a repeated word twice; leave that to it
            return terms, "and" if type(parsed) is query.And else "or"
    return None


def _names_kind(parsed: Any) -> bool:
    """Whether the query filters on kind (kind:note ...): then kinds are ranked alike."""
    try:
        return any(fieldname == "kind" for fieldname, _ in parsed.iter_all_terms())
    except Exception:
        return False


class _CountingTopCollector(collectors.TopCollector):
    """Top-k collector that also records every matching document number.

    Block-quality skipping is off: the exact total needs every match visited anyway, and
    on passage-sized documents Whoosh's skipping rarely skips a block.
    """

    def __init__(self, limit: int, demoted: frozenset[int] = frozenset()) -> None:
        super().__init__(limit, usequality=False)
        # Nor may the matcher be "replaced" by a cheaper one that drops documents unable to
        # reach the top k (Whoosh turns an OR into an AND that way): every match must count.
        self.replace = 0
        self.matched: list[int] = []
        self.demoted = demoted

    def prepare(self, top_searcher: Any, q: Any, context: Any) -> None:
        super().prepare(top_searcher, q, context)
        if self.demoted:
            demoted = self.demoted

            def final(searcher: Any, docnum: int, score: float) -> float:
                return score * SECONDARY_KIND_FACTOR if docnum in demoted else score

            self.final_fn = final

    def collect(self, sub_docnum: int) -> Any:
        self.matched.append(self.offset + sub_docnum)
        return super().collect(sub_docnum)


class SearchIndex:
    """The index in `index_dir` (created on first update)."""

    def __init__(self, index_dir: Path, lock_timeout: float = 10.0) -> None:
        self.index_dir = Path(index_dir)
        self.lock_timeout = lock_timeout
        self.schema = _schema()
        self._analyzer = self.schema["text"].analyzer
        self._ix: Any = None
        self._ix_lock = threading.RLock()
        self._local = threading.local()
        # Plain-word queries are scored by `_score_terms`; False forces Whoosh's own path
        # (the tests compare the two).
        self.fast_path = True
        self._formatter = _BoldFormatter()

    # ----------------------------------------------------------------------------------------
    # Opening

    def _open(self) -> Any:
        """The Whoosh index object, or raise IndexUnavailable."""
        with self._ix_lock:
            if self._ix is not None:
                return self._ix
            if not self._exists():
                raise IndexUnavailable(f"There is no index in {self.index_dir} yet; index first.")
            try:
                ix = whoosh_index.open_dir(str(self.index_dir))
                self._check(ix)
            except IndexUnavailable:
                raise
            except Exception as error:
                raise IndexUnavailable(
                    f"The index in {self.index_dir} is damaged ({error}); re-index to rebuild it."
                ) from error
            self._ix = ix
            return ix

    def _exists(self) -> bool:
        """Whether an index was committed here (True if committed but unreadable)."""
        try:
            return bool(whoosh_index.exists_in(str(self.index_dir)))
        except Exception:
            # exists_in reads the table of contents; garbage there still means "an index".
            return True

    def _check(self, ix: Any) -> None:
        if _signature(ix.schema) != _signature(self.schema):
            raise IndexUnavailable("the index was made by another version of the app")
        with ix.reader() as reader:
            reader.doc_count()
            # Touch every segment's term dictionary: truncated files fail here, not mid-search.
            for _ in reader.lexicon("srchash"):
                pass

    def _open_or_rebuild(self, rebuild: bool) -> tuple[Any, str | None, bool]:
        """(index, why it was rebuilt, whether the next commit replaces everything)."""
        reason: str | None = None
        with self._ix_lock:
            self._ix = None
            self._local.__dict__.clear()
            if self._exists():
                try:
                    ix = whoosh_index.open_dir(str(self.index_dir))
                    self._check(ix)
                    self._ix = ix
                    # A requested rebuild of a readable index replaces it at commit time
                    # (Whoosh's CLEAR merge), so searches keep using the old one until then.
                    return ix, ("rebuilt on request" if rebuild else None), rebuild
                except Exception as error:
                    reason = (
                        f"The index in {self.index_dir} could not be read ({error}); "
                        "it was rebuilt from the corpus."
                    )
                    log.warning(reason)
            elif self.index_dir.exists() and any(
                p.name.endswith((".toc", ".seg", ".trm", ".pst")) for p in self.index_dir.iterdir()
            ):
                reason = (
                    f"The index in {self.index_dir} was incomplete (a build was interrupted); "
                    "it was rebuilt from the corpus."
                )
            elif rebuild:
                reason = "rebuilt on request"
            self._clear_dir()
            self.index_dir.mkdir(parents=True, exist_ok=True)
            ix = whoosh_index.create_in(str(self.index_dir), self.schema)
            self._ix = ix
            return ix, reason, False

    def _clear_dir(self) -> None:
        """Delete Whoosh's files only: the folder may hold a README or the user's files."""
        if not self.index_dir.is_dir():
            return
        for path in self.index_dir.iterdir():
            whoosh_file = path.suffix in (".toc", ".seg", ".trm", ".pst", ".dci", ".dcz", ".fdi")
            whoosh_file = (
                whoosh_file
                or path.name.startswith(("_MAIN_", "MAIN_"))
                or (path.suffix in (".lock", ".tmp") or path.name.endswith("WRITELOCK"))
            )
            if whoosh_file:
                if path.is_dir():
                    shutil.rmtree(path, ignore_errors=True)
                else:
                    path.unlink(missing_ok=True)

    # ----------------------------------------------------------------------------------------
    # Updating

    def indexed_hashes(self, ix: Any | None = None) -> dict[str, str]:
        """The content hash of every indexed source."""
        ix = ix or self._open()
        hashes: dict[str, str] = {}
        with ix.reader() as reader:
            for term in reader.lexicon("srchash"):
                text = term.decode("utf-8") if isinstance(term, bytes) else str(term)
                source_id, _, digest = text.rpartition(_HASH_SEPARATOR)
                hashes[source_id] = digest
        return hashes

    def update(
        self,
        library: Library,
        progress: ProgressCallback | None = None,
        cancel: threading.Event | None = None,
        rebuild: bool = False,
    ) -> IndexReport:
        """Bring the index in line with the library; only changed sources are re-indexed."""
        report = IndexReport(problems=list(library.problems))
        if not library.corpus_dir.is_dir():
            # An unmounted drive or a moved folder must not empty the index.
            return report
        ix, report.rebuilt_reason, replace_all = self._open_or_rebuild(rebuild)
        previously = self.indexed_hashes(ix)
        indexed = {} if replace_all else previously

        present: set[str] = set()
        changed: list[tuple[str, str]] = []
        for source in library.sources:
            if source.path is None:
                continue
            present.add(source.id)
            try:
                digest = library.content_hash(source.id) + INDEX_VERSION
            except (ImportFailed, LibraryError) as error:
                report.problems.append(ImportProblem(source.path.name, _message(error)))
                continue
            if indexed.get(source.id) == digest:
                report.unchanged += 1
            else:
                changed.append((source.id, digest))
        removed = [sid for sid in previously if sid not in present]
        if not changed and not removed and not replace_all:
            return report

        try:
            writer = self._writer(ix, _estimated_words(library, changed))
        except LockError:
            report.problems.append(
                ImportProblem(
                    str(self.index_dir),
                    "another program is updating this index; nothing was changed. "
                    "Try again when it has finished.",
                )
            )
            return report
        # Each source is parsed while the writer's worker processes index the ones before
        # it (a build of a large corpus keeps both cores busy from the start). Deleting the
        # old versions comes last: deletions only touch the segments committed before, never
        # the passages this writer adds.
        total = len(changed)
        parsed_ids: set[str] = set()
        try:
            for number, (source_id, digest) in enumerate(changed):
                if cancel is not None and cancel.is_set():
                    writer.cancel()
                    report.cancelled = True
                    report.indexed = 0
                    return report
                if progress:
                    progress(number, total, source_id)
                try:
                    document = library.document(source_id)
                    passages = document.passages
                except (ImportFailed, LibraryError) as error:
                    failed = library.get(source_id)
                    name = failed.path.name if failed and failed.path else source_id
                    # The previous version (if any) stays indexed: a broken edit loses nothing.
                    report.problems.append(ImportProblem(name, _message(error)))
                    continue
                if document.warnings:  # e.g. scanned pages left without OCR
                    owner = library.get(source_id)
                    name = owner.path.name if owner and owner.path else source_id
                    report.problems.extend(ImportProblem(name, w) for w in document.warnings)
                for passage in passages:
                    writer.add_document(**self._fields(passage, digest))
                parsed_ids.add(source_id)
                report.words += sum(word_count(p.text) for p in passages)
                report.passages += len(passages)
                report.indexed += 1
            if cancel is not None and cancel.is_set():
                writer.cancel()
                report.cancelled = True
                report.indexed = 0
                return report
            # Replacing everything (CLEAR) would also drop the last good version of a source
            # that failed to parse this time; then replace source by source instead.
            clear = replace_all and all(sid in parsed_ids for sid in previously if sid in present)
            if clear:
                writer.commit(mergetype=writing.CLEAR)
            else:
                for source_id in removed:
                    writer.delete_by_term("source", source_id)
                for source_id in sorted(parsed_ids & previously.keys()):
                    writer.delete_by_term("source", source_id)
                writer.commit()
            report.removed = len(removed)
        except BaseException:
            try:
                writer.cancel()
            except Exception:
                log.exception("cancelling the index writer failed")
            raise
        if progress:
            progress(total, total, "")
        with self._ix_lock:
            self._local.__dict__.clear()
        return report

    def _writer(self, ix: Any, words: int) -> Any:
        """A writer for about `words` words: two worker processes for a large batch."""
        if words >= _MULTIPROCESS_WORDS:
            # One segment per process and no merge at commit: the merge would cost the time
            # the second core saved.
            return FastMpWriter(ix, procs=2, limitmb=256, timeout=self.lock_timeout, codec=_codec())
        return FastSegmentWriter(ix, limitmb=128, timeout=self.lock_timeout, codec=_codec())

    def _fields(self, passage: Passage, digest: str) -> dict[str, Any]:
        kind = passage.kind + (" front" if passage.front_matter else "")
        fields: dict[str, Any] = {
            "uid": f"{passage.source_id}#{passage.ordinal}",
            "source": passage.source_id,
            "ordinal": passage.ordinal,
            "section": passage.section,
            "kind": kind,
            "kindlabel": passage.kind,
            "front": passage.front_matter,
            "start": passage.start,
            "end": passage.end,
            "text": passage.text,
        }
        if passage.page:
            fields["page"] = passage.page
        if passage.pdf_page:
            fields["pdfpage"] = True
        if passage.ordinal == 0:
            fields["srchash"] = f"{passage.source_id}{_HASH_SEPARATOR}{digest}"
        return fields

    # ----------------------------------------------------------------------------------------
    # Reading

    @contextmanager
    def _searcher(self) -> Iterator[Any]:
        """A searcher on the latest commit, reused per thread while the index is unchanged."""
        ix = self._open()
        searcher = getattr(self._local, "searcher", None)
        try:
            if searcher is None:
                searcher = ix.searcher(weighting=_CachedLengthBM25F())
            elif not searcher.up_to_date():
                # Not Searcher.refresh(): reusing segment readers across a CLEAR commit keeps
                # the replaced segments alive (the count doubles). A new searcher is cheap.
                searcher.close()
                searcher = ix.searcher(weighting=_CachedLengthBM25F())
        except Exception as error:
            self._local.__dict__.clear()
            raise IndexUnavailable(
                f"The index in {self.index_dir} cannot be read ({error}); re-index to repair it."
            ) from error
        self._local.searcher = searcher
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
            return {
                t.decode("utf-8") if isinstance(t, bytes) else str(t)
                for t in searcher.lexicon("source")
            }

    def _parser(self) -> qparser.QueryParser:
        parser = qparser.QueryParser("text", self.schema, group=qparser.AndGroup)
        parser.add_plugin(qparser.FuzzyTermPlugin())
        return parser

    def parse(self, text: str, known_sources: set[str] | None = None) -> Any:
        check_query(text, known_sources)
        try:
            parsed = self._parser().parse(text)
        except Exception as error:  # Whoosh rarely raises, but its messages are technical
            raise QuerySyntaxError(f"The query could not be read ({error}).") from error
        return _fast_phrases(parsed)

    def search(
        self,
        query_text: str,
        limit: int = 10,
        source_ids: Collection[str] | None = None,
    ) -> SearchResults:
        """Top passages for a query, best first, ties broken by source and position."""
        with self._searcher() as searcher:
            parsed = self.parse(query_text, self._known_sources(searcher))
            wants_front = "kind:front" in query_text.lower()
            return self._run(searcher, parsed, query_text, limit, source_ids, wants_front)

    def _run(
        self,
        searcher: Any,
        parsed: Any,
        query_text: str,
        limit: int,
        source_ids: Collection[str] | None,
        wants_front: bool,
        mask: Any = None,
        suggest: bool = True,
    ) -> SearchResults:
        if source_ids is not None and not source_ids:
            return SearchResults(query_text, 0, [], {}, None)
        if parsed is query.NullQuery:
            return SearchResults(query_text, 0, [], {}, None)
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
        demoted = frozenset() if _names_kind(parsed) else self._secondary_docs(searcher)
        fast = _bag_of_words(parsed) if self.fast_path else None
        if fast is not None:
            scored = self._score_terms(searcher, fast[0], fast[1], filter_query, mask_query)
            matched: Collection[int] = scored
            if len(demoted) < len(scored):
                for docnum in demoted:
                    if docnum in scored:
                        scored[docnum] *= SECONDARY_KIND_FACTOR
            else:
                for docnum in scored:
                    if docnum in demoted:
                        scored[docnum] *= SECONDARY_KIND_FACTOR
            top = heapq.nlargest(limit + 5, scored.items(), key=lambda item: item[1])
            rows = [(score, searcher.stored_fields(docnum), docnum) for docnum, score in top]
        else:
            # One pass scores the top hits and records every match for the exact total and
            # the per-source counts. (groupedby= would keep every match as a stored hit.)
            counting = _CountingTopCollector(limit + 5, demoted)
            collector: Any = counting
            if filter_query is not None or mask_query is not None:
                collector = collectors.FilterCollector(counting, filter_query, mask_query)
            searcher.search_with_collector(parsed, collector)
            matched = counting.matched
            rows = [(hit.score, hit.fields(), hit.docnum) for hit in collector.results()]
        sources = self._doc_sources(searcher)
        counts: dict[str, int] = {}
        for docnum in matched:
            source = sources[docnum]
            counts[source] = counts.get(source, 0) + 1
        counts = dict(sorted(counts.items()))
        total = len(matched)
        # Deterministic: equal scores fall back to source and position, not to docnum
        # (which depends on the order sources happened to be indexed in).
        rows.sort(key=lambda r: (-round(r[0], 6), r[1]["source"], r[1]["ordinal"]))
        rows = rows[:limit]
        terms = self._highlight_terms(searcher, parsed)
        hits = [
            Hit(
                source_id=stored["source"],
                ordinal=int(stored["ordinal"]),
                section=stored.get("section", ""),
                page=stored.get("page"),
                kind=stored.get("kindlabel", "body"),
                score=round(float(score), 4),
                snippet=self._snippet(stored["text"], terms),
                text=stored["text"],
                pdf_page=bool(stored.get("pdfpage", False)),
            )
            for score, stored, _ in rows
        ]
        suggestion = self._suggest(searcher, parsed, query_text) if suggest else None
        return SearchResults(query_text, total, hits, counts, suggestion)

    def _score_terms(
        self,
        searcher: Any,
        terms: list[bytes],
        mode: str,
        filter_query: Any,
        mask_query: Any,
    ) -> dict[int, float]:
        """BM25F scores of every document matching words of the text field.

        `mode` is "and", "or" or "phrase" (the words adjacent and in order). The scores are
        Whoosh's (BM25FScorer summed over the terms, as its intersection, union and phrase
        matchers do), computed in one tight loop per posting list instead of a chain of
        matcher and collector calls per document.
        """
        weighting = searcher.weighting
        B, K1 = weighting._field_B.get("text", weighting.B), weighting.K1
        avgfl = searcher.avg_field_length("text") or 1
        norm = K1 * (1 - B)
        slope = K1 * B / avgfl
        with_values = mode == "phrase"
        combined: dict[int, float] | None
        if mode == "or":
            combined = {}
            for term in terms:
                for docnum, score in self._term_scores(searcher, term, norm, slope, K1)[0].items():
                    combined[docnum] = combined.get(docnum, 0.0) + score
        else:
            # Rarest word first; every later word is only scored on the documents that still
            # hold all the words before it.
            order = sorted(
                range(len(terms)), key=lambda i: searcher.doc_frequency("text", terms[i])
            )
            combined = None
            values: dict[int, dict[int, bytes]] = {}
            for index in order:
                scores, values[index] = self._term_scores(
                    searcher, terms[index], norm, slope, K1, combined, with_values
                )
                combined = scores
                if not combined:
                    return {}
            if mode == "phrase" and combined is not None:
                adjacent = {}
                words = [(values[k], _shifted_positions(k), k) for k in range(len(terms))]
                for docnum, score in combined.items():
                    starts: frozenset[int] | None = None
                    for word_values, cache, offset in words:
                        value = word_values[docnum]
                        shifted = cache.get(value)
                        if shifted is None:
                            shifted = _decode_shifted(value, offset, cache)
                        starts = shifted if starts is None else starts & shifted
                        if not starts:
                            break
                    if starts:
                        adjacent[docnum] = score
                combined = adjacent
        assert combined is not None  # the loop above ran at least once
        if filter_query is not None:
            allowed = set(searcher.docs_for_query(filter_query))
            combined = {d: v for d, v in combined.items() if d in allowed}
        if mask_query is not None and combined:
            for docnum in self._masked_docs(searcher, mask_query):
                combined.pop(docnum, None)
        return combined

    def _term_scores(
        self,
        searcher: Any,
        term: bytes,
        norm: float,
        slope: float,
        K1: float,
        within: dict[int, float] | None = None,
        with_values: bool = False,
    ) -> tuple[dict[int, float], dict[int, bytes]]:
        """BM25F score of `term` in each document holding it, added to `within`'s running
        totals and limited to its documents when given; with the postings' values (positions)
        on request."""
        factor = searcher.idf("text", term) * (K1 + 1)
        scores: dict[int, float] = {}
        values: dict[int, bytes] = {}
        for subsearcher, offset in searcher.leaf_searchers():
            reader = subsearcher.reader()
            if ("text", term) not in reader:
                continue
            lengths = _field_lengths(reader, "text") or []
            matcher = reader.postings("text", term)
            if type(matcher) is W3LeafMatcher and not matcher._byteids:
                # A whole posting block at a time (ids and weights arrays) instead of four
                # method calls per document; segments with deletions are wrapped in a
                # filtering matcher and take the generic loop below.
                tails = _length_tails(reader, "text", slope)
                while matcher.is_active():
                    if matcher._data is None:
                        matcher._read_data()
                    data = matcher._data
                    # Whoosh decodes the delta-coded ids with a Python generator.
                    local = list(accumulate(data[0]))
                    ids = [offset + docnum for docnum in local] if offset else local
                    weights = data[1]
                    if with_values:
                        matcher._read_values()
                        block_values = dict(zip(ids, matcher._values, strict=True))
                    if within is None:
                        if weights is None:  # every tf is 1 (Whoosh leaves them out)
                            scores.update(
                                zip(
                                    ids,
                                    [factor / (1.0 + norm + tails[d]) for d in local],
                                    strict=True,
                                )
                            )
                        else:
                            if isinstance(weights, float):
                                weights = [weights] * len(ids)
                            for docnum, d, tf in zip(ids, local, weights, strict=True):
                                scores[docnum] = factor * tf / (tf + norm + tails[d])
                        if with_values:
                            values.update(block_values)
                    else:
                        # Only the documents still in the running: a C-level intersection
                        # instead of a dictionary lookup per posting.
                        common = within.keys() & set(ids)
                        if common:
                            if weights is None or isinstance(weights, float):
                                tf = 1.0 if weights is None else weights
                                for docnum in common:
                                    scores[docnum] = within[docnum] + factor * tf / (
                                        tf + norm + tails[docnum - offset]
                                    )
                            else:
                                tfs = dict(zip(ids, weights, strict=True))
                                for docnum in common:
                                    tf = tfs[docnum]
                                    scores[docnum] = within[docnum] + factor * tf / (
                                        tf + norm + tails[docnum - offset]
                                    )
                            if with_values:
                                for docnum in common:
                                    values[docnum] = block_values[docnum]
                    if matcher._lastblock:
                        break
                    matcher._next_block()
                continue
            while matcher.is_active():
                docnum = offset + matcher.id()
                base = 0.0 if within is None else within.get(docnum)
                if base is not None:
                    tf = matcher.weight()
                    length = lengths[docnum - offset]
                    scores[docnum] = base + factor * tf / (tf + norm + slope * length)
                    if with_values:
                        values[docnum] = matcher.value()
                matcher.next()
        return scores, values

    def _secondary_docs(self, searcher: Any) -> frozenset[int]:
        """Notes and headings (scored down unless asked for), cached per searcher."""
        cached = getattr(self._local, "secondary_docs", None)
        if cached is None or cached[0] is not searcher:
            secondary = _term_docs(searcher, "kind", "note") + _term_docs(
                searcher, "kind", "heading"
            )
            cached = (searcher, frozenset(secondary))
            self._local.secondary_docs = cached
        return cached[1]

    def _masked_docs(self, searcher: Any, mask_query: Any) -> frozenset[int]:
        """Documents of a mask query; the default mask (front matter) is cached per searcher."""
        if mask_query != _FRONT_MASK:
            return frozenset(searcher.docs_for_query(mask_query))
        cached = getattr(self._local, "front_docs", None)
        if cached is None or cached[0] is not searcher:
            cached = (searcher, frozenset(_term_docs(searcher, "kind", "front")))
            self._local.front_docs = cached
        return cached[1]

    def _known_sources(self, searcher: Any) -> set[str]:
        cached = getattr(self._local, "known_sources", None)
        if cached is None or cached[0] is not searcher:
            known = {
                t.decode("utf-8") if isinstance(t, bytes) else str(t)
                for t in searcher.lexicon("source")
            }
            cached = (searcher, known)
            self._local.known_sources = cached
        return cached[1]

    def _doc_sources(self, searcher: Any) -> list[str]:
        """Source id of every document number, cached per searcher."""
        cached = getattr(self._local, "doc_sources", None)
        if cached is not None and cached[0] is searcher:
            return cached[1]
        # From each source's posting list: far quicker than reading the source column one
        # document at a time. Deleted documents keep "" (they never match).
        sources = [""] * searcher.doc_count_all()
        for term in searcher.lexicon("source"):
            name = term.decode("utf-8") if isinstance(term, bytes) else str(term)
            for docnum in _term_docs(searcher, "source", name):
                sources[docnum] = name
        self._local.doc_sources = (searcher, sources)
        return sources

    def _highlight_terms(self, searcher: Any, parsed: Any) -> frozenset[str]:
        terms = set()
        try:
            existing = parsed.existing_terms(searcher.reader(), phrases=True, expand=True)
        except Exception:
            existing = parsed.iter_all_terms(phrases=True)
        for fieldname, text in existing:
            if fieldname == "text":
                terms.add(text.decode("utf-8") if isinstance(text, bytes) else str(text))
        return frozenset(terms)

    def _snippet(self, text: str, terms: frozenset[str]) -> str:
        """Up to two stretches of about SNIPPET_CHARS around the densest matches, escaped,
        matches in <b>. (Whoosh's highlighter gives the same kind of snippet at several times
        the cost, which mattered with ten snippets per search.)"""
        matches = self._analyzer.spans(text, terms)
        if not matches:
            opening = text[:200]
            if len(text) > 200:
                opening = opening.rsplit(" ", 1)[0] + " …"
            return html.escape(opening, quote=False)
        windows: list[tuple[int, int]] = []
        remaining = matches
        while remaining and len(windows) < 2:
            # The window starting at a match that covers the most matches.
            best_start, best_count = 0, 0
            for i, (start, _) in enumerate(remaining):
                count = sum(1 for s2, e2 in remaining[i:] if e2 <= start + SNIPPET_CHARS)
                if count > best_count:
                    best_start, best_count = i, count
            first = remaining[best_start][0]
            last = max(e for s2, e in remaining[best_start:] if e <= first + SNIPPET_CHARS)
            lo = max(0, first - (SNIPPET_CHARS - (last - first)) // 2)
            hi = min(len(text), max(last, lo + SNIPPET_CHARS))
            # Widen to word boundaries so no word is cut in half.
            while lo > 0 and not text[lo - 1].isspace():
                lo -= 1
            while hi < len(text) and not text[hi].isspace():
                hi += 1
            windows.append((lo, hi))
            remaining = [m for m in remaining if m[0] >= hi or m[1] <= lo]
        windows.sort()
        if len(windows) == 2 and windows[1][0] <= windows[0][1]:
            windows = [(windows[0][0], max(windows[0][1], windows[1][1]))]
        parts = []
        for lo, hi in windows:
            out, position = [], lo
            for start, end in matches:
                if start >= lo and end <= hi:
                    out.append(html.escape(text[position:start], quote=False))
                    out.append("<b>" + html.escape(text[start:end], quote=False) + "</b>")
                    position = end
            out.append(html.escape(text[position:hi], quote=False))
            parts.append(
                ("… " if lo > 0 else "") + "".join(out).strip() + (" …" if hi < len(text) else "")
            )
        return " ".join(parts).replace("… …", "…")

    def _suggest(self, searcher: Any, parsed: Any, query_text: str) -> str | None:
        """ "Did you mean" when some word of the query is not in the index at all.

        The index holds stems ("perimet"), so each correction is turned back into a word
        as it is written in a passage that contains it ("perimeter").
        """
        reader = searcher.reader()
        unknown = {
            (text.decode("utf-8") if isinstance(text, bytes) else text)
            for fieldname, text in parsed.iter_all_terms()
            if fieldname == "text" and reader.doc_frequency(fieldname, text) == 0
        }
        if not unknown:
            return None
        corrector = searcher.corrector("text")
        replacements: dict[str, str] = {}
        for match in _QUERY_WORD.finditer(query_text):
            word = match.group(0)
            stems = [t.text for t in self._analyzer(word, mode="query")]
            if len(stems) != 1 or stems[0] not in unknown:
                continue
            suggestions = corrector.suggest(stems[0], limit=1, maxdist=2, prefix=1)
            if not suggestions:
                continue
            surface = self._surface(searcher, suggestions[0]) or suggestions[0]
            if word[:1].isupper():
                surface = surface[:1].upper() + surface[1:]
            replacements[word] = surface
        if not replacements:
            return None
        suggestion = _QUERY_WORD.sub(lambda m: replacements.get(m.group(0), m.group(0)), query_text)
        return suggestion if suggestion != query_text else None

    def _surface(self, searcher: Any, stem: str) -> str | None:
        """The most common written form of a stem in a passage that contains it."""
        docnums = list(searcher.docs_for_query(query.Term("text", stem)))[:3]
        forms: dict[str, int] = {}
        for docnum in docnums:
            text = searcher.stored_fields(docnum).get("text", "")
            for token in self._analyzer(text, mode="query", keeporiginal=True):
                if token.text == stem:
                    original = token.original.lower()
                    forms[original] = forms.get(original, 0) + 1
        if not forms:
            return None
        return min(forms, key=lambda form: (-forms[form], len(form), form))

    def more_like(
        self, text: str, limit: int = 10, exclude: tuple[str, int] | None = None
    ) -> SearchResults:
        """Passages sharing the most distinctive words of `text` (a passage or a sentence)."""
        with self._searcher() as searcher:
            keys = searcher.key_terms_from_text("text", text, numterms=12, normalize=True)
            if not keys:
                return SearchResults(text, 0, [], {}, None)
            parsed = query.Or([query.Term("text", word, boost=weight) for word, weight in keys])
            mask = query.Term("uid", f"{exclude[0]}#{exclude[1]}") if exclude else None
            return self._run(searcher, parsed, text, limit, None, False, mask=mask, suggest=False)

    def passage(self, source_id: str, ordinal: int) -> Passage | None:
        with self._searcher() as searcher:
            stored = searcher.document(uid=f"{source_id}#{ordinal}")
        return _passage(stored) if stored else None

    def passages(self, source_id: str) -> list[Passage]:
        """All passages of a source in reading order (front matter included)."""
        with self._searcher() as searcher:
            found = [_passage(s) for s in searcher.documents(source=source_id)]
        return sorted(found, key=lambda p: p.ordinal)

    def highlight(self, text: str, query_text: str) -> str:
        """Escaped HTML of the whole `text` with the query's terms in <b> (for the reader)."""
        try:
            with self._searcher() as searcher:
                parsed = self.parse(query_text)
                terms = self._highlight_terms(searcher, parsed)
        except (QuerySyntaxError, IndexUnavailable):
            return html.escape(text, quote=False)
        if not terms:
            return html.escape(text, quote=False)
        marked = whoosh_highlight.highlight(
            text, terms, self._analyzer, whoosh_highlight.WholeFragmenter(), self._formatter
        )
        return marked or html.escape(text, quote=False)


def _estimated_words(library: Library, changed: list[tuple[str, str]]) -> int:
    """About how many words the changed sources hold, from their file sizes (about six
    bytes a word in text; PDF and .docx files differ, which only affects the choice between
    one and two indexing processes)."""
    size = 0
    for source_id, _ in changed:
        source = library.get(source_id)
        if source is not None and source.path is not None:
            with suppress(OSError):
                size += source.path.stat().st_size
    return size // 6


def _passage(stored: dict[str, Any]) -> Passage:
    return Passage(
        source_id=stored["source"],
        ordinal=int(stored["ordinal"]),
        text=stored["text"],
        kind=stored.get("kindlabel", "body"),
        section=stored.get("section", ""),
        page=stored.get("page"),
        start=int(stored.get("start", 0)),
        end=int(stored.get("end", 0)),
        front_matter=bool(stored.get("front", False)),
        pdf_page=bool(stored.get("pdfpage", False)),
    )


def _message(error: Exception) -> str:
    return getattr(error, "message", None) or str(error)
