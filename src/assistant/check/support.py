""" "Find support": the corpus passages that best back a sentence of the draft.

Two rankings are fused: a search for the sentence's key terms (any of them, BM25 rewarding the
passages that share the rarer ones) and the index's more-like-this over the whole sentence
(Whoosh's key-term extraction weighs words by how distinctive they are in the corpus). Reciprocal
rank fusion keeps a passage that both rank well above one that only one of them likes, without
having to reconcile their scores.
"""

from __future__ import annotations

import contextlib
import re
from typing import Any, Protocol

# Words that carry no topic. Short on purpose: the ranking already discounts common words,
# this only keeps them out of the query the writer sees.
_STOPWORD_TEXT = """
a about above after again against all also although am among an and any are as at be
because been before being below between both but by can could did do does doing down
during each even ever few for from further had has have having he her here hers herself
him himself his how however i if in into is it its itself just many may me might more most
much must my myself no nor not now of off on once one only or other ought our ours
ourselves out over own per perhaps rather same she should since so some such than that the
their theirs them themselves then there these they this those though through thus to too
under until up upon us very was we were what when where whether which while who whom whose
why will with within without would yet you your yours yourself yourselves
"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())
_FUSION_K = 60
_CITATION = re.compile(r"\[[^\]]*@[^\]]*\]|\[\^[^\]]*\]|\^\[[^\]]*\]")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


class SupportIndex(Protocol):
    def search(self, query: str, limit: int = 10, source_ids: Any = None) -> Any: ...

    def more_like(self, text: str, limit: int = 10, exclude: Any = None) -> Any: ...


def key_terms(sentence: str, limit: int = 10) -> list[str]:
    """The sentence's content words, in order, without citations, stopwords or repeats."""
    text = _CITATION.sub(" ", sentence)
    terms: list[str] = []
    for match in _WORD.finditer(text):
        word = match.group().replace("’", "'")
        folded = word.casefold()
        base = folded.split("'")[0]
        if base in STOPWORDS or (len(base) < 3 and not base.isdigit()):
            continue
        if base not in terms:
            terms.append(base)
    return terms[:limit]


def find_support(sentence: str, index: SupportIndex, limit: int = 10) -> Any:
    """Passages that best support `sentence`, best first, as the index's `SearchResults`."""
    from assistant.search.errors import QuerySyntaxError
    from assistant.search.index import SearchResults

    terms = key_terms(sentence)
    if not terms:
        return SearchResults(sentence, 0, [], {}, None)
    depth = max(limit * 3, 20)
    rankings = []
    # A term the query language reads as syntax only loses the keyword ranking.
    with contextlib.suppress(QuerySyntaxError):
        rankings.append(index.search(" OR ".join(terms), limit=depth).hits)
    rankings.append(index.more_like(_CITATION.sub(" ", sentence), limit=depth).hits)

    scores: dict[tuple[str, int], float] = {}
    hits: dict[tuple[str, int], Any] = {}
    for ranking in rankings:
        for rank, hit in enumerate(ranking):
            key = (hit.source_id, hit.ordinal)
            scores[key] = scores.get(key, 0.0) + 1.0 / (_FUSION_K + rank + 1)
            # Keep the keyword search's hit: its snippet marks the sentence's own terms.
            hits.setdefault(key, hit)
    order = sorted(scores, key=lambda key: (-scores[key], key))
    chosen = [hits[key] for key in order[:limit]]
    counts: dict[str, int] = {}
    for key in order:
        counts[key[0]] = counts.get(key[0], 0) + 1
    return SearchResults(" ".join(terms), len(order), chosen, dict(sorted(counts.items())), None)
