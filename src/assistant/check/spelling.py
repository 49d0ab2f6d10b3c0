"""Spelling of the writer's own words, offline, in the essay's language.

The dictionaries are pyspellchecker's word-frequency lists (English, Russian, German, French,
Spanish, Italian, Portuguese, Dutch, …), shipped inside the package. What is never flagged:
words inside quotation marks (a quotation reproduces its source, misspellings and all: it is
checked in its source's language by `check.quoted_spelling`), Pandoc citations
(`[@shen-2000, 52]`) and inline code, URLs, words with digits, acronyms in capitals, one-letter
words, and any word the library's own texts use (names such as Shtykov or Vasilevsky, which no
dictionary has). The writer's additions live in a personal word list per language, one word a
line, written atomically.

pyspellchecker's Russian list holds about 20,000 words, mostly in their dictionary form, so a
Russian word is also accepted when its Snowball stem is the stem of a listed word ("Сталина",
"руководства"); French and Italian elisions ("d'occuper", "l'armée") are checked after the
apostrophe.

Loading a dictionary takes about a second: `Speller.load` belongs on a worker thread.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable
from pathlib import Path

from assistant.atomic import replace_atomically

LANGUAGES = {
    "en": "English",
    "ru": "Russian",
    "de": "German",
    "fr": "French",
    "es": "Spanish",
    "it": "Italian",
    "pt": "Portuguese",
    "nl": "Dutch",
}
WORD_RE = re.compile(r"[^\W\d_]+(?:['’ʼ\-][^\W\d_]+)*")
_SKIPPED = re.compile(
    r"\[[^\]\n]*@[^\]\n]*\]"  # a Pandoc citation group
    r"|`[^`\n]*`"  # inline code
    r"|\bhttps?://\S+|\bwww\.\S+"  # addresses
    r"|\S+@\S+\.\w+"  # e-mail
)
_DIGIT = re.compile(r"\d").search
_OPEN_CLOSE = {"“": "”", "«": "»", "„": "“", '"': '"'}
_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'"})
MAX_PERSONAL_WORDS = 100_000
# Languages whose list lacks most inflected forms: a word whose stem is a listed word's is known.
_STEMMED = {"ru": "russian"}
# Elided articles and pronouns before an apostrophe: the word after it is what is spelt.
_ELISIONS = {
    "fr": frozenset({"l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu"}),
    "it": frozenset({"l", "d", "un", "all", "dall", "dell", "nell", "sull", "quell", "c"}),
}


def quotation_spans(text: str, inside: bool = False) -> tuple[list[tuple[int, int]], bool]:
    """Spans of `text` inside double quotation marks, and whether a quotation is still open
    at the end (it continues into the next paragraph). `inside`: one was open at the start."""
    spans: list[tuple[int, int]] = []
    start = 0 if inside else -1
    closing = "”" if inside else ""
    for i, char in enumerate(text):
        if start < 0 and char in _OPEN_CLOSE:
            previous = text[i - 1] if i else " "
            if char == '"' and not (previous.isspace() or previous in "([—–-/"):
                continue
            start, closing = i, _OPEN_CLOSE[char]
        elif start >= 0 and (char == closing or (closing == "”" and char == '"')):
            spans.append((start, i + 1))
            start, closing = -1, ""
    if start >= 0:
        spans.append((start, len(text)))
        return spans, True
    return spans, False


def unspellable_spans(text: str) -> list[tuple[int, int]]:
    """What no dictionary checks, in a quotation or not: citations, code, addresses."""
    return [match.span() for match in _SKIPPED.finditer(text)]


def skipped_spans(text: str, inside_quotation: bool = False) -> tuple[list[tuple[int, int]], bool]:
    """What spell checking leaves alone in a paragraph: quotations, citations, code, URLs."""
    spans, still_open = quotation_spans(text, inside_quotation)
    spans.extend(unspellable_spans(text))
    return sorted(spans), still_open


def words_of(text: str) -> set[str]:
    """The words of a text, case-folded, apostrophes made straight (for the library's words)."""
    return {w.translate(_APOSTROPHES).casefold() for w in WORD_RE.findall(text)}


class Speller:
    """Known words of one language, plus the library's words and the writer's own."""

    def __init__(self, language: str, dictionary: object | None = None) -> None:
        self.language = language
        self._dictionary = dictionary
        self._extra: set[str] = set()
        self._personal: set[str] = set()
        self._lock = threading.Lock()
        self._stem: Callable[[str], str] | None = None
        self._stems: frozenset[str] = frozenset()
        if dictionary is not None and language in _STEMMED:
            import Stemmer  # PyStemmer: the Snowball stemmers in C

            stemmer = Stemmer.Stemmer(_STEMMED[language])
            listed = list(dictionary.word_frequency.dictionary)  # type: ignore[attr-defined]
            self._stem = stemmer.stemWord
            self._stems = frozenset(stemmer.stemWords(listed))

    @classmethod
    def load(cls, language: str) -> Speller:
        """The speller for `language` (a key of LANGUAGES); ValueError for one we lack."""
        if language not in LANGUAGES:
            raise ValueError(f"no dictionary for the language {language!r}")
        from spellchecker import SpellChecker

        return cls(language, SpellChecker(language=language, distance=1))

    def add_known(self, words: Iterable[str]) -> None:
        """Words to accept (the library's texts): case-folded, as `words_of` makes them."""
        with self._lock:
            self._extra |= set(words)

    def add_personal(self, word: str) -> None:
        with self._lock:
            self._personal.add(word.translate(_APOSTROPHES).casefold())

    def personal_words(self) -> set[str]:
        return set(self._personal)

    def set_personal(self, words: Iterable[str]) -> None:
        with self._lock:
            self._personal = {w.translate(_APOSTROPHES).casefold() for w in words}

    def in_dictionary(self, word: str) -> bool:
        """Whether the language's own list has `word` (not the library's or the writer's
        words): how much of a quotation is in this language."""
        if self._dictionary is None:
            return False
        # lower(), not casefold(): the lists keep "ß" ("straße"), which casefold makes "ss".
        folded = word.translate(_APOSTROPHES).lower()
        if folded in self._dictionary or folded.casefold() in self._dictionary:  # type: ignore[operator]
            return True
        if self._stem is not None and self._stem(folded) in self._stems:
            return True
        head, apostrophe, rest = folded.partition("'")
        if apostrophe and head in _ELISIONS.get(self.language, ()):
            return self.in_dictionary(rest)
        return False

    def is_known(self, word: str) -> bool:
        if not word or _DIGIT(word):
            return True
        if len(word) == 1 or (len(word) > 1 and word.isupper()):
            return True  # a one-letter word (в, à, I) or an acronym: NATO, PLA, USSR
        plain = word.translate(_APOSTROPHES)
        folded = plain.casefold()
        if folded in self._extra or folded in self._personal:
            return True
        if self._dictionary is None:
            return True
        if self.in_dictionary(plain):
            return True
        head, apostrophe, rest = folded.partition("'")
        if apostrophe and head in _ELISIONS.get(self.language, ()):
            return self.is_known(rest)
        # Possessives and contractions the lists lack: Stalin's, Kim's, 1950s'.
        for suffix in ("'s", "'"):
            stem = folded.removesuffix(suffix)
            if stem != folded and (stem in self._dictionary or stem in self._extra):  # type: ignore[operator]
                return True
        # A hyphenated compound is right when each part is.
        if "-" in folded:
            return all(self.is_known(part) for part in plain.split("-") if part)
        return False

    def suggestions(self, word: str, limit: int = 6) -> list[str]:
        if self._dictionary is None:
            return []
        candidates = self._dictionary.candidates(word.casefold()) or set()  # type: ignore[attr-defined]
        ranked = sorted(
            candidates,
            key=lambda w: -self._dictionary.word_usage_frequency(w),  # type: ignore[attr-defined]
        )
        if word[:1].isupper():
            ranked = [w[:1].upper() + w[1:] for w in ranked]
        return [w for w in ranked if w.casefold() != word.casefold()][:limit]

    def misspelled(
        self,
        text: str,
        inside_quotation: bool = False,
        quotations: tuple[list[tuple[int, int]], bool] | None = None,
    ) -> tuple[list[tuple[int, int]], bool]:
        """Spans of the unknown words of a paragraph, and whether a quotation runs on.
        `quotations`: the paragraph's `quotation_spans`, when the caller has them already."""
        if quotations is None:
            skipped, still_open = skipped_spans(text, inside_quotation)
        else:
            skipped = sorted([*quotations[0], *unspellable_spans(text)])
            still_open = quotations[1]
        found: list[tuple[int, int]] = []
        k = 0
        for match in WORD_RE.finditer(text):
            start, end = match.span()
            while k < len(skipped) and skipped[k][1] <= start:
                k += 1
            if k < len(skipped) and skipped[k][0] <= start < skipped[k][1]:
                continue
            if not self.is_known(match.group()):
                found.append((start, end))
        return found, still_open


def personal_dictionary_path(folder: Path, language: str) -> Path:
    return folder / f"dictionary-{language}.txt"


def read_personal(path: Path) -> set[str]:
    """The writer's words; an unreadable or missing file is an empty list (never an error)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return set()
    return {line.strip() for line in text.splitlines()[:MAX_PERSONAL_WORDS] if line.strip()}


def write_personal(path: Path, words: Iterable[str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    data = "".join(f"{w}\n" for w in sorted(set(words))).encode("utf-8")
    replace_atomically(path, data)
