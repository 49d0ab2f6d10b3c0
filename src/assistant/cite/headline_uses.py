"""How a small word is used in an English title: the readings headline style (CMOS 8.159)
asks of a preposition, particle or conjunction before it lowercases it. A preposition used as
an adverb, an adjective or a noun, a conjunction opening a clause, a particle of a phrasal verb
or of a personal name, a foreign phrase's conjunction: each keeps or takes its capital."""

from __future__ import annotations

from assistant.cite.phrasal_verbs import particle_of_verb
from assistant.cite.typography import words

# ... and, since CMOS 17 8.159 lowercases prepositions "regardless of length", the longer ones
# too ("Diplomacy between the Wars"), which the style capitalizes.
LONG_PREPOSITIONS = frozenset(
    {
        "about",
        "above",
        "across",
        "after",
        "against",
        "along",
        "amid",
        "among",
        "around",
        "before",
        "behind",
        "below",
        "beneath",
        "beside",
        "between",
        "beyond",
        "despite",
        "during",
        "since",
        "except",
        "through",
        "throughout",
        "toward",
        "towards",
        "like",
        "per",
        "amidst",
        "atop",
        "unto",
        "vis-à-vis",
        "under",
        "underneath",
        # "Fishery Protection off Iceland", "The Battle off Samar": a preposition, lowercase;
        # as an adverb ("Cut Off from the World", "Taking Off") the particle tests capitalize
        # it (CMOS 18 8.159).
        "off",
        "unlike",
        "until",
        "upon",
        "versus",
        "within",
        "without",
        # Used as prepositions these are lowercase too ("Deep inside Angola", "Resolution
        # Concerning"); "inside"/"outside" without an object stay adverbs ("The View from
        # Inside"), which `used_adverbially` tells apart.
        "inside",
        "outside",
        "concerning",
        "regarding",
    }
)


# Prepositions that also serve as adverbs ("Starting All Over Again", "Giving In"): CMOS
# 8.159 capitalizes them when used adverbially. Only the uses a reader can be sure of count:
# with no object after them (before punctuation or a conjunction ending the phrase) or before
# an adverb that cannot be their object.
ADVERBIAL_PARTICLES = words(
    "about above across after along around before behind below beneath beyond by down in"
    " inside near off on out outside over past since through throughout under up within"
    " without"
)
_ADVERBS = words("again anew apart aside away back forth forward together")
_PREPOSITIONS = (
    ADVERBIAL_PARTICLES | LONG_PREPOSITIONS | words("at for from into of onto to toward via with")
)
_PHRASE_END = frozenset(":;,.?!—–)”’")


def used_adverbially(tokens: list[str], i: int) -> bool:
    """Whether the preposition at `tokens[i]` has no object: the next word is an adverb of
    `_ADVERBS`, or the phrase ends after it (punctuation), or "and"/"or" joins it to another
    particle that is itself adverbial ("Over and Over Again")."""
    j = i + 1
    while j < len(tokens) and (tokens[j].isspace() or tokens[j] == "\x00"):
        j += 1  # spaces and markup ("<i>Giving In</i>: …")
    if j == len(tokens):
        return True
    nxt = tokens[j]
    if nxt in _PHRASE_END:
        return True
    lower = nxt.lower()
    if lower in _ADVERBS:
        return True
    if lower in ("and", "or", "but", "nor"):
        # "Stalin Looked On and Did Nothing": a conjunction ends the phrase, unless another
        # preposition shares the object ("in and around Seoul", "before and after the War").
        k = j + 1
        while k < len(tokens) and (tokens[k].isspace() or tokens[k] == "\x00"):
            k += 1
        if k < len(tokens) and tokens[k].lower() in _PREPOSITIONS:
            return used_adverbially(tokens, k)
        return True
    return False


def after_article(tokens: list[str], i: int) -> bool:
    """Whether the word at `tokens[i]` follows an article: "The Inside Story", "An Outside
    View" use the preposition as an adjective, capitalized (CMOS 8.159 lowercases only
    prepositions)."""
    j = i - 1
    while j >= 0 and (tokens[j].isspace() or tokens[j] == "\x00"):
        j -= 1
    return j >= 0 and (tokens[j].lower() in ("the", "an") or tokens[j] == "a")


