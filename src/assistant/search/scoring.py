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

import math
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
    # The boost of each alternative of each group (1.0 but for paraphrases, translations and
    # other looser equivalents, which Whoosh would score as boosted terms).
    weights: tuple[tuple[float, ...], ...] = ()

    def weight(self, group: int, alternative: int) -> float:
        return self.weights[group][alternative] if self.weights else 1.0


def _as_bytes(text: Any) -> bytes:
    return text if isinstance(text, bytes) else str(text).encode("utf-8")


def _alternative(node: Any) -> tuple[Alternative, float] | None:
    if type(node) is query.Term and node.fieldname == "text" and node.boost > 0:
        return (_as_bytes(node.text),), float(node.boost)
    if (
        isinstance(node, query.Phrase)
        and node.fieldname == "text"
        and node.slop == 1
        and node.boost > 0
        and len(node.words) >= 2
    ):
        return tuple(_as_bytes(word) for word in node.words), float(node.boost)
    return None


def _group(node: Any) -> tuple[tuple[Alternative, ...], tuple[float, ...]] | None:
    single = _alternative(node)
    if single is not None:
        return (single[0],), (single[1],)
    if type(node) is query.Or and node.boost == 1.0 and not _scaled(node) and node.subqueries:
        alternatives = [_alternative(sub) for sub in node.subqueries]
        found = [alt for alt in alternatives if alt is not None]
        if len(found) == len(alternatives) and len({a for a, _ in found}) == len(found):
            return tuple(a for a, _ in found), tuple(w for _, w in found)
    return None


def _scaled(node: Any) -> bool:
    return bool(getattr(node, "scale", None) or getattr(node, "minmatch", 0))


def plain_query(parsed: Any) -> PlainQuery | None:
    """The groups of a query of plain words of the text field, or None when the query needs
    Whoosh's matchers (fields, prefixes, NOT, nesting...)."""
    group = _group(parsed)
    if group is not None:
        return PlainQuery((group[0],), "and", (group[1],))
    if type(parsed) in (query.And, query.Or) and parsed.boost == 1.0 and not _scaled(parsed):
        if not parsed.subqueries:
            return None
        if type(parsed) is query.Or:
            # An OR of words: every alternative of every word is one group of its own.
            alternatives: list[Alternative] = []
            weights: list[float] = []
            for sub in parsed.subqueries:
                sub_group = _group(sub)
                if sub_group is None:
                    return None
                alternatives.extend(sub_group[0])
                weights.extend(sub_group[1])
            if len(set(alternatives)) != len(alternatives):
                return None  # Whoosh scores a repeated word twice; leave that to it
            return PlainQuery(
                tuple((alt,) for alt in alternatives), "or", tuple((w,) for w in weights)
            )
        groups = []
        group_weights = []
        for sub in parsed.subqueries:
            sub_group = _group(sub)
            if sub_group is None:
                return None
            groups.append(sub_group[0])
            group_weights.append(sub_group[1])
        # (A word shared by two groups is scored in each, as Whoosh's And of Ors does.)
        return PlainQuery(tuple(groups), "and", tuple(group_weights))
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

    def group(self, group: tuple[Alternative, ...], weights: tuple[float, ...] = ()) -> Matches:
        """Scores of a word with its alternatives: summed where several match (Whoosh's Or),
        each alternative's scaled by its boost."""
        if len(group) == 1 and (not weights or weights[0] == 1.0):
            return self.alternative(group[0])
        parts = []
        for number, alternative in enumerate(group):
            docs, scores = self.alternative(alternative)
            weight = weights[number] if weights else 1.0
            parts.append((docs, scores * weight if weight != 1.0 else scores))
        return _union(parts)

    def frequency(self, group: tuple[Alternative, ...]) -> int:
        """About how many documents hold one of the group's alternatives (an upper bound)."""
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
    # mask (only when the query was relaxed), and how many documents hold every (required)
    # group in their text.
    matched: postings.IntArray | None = None
    complete: int = 0


# Relaxed ranking. A word's share of the query is its idf, so a passage lacking a common word
# ("policy", "Soviet") loses less than one lacking the rare word the query is about; function
# words of a question ("why did ... about") count for little. A passage's BM25 score is scaled
# by its share of the query (`COVERAGE_POWER`), so more of the query ranks higher, with the
# score ordering passages that cover about as much.
COVERAGE_POWER = 3.0
FUNCTION_WORD_SHARE = 0.15
# The words of a passage's headings (its section path: the source's title, chapter, section)
# stand in for a word of the query the passage's text lacks, with this share of the word and
# this fraction of a text match's score ("armée française Corée" finds the passages under
# the heading "L'armée française en Corée").
SECTION_CREDIT = 0.6
SECTION_SCORE = 0.5
# A passage is kept when it covers at least this share of the query, or half its words.
MIN_COVERAGE = 0.4
# ...and when fewer than this many are, the best of the others up to this many.
MIN_KEPT = 10


def _idf(searcher: Any, frequency: int) -> float:
    count = max(1, searcher.doc_count_all())
    return math.log(count / (min(frequency, count) + 1)) + 1


def _weights(plain: PlainQuery, number: int) -> tuple[float, ...]:
    return plain.weights[number] if plain.weights else ()


