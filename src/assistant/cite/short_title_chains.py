"""Runs of words a short title keeps together or cuts before (CMOS 18 14.30): the first
term of a series of three broken after its second term, and a headline's noun chain, whose
last noun is the head the words before it modify.
"""

from __future__ import annotations

from assistant.cite.short_title_ends import _counted, _first, _last
from assistant.cite.short_title_phrases import GENERIC_HEAD_NOUNS, SERIES_CONJUNCTIONS
from assistant.cite.short_title_units import split_unit
from assistant.cite.short_title_words import ARTICLES
from assistant.cite.short_title_words import bare as _bare


def first_term_of_series(
    units: list[str], chosen: list[str], language: str, function_words: frozenset[str]
) -> list[str]:
    """A cut after the second term of a series of three ("Satellite Communications,
    Globalization, | and the Cold War") moves back to the first term when that term is a
    key phrase of its own, two words or more with no function word ("Satellite
    Communications"): the second term, a single word, was only the next item of a list
    the cut broke (14.30), and so does a second term of two words ("Nasser's Egypt, | Arab
    Nationalism, | and the United Arab Republic"): a short title never ends inside a
    series, where its last term would pass for the end of the list. A first term of one
    word keeps the second with it ("America, Russia"), and so does a first term that only
    names a state or a war ("United States, Algeria")."""
    k = len(chosen)
    if k < 3 or k >= len(units) or not units[k - 1].endswith(","):
        return chosen
    if _bare(_first(units[k])) not in SERIES_CONJUNCTIONS:
        return chosen
    commas = [i + 1 for i, unit in enumerate(units[: k - 1]) if unit.endswith(",")]
    if len(commas) != 1:
        return chosen
    first = units[: commas[0]]
    flat = [w for unit in first for w in split_unit(unit)]
    if (
        _counted(first, language) >= 2
        and _counted(units[commas[0] : k], language) <= 2
        and not any(_bare(w) in function_words for w in flat)
        and _bare(flat[-1]) not in GENERIC_HEAD_NOUNS
    ):
        return first
    return chosen


def noun_chain_end(tokens: list[str], k: int, function_words: frozenset[str]) -> int:
    """Where the run of capitalized content words a cut after `tokens[:k]` falls inside
    ends, 0 when the cut falls between phrases: a headline's noun chain ("Atom Test |
    Treaty", "Threshold Test Ban | Treaty") is one compound, its last noun the head the
    words before it modify, so a cut inside it leaves modifiers without their noun
    (14.30)."""
    before = tokens[k - 1].rstrip("”’\"'")
    if k >= len(tokens) or before.endswith((",", ";", ":", "?", "!", ".")):
        return 0
    if not _last(before)[:1].isupper() or _bare(_last(before)) in function_words:
        return 0  # the chain spans the cut: a capital after lowercase opens a name
    if any(
        _bare(w) in function_words and _bare(w) not in ARTICLES["en"]
        for unit in tokens[:k]
        for w in split_unit(unit)
    ):
        return 0  # only a headline's own chain, not one inside a phrase ("Papers of the ...")
    end = k
    while end < len(tokens):
        word = _first(tokens[end])
        if not word[:1].isupper() or _bare(word) in function_words:
            break
        end += 1
        if tokens[end - 1].endswith((",", ";", ":")):
            break
    return end if end > k else 0
