"""Names a short title never splits (CMOS 18 14.30: a short title never breaks a name): two
people's names joined by "and" in a language written in sentence case, a name's capitalized
particle, an Arabic name's head ("ʻAbd al-Nāṣir"), and what tells a body's name from a
person's. `short_title_units` joins the spans these give into units."""

from __future__ import annotations

import re

from assistant.cite.short_title_words import HIDDEN_TAGS
from assistant.cite.typography import words

# --- a coordination of two names -------------------------------------------------------------

# "And" in each language whose titles are written in sentence case, where a capital inside
# the title marks a name (11.27; not English, whose titles capitalize every word). German
# capitalizes every noun but not an adjective before it: two capitalized words in a row are
# a name there too ("Konrad Adenauer", "Kalter Krieg"), and a single noun is never taken for
# one (each side has two words or more).
_AND = {
    "de": words("und"),
    "it": words("e ed"),
    "es": words("y e"),
    "fr": words("et"),
    "pt": words("e"),
    "pl": words("i a"),
    "ru": words("i и"),
    "uk": words("i і й та"),
    "hu": words("és"),
    "vi": words("và"),
}
_NAME_PARTICLES = words("de di da del della dei degli du des von van der den do dos das")
_LONGEST_SIDE = 4


# An Arabic name's first element ("ʻAbd" servant, "Abū" father, "Ibn"/"bin" son) is
# incomplete alone: "ʻAbd al-Nāṣir", "Abū Mazin", "Ibn Saʻūd" are one name (11.99), never cut.
_ARABIC_NAME_HEADS = re.compile(r"^[ʻʿʼ‘']?(?:abd|abdul|abu|abū|ibn|bin|bint|umm)$", re.IGNORECASE)
_ARABIC_NAME_NEXT = re.compile(r"^(?:[ae]l-|[ae][dnrstz]-|a[st]h-|adh-)?[ʻʿʼ‘']?[A-ZÀ-ÞĀĪŪḤṢṬẒḌ]")


def arabic_names(tokens: list[str]) -> list[tuple[int, int]]:
    """Spans of an Arabic name's head word with the word it heads ("ʻAbd al-Nāṣir")."""
    plain = [HIDDEN_TAGS.sub("", t).strip('“”"«»()') for t in tokens]
    return [
        (i, i + 1)
        for i in range(len(tokens) - 1)
        if _ARABIC_NAME_HEADS.match(plain[i].rstrip(",;:"))
        and plain[i][-1:] not in ",;:"
        and _ARABIC_NAME_NEXT.match(plain[i + 1])
        and plain[i].lstrip("ʻʿʼ‘'")[:1].isupper()
    ]


def capitalized_particles(tokens: list[str]) -> list[tuple[int, int]]:
    """Spans of a capitalized particle with the surname after it, between two capitalized
    words ("Alcide De Gasperi", "James Van Fleet"): a name is never cut after its particle
    (14.30), which a function word in lowercase would otherwise allow."""
    plain = [HIDDEN_TAGS.sub("", t).strip("“”‘’\"'«»()") for t in tokens]
    return [
        (i, i + 1)
        for i in range(1, len(tokens) - 1)
        if plain[i].lower() in _NAME_PARTICLES
        and plain[i][:1].isupper()
        and plain[i - 1][:1].isupper()
        and plain[i + 1][:1].isupper()
        and tokens[i - 1][-1:] not in ",;:"
    ]


def name_pairs(
    tokens: list[str], language: str, function_words: frozenset[str]
) -> list[tuple[int, int]]:
    """Spans of two names joined by "and" ("Pio XII e Alcide De Gasperi", "Fidel Castro y
    Ernesto Guevara"): a coordination of names names one subject, which a short title keeps
    whole (14.30). Both sides are runs of capitalized words that are no function word (an
    article capitalized at the title's start is none of a name), a numeral of a name, "XII",
    and a particle inside a name, "de", among them; two words or more each, so that a common
    noun after the conjunction ("e la scomunica") or a single capitalized word that only
    opens the title stays cuttable."""
    conjunctions = _AND.get(language, frozenset())
    plain = [HIDDEN_TAGS.sub("", t) for t in tokens]

    def name(i: int) -> bool:
        word = plain[i].strip("“”‘’\"'«»()")
        return (
            word[:1].isupper() and word.lower() not in function_words and plain[i][-1:] not in ",;:"
        )

    def particle(i: int) -> bool:
        return plain[i].lower() in _NAME_PARTICLES

    spans = []
    for index in range(2, len(tokens) - 2):
        if plain[index].lower() not in conjunctions:
            continue
        start = index  # the first side is tokens[start:index]
        while start > 0 and index - start < _LONGEST_SIDE:
            if name(start - 1):
                start -= 1
            elif start < index and start > 1 and particle(start - 1) and name(start - 2):
                start -= 2
            else:
                break
        end = index  # the second side is tokens[index + 1 : end + 1]
        while end + 1 < len(tokens) and end - index < _LONGEST_SIDE:
            if end > index and end + 2 < len(tokens) and particle(end + 1) and name(end + 2):
                end += 2
            elif name(end + 1):
                end += 1
            else:
                break
        if (
            index - start >= 2
            and end - index >= 2
            and not _body(plain[start:index])
            and not _body(plain[index + 1 : end + 1])
        ):
            spans.append((start, end))
    return spans


# The nouns that name a body, in the languages `_AND` covers ("Biura Politycznego",
# "Sekretariatu KC", "Comité central", "Ministerium für ..."), and an acronym: two bodies
# joined by "and" are two subjects, not one person's name and another's, and a short title
# may end after the first (14.30).
_BODY_NOUNS = re.compile(
    r"^(?:biur|bureau|büro|sekretariat|secretar|secrétar|segretari|komitet|komitee|comit"
    r"|minist|conseil|consej|consigli|ufficio|oficina|partii|partei|partit|partid|prezydium"
    r"|präsidium|presidium|sovet|rad(?:a|y|zie)$|rat$|sejm|parlament|kongres|congres"
    r"|zjazd|plenum|ambasad|embass|botschaft|ambassade)",
    re.IGNORECASE,
)


_ROMAN_NUMERAL = re.compile(r"^[IVXLCDM]+$")  # of a name: "Pio XII" is no acronym


def _body(side: list[str]) -> bool:
    words_ = [w.strip("“”‘’\"'«»(),;:") for w in side]
    return any(
        _BODY_NOUNS.match(w)
        or (len(w) >= 2 and w.isupper() and w.isalpha() and not _ROMAN_NUMERAL.match(w))
        for w in words_
    )


# --- possessives ----------------------------------------------------------------------------
