"""Corrections for words of a query that are in no passage ("Did you mean").

A correction must be close (one edit for short words, two for longer ones) and frequent (in
at least `MIN_FREQUENCY` passages, the most frequent of the closest winning), so a typo is
never "corrected" into a rare word that merely happens to be near. The work is bounded: words
longer than `MAX_WORD` get no correction and at most `MAX_CANDIDATES` words of the index
(those sharing the first letter, nearest in length) are compared, in C (rapidfuzz).
"""

from __future__ import annotations

import re
from typing import Any

from rapidfuzz.distance import Levenshtein
from whoosh import query

from assistant.search.analysis import FastStemmingAnalyzer

MAX_WORD = 40
MAX_CANDIDATES = 50_000
MIN_FREQUENCY = 2

# A plain word of the query (not a field, prefix, fuzzy term or operator).
QUERY_WORD = re.compile(r"(?<![\w:])[^\W\d_][\w'’]*(?![\w:*~])")
_OPERATORS = {"AND", "OR", "NOT"}


def _max_distance(stem: str) -> int:
    return 1 if len(stem) <= 4 else 2


def closest_term(reader: Any, stem: str) -> str | None:
    """The indexed term nearest to `stem`, or None when none is close and frequent."""
    if not stem or len(stem) > MAX_WORD:
        return None
    maxdist = _max_distance(stem)
    best: tuple[int, int, str] | None = None
    examined = 0
    try:
        terms = reader.expand_prefix("text", stem[:1])
    except Exception:
        return None
    for term in terms:
        examined += 1
        if examined > MAX_CANDIDATES:
            break
        text = term.decode("utf-8") if isinstance(term, bytes) else str(term)
        if abs(len(text) - len(stem)) > maxdist or text == stem:
            continue
        distance = Levenshtein.distance(stem, text, score_cutoff=maxdist)
        if distance > maxdist:
            continue
        frequency = reader.doc_frequency("text", text)
        if frequency < MIN_FREQUENCY:
            continue
        key = (distance, -frequency, text)
        if best is None or key < best:
            best = key
    return best[2] if best else None


def surface(searcher: Any, analyzer: FastStemmingAnalyzer, stem: str) -> str | None:
    """The most common written form of a stem in a few passages that contain it."""
    docnums = list(searcher.docs_for_query(query.Term("text", stem)))[:3]
    forms: dict[str, int] = {}
    for docnum in docnums:
        text = searcher.stored_fields(docnum).get("text", "")
        for start, end in analyzer.spans(text, frozenset({stem})):
            original = re.sub(r"['’ʼ]s$", "", text[start:end].lower())
            forms[original] = forms.get(original, 0) + 1
    if not forms:
        return None
    return min(forms, key=lambda form: ("'" in form or "’" in form, -forms[form], len(form), form))


def corrections(
    searcher: Any, analyzer: FastStemmingAnalyzer, query_text: str, unknown: set[str]
) -> dict[str, str]:
    """For each plain word of the query whose stem is in `unknown` (in no passage), its
    correction as written in the passages."""
    reader = searcher.reader()
    replacements: dict[str, str] = {}
    for match in QUERY_WORD.finditer(query_text):
        word = match.group(0)
        if word in _OPERATORS or word in replacements:
            continue
        stems = analyzer.query_stems(word)
        if len(stems) != 1 or stems[0] not in unknown:
            continue
        term = closest_term(reader, stems[0])
        if term is None:
            continue
        written = surface(searcher, analyzer, term) or term
        if word[:1].isupper():
            written = written[:1].upper() + written[1:]
        replacements[word] = written
    return replacements


def apply(query_text: str, replacements: dict[str, str]) -> str:
    return QUERY_WORD.sub(lambda m: replacements.get(m.group(0), m.group(0)), query_text)
