"""The analyser of the index's text fields: words as historians write them, in any script.

One pass over the text (no chain of generators per token, which was most of Whoosh's analysis
cost when indexing) that

- finds words with Whoosh's word pattern, also keeping apostrophes and hyphens inside a word;
- folds accents of Latin-script words (Gdańsk → gdansk, Köln → koln, Straße → strasse) and
  ё to е, so either spelling finds the other;
- drops apostrophes inside a word, curly or straight (P'yŏngyang and P’yŏngyang → pyongyang,
  Mal'tsev → maltsev); an elided article (l'armée, d'Estaing) also gives the word after it;
- indexes a hyphenated word's parts and, at the first part's position, the joined word (En-lai
  also as enlai, Syng-man as syngman), so "Zhou Enlai" finds "Chou En-lai"'s second half;
- splits Chinese and Japanese text (written without spaces) into overlapping pairs of
  characters (朝鲜战争 → 朝鲜 鲜战 战争), so a search for a word finds it inside a longer run;
- stems by script and language: Cyrillic words with the Russian Snowball stemmer, Latin-script
  words with Porter (English) or the Snowball stemmer of the passage's language, marked at
  the start of the indexed value (`mark_language`); other scripts are kept as written.

English stop words are left out, as Whoosh's StemmingAnalyzer does. Queries are analysed the
same way, one language at a time (`query_stems`). The stem cache is per process and never
pickled into the index's schema; existing indexes pickle this class by its import path,
`assistant.search.analysis.FastStemmingAnalyzer`, which must not move.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from typing import Any

from whoosh.analysis import STOP_WORDS, Token, Tokenizer
from whoosh.lang import stemmer_for_language
from whoosh.lang.porter import stem as porter_stem

_CACHE_LIMIT = 200_000
# Whoosh's word pattern (\w+(\.?\w+)*), also joining over apostrophes and hyphens.
_WORDS = re.compile(r"\w+(?:(?:\.|['’ʼ]|[-‐‑])\w+)*")
_APOSTROPHES = re.compile(r"['’ʼ]")
_HYPHENS = re.compile(r"[-‐‑]")
_CJK_CHARS = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK = re.compile(f"[{_CJK_CHARS}]+")
_CJK_RUNS = re.compile(f"[{_CJK_CHARS}]+|[^{_CJK_CHARS}]+")
# A word that is more than one term: an apostrophe, a hyphen or CJK characters inside.
_COMPLEX = re.compile(f"['’ʼ\\-‐‑{_CJK_CHARS}]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN_SPECIAL = str.maketrans(
    {"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i"}
)
# Elided articles and particles (French, Italian, Irish names) before an apostrophe.
_ELIDED = frozenset({"c", "d", "j", "l", "m", "n", "o", "qu", "s", "t", "dell", "nell", "all"})
LANGUAGE_MARK = "\x1e"
DEFAULT_LANGUAGE = "en"
# Snowball stemmers Whoosh ships (two-letter codes); Cyrillic is always Russian.
STEMMED_LANGUAGES = (
    "da",
    "de",
    "en",
    "es",
    "fi",
    "fr",
    "hu",
    "it",
    "nl",
    "no",
    "pt",
    "ro",
    "ru",
    "sv",
)


def mark_language(text: str, language: str | None) -> str:
    """The value to index for a passage in `language` (English needs no mark)."""
    if not language or language == DEFAULT_LANGUAGE or language not in STEMMED_LANGUAGES:
        return text
    return f"{LANGUAGE_MARK}{language}{LANGUAGE_MARK}{text}"


def split_mark(value: str) -> tuple[str, int]:
    """(language, where the text starts) of an indexed value."""
    if value.startswith(LANGUAGE_MARK):
        end = value.find(LANGUAGE_MARK, 1)
        if 0 < end <= 6:
            return value[1:end], end + 1
    return DEFAULT_LANGUAGE, 0


def fold(word: str) -> str:
    """A lower-case word without accents (Latin, Greek) or with ё as е (Cyrillic)."""
    if word.isascii():
        return word
    if _CYRILLIC.search(word):
        return word.replace("ё", "е")
    word = word.translate(_LATIN_SPECIAL)
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _stemmer(language: str) -> Callable[[str], str]:
    if language == DEFAULT_LANGUAGE or language not in STEMMED_LANGUAGES:
        return porter_stem
    return stemmer_for_language(language)  # type: ignore[no-any-return]


_RUSSIAN: Callable[[str], str] | None = None


def _russian(word: str) -> str:
    global _RUSSIAN
    if _RUSSIAN is None:
        _RUSSIAN = stemmer_for_language("ru")
    return _RUSSIAN(word)


# (text, where, start, end): where is _NEXT for a word of its own, _SAME for a term at the
# previous word's position, _FIRST for one at the position of the match's first word.
_NEXT, _SAME, _FIRST = 1, 0, -1
_Piece = tuple[str, int, int, int]


class FastStemmingAnalyzer(Tokenizer):
    def __init__(self, minsize: int = 2) -> None:
        self.minsize = minsize
        self._caches: dict[str, dict[str, str]] = {}

    def __getstate__(self) -> dict[str, Any]:
        return {"minsize": self.minsize}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.minsize = state.get("minsize", 2)
        self._caches = {}

    def __eq__(self, other: object) -> bool:
        return isinstance(other, FastStemmingAnalyzer) and other.minsize == self.minsize

    def __hash__(self) -> int:
        return hash((type(self).__name__, self.minsize))

    def has_morph(self) -> bool:
        return True

    # ------------------------------------------------------------------------------------
    # Words to terms

    def _cache(self, language: str) -> dict[str, str]:
        cache = self._caches.get(language)
        if cache is None:
            cache = self._caches[language] = {}
        return cache

    def _term(self, word: str, cache: dict[str, str], language: str) -> str | None:
        """The indexed term of one lower-case word (no apostrophe, hyphen or CJK inside),
        or None for a stop word or a word too short to index."""
        term = cache.get(word)
        if term is not None:
            return term or None
        folded = fold(word)
        if len(folded) < self.minsize or folded in STOP_WORDS:
            term = ""
        elif _CYRILLIC.search(folded):
            term = _russian(folded)
        elif folded.isascii():
            term = _stemmer(language)(folded)
        else:
            term = folded
        if len(cache) < _CACHE_LIMIT:
            cache[word] = term
        return term or None

    def _pieces(self, word: str, start: int, extras: bool) -> Iterator[_Piece]:
        """The words of a match that holds an apostrophe, a hyphen or CJK characters, each
        as (lower-case text, position step, start, end); `extras` adds the joined forms."""
        if _CJK.search(word):
            for run in _CJK_RUNS.finditer(word):
                text, offset = run.group(), start + run.start()
                if _CJK.fullmatch(text):
                    if len(text) == 1:
                        yield text, _NEXT, offset, offset + 1
                    for i in range(len(text) - 1):
                        yield text[i : i + 2], _NEXT, offset + i, offset + i + 2
                else:
                    for sub in _WORDS.finditer(text):
                        yield from self._pieces(sub.group(), offset + sub.start(), extras)
            return
        parts = []
        offset = 0
        for part in _HYPHENS.split(word):
            parts.append((part, start + offset, start + offset + len(part)))
            offset += len(part) + 1
        joined = []
        for index, (part, lo, hi) in enumerate(parts):
            pieces = _APOSTROPHES.split(part)
            text = "".join(pieces).lower()
            joined.append(text)
            yield text, _NEXT, lo, hi
            if extras and len(pieces) == 2 and pieces[0].lower() in _ELIDED and len(pieces[1]) > 1:
                # l'armée, d'Estaing, O'Neill: the word after the elided article too.
                yield pieces[1].lower(), _SAME, lo, hi
            last = index == len(parts) - 1 and len(parts) > 1
            if extras and last and not all(p.isdigit() for p in joined):
                yield "".join(joined), _FIRST, start, start + len(word)

    def _terms(self, value: str, extras: bool = True) -> Iterator[tuple[str, int, int, int]]:
        """(term, position, start, end) of every indexed term of an indexed value."""
        language, begin = split_mark(value)
        cache = self._cache(language)
        minsize = self.minsize
        stops = STOP_WORDS
        position = -1
        for match in _WORDS.finditer(value, begin):
            word = match.group()
            if word.isascii() and word.isalnum():
                word = word.lower()
                term = cache.get(word)
                if term is None:
                    if len(word) < minsize or word in stops:
                        continue
                    term = self._term(word, cache, language)
                if term:
                    position += 1
                    yield term, position, match.start(), match.end()
                continue
            if not (_CJK.search(word) or _APOSTROPHES.search(word) or _HYPHENS.search(word)):
                term = self._term(word.lower(), cache, language)
                if term:
                    position += 1
                    yield term, position, match.start(), match.end()
                continue
            first = -1
            for text, where, lo, hi in self._pieces(word, match.start(), extras):
                if where == _NEXT:
                    cjk = len(text) <= 2 and _CJK.fullmatch(text) is not None
                    term = text if cjk else self._term(text, cache, language)
                    if term:
                        position += 1
                        if first < 0:
                            first = position
                        yield term, position, lo, hi
                elif position >= 0:
                    term = self._term(text, cache, language)
                    if term:
                        yield term, (position if where == _SAME or first < 0 else first), lo, hi

    # ------------------------------------------------------------------------------------
    # What the writer, the snippets and the query builder ask for

    def term_positions(self, value: str) -> dict[str, list[int]]:
        """Each indexed term of `value` with its word positions, as `__call__` with
        positions=True numbers them, without a Token per word (the indexing fast path: the
        common word is one findall item and one cache lookup)."""
        language, begin = split_mark(value)
        cache = self._cache(language)
        found: dict[str, list[int]] = {}
        position = -1
        for word in _WORDS.findall(value, begin):
            lower = word.lower()
            term = cache.get(lower)
            if term is None:
                if _COMPLEX.search(word):
                    # A hyphenated, apostrophed or CJK word: its pieces as _word_terms numbers
                    # them; the position moves on to the last piece that took a new one.
                    for piece, at in self._word_terms(word, cache, language, position):
                        position = max(position, at)
                        positions = found.get(piece)
                        if positions is None:
                            found[piece] = [at]
                        else:
                            positions.append(at)
                    continue
                term = self._term(lower, cache, language) or ""
            if not term:
                continue
            position += 1
            positions = found.get(term)
            if positions is None:
                found[term] = [position]
            else:
                positions.append(position)
        return found

    def positions_of(self, value: str, terms: frozenset[str] | set[str]) -> dict[str, list[int]]:
        """The word positions of the given terms in an indexed value, numbered as
        `term_positions` numbers them (for ranking by proximity): the common word costs one
        cache lookup and a set test."""
        language, begin = split_mark(value)
        cache = self._cache(language)
        found: dict[str, list[int]] = {}
        position = -1
        for word in _WORDS.findall(value, begin):
            term = cache.get(word.lower())
            if term is None or _COMPLEX.search(word):
                # Rare or compound words: the full rules (hyphens, apostrophes, CJK pairs).
                for piece, at in self._word_terms(word, cache, language, position):
                    if piece in terms:
                        found.setdefault(piece, []).append(at)
                    position = max(position, at)
                continue
            if not term:
                continue
            position += 1
            if term in terms:
                found.setdefault(term, []).append(position)
        return found

    def _word_terms(
        self, word: str, cache: dict[str, str], language: str, position: int
    ) -> list[tuple[str, int]]:
        """(term, position) of one word of a value after `position`, as term_positions
        numbers them."""
        out: list[tuple[str, int]] = []
        if not _COMPLEX.search(word):
            term = self._term(word.lower(), cache, language)
            if term:
                out.append((term, position + 1))
            return out
        first = -1
        for text, where, _, _ in self._pieces(word, 0, True):
            if where == _NEXT:
                cjk = len(text) <= 2 and _CJK.fullmatch(text) is not None
                piece = text if cjk else self._term(text, cache, language)
                if not piece:
                    continue
                position += 1
                if first < 0:
                    first = position
                out.append((piece, position))
            elif position >= 0:
                piece = self._term(text, cache, language)
                if piece:
                    out.append((piece, position if where == _SAME or first < 0 else first))
        return out

    def spans(
        self, value: str, terms: frozenset[str] | set[str], language: str | None = None
    ) -> list[tuple[int, int]]:
        """(start, end) of every word of `value` whose term is in `terms` (for snippets),
        in order and without overlaps."""
        language = language or DEFAULT_LANGUAGE
        cache = self._cache(language)
        found: list[tuple[int, int]] = []
        for match in _WORDS.finditer(value):
            word = match.group()
            if word.isascii() and word.isalnum():
                # Most words: one cache lookup, no generator (ten snippets per search).
                lower = word.lower()
                term = cache.get(lower)
                if term is None:
                    term = self._term(lower, cache, language) or ""
                if term in terms:
                    found.append(match.span())
                continue
            start = match.start()
            marked = mark_language(word, language)
            shift = len(marked) - len(word)
            for term, _, lo, hi in self._terms(marked):
                if term in terms:
                    lo, hi = start + lo - shift, start + hi - shift
                    if found and lo < found[-1][1]:
                        if hi > found[-1][1]:
                            found[-1] = (found[-1][0], hi)
                        continue
                    found.append((lo, hi))
        return found

    def query_stems(self, word: str, language: str = DEFAULT_LANGUAGE) -> list[str]:
        """The terms a word (or words) of a query becomes in `language`, in order, without
        the extra joined forms (a phrase must match word by word)."""
        return [term for term, _, _, _ in self._terms(mark_language(word, language), False)]

    def __call__(
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        **kwargs: Any,
    ) -> Iterator[Token]:
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        token.boost = 1.0
        token.stopped = False
        if not tokenize:
            terms = self.query_stems(value)
            token.original = value
            token.text = terms[0] if len(terms) == 1 else fold(value.lower())
            if positions:
                token.pos = start_pos
            if chars:
                token.startchar = start_char
                token.endchar = start_char + len(value)
            yield token
            return
        # Queries get the words only; indexing also the joined forms.
        extras = mode != "query"
        for term, position, start, end in self._terms(value, extras):
            token.text = term
            if keeporiginal:
                token.original = value[start:end]
            if positions:
                token.pos = start_pos + position
            if chars:
                token.startchar = start_char + start
                token.endchar = start_char + end
            yield token
