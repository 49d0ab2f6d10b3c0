"""BM25F scoring of plain-word queries on posting lists as arrays (postings.py).

Most searches are plain words (with their spelling variants) joined by AND or OR, or exact
phrases. `plain_query` recognises them in a parsed query as a list of *groups*: each group is
one word of the query with its alternatives (variants, synonyms, a phrase for a name), each
alternative a term or a phrase. `score_groups` then gives every matching document the score
Whoosh's own searcher gives it (BM25FScorer summed over the matching terms, as its And, Or and
phrase matchers do: the tests compare the two), and can relax an AND to "most of the words".
`without_negations` takes the NOT parts off such a query (their documents are removed). Any
other query runs through Whoosh's matchers and `CountingTopCollector`.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

import numpy as np
from whoosh import collectors, query, scoring

from assistant.search import postings
from assistant.search import whoosh_internals as internals

# A source's own notes and its headings are short and dense in the words of their section, so
# BM25 tends to rank them above the body passages that discuss the subject (the bibliographic
# note `Matray, "Dean Acheson's Press Club Speech Reexamined"` above the pages about the
# speech). Unless the query asks for a kind, their scores are scaled by this factor, which only
# reorders hits that match about equally well. Reference-list entries (kind:bib), dense in
# names and titles, are scaled more.
SECONDARY_KIND_FACTOR = 0.75
BIB_KIND_FACTOR = 0.6
SECONDARY_KINDS = {
    "note": SECONDARY_KIND_FACTOR,
    "heading": SECONDARY_KIND_FACTOR,
    "bib": BIB_KIND_FACTOR,
}

Alternative = tuple[bytes, ...]  # one term, or the words of a phrase


@dataclass(frozen=True)
class PlainQuery:
    groups: tuple[tuple[Alternative, ...], ...]
    mode: str  # "and" | "or"


def _as_bytes(text: Any) -> bytes:
    return text if isinstance(text, bytes) else str(text).encode("utf-8")


def _alternative(node: Any) -> Alternative | None:
    if type(node) is query.Term and node.fieldname == "text" and node.boost == 1.0:
        return (_as_bytes(node.text),)
    if (
        isinstance(node, query.Phrase)
        and node.fieldname == "text"
        and node.slop == 1
        and node.boost == 1.0
        and len(node.words) >= 2
    ):
        return tuple(_as_bytes(word) for word in node.words)
    return None


def _group(node: Any) -> tuple[Alternative, ...] | None:
    single = _alternative(node)
    if single is not None:
        return (single,)
    if type(node) is query.Or and node.boost == 1.0 and not _scaled(node) and node.subqueries:
        alternatives = [_alternative(sub) for sub in node.subqueries]
        if all(alt is not None for alt in alternatives) and len(set(alternatives)) == len(
            alternatives
        ):
            return tuple(alt for alt in alternatives if alt is not None)
    return None


def _scaled(node: Any) -> bool:
    return bool(getattr(node, "scale", None) or getattr(node, "minmatch", 0))


def plain_query(parsed: Any) -> PlainQuery | None:
    """The groups of a query of plain words of the text field, or None when the query needs
    Whoosh's matchers (fields, prefixes, NOT, nesting...)."""
    group = _group(parsed)
    if group is not None:
        return PlainQuery((group,), "and")
    if type(parsed) in (query.And, query.Or) and parsed.boost == 1.0 and not _scaled(parsed):
        if not parsed.subqueries:
            return None
        if type(parsed) is query.Or:
            # An OR of words: every alternative of every word is one group of its own.
            alternatives: list[Alternative] = []
            for sub in parsed.subqueries:
                sub_group = _group(sub)
                if sub_group is None:
                    return None
                alternatives.extend(sub_group)
            if len(set(alternatives)) != len(alternatives):
                return None  # Whoosh scores a repeated word twice; leave that to it
            return PlainQuery(tuple((alt,) for alt in alternatives), "or")
        groups = []
        for sub in parsed.subqueries:
            sub_group = _group(sub)
            if sub_group is None:
                return None
            groups.append(sub_group)
        flat = [alt for g in groups for alt in g]
        if len(set(flat)) != len(flat):
            return None
        return PlainQuery(tuple(groups), "and")
    return None


