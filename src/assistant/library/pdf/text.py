"""Lines to running text: end-of-line hyphenation, justified spacing."""

from __future__ import annotations

import re
from collections.abc import Iterable

from assistant.library.pdf.extract import HYPHENS

_SPACES = re.compile(r"\s{2,}")
_WORD = re.compile(r"[^\W\d_]+(?:[-‐][^\W\d_]+)*")
_LAST_WORD = re.compile(r"([^\W\d_]+)[" + re.escape(HYPHENS) + r"]$")
_FIRST_WORD = re.compile(r"^([^\W\d_]+)")


class Vocabulary:
    """The words of a document, to tell a hyphenated compound from a word broken at a line end.

    "nego-" + "tiations" is joined when "negotiations" occurs, or when "nego-tiations" never
    does; "well-" + "known" keeps its hyphen when the document writes "well-known" elsewhere
    and never "wellknown". Only a lowercase continuation can be a broken word.
    """

    def __init__(self, lines: Iterable[str]) -> None:
        self.words: set[str] = set()
        for line in lines:
            self.words.update(w.lower() for w in _WORD.findall(line))

    def join(self, first: str, second: str) -> str:
        first, second = first.rstrip(), second.lstrip()
        if not first:
            return second
        if not second:
            return first
        last = first[-1]
        if last in HYPHENS and not first.endswith((" -", " –")):
            # PDFium reports a hyphen ending a line as U+FFFE, soft or not; only a soft hyphen
            # proper always marks a broken word.
            if last in "\u00ad\x02":
                return first[:-1] + second
            head = _LAST_WORD.search(first)
            tail = _FIRST_WORD.match(second)
            if head and tail and tail.group(1)[:1].islower():
                whole = (head.group(1) + tail.group(1)).lower()
                compound = f"{head.group(1)}-{tail.group(1)}".lower()
                if compound in self.words and whole not in self.words:
                    return first[:-1] + "-" + second
                return first[:-1] + second
            return first[:-1] + "-" + second  # "Sino-" + "Soviet": a compound across the line
        return first + " " + second


def join_lines(lines: list[str], vocabulary: Vocabulary) -> str:
    text = ""
    for line in lines:
        text = vocabulary.join(text, line)
    return _SPACES.sub(" ", text.replace("\ufffe", "-")).strip()
