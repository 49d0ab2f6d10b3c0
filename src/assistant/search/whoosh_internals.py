"""Everything that reads Whoosh's private internals, behind one version check.

The app's speed comes from two fast paths that know how Whoosh 2.7.5 lays out its data:

- reading: posting lists a block at a time (ids, weights and values arrays instead of four
  method calls per posting), deleted documents included for the caller to drop in bulk
  (`segment_blocks`), every document's field length from the segment's one-byte length column
  and every value of a bytes column (the source of each passage) in one read, phrase
  matching by intersecting position sets;
- writing: a segment writer that builds the very same segment with less Python per posting
  (see `FastSegmentWriter`).

Nothing outside this module touches a private Whoosh attribute. When the installed Whoosh is
not the pinned version (`SUPPORTED` is False), every function here falls back to Whoosh's
public API or its own classes, so an upgrade makes the app slower, never wrong; the Whoosh
version is also part of the index signature (`schema.INDEX_SIGNATURE`), so an index written by
another Whoosh is rebuilt.

Why the writer is faster. Profiling a full build showed most of the time in three places of
Whoosh's generic writer:

- writing the postings looks every posting's document length up in the segment's length
  column on disk (a seek and a struct unpack per posting), although the writer computed that
  length moments before;
- each word of a positional text field goes through four nested generators (analyzer,
  `tokens`, `Positions.word_values`, `FieldType.index`) before reaching the posting pool;
- the pool checks and sizes every posting with several asserts and a dozen additions, and
  past its memory limit pickles every posting one at a time to disk and merges them back with
  a heap (at 10M words 40 % of a build, and why a build grew 19x for 10x the words).

`FastSegmentWriter` keeps the lengths it computes in memory, indexes fields whose analyzer is
the app's `FastStemmingAnalyzer` with positions in one loop that builds the very same posting
values (`Positions.encode`: a 4-byte count, then the pickled position deltas), and keeps the
postings in an inverted table written term by term at the end instead of a pool (Whoosh's
pool only past `limitmb`). Segments are written as separate files, not one compound file
(Whoosh reads a compound file's parts through copies). Other fields take Whoosh's own path.
`FastMpWriter` is Whoosh's multiprocess writer with `FastSegmentWriter` in its worker
processes.
"""

from __future__ import annotations

import zlib
from array import array
from collections.abc import Iterable, Iterator
from itertools import accumulate, pairwise
from pickle import dumps, loads
from typing import Any

import whoosh
from whoosh import columns, formats, matching, query, scoring
from whoosh.codec.whoosh3 import (
    LENGTHS_COLUMN,
    WHOOSH3_HEADER_MAGIC,
    W3Codec,
    W3LeafMatcher,
    W3PostingsWriter,
)
from whoosh.multiproc import MpWriter, SubWriterTask
from whoosh.query.spans import Span, SpanNear2
from whoosh.reading import SegmentReader, TermNotFound
from whoosh.util.numeric import byte_to_length, length_to_byte
from whoosh.writing import SegmentWriter

from assistant.search.analysis import FastStemmingAnalyzer

PINNED_VERSION = (2, 7, 5)
WHOOSH_VERSION = ".".join(str(part) for part in whoosh.__version__)
# The fast paths were written against (and are tested on) this one version's internals.
SUPPORTED = tuple(whoosh.__version__[:3]) == PINNED_VERSION


# ---------------------------------------------------------------------------------------------
# Reading


def codec() -> W3Codec:
    """Whoosh's codec with uncompressed posting blocks: zlib cost a tenth of the build and
    every search decompressed its posting blocks again, for an index a few MB smaller."""
    return W3Codec(compression=0)


def bm25_parameters(weighting: Any, fieldname: str) -> tuple[float, float]:
    """(B, K1) of a BM25F weighting for a field, as its scorer uses them."""
    field_b = getattr(weighting, "_field_B", {}) if SUPPORTED else {}
    return field_b.get(fieldname, weighting.B), weighting.K1


# Length byte -> length, as W3's doc_field_length(docnum, fieldname, 1) decodes it.
_BYTE_LENGTHS = [1] + [byte_to_length(b) for b in range(1, 256)]


