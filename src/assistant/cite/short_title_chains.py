"""Runs of words a short title keeps together or cuts before (CMOS 18 14.30): the first
term of a series of three broken after its second term, and a headline's noun chain, whose
last noun is the head the words before it modify.
"""

from __future__ import annotations

from assistant.cite.short_title_ends import _counted, _first, _last
from assistant.cite.short_title_phrases import GENERIC_HEAD_NOUNS, SERIES_CONJUNCTIONS
from assistant.cite.short_title_units import split_unit
from assistant.cite.short_title_words import ARTICLES, adjective
from assistant.cite.short_title_words import bare as _bare
from assistant.cite.typography import words


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


def noun_chain_end(
    tokens: list[str], k: int, function_words: frozenset[str], inside_phrase: bool = False
) -> int:
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
    if inside_phrase:
        # (Only a chain that opens on an adjective, "High Intensity | Radiation": one that
        # opens on a name may end on it, "Papers of the Berlin Wall".)
        start = k
        while start > 0 and _bare(_first(tokens[start - 1])) not in function_words:
            start -= 1
        opening = _bare(_first(tokens[start])) if start < k else ""
        if opening not in _DEGREE_ADJECTIVES and not adjective(opening, "en"):
            return 0
    elif any(
        _bare(w) in function_words and _bare(w) not in ARTICLES["en"]
        for unit in tokens[:k]
        for w in split_unit(unit)
    ):
        # Only a headline's own chain, not one inside a phrase ("Papers of the ..."),
        # unless the caller asks for the chain a phrase's object is ("Observation of High
        # Intensity | Radiation").
        return 0
    end = k
    while end < len(tokens):
        word = _first(tokens[end])
        if not word[:1].isupper() or _bare(word) in function_words:
            break
        end += 1
        if tokens[end - 1].endswith((",", ";", ":")):
            break
    return end if end > k else 0


# Adjectives of size, degree or change: with a noun they say how much, not of what ("Large
# Losses", "Increased Levels", "Low Doses"), so the noun keeps its "of" complement.
_DEGREE_ADJECTIVES = words(
    "large small big high low great rapid slow sudden massive significant increased"
    " increasing decreased decreasing reduced rising falling declining elevated"
)
_MOST_WITH_COMPLEMENT = 5


def degree_complement_end(tokens: list[str], head: int, ends: list[int], language: str) -> int:
    """Where the "of" phrase after a head of a degree adjective and its noun ends ("Large
    Losses | of Total Ozone | in Antarctica Reveal ..."), 0 when the head is none or the
    phrase runs past five words: "Large Losses" names no subject, the complement says
    what was lost (14.30 keeps the key words that identify the work)."""
    if language != "en" or head != 2 or head >= len(tokens):
        return 0
    if _bare(tokens[0]) not in _DEGREE_ADJECTIVES or len(split_unit(tokens[0])) != 1:
        return 0
    if _bare(_first(tokens[head])) != "of":
        return 0
    later = [
        k for k in ends if k > head + 1 and _counted(tokens[:k], language) <= _MOST_WITH_COMPLEMENT
    ]
    return min(later) if later else 0


def agent_phrase_at(
    tokens: list[str], head: int, language: str, function_words: frozenset[str]
) -> bool:
    """Whether a "by" phrase follows a bare head of two key words ("Strontium-90
    Absorption | by Deciduous Teeth", "Radiation Injury | by Fallout"): it names the agent
    or the means of what the head names, a qualification the short title drops, as it
    drops a phrase that places the subject (14.30)."""
    if language != "en" or head >= len(tokens) or _bare(_first(tokens[head])) != "by":
        return False
    flat = [w for unit in tokens[:head] for w in split_unit(unit)]
    return len(flat) >= 2 and not any(_bare(w) in function_words for w in flat)
