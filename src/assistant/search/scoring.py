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
        tails = [slope * length for length in field_lengths(reader, fieldname)]
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
    """BM25F over the text field of one searcher, as Whoosh's BM25FScorer computes it."""

    def __init__(self, searcher: Any) -> None:
        self.searcher = searcher
        b, k1 = internals.bm25_parameters(searcher.weighting, "text")
        avgfl = searcher.avg_field_length("text") or 1
        self.k1 = k1
        self.norm = k1 * (1 - b)
        self.slope = k1 * b / avgfl

    def term(
        self, term: bytes, within: set[int] | None = None, with_values: bool = False
    ) -> tuple[dict[int, float], dict[int, bytes]]:
        """The score of `term` in each document holding it (only those in `within` when
        given), with the postings' values (positions) on request."""
        searcher = self.searcher
        norm, slope = self.norm, self.slope
        factor = searcher.idf("text", term) * (self.k1 + 1)
        scores: dict[int, float] = {}
        values: dict[int, bytes] = {}
        for subsearcher, offset in searcher.leaf_searchers():
            reader = subsearcher.reader()
            if ("text", term) not in reader:
                continue
            matcher = reader.postings("text", term)
            tails = _length_tails(reader, "text", slope)
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
            range(len(words)), key=lambda i: self.searcher.doc_frequency("text", words[i])
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

    def group(self, group: tuple[Alternative, ...], within: set[int] | None) -> dict[int, float]:
        """Scores of a word with its alternatives: summed where several match (Whoosh's Or)."""
        if len(group) == 1:
            return self.alternative(group[0], within)
        total: dict[int, float] = {}
        for alternative in group:
            for docnum, score in self.alternative(alternative, within).items():
                total[docnum] = total.get(docnum, 0.0) + score
        return total

    def frequency(self, group: tuple[Alternative, ...]) -> int:
        return sum(
            min(self.searcher.doc_frequency("text", word) for word in alternative)
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
    # query was relaxed).
    matched: dict[int, int] | None = None


def score_groups(searcher: Any, plain: PlainQuery, relax_below: int = 0) -> Scored:
    """Every document matching the query, with its score. With `relax_below` > 0, an AND that
    matches fewer documents than that is relaxed: documents matching most of the groups
    (at least half) are kept, and `matched` says how many each matches."""
    bm25 = Bm25(searcher)
    if plain.mode == "or":
        combined: dict[int, float] = {}
        for group in plain.groups:
            for docnum, score in bm25.group(group, None).items():
                combined[docnum] = combined.get(docnum, 0.0) + score
        return Scored(combined)
    order = sorted(range(len(plain.groups)), key=lambda i: bm25.frequency(plain.groups[i]))
    running: dict[int, float] | None = None
    for index in order:
        scores = bm25.group(plain.groups[index], None if running is None else set(running))
        running = scores if running is None else {d: running[d] + s for d, s in scores.items()}
        if not running:
            break
    assert running is not None
    if len(plain.groups) < 2 or len(running) >= relax_below:
        return Scored(running)
    # Relaxed: each group scored on its own, documents ranked by how many groups they hold.
    per_group = [bm25.group(group, None) for group in plain.groups]
    need = max(1, (len(plain.groups) + 1) // 2)
    totals: dict[int, float] = {}
    masks: dict[int, int] = {}
    for number, scores in enumerate(per_group):
        bit = 1 << number
        for docnum, score in scores.items():
            totals[docnum] = totals.get(docnum, 0.0) + score
            masks[docnum] = masks.get(docnum, 0) | bit
    kept = {d: s for d, s in totals.items() if masks[d].bit_count() >= need}
    return Scored(kept, {d: masks[d] for d in kept})


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