def length_column(reader: Any, fieldname: str) -> list[int] | None:
    """A segment's field lengths decoded from its one-byte-per-document length column in one
    read, or None when the segment is not laid out that way. (Whoosh reads the column one
    document at a time, which made a first search after indexing 1M words cost ~40 ms.)"""
    if not SUPPORTED:
        return None
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


def bytes_column(reader: Any, fieldname: str) -> list[bytes] | None:
    """Every document's value of a segment's variable-length bytes column (an ID field's
    sortable column) from one read, or None when the column is not laid out that way.
    (Whoosh reads a column one document at a time: 110,000 reads at 10M words.)"""
    if not SUPPORTED:
        return None
    field = reader.schema[fieldname]
    try:
        column = reader._perdoc._cached_reader(fieldname, field.column_type)
    except (AttributeError, KeyError):
        return None
    if type(column) is not columns.VarBytesColumn.Reader:
        return None
    offsets, lengths = column._offsets, column._lengths
    if len(lengths) != reader.doc_count_all():
        return None
    raw = bytes(column._dbfile.get(column._basepos, column._length))
    return [raw[o : o + n] for o, n in zip(offsets, lengths, strict=True)]


Block = tuple[list[int], Any, list[bytes] | None]


def posting_blocks(matcher: Any, with_values: bool = False) -> Iterator[Block] | None:
    """A leaf matcher's postings a block at a time: (document numbers in the segment,
    weights, values). Weights are a list, one float for the whole block, or None when every
    weight is 1 (Whoosh leaves them out). None when the matcher is not a plain W3 one (a
    segment with deletions wraps it in a filtering matcher): then iterate it with its public
    methods."""
    if not SUPPORTED or type(matcher) is not W3LeafMatcher or matcher._byteids:
        return None
    return _blocks(matcher, with_values)


def _blocks(matcher: Any, with_values: bool) -> Iterator[Block]:
    while matcher.is_active():
        if matcher._data is None:
            matcher._read_data()
        data = matcher._data
        # Whoosh decodes the delta-coded ids with a Python generator.
        ids = list(accumulate(data[0]))
        values = None
        if with_values:
            matcher._read_values()
            values = matcher._values
        yield ids, data[1], values
        if matcher._lastblock:
            break
        matcher._next_block()


def segment_blocks(
    reader: Any, fieldname: str, term: bytes, with_values: bool = False
) -> tuple[Iterator[Block], frozenset[int]] | None:
    """A segment's whole posting list of a term a block at a time, deleted documents
    included, with the set of the segment's deleted documents (for the caller to drop them
    in bulk rather than through Whoosh's filtering matcher, a set lookup per posting). None
    when the term is absent or the posting list is not W3's."""
    if not SUPPORTED or type(reader) is not SegmentReader:
        return None
    field = reader.schema[fieldname]
    try:
        matcher = reader._terms.matcher(fieldname, term, field.format)
    except (KeyError, TermNotFound):
        return None
    if type(matcher) is not W3LeafMatcher or matcher._byteids:
        return None
    return _blocks(matcher, with_values), reader.deleted_docs_set


def length_lookup(scorer: Any, lengths: list[int]) -> None:
    """Make a BM25F scorer read document lengths from `lengths` (the same values Whoosh
    reads from the length column one document at a time, about half the cost of scoring a
    common word)."""
    if SUPPORTED and isinstance(scorer, scoring.BM25FScorer):
        scorer.dfl = lengths.__getitem__


class AdjacentSpansMatcher(SpanNear2.SpanNear2Matcher):
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


class FastPhrase(query.Phrase):
    """A Phrase whose matcher is `AdjacentSpansMatcher` (scores are unchanged)."""

    def matcher(self, searcher: Any, context: Any = None) -> Any:
        if not SUPPORTED or self.slop != 1 or len(self.words) < 2:
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
        matcher: Any = AdjacentSpansMatcher(matchers, slop=1, ordered=True, mindist=1)
        if self.boost != 1.0:
            matcher = matching.WrappingMatcher(matcher, boost=self.boost)
        return matcher


_POSITIONS_HEADER = 4  # whoosh.formats._INT_SIZE


def decode_positions(value: bytes) -> Iterator[int]:
    """Positions of a Positions-format posting (Whoosh's decode_positions, without copies):
    a 4-byte count, then the delta-coded positions pickled without the final STOP."""
    if not SUPPORTED:
        return iter(formats.Positions().decode_positions(value))
    if not value.endswith(b"."):
        value += b"."
    return accumulate(loads(memoryview(value)[_POSITIONS_HEADER:]))


