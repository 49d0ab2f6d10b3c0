"""Sentence boundaries in the writer's prose: the one splitter the checker and Find support share.

A period ends a sentence only when what follows looks like a new one (a capital, a digit, an
opening mark) and the word before it is not an abbreviation a citation uses ("p. 52", "vol. 2",
"cf. Shen"). Periods inside “…” do not end the running sentence, and closing marks after the
final punctuation belong to it.
"""

from __future__ import annotations

import re

# Words before a period that do not end a sentence.
ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "dr", "st", "vol", "vols", "no", "nos", "p", "pp", "ed", "eds", "trans",
    "cf", "e.g", "i.e", "etc", "vs", "ca", "c", "fig", "ch", "chap", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "gen", "col", "lt", "capt", "gov",
    "n", "nn", "fol", "fols", "sec", "bk", "pt", "esp",
})  # fmt: skip
_CLOSING = "\"”’')]"
_WORD_BEFORE = re.compile(r"([\w.]+)$")


def is_abbreviation(text: str, period: int) -> bool:
    """Whether the period at `period` closes an abbreviation rather than a sentence."""
    if text[period] != ".":
        return False
    # Only the last few characters: an abbreviation is short, and searching the whole
    # paragraph before every period made long paragraphs quadratic.
    match = _WORD_BEFORE.search(text, max(0, period - 64), period)
    if not match:
        return False
    word = match.group(1)
    return (
        (len(word) == 1 and word.isupper())
        or word.casefold() in ABBREVIATIONS
        or ("." in word and len(word) <= 5)
    )


def sentence_end(text: str, start: int) -> int:
    """Offset just past the end of the sentence running through `start`, including closing
    marks after its final punctuation."""
    i = start
    inside = False
    while i < len(text):
        char = text[i]
        if char == "“":
            inside = True
        elif char == "”":
            inside = False
        elif char in ".?!":
            end = i + 1
            while end < len(text) and text[end] in _CLOSING:
                end += 1
            # A quoted sentence ends with its own punctuation inside the closing mark.
            if inside and "”" not in text[i + 1 : end]:
                i += 1
                continue
            inside = False
            # What follows, without copying the rest of the paragraph at every period (that
            # made a long paragraph quadratic, and spelling asks on every keystroke).
            after = end
            while after < len(text) and text[after].isspace():
                after += 1
            if after == len(text):
                return len(text)
            if after > end and not is_abbreviation(text, i):
                first = text[after]
                if first.isupper() or first.isdigit() or first in '“"‘(':
                    return end
        i += 1
    return len(text)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every sentence of a paragraph, whitespace between them left out."""
    spans: list[tuple[int, int]] = []
    start = len(text) - len(text.lstrip())
    while start < len(text):
        end = sentence_end(text, start)
        spans.append((start, len(text[:end].rstrip())))
        start = end + (len(text[end:]) - len(text[end:].lstrip()))
    return spans


def sentence_at(text: str, position: int) -> str:
    """The sentence of `text` (a paragraph) around `position` (a cursor in it)."""
    spans = sentence_spans(text)
    for start, end in spans:
        if position <= end:
            return text[start:end]
    return text[spans[-1][0] : spans[-1][1]] if spans else ""
