"""The library's words as stem ids, prepared once: what the borrowing guard compares.

Words are case-folded and Snowball-stemmed (PyStemmer, the stemmers in C) and numbered, so the
draft and every source share one vocabulary of small integers. Each source stream is prepared
once per process (stem ids, which words are capitalised, stem counts, and where each stem that is
not too common stands), and the library's stem frequencies once per set of streams: the Check
dock re-runs the guard after every pause in typing, and only the draft's side changes.
"""

from __future__ import annotations

import threading
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

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


_FREQUENCY: dict[tuple[int, ...], tuple[list[Prepared], Counter[int]]] = {}


def library_frequency(prepared: list[Prepared]) -> Counter[int]:
    """How often each stem occurs in all the streams (cached for the same set of streams)."""
    key = tuple(id(entry) for entry in prepared)
    with _PREPARED_LOCK:
        cached = _FREQUENCY.get(key)
    if cached is not None and all(a is b for a, b in zip(cached[0], prepared, strict=True)):
        return cached[1]
    frequency: Counter[int] = Counter()
    for entry in prepared:
        frequency.update(entry.counts)
    with _PREPARED_LOCK:
        _FREQUENCY.clear()  # one library at a time
        _FREQUENCY[key] = (prepared, frequency)
    return frequency


def clear_caches() -> None:
    """Forget every prepared stream (for benchmarks of a first run)."""
    with _PREPARED_LOCK:
        _PREPARED.clear()
        _FREQUENCY.clear()