# ---------------------------------------------------------------------------------------------
# Writing


def open_writer(ix: Any, procs: int, limitmb: int, timeout: float) -> Any:
    """The fast writer (one process, or `procs` worker processes writing a segment each),
    or Whoosh's own writers when the installed Whoosh is not the pinned version."""
    # Segments as separate files, not one compound file: Whoosh reads a compound file's parts
    # through BytesIO copies, so opening a 10M-word index copied all of it into memory (a
    # third of a second and most of the memory a search took). Reading separate files needs
    # no copy; writing them skips copying the segment into the compound file.
    options = {"limitmb": limitmb, "timeout": timeout, "codec": codec(), "compound": False}
    if procs > 1:
        if SUPPORTED:
            return FastMpWriter(ix, procs=procs, **options)
        return _StockMpWriter(ix, procs=procs, **options)
    if SUPPORTED:
        return FastSegmentWriter(ix, **options)
    return SegmentWriter(ix, **options)


class _StockMpWriter(MpWriter):
    """Whoosh's own multi-segment writer, with a cancel that stops its workers."""

    def __init__(self, ix: Any, procs: int = 2, **kwargs: Any) -> None:
        super().__init__(ix, procs=procs, multisegment=True, **kwargs)

    def cancel(self) -> None:
        _stop_workers(self)


def _stop_workers(writer: Any) -> None:
    """Stop an MpWriter's workers, then drop everything and unlock.

    Whoosh's MpWriter.cancel only flags the parent's copies of its worker objects, so the
    workers went on waiting for (or indexing) batches, and the app could not exit while they
    lived. Their half-written segment files belong to no table of contents and are deleted
    by the next commit."""
    for task in writer.tasks:
        if task.is_alive():
            task.terminate()
    for task in writer.tasks:
        task.join(timeout=10)
    writer.tasks = []
    SegmentWriter.cancel(writer)


_pack_uint = formats.pack_uint


# Whoosh pickles posting blocks with protocol 2, which has no opcode for bytes: each
# posting's value (its positions) is rebuilt on reading by a call to codecs.encode, and that
# made loading a block of a common word cost ~110 µs, most of a search's time. Protocol 4
# loads the same tuple in ~14 µs; readers only call pickle.loads, so the files stay readable
# by Whoosh's own reader.
_BLOCK_PROTOCOL = 4


class _PostingsWriter(W3PostingsWriter):
    """W3's posting writer with blocks pickled in protocol 4 (otherwise identical)."""

    def _write_block(self, last: bool = False) -> None:
        if not self._blockcount:
            self._postfile.write(WHOOSH3_HEADER_MAGIC)
        self._terminfo.add_block(self)
        data = (self._mini_ids(), self._mini_weights(), self._mini_values())
        databytes = dumps(data, _BLOCK_PROTOCOL)
        comp = self._compression
        if comp:
            databytes = zlib.compress(databytes, comp)
        ids = self._ids
        infobytes = dumps(
            (
                len(ids),
                ids[-1],
                self._maxweight,
                comp,
                length_to_byte(self._minlength),
                length_to_byte(self._maxlength),
            ),
            2,
        )
        postfile = self._postfile
        blocklength = len(infobytes) + len(databytes)
        if last:
            blocklength *= -1  # the last block is marked by a negative length
        postfile.write_int(blocklength)
        postfile.write(infobytes)
        postfile.write(databytes)
        self._blockcount += 1
        self._new_block()


class _WritingCodec(W3Codec):
    """Given to the segment's field writer only, so the segment itself records (and
    pickles) a plain W3Codec that any Whoosh can read."""

    def postings_writer(self, dbfile: Any, byteids: bool = False) -> W3PostingsWriter:
        return _PostingsWriter(
            dbfile,
            blocklimit=self._blocklimit,
            byteids=byteids,
            compression=self._compression,
            inlinelimit=self._inlinelimit,
        )


