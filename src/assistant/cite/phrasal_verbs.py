"""Phrasal verbs in English titles: a particle after its verb is an adverb, capitalized in
headline style ("Filling In the Blanks", "Taking Over the Party"), while the same word after
another verb is a preposition, lowercase ("Living in the Shadow") (CMOS 18 8.159: prepositions
are lowercase "unless used adverbially or adjectivally").

Only verbs whose particle can move after the object ("fill the blanks in", "hand the city
over") are listed, and only those whose use with that word as a plain preposition is rare in
a title: "turn", "call", "walk" or "live" are left out ("Turning in the Widening Gyre",
"Walking in the City"), so the particle after them stays lowercase unless the phrase ends
with it (typography's own test).
"""

from __future__ import annotations

from functools import cache

# The verbs by particle. A verb whose word also names a thing ("a factor in", "a box in") or
# goes with a plain preposition as often ("settled in the West", "locked in the Tower",
# "logging in the Amazon") is not here, and only the -ing and past forms count: "Filling In",
# "Hemmed In", "Brought About", never the base form or an -s form that may be a noun.
_PHRASAL = {
    "in": "fill rein usher phase factor pencil hem rope hand cash chip zero tune plug kick bring",
    "on": "spur egg urge",
    "over": "hand take win sign",
    "through": "follow muddle",
    "off": "take cut seal wall fend ward stave cordon kick pay break shut fight hold",
    "about": "bring",
    "around": "bring",
}
# Past forms the regular endings do not give.
_IRREGULAR = {
    "bring": "brought",
    "take": "took taken",
    "win": "won",
    "cut": "cut",
    "pay": "paid",
    "break": "broke broken",
    "shut": "shut",
    "fight": "fought",
    "hold": "held",
}
_VOWELS = "aeiou"


def _forms(verb: str) -> set[str]:
    """The -ing and past forms: "fill" -> filled, filling; "win" -> winning, won; "take" ->
    taking, took, taken; "zero" -> zeroing, zeroed."""
    irregular = _IRREGULAR.get(verb, "").split()
    if verb.endswith("e"):
        return {*(irregular or [verb + "d"]), verb[:-1] + "ing"}
    if verb.endswith("y") and verb[-2] not in _VOWELS:
        return {*(irregular or [verb[:-1] + "ied"]), verb + "ing"}
    # One short vowel before one final consonant doubles it: win -> winning, chip -> chipped.
    if (
        len(verb) <= 4
        and verb[-1] not in _VOWELS + "wxy"
        and verb[-2] in _VOWELS
        and verb[-3] not in _VOWELS
    ):
        verb += verb[-1]
    forms = {*(irregular or [verb + "ed"]), verb + "ing"}
    if verb.endswith("l") and not verb.endswith("ll"):
        forms |= {verb + "led", verb + "ling"}  # British "pencilled"
    return forms


@cache
def _verbs(particle: str) -> frozenset[str]:
    return frozenset(form for verb in _PHRASAL.get(particle, "").split() for form in _forms(verb))


def particle_of_verb(verb: str, particle: str) -> bool:
    """Whether `particle` right after the word `verb` is the adverb of a phrasal verb:
    ("Filling", "in") -> True, ("Living", "in") -> False."""
    return verb.lower() in _verbs(particle.lower())
