"""Clause and phrase structure a short title's cut reads (CMOS 18 14.30): where a second
noun phrase joined by "and" ends, whether a title is a subject and its verb, a collection's
name ("Records of ..."), an appositive after a comma, and the object of a leading gerund.
`short_titles._choose` decides the cut with them."""

from __future__ import annotations

from assistant.cite.short_title_ends import _can_end, _counted, _first, _last, _length
from assistant.cite.short_title_phrases import PREPOSITIONS, participle
from assistant.cite.short_title_units import split_unit
from assistant.cite.short_title_words import ARTICLES, FUNCTION_WORDS, adjective
from assistant.cite.short_title_words import bare as _bare
from assistant.cite.typography import words


def coordination_end(
    tokens: list[str], head: int, language: str, function_words: frozenset[str]
) -> int:
    """Where a second bare noun phrase joined to the head by "and" ends, before a
    preposition other than "of" (0 when there is none): "Land Reform | and Rural Unrest |
    in South Korea". Both phrases have two words or more and no function word, five words
    together at most."""
    if language != "en" or head >= len(tokens) or _bare(_first(tokens[head])) != "and":
        return 0
    if _counted(tokens[:head], language) < 2 or any(
        _bare(w) in function_words for unit in tokens[:head] for w in split_unit(unit)
    ):
        return 0
    end = head + 1
    while end < len(tokens) and _bare(_first(tokens[end])) not in function_words:
        end += 1
    if end >= len(tokens) or end - head - 1 < 2 or tokens[end - 1][-1:] in ",;:":
        return 0
    following = _bare(_first(tokens[end]))
    if following not in PREPOSITIONS or following in ("of", "and", "or", "to"):
        return 0
    return end if _counted(tokens[:end], language) <= 5 else 0


# Plural endings only nouns have ("Relations", "Agreements"), and the possessive: no verb.
_NOUN_PLURALS = ("ss", "’s", "'s", "ions", "ments", "ities", "ships", "isms", "ists", "ances")
_NUMBER_WORDS = words(
    "two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen"
    " twenty thirty forty fifty hundred"
)


def subject_and_verb(tokens: list[str], head: int, language: str) -> bool:
    """Whether a head of two words is a one-word subject and its verb in the third person
    ("Truman Calls | for ...", "Ministry Warns | against ..."): a name or noun that is no
    adjective, number, compound or plural, then a word in -s with no ending only a noun
    has ("East-West Relations", "Fourteen Notes" are noun phrases) that a preposition other
    than "of" follows."""
    if language != "en" or head != 2 or len(tokens) <= head:
        return False
    first, second = _bare(tokens[0]), _bare(tokens[1])
    return (
        tokens[0][:1].isupper()
        and len(split_unit(tokens[0])) == len(split_unit(tokens[1])) == 1
        and not first.endswith("s")
        and not adjective(first, language)
        and not any(ch.isdigit() for ch in first)
        and first not in _NUMBER_WORDS
        and "-" not in first
        and second.endswith("s")
        and not second.endswith(_NOUN_PLURALS)
        and _bare(_first(tokens[head])) in PREPOSITIONS
        and _bare(_first(tokens[head])) != "of"
    )


_COLLECTION_WORDS = frozenset(("records", "papers"))


def collection_name(tokens: list[str], language: str) -> int:
    """Where an archival collection's name ends, 0 when `tokens` name none: a creator's
    name with "Records" or "Papers" after it, only its dates and call number following
    ("Women Strike for Peace Records, 1961-1999 (DG 115)"). The name identifies the
    collection as a whole: it is not cut inside (CMOS 14.232 cites a collection by its
    name)."""
    if language != "en":
        return 0
    for k, unit in enumerate(tokens[1:], start=2):
        if _bare(_last(unit)) in _COLLECTION_WORDS:
            rest = tokens[k:]
            dates_only = all(not any(ch.isalpha() for ch in w) or w.startswith("(") for w in rest)
            named = not any(_bare(w).lower() in ("of", "the", "from") for w in tokens[:k])
            return k if dates_only and named and _counted(tokens[:k], language) <= 6 else 0
    return 0


def appositive(rest: list[str], language: str, function_words: frozenset[str]) -> bool:
    """Whether `rest`, after a comma, is one noun phrase restating what precedes: it opens on
    a capitalized word, has no comma or number of its own, and is no name (three words, or
    a function word among them)."""
    flat = [w for unit in rest for w in split_unit(unit)]
    first = _bare(flat[0])
    if language != "en" or not flat[0][:1].isupper() or first in function_words:
        return False
    if any(unit[-1:] in ",;" for unit in rest) or any(ch.isdigit() for w in flat for ch in w):
        return False
    return len(flat) >= 3 or any(_bare(w) in function_words for w in flat)


def object_of_gerund(tokens: list[str], function_words: frozenset[str]) -> list[str]:
    """The key words of a title too long to keep whole whose head is a gerund and its "of"
    ("Making of an Atlantic Ruling Class" -> "Atlantic Ruling Class"): the noun phrase the
    gerund governs, when it is two to four words with no function word."""
    if len(tokens) < 2 or not (participle(tokens[0]) and _bare(tokens[1]) == "of"):
        return []
    rest = tokens[2:]
    if rest and _bare(rest[0]) in ARTICLES["en"]:
        rest = rest[1:]
    if not 2 <= len(rest) <= 4 or any(_bare(w) in function_words for w in rest):
        return []
    return rest if _can_end(rest, "en", function_words) else []