def _add_postings(
    fieldwriter: Any, schema: Any, lengths: dict[str, dict[int, int]], items: Iterable[Any]
) -> None:
    """`FieldWriter.add_postings` for the W3 codec, with each posting appended to the block
    in place of `W3PostingsWriter.add_posting` (type asserts and four method calls) and the
    document lengths taken from memory: the same posting blocks and block statistics."""
    lastfn: str | None = None
    lasttext: bytes | None = None
    field_lengths: dict[int, int] = {}
    writer: Any = None
    blocklimit = 0
    for fieldname, btext, docnum, weight, value in items:
        if fieldname != lastfn:
            if lasttext is not None:
                fieldwriter.finish_term()
            if lastfn is not None:
                fieldwriter.finish_field()
            fieldwriter.start_field(fieldname, schema[fieldname])
            field_lengths = lengths.get(fieldname, {})
            lastfn, lasttext = fieldname, None
        if btext != lasttext:
            if lasttext is not None:
                fieldwriter.finish_term()
            fieldwriter.start_term(btext)
            lasttext = btext
            writer = fieldwriter._postwriter
            blocklimit = writer._blocklimit
        if len(writer._ids) >= blocklimit:
            writer._write_block()
        writer._ids.append(docnum)
        writer._weights.append(weight)
        if weight > writer._maxweight:
            writer._maxweight = weight
        if value:
            writer._values.append(value)
        length = field_lengths.get(docnum)
        if length:
            if writer._minlength is None or length < writer._minlength:
                writer._minlength = length
            if length > writer._maxlength:
                writer._maxlength = length
    if lasttext is not None:
        fieldwriter.finish_term()


# Weights of a word that occurs n times, shared (most postings have n = 1).
_WEIGHTS = [float(n) for n in range(256)]
# Posting values of a word that occurs once, by position: most postings are such.
_SINGLE_VALUES = [_pack_uint(1) + dumps([position], 2) for position in range(4096)]
# ... and back: such a value's position, without unpickling it.
SINGLE_POSITIONS = {value: position for position, value in enumerate(_SINGLE_VALUES)}


def _add_positional(
    terms: dict[Any, _Entry], analyzer: FastStemmingAnalyzer, value: str, boost: float, docnum: int
) -> tuple[int, int]:
    """Index a value of a positional text field straight into its table, keyed by the word
    (encoded when written: UTF-8 sorts as the words do), the postings `TEXT.index` with the
    Positions format gives. Returns (field length, memory estimate added)."""
    length = 0
    size = 0
    singles = _SINGLE_VALUES
    weights = _WEIGHTS
    for word, poslist in analyzer.term_positions(value).items():
        count = len(poslist)
        length += count
        if count == 1 and poslist[0] < 4096:
            value_bytes = singles[poslist[0]]
        else:
            deltas = [poslist[0]]
            deltas.extend(b - a for a, b in pairwise(poslist))
            value_bytes = _pack_uint(count) + dumps(deltas, 2)
        entry = terms.get(word)
        if entry is None:
            entry = terms[word] = ([], [], [])
            size += _TERM_BYTES + len(word)
        entry[0].append(docnum)
        entry[1].append(weights[count] if boost == 1.0 and count < 256 else count * boost)
        entry[2].append(value_bytes)
    return length, size + _POSTING_BYTES * length


def _sorted_terms(terms: dict[Any, _Entry]) -> list[tuple[bytes, _Entry]]:
    """A field's table as (term bytes, postings), in the order of the term bytes."""
    items = [(k.encode("utf-8") if isinstance(k, str) else k, v) for k, v in terms.items()]
    items.sort(key=lambda item: item[0])
    return items


def _fast_positional(field: Any) -> bool:
    return (
        type(field.format) is formats.Positions
        and type(getattr(field, "analyzer", None)) is FastStemmingAnalyzer
        and not field.vector
        and not field.separate_spelling()
    )


# One term's postings in the writer's table: document numbers, weights, values.
_Entry = tuple[list[int], list[float], list[bytes]]
# What the inverted table's memory estimate counts per posting (three list slots, the
# document number and weight objects mostly shared) and per new term (its key and lists).
_POSTING_BYTES = 40
_TERM_BYTES = 300


