"""Posting lists and per-document tables as arrays, read once per segment and kept.

At 10M words a common word is in 60,000 passages, and a search that scored, counted and
ranked its matches one Python object at a time took half a second. Here every posting list a
search reads becomes two arrays (document numbers, term frequencies), and the word positions
a phrase needs a third (document number and position packed in one integer, so a phrase is an
intersection of arrays); scoring, intersecting, counting per source and picking the top hits
then run in numpy. Segments never change once written, so what is read of a segment is kept
(up to `CACHE_BYTES` of arrays, least recently used dropped first) and a repeated word costs
nothing to read again.
"""

from __future__ import annotations

import itertools
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable
from typing import Any

import numpy as np
import numpy.typing as npt

from assistant.search import whoosh_internals as internals

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]

CACHE_BYTES = 96 * 1024 * 1024
# A position packed with its document number: document << POSITION_BITS | position.
POSITION_BITS = 24
_POSITION_MASK = (1 << POSITION_BITS) - 1

EMPTY_INTS: IntArray = np.zeros(0, dtype=np.int64)
EMPTY_FLOATS: FloatArray = np.zeros(0, dtype=np.float64)


# Positions by posting value: values repeat across words and documents (a word at positions
# 3 and 17 of a passage is one value), and unpickling them was most of a phrase's first run.
_DECODED: dict[bytes, tuple[int, ...]] = {}
_DECODED_LIMIT = 200_000


def _seed() -> None:
    _DECODED.clear()
    # A word occurring once: most postings, known without unpickling.
    _DECODED.update((v, (p,)) for v, p in internals.SINGLE_POSITIONS.items())


def _decode(value: bytes) -> tuple[int, ...]:
    found = tuple(internals.decode_positions(value))
    if len(_DECODED) >= _DECODED_LIMIT:
        _seed()
    _DECODED[value] = found
    return found


_seed()


class _Cache:
    """Arrays by key, least recently used dropped first past a total size in bytes."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._items: OrderedDict[Any, tuple[Any, int]] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()

    def get(self, key: Any, compute: Callable[[], Any], size: Callable[[Any], int]) -> Any:
        with self._lock:
            found = self._items.get(key)
            if found is not None:
                self._items.move_to_end(key)
                return found[0]
        value = compute()
        self.put(key, value, size)
        return value

    def put(self, key: Any, value: Any, size: Callable[[Any], int]) -> None:
        nbytes = size(value)
        with self._lock:
            if key in self._items:
                return
            self._items[key] = (value, nbytes)
            self._size += nbytes
            while self._size > self.limit and len(self._items) > 1:
                _, (_, dropped) = self._items.popitem(last=False)
                self._size -= dropped

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self._size = 0


_CACHE = _Cache(CACHE_BYTES)


def clear() -> None:
    _CACHE.clear()
    _seed()


def _nbytes(value: Any) -> int:
    if isinstance(value, tuple):
        return sum(_nbytes(v) for v in value) + 64
    return int(getattr(value, "nbytes", 64))


def _segment_key(reader: Any) -> Any:
    # Deleting documents changes a segment's postings but not its id: its live count keys
    # the arrays too (a segment's deletions only ever grow).
    return reader.segment().segment_id(), reader.doc_count()


# ---------------------------------------------------------------------------------------------
# Posting lists of one segment


def segment_postings(reader: Any, fieldname: str, term: bytes) -> tuple[IntArray, FloatArray]:
    """(document numbers in the segment, weights) of a term, deleted documents left out."""

    def compute() -> tuple[IntArray, FloatArray]:
        if (fieldname, term) not in reader:
            return EMPTY_INTS, EMPTY_FLOATS
        raw = internals.segment_blocks(reader, fieldname, term)
        if raw is None:
            return _public_postings(reader, fieldname, term)
        blocks, deleted = raw
        id_parts, weight_parts = [], []
        for ids, weights, _ in blocks:
            id_parts.append(ids)
            weight_parts.append(weights)
        return _arrays(id_parts, weight_parts, deleted)

    return _CACHE.get(  # type: ignore[no-any-return]
        ("postings", _segment_key(reader), fieldname, term), compute, _nbytes
    )


def _arrays(
    id_parts: list[list[int]], weight_parts: list[Any], deleted: frozenset[int]
) -> tuple[IntArray, FloatArray]:
    """Posting blocks' (ids, weights) as two arrays, deleted documents left out. A block's
    weights are a list, one float for all, or None when all are 1."""
    weights_list = []
    for ids, weights in zip(id_parts, weight_parts, strict=True):
        if weights is None:
            weights_list.append(np.ones(len(ids)))
        elif isinstance(weights, float):
            weights_list.append(np.full(len(ids), weights))
        else:
            weights_list.append(np.asarray(weights, dtype=np.float64))
    docs = np.fromiter(_chain(id_parts), dtype=np.int64)
    weights_array = np.concatenate(weights_list) if weights_list else EMPTY_FLOATS
    if deleted:
        keep = ~np.isin(docs, np.fromiter(deleted, dtype=np.int64))
        docs, weights_array = docs[keep], weights_array[keep]
    return docs, weights_array


def _chain(parts: list[list[int]]) -> Iterable[int]:
    for part in parts:
        yield from part


def _public_postings(reader: Any, fieldname: str, term: bytes) -> tuple[IntArray, FloatArray]:
    matcher = reader.postings(fieldname, term)
    ids, weights = [], []
    while matcher.is_active():
        ids.append(matcher.id())
        weights.append(matcher.weight())
        matcher.next()
    return np.asarray(ids, dtype=np.int64), np.asarray(weights, dtype=np.float64)


def segment_positions(reader: Any, fieldname: str, term: bytes) -> IntArray:
    """Every position of a term in the segment, packed with its document number
    (document << POSITION_BITS | position), sorted; deleted documents left out."""

    def compute() -> IntArray:
        if (fieldname, term) not in reader:
            return EMPTY_INTS
        raw = internals.segment_blocks(reader, fieldname, term, with_values=True)
        deleted: frozenset[int] = frozenset()
        if raw is None:
            matcher = reader.postings(fieldname, term)
            id_parts: list[Any] = [[]]
            value_parts: list[Any] = [[]]
            while matcher.is_active():
                id_parts[0].append(matcher.id())
                value_parts[0].append(matcher.value())
                matcher.next()
        else:
            blocks, deleted = raw
            id_parts, value_parts, weight_parts = [], [], []
            complete = True
            for ids, weights, values in blocks:
                if values is None:
                    complete = False
                    continue
                id_parts.append(ids)
                value_parts.append(values)
                weight_parts.append(weights)
            if complete:
                # The same blocks give the term's postings: kept, so scoring the phrase's
                # words does not unpickle them again.
                _CACHE.put(
                    ("postings", _segment_key(reader), fieldname, term),
                    _arrays(id_parts, weight_parts, deleted),
                    _nbytes,
                )
        get = _DECODED.get
        chain = itertools.chain.from_iterable
        found = [get(value) or _decode(value) for value in chain(value_parts)]
        counts = np.fromiter(map(len, found), dtype=np.int64, count=len(found))
        owners = np.repeat(np.fromiter(chain(id_parts), dtype=np.int64), counts)
        flat = np.fromiter(chain(found), dtype=np.int64, count=len(owners))
        packed = (owners << POSITION_BITS) | (flat & _POSITION_MASK)
        if deleted:
            packed = packed[~np.isin(owners, np.fromiter(deleted, dtype=np.int64))]
        packed.sort()
        return packed

    return _CACHE.get(  # type: ignore[no-any-return]
        ("positions", _segment_key(reader), fieldname, term), compute, _nbytes
    )


# ---------------------------------------------------------------------------------------------
# Per-document tables of a whole searcher (all its segments, document numbers as the
# searcher numbers them)


def lengths(searcher: Any, fieldname: str, read: Callable[[Any, str], list[int]]) -> FloatArray:
    """Every document's field length as BM25 reads it, `read(segment reader, fieldname)`
    giving one segment's."""
    parts = []
    for subsearcher, _ in searcher.leaf_searchers():
        reader = subsearcher.reader()

        def compute(reader: Any = reader) -> FloatArray:
            return np.asarray(read(reader, fieldname), dtype=np.float64)

        parts.append(_CACHE.get(("lengths", _segment_key(reader), fieldname), compute, _nbytes))
    return np.concatenate(parts) if parts else EMPTY_FLOATS


