"""BM25F scoring of plain-word queries in one tight loop per posting list.

Most searches are plain words (with their spelling variants) joined by AND or OR, or exact
phrases. `plain_query` recognises them in a parsed query as a list of *groups*: each group is
one word of the query with its alternatives (variants, synonyms, a phrase for a name), each
alternative a term or a phrase. `score_groups` then gives every matching document the score
Whoosh's own searcher gives it (BM25FScorer summed over the matching terms, as its And, Or and
phrase matchers do: the tests compare the two), and can relax an AND to "most of the words".
Any other query runs through Whoosh's matchers and `CountingTopCollector`.
"""

from __future__ import annotations

import heapq
import math
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from whoosh import collectors, query, scoring

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


def names_kind(parsed: Any) -> bool:
    """Whether the query filters on kind (kind:note ...): then kinds are ranked alike."""
    try:
        return any(fieldname == "kind" for fieldname, _ in parsed.iter_all_terms())
    except Exception:
        return False


# ---------------------------------------------------------------------------------------------
# Per-segment tables, read once (segments are immutable)

_LENGTHS: dict[tuple[str, str], list[int]] = {}
_TAILS: dict[tuple[str, str, float], list[float]] = {}
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


def _length_tails(reader: Any, fieldname: str, slope: float) -> list[float]:
    """`slope * length` of every document of a segment (the length part of BM25's
    denominator), per segment and slope (which changes only with the average length)."""
    key = (reader.segment().segment_id(), fieldname, slope)
    tails = _TAILS.get(key)
    if tails is None:
        tails = [slope * (length or 0) for length in field_lengths(reader, fieldname)]
        with _LOCK:
            if len(_TAILS) > 16:
                _TAILS.clear()
            _TAILS[key] = tails
    return tails


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


# Decoded positions by posting value, minus the word's offset in a phrase (so a phrase
# matches where the shifted sets of its words intersect). Values repeat across words and
# documents (most words occur once in a passage, so a value is often just "position n"),
# and unpickling them was most of the cost of a common phrase.
_SHIFTED_POSITIONS: dict[int, dict[bytes, frozenset[int]]] = {}
_SHIFTED_POSITIONS_LIMIT = 50_000


def _shifted_cache(offset: int) -> dict[bytes, frozenset[int]]:
    cache = _SHIFTED_POSITIONS.get(offset)
    if cache is None or len(cache) >= _SHIFTED_POSITIONS_LIMIT:
        cache = _SHIFTED_POSITIONS[offset] = {}
    return cache


def clear_caches() -> None:
    """Forget what searches keep decoded between runs (document lengths, phrase positions):
    for measuring a first search, or to free memory."""
    with _LOCK:
        _LENGTHS.clear()
        _TAILS.clear()
    _SHIFTED_POSITIONS.clear()