def without_negations(parsed: Any) -> tuple[Any, list[Any], float]:
    """(the query less its NOT parts, the queries of those parts, what Whoosh adds to the
    score): `Stalin NOT Mao` is `Stalin` less the documents of `Mao`, scored as Whoosh
    scores it, `Stalin`'s score plus 1 for each NOT of an AND (Whoosh's inverse matcher
    scores 1), nothing for an ANDNOT. A query with nothing left once they are taken out is
    returned as it is."""
    if type(parsed) is query.AndNot and parsed.boost == 1.0:
        return parsed.a, [parsed.b], 0.0
    if type(parsed) is not query.And or parsed.boost != 1.0 or _scaled(parsed):
        return parsed, [], 0.0
    negative = [sub.query for sub in parsed.subqueries if type(sub) is query.Not]
    positive = [sub for sub in parsed.subqueries if type(sub) is not query.Not]
    if not negative or not positive:
        return parsed, [], 0.0
    kept = positive[0] if len(positive) == 1 else query.And(positive)
    return kept, negative, float(len(negative))


def names_kind(parsed: Any) -> bool:
    """Whether the query filters on kind (kind:note ...): then kinds are ranked alike."""
    try:
        return any(fieldname == "kind" for fieldname, _ in parsed.iter_all_terms())
    except Exception:
        return False


# ---------------------------------------------------------------------------------------------
# Per-segment tables, read once (segments are immutable)

_LENGTHS: dict[tuple[str, str], list[int]] = {}
_LOCK = threading.Lock()


def field_lengths(reader: Any, fieldname: str) -> list[int]:
    """Every document's field length in one segment."""
    segment = reader.segment()
    key = (segment.segment_id(), fieldname)
    lengths = _LENGTHS.get(key)
    if lengths is None:
        lengths = internals.length_column(reader, fieldname)
        if lengths is None:
            lengths = [
                reader.doc_field_length(docnum, fieldname, 1)
                for docnum in range(reader.doc_count_all())
            ]
        with _LOCK:
            if len(_LENGTHS) > 256:
                _LENGTHS.clear()
            _LENGTHS[key] = lengths
    return lengths


def term_docs(searcher: Any, fieldname: str, text: str) -> list[int]:
    """Document numbers (deleted ones left out) holding a term: docs_for_query for one term,
    a posting block at a time where possible."""
    found: list[int] = []
    for subsearcher, offset in searcher.leaf_searchers():
        reader = subsearcher.reader()
        if (fieldname, text) not in reader:
            continue
        matcher = reader.postings(fieldname, text)
        blocks = internals.posting_blocks(matcher)
        if blocks is None:
            found.extend(offset + d for d in matcher.all_ids())
        else:
            for ids, _, _ in blocks:
                found.extend(offset + d for d in ids)
    return found


class CachedLengthBM25F(scoring.BM25F):
    """BM25F whose scorers look document lengths up in a list (identical scores)."""

    def scorer(self, searcher: Any, fieldname: str, text: Any, qf: int = 1) -> Any:
        scorer = super().scorer(searcher, fieldname, text, qf)
        if internals.SUPPORTED:
            internals.length_lookup(scorer, field_lengths(searcher.reader(), fieldname))
        return scorer


def clear_caches() -> None:
    """Forget what searches keep decoded between runs (document lengths, posting lists,
    positions): for measuring a first search, or to free memory."""
    with _LOCK:
        _LENGTHS.clear()
    postings.clear()


# ---------------------------------------------------------------------------------------------
# Scoring, on arrays (postings.py): a result is (document numbers, sorted; their scores)

Matches = tuple[postings.IntArray, postings.FloatArray]


class Bm25:
    """BM25F over one field of one searcher, as Whoosh's BM25FScorer computes it."""

    def __init__(self, searcher: Any, fieldname: str = "text") -> None:
        self.searcher = searcher
        self.fieldname = fieldname
        b, k1 = internals.bm25_parameters(searcher.weighting, fieldname)
        avgfl = searcher.avg_field_length(fieldname) or 1
        self.k1 = k1
        self.norm = k1 * (1 - b)
        self.slope = k1 * b / avgfl
        # norm + slope * length of every document: BM25's denominator less the frequency.
        self.denominators = self.norm + self.slope * postings.lengths(
            searcher, fieldname, field_lengths
        )

    def term(self, term: bytes) -> Matches:
        """The documents holding `term`, with its score in each."""
        docs, tf = postings.postings(self.searcher, self.fieldname, term)
        if not len(docs):
            return docs, tf
        factor = self.searcher.idf(self.fieldname, term) * (self.k1 + 1)
        return docs, factor * tf / (tf + self.denominators[docs])

    def alternative(self, words: Alternative) -> Matches:
        """Scores of a term, or of a phrase (the sum of its words' scores where they stand
        next to each other, in order)."""
        if len(words) == 1:
            return self.term(words[0])
        docs = postings.phrase_docs(self.searcher, self.fieldname, words)
        total = np.zeros(len(docs))
        if len(docs):
            for word in words:
                word_docs, scores = self.term(word)
                total += scores[np.searchsorted(word_docs, docs)]
        return docs, total

    def group(self, group: tuple[Alternative, ...]) -> Matches:
        """Scores of a word with its alternatives: summed where several match (Whoosh's Or)."""
        if len(group) == 1:
            return self.alternative(group[0])
        return _union([self.alternative(alternative) for alternative in group])

    def frequency(self, group: tuple[Alternative, ...]) -> int:
        return sum(
            min(self.searcher.doc_frequency(self.fieldname, word) for word in alternative)
            for alternative in group
        )