def score_groups(
    searcher: Any,
    plain: PlainQuery,
    relax_below: int = 0,
    optional: tuple[bool, ...] = (),
) -> Scored:
    """Every document matching the query, with its score. Groups marked `optional` (function
    words) are not required, only scored where present. With `relax_below` > 0, an AND that
    matches fewer documents than that is relaxed: documents covering most of the query are
    kept, ranked by their share of it, and `matched` says which groups each holds."""
    bm25 = Bm25(searcher)
    if plain.mode == "or":
        return Scored(
            *_union([bm25.group(group, _weights(plain, n)) for n, group in enumerate(plain.groups)])
        )
    groups = range(len(plain.groups))
    optional = optional if len(optional) == len(plain.groups) else (False,) * len(plain.groups)
    required = [i for i in groups if not optional[i]] or list(groups)
    order = sorted(required, key=lambda i: bm25.frequency(plain.groups[i]))
    running: Matches | None = None
    for index in order:
        found = bm25.group(plain.groups[index], _weights(plain, index))
        running = found if running is None else _intersection(running, found)
        if not len(running[0]):
            break
    assert running is not None
    if len(running[0]):
        for index in groups:
            if index not in required:
                running = _added(running, bm25.group(plain.groups[index], _weights(plain, index)))
    if len(plain.groups) < 2 or len(running[0]) >= relax_below:
        return Scored(*running)
    relaxed = _relaxed(searcher, bm25, plain, optional)
    relaxed.complete = len(running[0])
    return relaxed


def _added(base: Matches, extra: Matches) -> Matches:
    """`base` with `extra`'s scores added where its documents are in it."""
    _, left, right = np.intersect1d(base[0], extra[0], assume_unique=True, return_indices=True)
    if not len(left):
        return base
    scores = base[1].copy()
    scores[left] += extra[1][right]
    return base[0], scores


def _relaxed(searcher: Any, bm25: Bm25, plain: PlainQuery, optional: tuple[bool, ...]) -> Scored:
    """Documents holding most of the query, scored by BM25 times their share of the query.

    Every group is scored over all its documents, into per-document arrays (a cached
    posting list costs little to score whole, so no group is scored only where earlier
    ones matched)."""
    sections = Bm25(searcher, "section") if "section" in searcher.schema else None
    count = len(plain.groups)
    shares: list[float] = []
    for number, group in enumerate(plain.groups):
        frequency = bm25.frequency(group)
        present = frequency > 0 or (sections is not None and sections.frequency(group) > 0)
        share = _idf(searcher, frequency) if present else 0.0
        shares.append(share * (FUNCTION_WORD_SHARE if optional[number] else 1.0))
    whole = sum(shares) or 1.0
    counted = [i for i in range(count) if shares[i] and not optional[i]]
    need = max(1, (len(counted) + 1) // 2)
    size = searcher.doc_count_all()
    totals = np.zeros(size)
    coverage = np.zeros(size)
    masks = np.zeros(size, dtype=np.int64)
    held = np.zeros(size, dtype=np.int16)
    # One group's credit per document; only the documents it touches are read and reset
    # (a group is often a few hundred passages of a hundred thousand).
    got = np.zeros(size)
    for number, group in enumerate(plain.groups):
        if not shares[number]:
            continue
        weights = _weights(plain, number)
        touched = []
        for which, alternative in enumerate(group):
            weight = weights[which] if weights else 1.0
            # (matches, what their scores are scaled by, the credit they give)
            found = [(bm25.alternative(alternative), weight, weight)]
            if sections is not None:
                found.append(
                    (
                        _in_sections(sections, alternative),
                        weight * SECTION_SCORE,
                        weight * SECTION_CREDIT,
                    )
                )
            for (docs, scores), scale, credit in found:
                if len(docs):
                    totals[docs] += scores * scale
                    touched.append((docs, credit))
        if not touched:
            continue
        share = shares[number] / whole
        if len(touched) == 1:
            # One list of matches (the common case): every document gets its credit.
            docs, credit = touched[0]
            coverage[docs] += credit * share
        else:
            for docs, credit in touched:
                got[docs] = np.maximum(got[docs], credit)
            # Repeated documents are harmless: each assignment writes one value per document.
            docs = np.concatenate([d for d, _ in touched])
            coverage[docs] += got[docs] * share
            got[docs] = 0.0
        masks[docs] |= 1 << number
        if number in counted:
            held[docs] += 1
    candidates = np.flatnonzero(masks)
    kept = candidates[(coverage[candidates] >= MIN_COVERAGE) | (held[candidates] >= need)]
    if len(kept) < MIN_KEPT and len(candidates) > len(kept):
        # Few passages hold most of a long query: the best of those holding less (a
        # translation's two words in a Chinese passage), rather than nearly nothing.
        others = np.setdiff1d(candidates, kept, assume_unique=True)
        best = np.lexsort((others, -totals[others], -coverage[others]))
        kept = np.sort(np.concatenate([kept, others[best[: MIN_KEPT - len(kept)]]]))
    scores = totals[kept] * coverage[kept] ** COVERAGE_POWER
    return Scored(kept, scores, masks[kept])


def _in_sections(sections: Bm25, alternative: Alternative) -> Matches:
    """Scores of an alternative in the section field (no positions: a phrase's words need
    only all be there)."""
    combined: Matches | None = None
    for word in alternative:
        found = sections.term(word)
        combined = found if combined is None else _intersection(combined, found)
        if not len(combined[0]):
            break
    assert combined is not None
    return combined


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
