"""The library's words as stem ids, prepared once: what the borrowing guard compares.

Words are case-folded and Snowball-stemmed (PyStemmer, the stemmers in C) and numbered, so the
draft and every source share one vocabulary of small integers. Each source stream is prepared
once per process (stem ids, which words are capitalised, stem counts, and where each stem that is
not too common stands), and the library as a whole once per set of streams (its stem
frequencies, and every five-word run of it by hash, `PreparedLibrary`): the Check dock re-runs
the guard after every pause in typing, and only the draft's side changes.
"""

from __future__ import annotations

import threading
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from assistant.check.text import Stream, normalise_word

# Words that carry no content: a run of them is no borrowing.
FUNCTION_WORDS = frozenset(
    " ".join(
        (
            "a about above after again against all also am an and any are as at be because been",
            "before being below between both but by can could did do does doing down during each",
            "few for from further had has have having he her here hers herself him himself his",
            "how i if in into is it its itself just me more most my myself no nor not now of off",
            "on once only or other our ours ourselves out over own same she should so some such",
            "than that the their theirs them themselves then there these they this those through",
            "to too under until up very was we were what when where which while who whom why will",
            "with would you your yours yourself yourselves upon thus however whether would shall",
            "may might must one two three first second new",
        )
    ).split()
)


@dataclass(slots=True)
class Stems:
    """Word stems as small integers, shared by the draft and every source of one run."""

    stemmer: Any = None
    ids: dict[str, int] = field(default_factory=dict)
    content: set[int] = field(default_factory=set)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def of(self, words: Sequence[str]) -> list[int]:
        """The stem id of each word (words as the checker's streams hold them)."""
        known = self.ids
        missing = {w for w in words if w not in known}
        if missing:
            with self.lock:
                folded = {w: normalise_word(w).casefold() for w in missing}
                stems = dict(
                    zip(set(folded.values()), self._stem(list(set(folded.values()))), strict=True)
                )
                for word, fold in folded.items():
                    number = known.setdefault("\0" + stems[fold], len(known))
                    known[word] = number
                    if fold not in FUNCTION_WORDS and not fold.isdigit():
                        self.content.add(number)
        return [known[w] for w in words]

    def _stem(self, words: list[str]) -> list[str]:
        if self.stemmer is None:
            import Stemmer  # PyStemmer: the Snowball stemmers in C

            self.stemmer = Stemmer.Stemmer("english")
        return list(self.stemmer.stemWords(words))


STEMS = Stems()
# Stems occurring more often than this in one stream are not indexed by position: a shingle is
# found through its rarest word, and five words each this common make a stock phrase.
INDEXED_BELOW = 2000


@dataclass(slots=True)
class Prepared:
    """One stream of a source, ready for the guard: stem ids, capitals, where rare stems are."""

    source_id: str
    stream: Stream
    stems: list[int]
    capital: list[bool]
    counts: Counter[int]
    positions: dict[int, list[int]]


# Per stream (kept alive with it), computed once per process: the Check dock re-runs the guard
# after every pause in typing, and only the draft's side changes.
_PREPARED: dict[int, Prepared] = {}
_PREPARED_LOCK = threading.Lock()
_PREPARED_MAX = 2000


def prepare(source_id: str, stream: Stream) -> Prepared:
    key = id(stream)
    with _PREPARED_LOCK:
        cached = _PREPARED.get(key)
    if cached is not None and cached.stream is stream:
        return cached
    stems = STEMS.of(stream.words)
    capital = [w[:1].isupper() for w in stream.words]
    counts = Counter(stems)
    rare = {stem for stem, count in counts.items() if count < INDEXED_BELOW}
    positions: dict[int, list[int]] = defaultdict(list)
    for position, stem in enumerate(stems):
        if stem in rare:
            positions[stem].append(position)
    prepared = Prepared(source_id, stream, stems, capital, counts, dict(positions))
    with _PREPARED_LOCK:
        if len(_PREPARED) >= _PREPARED_MAX:
            _PREPARED.pop(next(iter(_PREPARED)))
        _PREPARED[key] = prepared
    return prepared


# Odd 64-bit multipliers of the window hash (any fixed odd numbers do; a collision only costs
# the exact comparison that follows every hash match).
_MULTIPLIERS = (
    0x9E3779B97F4A7C15,
    0xC2B2AE3D27D4EB4F,
    0x165667B19E3779F9,
    0xD6E8FEB86659FD93,
    0xFF51AFD7ED558CCD,
    0xC4CEB9FE1A85EC53,
    0x94D049BB133111EB,
    0xBF58476D1CE4E5B9,
)


def _window_hashes(stems: np.ndarray, width: int) -> np.ndarray:
    """A 64-bit hash of each run of `width` stem ids (row-wise for a 2-D array of runs)."""
    if stems.ndim == 2:
        columns = [stems[:, k] for k in range(width)]
    else:
        count = len(stems) - width + 1
        columns = [stems[k : k + count] for k in range(width)]
    hashes = np.zeros(len(columns[0]), dtype=np.uint64)
    for column, multiplier in zip(columns, _MULTIPLIERS, strict=False):
        hashes += column.astype(np.uint64) * np.uint64(multiplier)
    return hashes


