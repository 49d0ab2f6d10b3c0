"""The second look at a plain query's best hits: the query's words close together, and in
the passage's headings.

BM25 scores each word on its own, so a passage where the words of the query stand together
("change his mind", "Foreign Ministry") ranks no higher than one where they are scattered,
and a passage whose heading names the subject ranks no higher than one that mentions it in
passing. `rerank` re-reads the best `DEPTH` candidates' stored text (only the query's words
are looked at: a cache look-up a word) and their sections (neighbouring passages share one),
a cost that does not grow with the corpus (reading the positions from the postings instead
costs a common word's whole posting list), and scales each candidate's score by

- proximity: for each pair of neighbouring words of the query, how close they stand in the
  passage (1 when adjacent, 1/d at distance d, nothing beyond `WINDOW`), the pairs weighted by
  the rarer word's idf;
- headings: the share of the query's words (by idf) in the passage's section path.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from assistant.search.analysis import FastStemmingAnalyzer, mark_language
from assistant.search.scoring import PlainQuery

DEPTH = 10
WINDOW = 4
PROXIMITY_BOOST = 0.5
HEADING_BOOST = 0.25

Row = tuple[float, dict[str, Any], int]  # (score, stored fields, document number)


def _idf(searcher: Any, group: tuple[tuple[bytes, ...], ...]) -> float:
    count = max(1, searcher.doc_count_all())
    frequency = sum(
        min(searcher.doc_frequency("text", word) for word in alternative) for alternative in group
    )
    return math.log(count / (min(frequency, count) + 1)) + 1


def rerank(
    searcher: Any,
    analyzer: FastStemmingAnalyzer,
    plain: PlainQuery,
    rows: Sequence[Row],
    optional: tuple[bool, ...] = (),
    headings: bool = True,
) -> list[Row]:
    """`rows` (best first) with the first DEPTH rescored; the rest keep their scores."""
    if not rows or plain.mode != "and":
        return list(rows)
    counted = [
        i for i in range(len(plain.groups)) if not (len(optional) > i and optional[i])
    ] or list(range(len(plain.groups)))
    terms = [
        {word.decode("utf-8") for alternative in plain.groups[i] for word in alternative}
        for i in counted
    ]
    wanted = frozenset(t for group in terms for t in group)
    idfs = [_idf(searcher, plain.groups[i]) for i in counted]
    pairs = [(k, k + 1, min(idfs[k], idfs[k + 1])) for k in range(len(counted) - 1)]
    pair_total = sum(w for _, _, w in pairs)
    idf_total = sum(idfs) or 1.0
    out: list[Row] = []
    shares: dict[str, float] = {}
    for rank, (score, stored, docnum) in enumerate(rows):
        if rank >= DEPTH:
            out.append((score, stored, docnum))
            continue
        factor = 1.0
        if pair_total:
            marked = mark_language(stored.get("text", ""), stored.get("lang"))
            positions = analyzer.positions_of(marked, wanted)
            where = [sorted(p for t in group for p in positions.get(t, ())) for group in terms]
            close = 0.0
            for first, second, weight in pairs:
                distance = _nearest(where[first], where[second])
                if distance <= WINDOW:
                    close += weight / max(1, distance)
            factor += PROXIMITY_BOOST * close / pair_total
        section = stored.get("section") if headings else None
        if section:
            # Neighbouring passages share their section: each analysed once.
            share = shares.get(section)
            if share is None:
                in_section = analyzer.term_positions(section).keys()
                share = shares[section] = sum(
                    idf for idf, group in zip(idfs, terms, strict=True) if group & in_section
                )
            factor += HEADING_BOOST * share / idf_total
        out.append((score * factor, stored, docnum))
    return out


def _nearest(first: list[int], second: list[int]) -> int:
    """The smallest distance between a position in `first` and one in `second` (both
    sorted), or a large number when either is empty."""
    if not first or not second:
        return 1 << 30
    best = 1 << 30
    i = j = 0
    while i < len(first) and j < len(second):
        gap = first[i] - second[j]
        if gap == 0:
            # Two words at one position (a joined hyphenated form): not evidence.
            if first[i] <= second[j]:
                i += 1
            else:
                j += 1
            continue
        best = min(best, abs(gap))
        if first[i] < second[j]:
            i += 1
        else:
            j += 1
    return best