class FastSegmentWriter(SegmentWriter):
    """A SegmentWriter producing the same segment with less work per posting.

    Whoosh's writer appends every posting to a flat pool of tuples which it sorts at the end
    and, once the pool passes `limitmb`, pickles to disk a tuple at a time and merges back
    with a heap: at 10M words that spilling was more than half of a build's time (a build's
    cost grew 19x for 10x the words). This writer keeps the postings as an inverted table
    instead (per field and term: document numbers, weights and values in the order the
    documents came), which needs no sorting but of the terms, and writes each term's blocks
    straight from it. Only when the table passes `limitmb` does it spill to Whoosh's pool,
    sorted, and then ends through Whoosh's own merge of the runs.
    """

    def __init__(self, ix: Any, **kwargs: Any) -> None:
        super().__init__(ix, **kwargs)
        codec = self.codec
        if type(codec) is W3Codec:
            self.fieldwriter._codec = _WritingCodec(
                blocklimit=codec._blocklimit,
                compression=codec._compression,
                inlinelimit=codec._inlinelimit,
            )
        self._field_lengths: dict[str, dict[int, int]] = {}
        self._generic = False
        self._index_cache: dict[tuple[str, Any], list[tuple[bytes, int, float, bytes]]] = {}
        # fieldname -> term -> (document numbers, weights, values)
        self._inverted: dict[str, dict[Any, _Entry]] = {}
        self._inverted_size = 0

    def add_document(self, **fields: Any) -> None:
        stored_values = {}
        for name in [name for name in fields if name.startswith("_")]:
            if not name.startswith("_stored_"):
                # Boosts: Whoosh's own, general path, whose lengths are only in the
                # segment's length column.
                self._spill()
                self._generic = True
                super().add_document(**fields)
                return
            stored_values[name[len("_stored_") :]] = fields.pop(name)
        if self._generic:
            super().add_document(**fields, **{f"_stored_{n}": v for n, v in stored_values.items()})
            return
        self._check_state()
        perdocwriter = self.perdocwriter
        schema = self.schema
        docnum = self.docnum
        inverted = self._inverted
        fieldnames = sorted(fields)
        self._check_fields(schema, fieldnames)

        perdocwriter.start_doc(docnum)
        try:
            size = self._inverted_size
            for fieldname in fieldnames:
                value = fields[fieldname]
                if value is None:
                    continue
                field = schema[fieldname]
                length = 0
                if field.indexed:
                    terms = inverted.get(fieldname)
                    if terms is None:
                        terms = inverted[fieldname] = {}
                        self.pool.fieldnames.add(fieldname)
                    fast = _fast_positional(field)
                    if fast and isinstance(value, str):
                        count, added = _add_positional(
                            terms, field.analyzer, value, field.format.field_boost, docnum
                        )
                        size += added
                        if field.scorable:
                            length = count
                    else:
                        postings = self._indexed(fieldname, field, value)
                        if field.scorable:
                            length = sum(freq for _, freq, _, _ in postings)
                        for tbytes, _, weight, vbytes in postings:
                            # A positional field's table is keyed by words.
                            key = tbytes.decode("utf-8") if fast else tbytes
                            entry = terms.get(key)
                            if entry is None:
                                entry = terms[key] = ([], [], [])
                                size += _TERM_BYTES + len(key)
                            entry[0].append(docnum)
                            entry[1].append(weight)
                            entry[2].append(vbytes)
                        size += _POSTING_BYTES * len(postings)
                stored = stored_values.get(fieldname, value)
                perdocwriter.add_field(fieldname, field, stored if field.stored else None, length)
                if length:
                    # As the segment's length column will give it back: quantized to a byte.
                    self._field_lengths.setdefault(fieldname, {})[docnum] = byte_to_length(
                        length_to_byte(length)
                    )
                column = field.column_type
                if column and stored is not None:
                    perdocwriter.add_column_value(fieldname, column, field.to_column_value(stored))
            self._inverted_size = size
        except Exception:
            perdocwriter.cancel_doc()
            raise
        perdocwriter.finish_doc()
        self._added = True
        self.docnum += 1
        if self._inverted_size > self.pool.limit:
            self._spill()

    def _spill(self) -> None:
        """The inverted table into Whoosh's pool as one sorted run on disk."""
        if not self._inverted:
            return
        pool = self.pool
        pool.current.extend(self._table_postings())
        self._inverted = {}
        self._inverted_size = 0
        pool.save()

    def _table_postings(self) -> Iterator[tuple[str, bytes, int, float, bytes]]:
        """The inverted table as Whoosh's pool sorts its postings."""
        for fieldname in sorted(self._inverted):
            for tbytes, (ids, weights, values) in _sorted_terms(self._inverted[fieldname]):
                for docnum, weight, value in zip(ids, weights, values, strict=True):
                    yield fieldname, tbytes, docnum, weight, value

    def _indexed(
        self, fieldname: str, field: Any, value: Any
    ) -> list[tuple[bytes, int, float, bytes]]:
        """`field.index(value)`, remembered for values that repeat from passage to passage
        (source, section, kind, page, ordinal); a unique field's values never repeat."""
        if field.unique or not isinstance(value, str | int):
            return list(field.index(value))
        key = (fieldname, value)
        postings = self._index_cache.get(key)
        if postings is None:
            postings = list(field.index(value))
            if len(self._index_cache) >= 20_000:
                self._index_cache.clear()
            self._index_cache[key] = postings
        return postings

    def _flush_segment(self) -> None:
        if self._generic or not self.codec.length_stats or type(self.codec) is not W3Codec:
            self._spill()
            super()._flush_segment()
            return
        self.perdocwriter.close()
        pool = self.pool
        if pool.runs or pool.current:
            # Spilled, or postings of merged segments (add_reader) are in Whoosh's pool.
            pool.current.extend(self._table_postings())
            self._inverted = {}
            _add_postings(self.fieldwriter, self.schema, self._field_lengths, pool.iter_postings())
        else:
            _write_table(self.fieldwriter, self.schema, self._field_lengths, self._inverted)
        self.fieldwriter.close()