_BOTH_OBJECTS = {"en": words("between"), "fr": words("entre"), "de": words("zwischen")}
_BOTH_OBJECTS["es"] = _BOTH_OBJECTS["pt"] = _BOTH_OBJECTS["fr"]
_BOTH_OBJECTS["it"] = words("tra fra")
_AND = words("and et und y e")


def splits_between(tokens: list[str], k: int, language: str) -> bool:
    """Whether a cut before unit `k` leaves "between" with one of its two objects ("My
    Life between Japan | and America"): the preposition governs both, and one alone is no
    phrase (14.30)."""
    if k >= len(tokens) or _bare(_first(tokens[k])) not in _AND:
        return False
    between = _BOTH_OBJECTS.get(language, frozenset())
    # (A title that opens on "Between" is its own head: "Between Great Powers | and Third
    # World Neutrals" may stop at its first object, as "From ... to" does not.)
    flat = [_bare(w) for unit in tokens[max(1, k - 4) : k] for w in split_unit(unit)]
    return any(w in between for w in flat[-4:])


def between_cut(tokens: list[str], language: str, function_words: frozenset[str]) -> int:
    """Where a title with "between X and Y" after its head is cut (0 when it has none):
    before "between" when the head has two words ("My Life | between Japan and America"),
    else after both objects, five words at most ("Relations between Moscow and
    Beijing | in the Khrushchev Era"): never between the two (14.30)."""
    between = _BOTH_OBJECTS.get(language, frozenset())
    start = next((i for i, u in enumerate(tokens) if _bare(_first(u)) in between), 0)
    if not start:
        return 0
    link = next(
        (
            i
            for i in range(start + 1, min(start + 5, len(tokens)))
            if _bare(_first(tokens[i])) in _AND
        ),
        0,
    )
    if not link:
        return 0
    end = link + 1
    while end < len(tokens) and _bare(_first(tokens[end])) not in function_words - ARTICLES.get(
        language, frozenset()
    ):
        end += 1
    if _counted(tokens[:start], language) >= 2:
        return start
    return end if _counted(tokens[:end], language) <= 5 else 0


_PARTICLES = words("in out up down off back away over on")
_AFTER_PARTICLE = words("from of to into with at on onto for")


def with_particle(units: list[str], chosen: list[str], language: str) -> list[str]:
    """`chosen` with the adverb a cut would leave behind ("Spy Who Came | In from the
    Cold"): a particle right before a preposition completes the verb before it (8.159
    calls it an adverb), and goes with it (14.30)."""
    k = len(chosen)
    if language != "en" or not 1 < k < len(units) - 1:
        return chosen
    verb = k - 1 if _bare(chosen[-1]) in _PARTICLES else k
    if (
        len(split_unit(units[verb])) == 1
        and _bare(units[verb]) in _PARTICLES
        and _bare(_first(units[verb + 1])) in _AFTER_PARTICLE
        and units[verb - 1][-1:] not in ",;:"
        and _bare(units[verb - 1]) not in FUNCTION_WORDS["en"]
    ):
        particle = units[verb]
        if _last(units[verb - 1])[:1].isupper():
            # In headline style an adverb particle is capitalized (8.159), and it now ends
            # the short title, whose last word is capitalized in any case.
            particle = particle[:1].upper() + particle[1:]
        return [*units[:verb], particle]
    return chosen


def question_subject_end(
    tokens: list[str], verbs: list[int], language: str, function_words: frozenset[str]
) -> int:
    """Where the subject after a question's auxiliary ends, when the title's verb comes
    after it past four words ("How Seriously Did Ordinary Americans | Take ..."): a cut
    before its noun leaves the auxiliary with half a subject, a cut after it is five words
    at most (14.30). 0 when the question is not so made."""
    if len(verbs) != 1 or _length(tokens[: verbs[0] + 2], language) < 4:
        return 0
    for k in (verbs[0] + 2, verbs[0] + 3):
        if k >= len(tokens) or _counted(tokens[:k], language) > 5:
            return 0
        if _can_end(tokens[:k], language, function_words) and not adjective(
            _bare(tokens[k - 1]), language
        ):
            return k if _bare(_first(tokens[k])) not in function_words else 0
    return 0


# Nouns that name a relation, not a subject: the "of" phrase after them is the key word.
_RELATIONAL = words(
    "role place nature meaning idea question problem case limits limit uses use end ends"
    " importance significance origins roots"
)


def gerund_object_end(tokens: list[str], language: str) -> int:
    """Where a gerund and its object end, before the "of" phrase that qualifies the object
    ("Meeting the Demands | of Reason", "Re-examining the History | of the Battle of
    Okinawa"), in a title of five words or more: the gerund and its object are the key
    phrase (14.30). 0 otherwise, and when the object only names a relation ("Rethinking
    the Role | of Ideology")."""
    if language != "en" or len(tokens) < 5 or not participle(_first(tokens[0])):
        return 0
    if tokens[-1].endswith("?"):
        return 0  # a question keeps its words (see short_titles._choose)
    if len(split_unit(tokens[0])) != 1 or _bare(tokens[1]) not in ARTICLES["en"]:
        return 0
    noun = tokens[2]
    if (
        len(split_unit(noun)) != 1
        or _bare(noun) in _RELATIONAL
        or _bare(noun) in FUNCTION_WORDS["en"]
    ):
        return 0
    if _bare(_first(tokens[3])) != "of" or adjective(_bare(noun), language):
        return 0
    return 3