# ---------------------------------------------------------------------------------------------
# Scoring


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

    def term(
        self, term: bytes, within: set[int] | None = None, with_values: bool = False
    ) -> tuple[dict[int, float], dict[int, bytes]]:
        """The score of `term` in each document holding it (only those in `within` when
        given), with the postings' values (positions) on request."""
        searcher, fieldname = self.searcher, self.fieldname
        norm, slope = self.norm, self.slope
        factor = searcher.idf(fieldname, term) * (self.k1 + 1)
        scores: dict[int, float] = {}
        values: dict[int, bytes] = {}
        for subsearcher, offset in searcher.leaf_searchers():
            reader = subsearcher.reader()
            if (fieldname, term) not in reader:
                continue
            matcher = reader.postings(fieldname, term)
            tails = _length_tails(reader, fieldname, slope)
            blocks = internals.posting_blocks(matcher, with_values)
            if blocks is None:
                blocks = _generic_blocks(matcher, with_values)
            for local, weights, block_values in blocks:
                ids = [offset + d for d in local] if offset else local
                if within is not None:
                    keep = within.intersection(ids)
                    if not keep:
                        continue
                if weights is None or isinstance(weights, float):
                    tf = 1.0 if weights is None else weights
                    if within is None:
                        scores.update(
                            zip(
                                ids,
                                [factor * tf / (tf + norm + tails[d]) for d in local],
                                strict=True,
                            )
                        )
                    else:
                        for docnum in keep:
                            scores[docnum] = factor * tf / (tf + norm + tails[docnum - offset])
                else:
                    for docnum, d, tf in zip(ids, local, weights, strict=True):
                        if within is None or docnum in keep:
                            scores[docnum] = factor * tf / (tf + norm + tails[d])
                if with_values and block_values is not None:
                    for docnum, value in zip(ids, block_values, strict=True):
                        if within is None or docnum in keep:
                            values[docnum] = value
        return scores, values

    def alternative(self, words: Alternative, within: set[int] | None) -> dict[int, float]:
        """Scores of a term, or of a phrase (the sum of its words' scores where they stand
        next to each other, in order)."""
        if len(words) == 1:
            return self.term(words[0], within)[0]
        # Rarest word first; every later word is only scored where all earlier ones are.
        order = sorted(
            range(len(words)), key=lambda i: self.searcher.doc_frequency(self.fieldname, words[i])
        )
        combined: dict[int, float] | None = None
        values: dict[int, dict[int, bytes]] = {}
        docs = within
        for index in order:
            scores, values[index] = self.term(words[index], docs, with_values=True)
            if combined is not None:
                scores = {d: combined[d] + s for d, s in scores.items() if d in combined}
            combined = scores
            if not combined:
                return {}
            docs = set(combined)
        assert combined is not None
        adjacent = {}
        # Lookups hoisted out of the loop over documents (the cost of a common phrase).
        columns = [(values[offset], _shifted_cache(offset), offset) for offset in range(len(words))]
        for docnum, score in combined.items():
            starts: frozenset[int] | None = None
            for word_values, cache, offset in columns:
                value = word_values[docnum]
                shifted = cache.get(value)
                if shifted is None:
                    shifted = cache[value] = frozenset(
                        p - offset for p in internals.decode_positions(value)
                    )
                starts = shifted if starts is None else starts & shifted
                if not starts:
                    break
            if starts:
                adjacent[docnum] = score
        return adjacent

    def group(
        self,
        group: tuple[Alternative, ...],
        within: set[int] | None,
        weights: tuple[float, ...] = (),
    ) -> dict[int, float]:
        """Scores of a word with its alternatives: summed where several match (Whoosh's Or),
        each alternative's scaled by its boost."""
        if len(group) == 1 and (not weights or weights[0] == 1.0):
            return self.alternative(group[0], within)
        total: dict[int, float] = {}
        for number, alternative in enumerate(group):
            weight = weights[number] if weights else 1.0
            for docnum, score in self.alternative(alternative, within).items():
                total[docnum] = total.get(docnum, 0.0) + score * weight
        return total

    def frequency(self, group: tuple[Alternative, ...]) -> int:
        """About how many documents hold one of the group's alternatives (an upper bound)."""
        return sum(
            min(self.searcher.doc_frequency(self.fieldname, word) for word in alternative)
            for alternative in group
        )


def _generic_blocks(matcher: Any, with_values: bool) -> Iterator[internals.Block]:
    """A matcher's postings through its public methods, as one block."""
    ids, weights, values = [], [], []
    while matcher.is_active():
        ids.append(matcher.id())
        weights.append(matcher.weight())
        if with_values:
            values.append(matcher.value())
        matcher.next()
    yield ids, weights, (values if with_values else None)


@dataclass
class Scored:
    scores: dict[int, float]
    # Per document, which of the query's groups it matches, as a bit mask (only when the
    # query was relaxed), and how many documents hold every (required) group in their text.
    matched: dict[int, int] | None = None
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
        combined: dict[int, float] = {}
        for number, group in enumerate(plain.groups):
            for docnum, score in bm25.group(group, None, plain.weights[number]).items():
                combined[docnum] = combined.get(docnum, 0.0) + score
        return Scored(combined)
    groups = range(len(plain.groups))
    optional = optional if len(optional) == len(plain.groups) else (False,) * len(plain.groups)
    required = [i for i in groups if not optional[i]] or list(groups)
    order = sorted(required, key=lambda i: bm25.frequency(plain.groups[i]))
    running: dict[int, float] | None = None
    for index in order:
        scores = bm25.group(
            plain.groups[index],
            None if running is None else set(running),
            plain.weights[index],
        )
        running = scores if running is None else {d: running[d] + s for d, s in scores.items()}
        if not running:
            break
    assert running is not None
    if running:
        for index in groups:
            if index not in required:
                extra = bm25.group(plain.groups[index], set(running), plain.weights[index])
                for docnum, score in extra.items():
                    running[docnum] += score
    if len(plain.groups) < 2 or len(running) >= relax_below:
        return Scored(running)
    relaxed = _relaxed(searcher, bm25, plain, optional)
    relaxed.complete = len(running)
    return relaxed