def postings(searcher: Any, fieldname: str, term: bytes) -> tuple[IntArray, FloatArray]:
    """(document numbers, weights) of a term in all the searcher's segments."""
    docs, weights = [], []
    for subsearcher, offset in searcher.leaf_searchers():
        local, local_weights = segment_postings(subsearcher.reader(), fieldname, term)
        if len(local):
            docs.append(local + offset if offset else local)
            weights.append(local_weights)
    if not docs:
        return EMPTY_INTS, EMPTY_FLOATS
    if len(docs) == 1:
        return docs[0], weights[0]
    return np.concatenate(docs), np.concatenate(weights)


def positions(searcher: Any, fieldname: str, term: bytes) -> IntArray:
    """Packed positions of a term in all the searcher's segments (see segment_positions)."""
    parts = []
    for subsearcher, offset in searcher.leaf_searchers():
        local = segment_positions(subsearcher.reader(), fieldname, term)
        if len(local):
            parts.append(local + (offset << POSITION_BITS) if offset else local)
    if not parts:
        return EMPTY_INTS
    return parts[0] if len(parts) == 1 else np.concatenate(parts)


def phrase_docs(searcher: Any, fieldname: str, words: tuple[bytes, ...]) -> IntArray:
    """Documents where `words` stand next to each other, in order (sorted)."""
    starts: IntArray | None = None
    # Rarest word first keeps the intersections small.
    order = sorted(range(len(words)), key=lambda i: searcher.doc_frequency(fieldname, words[i]))
    for index in order:
        shifted = positions(searcher, fieldname, words[index]) - index
        starts = shifted if starts is None else np.intersect1d(starts, shifted, assume_unique=True)
        if not len(starts):
            return EMPTY_INTS
    assert starts is not None
    return np.unique(starts >> POSITION_BITS)


def doc_table(searcher: Any, name: str, compute: Callable[[Any], Any]) -> Any:
    """A per-document table of the searcher's segments, computed once per segment set."""
    key = ("table", name, tuple(_segment_key(s.reader()) for s, _ in searcher.leaf_searchers()))
    return _CACHE.get(key, lambda: compute(searcher), _nbytes)