# Matches checked at once in `PreparedLibrary.windows` (bounds its temporary arrays).
_MATCH_CHUNK = 1 << 17


@dataclass(slots=True)
class PreparedLibrary:
    """The prepared streams of one library together: how often each stem occurs in them all,
    and every run of `width` words of every stream by its hash, so that finding where the
    draft's runs stand costs a sorted search per draft run instead of a pass over the library.
    Built once per set of streams (`prepare_library`); a re-check reuses it. About 25 bytes a
    word of the library."""

    entries: list[Prepared]
    width: int
    frequency: Counter[int]
    total_words: int
    stems: np.ndarray  # every stream's stem ids, one after the other
    bases: np.ndarray  # where each stream starts in `stems` (and, last, the end)
    indexed: np.ndarray  # whether the stream indexes the word's stem by position
    hashes: np.ndarray  # the window hashes of all streams, sorted
    starts: np.ndarray  # where each of those windows starts in `stems`

    @classmethod
    def build(cls, entries: list[Prepared], width: int) -> PreparedLibrary:
        frequency: Counter[int] = Counter()
        for entry in entries:
            frequency.update(entry.counts)
        lengths = [len(entry.stems) for entry in entries]
        bases = np.zeros(len(entries) + 1, dtype=np.int64)
        bases[1:] = np.cumsum(lengths, dtype=np.int64)
        stems = np.zeros(int(bases[-1]), dtype=np.int64)
        indexed = np.zeros(int(bases[-1]), dtype=bool)
        hashes, starts = [], []
        for number, entry in enumerate(entries):
            if not entry.stems:
                continue
            base = int(bases[number])
            own = np.asarray(entry.stems, dtype=np.int64)
            stems[base : base + len(own)] = own
            indexed[base : base + len(own)] = np.bincount(own)[own] < INDEXED_BELOW
            if len(own) >= width:
                hashes.append(_window_hashes(own, width))
                starts.append(np.arange(base, base + len(own) - width + 1, dtype=np.int64))
        all_hashes = np.concatenate(hashes) if hashes else np.zeros(0, dtype=np.uint64)
        all_starts = np.concatenate(starts) if starts else np.zeros(0, dtype=np.int64)
        order = np.argsort(all_hashes, kind="stable")
        return cls(
            entries,
            width,
            frequency,
            int(bases[-1]),
            stems,
            bases,
            indexed,
            all_hashes[order],
            all_starts[order],
        )

    def windows(
        self, runs: Sequence[tuple[int, ...]], anchors: np.ndarray | None = None
    ) -> dict[int, list[tuple[int, int]]]:
        """Where each of `runs` (tuples of `width` stem ids) stands in the library, word for
        word: for each stream (its index in `entries`), (start, index of the run in `runs`)
        pairs in the order of the streams' windows. With `anchors` (a bool per run and
        offset), only the places where the stream indexes the run's word at an anchored
        offset count."""
        found: dict[int, list[tuple[int, int]]] = defaultdict(list)
        if not runs or not len(self.hashes):
            return found
        wanted = np.asarray(runs, dtype=np.int64)
        hashes = _window_hashes(wanted, self.width)
        low = np.searchsorted(self.hashes, hashes, side="left")
        high = np.searchsorted(self.hashes, hashes, side="right")
        counts = high - low
        # Every hash match as (run, index into the sorted windows).
        run_of = np.repeat(np.arange(len(runs)), counts)
        first = np.repeat(low - (np.cumsum(counts) - counts), counts)
        at = first + np.arange(len(run_of))
        offsets = np.arange(self.width)
        for chunk in range(0, len(at), _MATCH_CHUNK):
            which = run_of[chunk : chunk + _MATCH_CHUNK]
            starts = self.starts[at[chunk : chunk + _MATCH_CHUNK]]
            words = starts[:, None] + offsets
            keep = (self.stems[words] == wanted[which]).all(axis=1)  # a hash collision is not
            if anchors is not None:
                keep &= (anchors[which] & self.indexed[words]).any(axis=1)
            starts, which = starts[keep], which[keep]
            entry_of = np.searchsorted(self.bases, starts, side="right") - 1
            local = starts - self.bases[entry_of]
            for entry, start, run in zip(
                entry_of.tolist(), local.tolist(), which.tolist(), strict=True
            ):
                found[entry].append((start, run))
        return found


_LIBRARY: dict[tuple[int, ...], PreparedLibrary] = {}


def prepare_library(entries: list[Prepared], width: int) -> PreparedLibrary:
    """The library's streams prepared together (cached for the same streams: a source added,
    removed or changed gives new streams, so the library is prepared again)."""
    key = (width, *(id(entry) for entry in entries))
    with _PREPARED_LOCK:
        cached = _LIBRARY.get(key)
    if cached is not None and all(a is b for a, b in zip(cached.entries, entries, strict=True)):
        return cached
    library = PreparedLibrary.build(list(entries), width)
    with _PREPARED_LOCK:
        _LIBRARY.clear()  # one library at a time
        _LIBRARY[key] = library
    return library


def clear_caches() -> None:
    """Forget every prepared stream (for benchmarks of a first run)."""
    with _PREPARED_LOCK:
        _PREPARED.clear()
        _LIBRARY.clear()