def _relaxed(
    searcher: Any,
    bm25: Bm25,
    plain: PlainQuery,
    optional: tuple[bool, ...],
    prune: bool = True,
) -> Scored:
    """Documents holding most of the query, scored by BM25 times their share of the query.

    Groups are scored from the largest share down; once the groups left could not bring a
    document that has none of the earlier ones up to `MIN_COVERAGE` or half the words, they
    are scored only in the documents already found (a common word's whole posting list is
    not walked for passages that cannot qualify)."""
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
    totals: dict[int, float] = {}
    credit: list[dict[int, float]] = [{} for _ in range(count)]
    left_share, left_count = sum(shares), len(counted)
    within: set[int] | None = None
    for number in sorted(range(count), key=lambda i: -shares[i]):
        if prune and within is None and left_share < MIN_COVERAGE * whole and left_count < need:
            within = set(totals)
        left_share -= shares[number]
        left_count -= number in counted
        weights = plain.weights[number]
        got = credit[number]
        for which, alternative in enumerate(plain.groups[number]):
            weight = weights[which]
            for docnum, score in bm25.alternative(alternative, within).items():
                totals[docnum] = totals.get(docnum, 0.0) + score * weight
                if got.get(docnum, 0.0) < weight:
                    got[docnum] = weight
            if sections is not None:
                for docnum, score in _in_sections(sections, alternative, within).items():
                    totals[docnum] = totals.get(docnum, 0.0) + score * weight * SECTION_SCORE
                    if got.get(docnum, 0.0) < weight * SECTION_CREDIT:
                        got[docnum] = weight * SECTION_CREDIT
    coverage: dict[int, float] = {}
    masks: dict[int, int] = {}
    for number, got in enumerate(credit):
        bit = 1 << number
        share = shares[number] / whole
        for docnum, amount in got.items():
            coverage[docnum] = coverage.get(docnum, 0.0) + share * amount
            masks[docnum] = masks.get(docnum, 0) | bit
    kept: dict[int, float] = {}
    counted_mask = sum(1 << i for i in counted)
    for docnum, share in coverage.items():
        holds = masks[docnum] & counted_mask
        if share >= MIN_COVERAGE or holds.bit_count() >= need:
            kept[docnum] = totals[docnum] * share**COVERAGE_POWER
    if len(kept) < MIN_KEPT:
        if within is not None:
            return _relaxed(searcher, bm25, plain, optional, prune=False)
        # Few passages hold most of a long query: the best of those holding less (a
        # translation's two words in a Chinese passage), rather than nearly nothing.
        extra = heapq.nlargest(
            MIN_KEPT - len(kept),
            (d for d in coverage if d not in kept),
            key=lambda d: (coverage[d], totals[d]),
        )
        for docnum in extra:
            kept[docnum] = totals[docnum] * coverage[docnum] ** COVERAGE_POWER
    return Scored(kept, {d: masks[d] for d in kept})


def _in_sections(
    sections: Bm25, alternative: Alternative, within: set[int] | None = None
) -> dict[int, float]:
    """Scores of an alternative in the section field (no positions: a phrase's words need
    only all be there)."""
    if len(alternative) == 1:
        return sections.term(alternative[0], within)[0]
    combined: dict[int, float] | None = None
    for word in alternative:
        scores = sections.term(word, within if combined is None else set(combined))[0]
        combined = (
            scores
            if combined is None
            else {d: combined[d] + v for d, v in scores.items() if d in combined}
        )
        if not combined:
            return {}
    return combined or {}


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