def _union(parts: list[Matches]) -> Matches:
    """Every document of any part, with the sum of its scores."""
    parts = [part for part in parts if len(part[0])]
    if not parts:
        return postings.EMPTY_INTS, postings.EMPTY_FLOATS
    if len(parts) == 1:
        return parts[0]
    docs, inverse = np.unique(np.concatenate([d for d, _ in parts]), return_inverse=True)
    scores = np.bincount(inverse, weights=np.concatenate([s for _, s in parts]))
    return docs.astype(np.int64), scores.astype(np.float64)


def _intersection(first: Matches, second: Matches) -> Matches:
    docs, left, right = np.intersect1d(first[0], second[0], assume_unique=True, return_indices=True)
    return docs, first[1][left] + second[1][right]


@dataclass
class Scored:
    docs: postings.IntArray
    scores: postings.FloatArray
    # Per document (aligned with `docs`), which of the query's groups it matches, as a bit
    # mask (only when the query was relaxed).
    matched: postings.IntArray | None = None


def score_groups(searcher: Any, plain: PlainQuery, relax_below: int = 0) -> Scored:
    """Every document matching the query, with its score. With `relax_below` > 0, an AND that
    matches fewer documents than that is relaxed: documents matching most of the groups
    (at least half) are kept, and `matched` says which groups each matches."""
    bm25 = Bm25(searcher)
    if plain.mode == "or":
        return Scored(*_union([bm25.group(group) for group in plain.groups]))
    order = sorted(range(len(plain.groups)), key=lambda i: bm25.frequency(plain.groups[i]))
    per_group: dict[int, Matches] = {}
    running: Matches | None = None
    for index in order:
        per_group[index] = bm25.group(plain.groups[index])
        running = per_group[index] if running is None else _intersection(running, per_group[index])
        if not len(running[0]):
            break
    assert running is not None
    if len(plain.groups) < 2 or len(running[0]) >= relax_below:
        return Scored(*running)
    # Relaxed: each group scored on its own, documents ranked by how many groups they hold.
    count = searcher.doc_count_all()
    totals = np.zeros(count)
    masks = np.zeros(count, dtype=np.int64)
    held = np.zeros(count, dtype=np.int16)
    for number, group in enumerate(plain.groups):
        docs, scores = per_group[number] if number in per_group else bm25.group(group)
        totals[docs] += scores
        masks[docs] |= 1 << number
        held[docs] += 1
    need = max(1, (len(plain.groups) + 1) // 2)
    kept = np.flatnonzero(held >= need)
    return Scored(kept, totals[kept], masks[kept])


class CountingTopCollector(collectors.TopCollector):
    """Top-k collector that also records every matching document number.

    Block-quality skipping is off: the exact total needs every match visited anyway, and
    on passage-sized documents Whoosh's skipping rarely skips a block.
    """

    def __init__(self, limit: int, demoted: dict[int, float] | None = None) -> None:
        super().__init__(limit, usequality=False)
        # Nor may the matcher be "replaced" by a cheaper one that drops documents unable to
        # reach the top k (Whoosh turns an OR into an AND that way): every match must count.
        self.replace = 0
        self.matched: list[int] = []
        self.demoted = demoted or {}

    def prepare(self, top_searcher: Any, q: Any, context: Any) -> None:
        super().prepare(top_searcher, q, context)
        if self.demoted:
            demoted = self.demoted

            def final(searcher: Any, docnum: int, score: float) -> float:
                return score * demoted.get(docnum, 1.0)

            self.final_fn = final

    def collect(self, sub_docnum: int) -> Any:
        self.matched.append(self.offset + sub_docnum)
        return super().collect(sub_docnum)