def _write_table(
    fieldwriter: Any,
    schema: Any,
    lengths: dict[str, dict[int, int]],
    inverted: dict[str, dict[Any, _Entry]],
) -> None:
    """Every term's postings written a block at a time: the blocks and block statistics
    `_add_postings` writes for the same postings."""
    for fieldname in sorted(inverted):
        terms = inverted[fieldname]
        fieldwriter.start_field(fieldname, schema[fieldname])
        field_lengths = lengths.get(fieldname, {})
        for tbytes, (ids, weights, values) in _sorted_terms(terms):
            fieldwriter.start_term(tbytes)
            writer = fieldwriter._postwriter
            blocklimit = writer._blocklimit
            with_values = all(values)
            for start in range(0, len(ids), blocklimit):
                if start:
                    writer._write_block()
                block = ids[start : start + blocklimit]
                block_weights = array("f", weights[start : start + blocklimit])
                writer._ids = array("I", block)
                writer._weights = block_weights
                writer._maxweight = max(0, max(block_weights))
                if with_values:
                    writer._values = values[start : start + blocklimit]
                else:
                    writer._values = [v for v in values[start : start + blocklimit] if v]
                block_lengths = [n for n in map(field_lengths.get, block) if n]
                writer._minlength = min(block_lengths) if block_lengths else None
                writer._maxlength = max(block_lengths) if block_lengths else 0
            fieldwriter.finish_term()
        fieldwriter.finish_field()


class _FastSubWriterTask(SubWriterTask):
    """Whoosh's worker process, writing with FastSegmentWriter."""

    def run(self) -> None:
        jobqueue = self.jobqueue
        ix = self.storage.open_index(self.indexname)
        writer = self.writer = FastSegmentWriter(ix, _lk=False, **self.kwargs)
        while self.running:
            jobinfo = jobqueue.get()
            if jobinfo is None:
                break
            self._process_file(*jobinfo)
        if not self.running:
            writer.cancel()
            return
        # Multisegment only (see FastMpWriter): each worker's segment joins the index as is.
        segment = writer._finalize_segment()
        self.resultqueue.put((None, writer.pool.fieldnames, segment), timeout=5)


class FastMpWriter(MpWriter):
    """Whoosh's MultiSegmentWriter (one new segment per worker process, no merge at commit)
    with FastSegmentWriter in the workers."""

    def __init__(self, ix: Any, procs: int = 2, **kwargs: Any) -> None:
        super().__init__(ix, procs=procs, multisegment=True, **kwargs)

    def cancel(self) -> None:
        _stop_workers(self)

    def _new_task(self) -> Any:
        task = _FastSubWriterTask(
            self.storage,
            self.indexname,
            self.jobqueue,
            self.resultqueue,
            self.subargs,
            True,
        )
        self.tasks.append(task)
        task.start()
        return task
