"""A name typed in one script as the other writes it: Latin ↔ Cyrillic (Russian).

A historian types `Molotov` and the Russian article writes Молотов; a Russian query `Штыков`
looks for the English book's Shtykov. Transliteration is many-to-many (Library of Congress,
BGN/PCGN, the popular `y` spellings, German `sch`), so a word gives a few candidate spellings
in the other script; the query builder keeps only those the index holds, so a candidate no
source has costs one dictionary look-up. The Cyrillic side is matched as the analyser stems it
(Молотов also finds Молотова). Latin rules are tried longest first; where a Latin letter has
two readings (`y` as ы or й, `e` as е or э, `ia` as я or ия) both are kept, up to
`MAX_CANDIDATES`.
"""

from __future__ import annotations

import re

MAX_CANDIDATES = 8
MIN_LETTERS = 4

_CYRILLIC_WORD = re.compile(r"^[\u0400-\u04ff]+$")
_LATIN_WORD = re.compile(r"^[A-Za-z']+$")
_VOWELS = set("aeiouy")

# Word endings first (-skii/-sky -> -ский, -ii/-iy -> -ий, -yi -> -ый).
_LATIN_ENDINGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("skiy", ("ский",)),
    ("skii", ("ский",)),
    ("skij", ("ский",)),
    ("sky", ("ский",)),
    ("ski", ("ский",)),
    ("iy", ("ий",)),
    ("ii", ("ий",)),
    ("ij", ("ий",)),
    ("yi", ("ый",)),
    ("yy", ("ый",)),
)
# Longest first; several readings where systems differ.
_LATIN_READINGS: dict[str, tuple[str, ...]] = {
    "shch": ("щ",),
    "sch": ("щ", "ш"),
    "tsch": ("ч",),
    "sh": ("ш",),
    "ch": ("ч",),
    "zh": ("ж",),
    "kh": ("х",),
    "ts": ("ц",),
    "tz": ("ц",),
    "ya": ("я",),
    "ia": ("ия", "я"),
    "yu": ("ю",),
    "iu": ("ю", "иу"),
    "yo": ("ё",),
    "ye": ("е",),
    "ie": ("ье", "ие"),
    "y": ("ы",),
    "a": ("а",),
    "b": ("б",),
    "c": ("к", "ц"),
    "d": ("д",),
    "e": ("е", "э"),
    "f": ("ф",),
    "g": ("г",),
    "h": ("х",),
    "i": ("и",),
    "j": ("й",),
    "k": ("к",),
    "l": ("л",),
    "m": ("м",),
    "n": ("н",),
    "o": ("о",),
    "p": ("п",),
    "q": ("к",),
    "r": ("р",),
    "s": ("с",),
    "t": ("т",),
    "u": ("у",),
    "v": ("в",),
    "w": ("в",),
    "x": ("кс",),
    "z": ("з",),
    "'": ("ь",),
}
_LATIN = sorted(_LATIN_READINGS.items(), key=lambda item: -len(item[0]))

# Cyrillic to Latin: the Library of Congress system, and the popular one where it differs.
_CYRILLIC: dict[str, tuple[str, ...]] = {
    "а": ("a",),
    "б": ("b",),
    "в": ("v",),
    "г": ("g",),
    "д": ("d",),
    "е": ("e",),
    "ё": ("e",),
    "ж": ("zh",),
    "з": ("z",),
    "и": ("i",),
    "й": ("i", "y"),
    "к": ("k",),
    "л": ("l",),
    "м": ("m",),
    "н": ("n",),
    "о": ("o",),
    "п": ("p",),
    "р": ("r",),
    "с": ("s",),
    "т": ("t",),
    "у": ("u",),
    "ф": ("f",),
    "х": ("kh",),
    "ц": ("ts",),
    "ч": ("ch",),
    "ш": ("sh",),
    "щ": ("shch",),
    "ъ": ("",),
    "ы": ("y",),
    "ь": ("",),
    "э": ("e",),
    "ю": ("iu", "yu"),
    "я": ("ia", "ya"),
}
_CYRILLIC_ENDINGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ский", ("skii", "sky")),
    ("ий", ("ii", "y")),
    ("ый", ("yi", "y")),
)


def _expand(pieces: list[tuple[str, ...]]) -> list[str]:
    """Every combination of the readings, the first readings first, at most MAX_CANDIDATES."""
    found = [""]
    for readings in pieces:
        found = [prefix + reading for prefix in found for reading in readings][:MAX_CANDIDATES]
    return found


def to_cyrillic(word: str) -> list[str]:
    """Cyrillic spellings of a Latin-script word."""
    lower = word.lower()
    ending: tuple[str, ...] = ("",)
    for latin, readings in _LATIN_ENDINGS:
        if lower.endswith(latin) and len(lower) > len(latin) + 1:
            lower, ending = lower[: -len(latin)], readings
            break
    pieces: list[tuple[str, ...]] = []
    at = 0
    while at < len(lower):
        for latin, readings in _LATIN:
            if lower.startswith(latin, at):
                if latin == "y" and at > 0 and lower[at - 1] in _VOWELS:
                    readings = ("й",)  # after a vowel: Mayakovsky, Andrey
                elif latin == "e" and at == 0:
                    readings = ("э", "е")
                pieces.append(readings)
                at += len(latin)
                break
        else:
            return []
    pieces.append(ending)
    return _expand(pieces)


def to_latin(word: str) -> list[str]:
    """Latin-script spellings of a Cyrillic word."""
    lower = word.lower()
    ending: tuple[str, ...] = ("",)
    for cyrillic, readings in _CYRILLIC_ENDINGS:
        if lower.endswith(cyrillic) and len(lower) > len(cyrillic) + 1:
            lower, ending = lower[: -len(cyrillic)], readings
            break
    pieces: list[tuple[str, ...]] = []
    for char in lower:
        found = _CYRILLIC.get(char)
        if found is None:
            return []
        pieces.append(found)
    pieces.append(ending)
    return _expand(pieces)


# Chinese writes years digit by digit in its own numerals (一九五〇年).
_CHINESE_DIGITS = str.maketrans("0123456789", "〇一二三四五六七八九")


def transliterations(word: str) -> list[str]:
    """A word's spellings in the other script: Latin and Cyrillic for each other, a year in
    Chinese numerals (none for short words and other scripts)."""
    if len(word) == 4 and word.isascii() and word.isdigit():
        return [word.translate(_CHINESE_DIGITS)]
    if len(word) < MIN_LETTERS:
        return []
    if _CYRILLIC_WORD.match(word):
        return to_latin(word)
    if _LATIN_WORD.match(word):
        return to_cyrillic(word.replace("’", "'"))
    return []