def after_its_verb(tokens: list[str], i: int) -> bool:
    """Whether the particle at `tokens[i]` follows the verb it makes a phrasal verb with
    ("Filling In Some of the Blanks", "Taking Over the Party"; not "Living in the Shadow")."""
    return i > 1 and tokens[i - 1] == " " and particle_of_verb(tokens[i - 2], tokens[i])


# Prepositions that are also subordinating conjunctions: capitalized when they open a clause
# ("Since We Met", "Before It Is Too Late", CMOS 8.159), lowercase before a year, a number,
# an article or a noun phrase ("Europe since 1945", "Life before the War"). Only a subject
# pronoun tells a clause for certain; "it" and "you" only when a word follows them.
CONJUNCTIONS_TOO = words("after before since till until")
_SUBJECTS = words("i we he she they there")


def opens_clause(tokens: list[str], i: int) -> bool:
    words_after = [tok for tok in tokens[i + 1 : i + 6] if tok[0].isalnum()]
    spaced = [tok for tok in tokens[i + 1 : i + 6] if not tok.isspace()]
    if not words_after or not spaced or spaced[0] != words_after[0]:
        return False  # punctuation follows: the adverb test decides
    nxt = words_after[0].lower()
    if nxt in _SUBJECTS:
        return True
    return nxt in ("it", "you") and len(words_after) > 1 and spaced[1:2] == [words_after[1]]


# After an article or "of" such a word cannot be a preposition or a conjunction (neither
# takes one as its object): it names something, capitalized as a noun (CMOS 8.159): "the Till
# Case", "Memories of Before". A number after it is the object of a preposition used so.
_NAMING = words("a an the of")


def named(tokens: list[str], i: int) -> bool:
    if previous_mark(tokens, i).lower() not in _NAMING:
        return False
    following = [tok for tok in tokens[i + 1 : i + 4] if not tok.isspace()]
    return bool(following) and following[0][0].isalpha() and following[0][0].isupper()


# Particles of personal names, typed lowercase before the capitalized name they belong to
# ("bin Laden", "van Gogh", "de Gaulle", "von der Leyen"): a title keeps them as the name is
# spelled (CMOS 8.5, 8.159), except as the title's or subtitle's first word. "Ten", "la" and
# "do" are left out: in a sentence-cased record "the ten Soviet plans" and "what do Americans
# think" hold English words, not "ten Brink".
_NAME_PARTICLES = words(
    "al bin bint binti ibn el da das de del della dem den der des di dos du le van von ter zu"
)


def name_particle(tokens: list[str], i: int) -> bool:
    """Whether the lowercase `tokens[i]` is a particle of the name after it: one or more
    particles ("van der"), then a capitalized word."""
    j = i
    while j < len(tokens) and tokens[j].lower() in _NAME_PARTICLES and tokens[j].islower():
        if j + 1 >= len(tokens) or tokens[j + 1] != " ":
            return False
        j += 2
    return j > i and j < len(tokens) and tokens[j][:1].isupper() and tokens[j][:1].isalpha()


# Conjunctions of other languages that are never English words: inside an English title a
# foreign phrase keeps its own capitals (CMOS 8.159, 11.6), so "Gaudium et Spes" and "Sturm und
# Drang" keep "et" and "und" lowercase. Only between two capitalized words: the phrase's; a
# one-letter one ("y") only as typed lowercase, since "Plan Y" is a letter.
FOREIGN_CONJUNCTIONS = words("et und oder y")


def between_capitals(tokens: list[str], i: int) -> bool:
    before = [tok for tok in tokens[max(0, i - 3) : i] if not tok.isspace()]
    after = [tok for tok in tokens[i + 1 : i + 4] if not tok.isspace()]
    return bool(before and after) and all(
        side[0].isalpha() and side[0].isupper() for side in (before[-1], after[0])
    )


def previous_mark(tokens: list[str], i: int) -> str:
    j = i - 1
    while j >= 0 and (tokens[j].isspace() or tokens[j] == "\x00"):
        j -= 1
    return tokens[j] if j >= 0 else ""
