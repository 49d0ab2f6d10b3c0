"""A fused stemming analyzer: Whoosh's StemmingAnalyzer in one pass.

It yields the same tokens as `RegexTokenizer | LowercaseFilter | StopFilter | StemFilter`
(Whoosh's default word pattern, English stop words, Porter stemming), but without a chain of
four generators per token, which is most of Whoosh's analysis cost when indexing. The stem
cache is per process and never pickled into the index's schema.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from whoosh.analysis import STOP_WORDS, Token, Tokenizer
from whoosh.analysis.tokenizers import default_pattern
from whoosh.lang.porter import stem

_CACHE_LIMIT = 200_000
# Whoosh's word pattern without its capturing group, so findall() gives whole words.
_WORDS = re.compile(default_pattern.pattern.replace("(\\.?", "(?:\\.?"), default_pattern.flags)


class FastStemmingAnalyzer(Tokenizer):
    def __init__(self, minsize: int = 2) -> None:
        self.minsize = minsize
        self._cache: dict[str, str] = {}

    def __getstate__(self) -> dict[str, Any]:
        return {"minsize": self.minsize}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.minsize = state.get("minsize", 2)
        self._cache = {}

    def __eq__(self, other: object) -> bool:
        return isinstance(other, FastStemmingAnalyzer) and other.minsize == self.minsize

    def __hash__(self) -> int:
        return hash((type(self).__name__, self.minsize))

    def has_morph(self) -> bool:
        return True

    def _stem(self, word: str) -> str:
        stemmed = self._cache.get(word)
        if stemmed is None:
            stemmed = stem(word)
            if len(self._cache) < _CACHE_LIMIT:
                self._cache[word] = stemmed
        return stemmed

    def term_positions(self, value: str) -> dict[str, list[int]]:
        """Each indexed term of `value` with its word positions, as `__call__` with
        positions=True numbers them, without a Token per word (the indexing fast path)."""
        cache = self._cache
        minsize = self.minsize
        stops = STOP_WORDS
        found: dict[str, list[int]] = {}
        pos = 0
        for word in _WORDS.findall(value):
            word = word.lower()
            if len(word) < minsize or word in stops:
                continue
            stemmed = cache.get(word)
            if stemmed is None:
                stemmed = self._stem(word)
            positions = found.get(stemmed)
            if positions is None:
                found[stemmed] = [pos]
            else:
                positions.append(pos)
            pos += 1
        return found

    def query_stems(self, word: str) -> list[str]:
        """The indexed terms a word of a query becomes."""
        return [token.text for token in self(word, mode="query")]

    def spans(self, value: str, terms: frozenset[str] | set[str]) -> list[tuple[int, int]]:
        """(start, end) of every word of `value` whose stem is in `terms` (for snippets):
        the words `__call__(chars=True)` marks, without a Token per word."""
        cache = self._cache
        minsize = self.minsize
        stops = STOP_WORDS
        found = []
        for match in _WORDS.finditer(value):
            word = match.group().lower()
            if len(word) < minsize or word in stops:
                continue
            stemmed = cache.get(word)
            if stemmed is None:
                stemmed = self._stem(word)
            if stemmed in terms:
                found.append(match.span())
        return found

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
        if not tokenize:
            token.original = value
            token.text = self._stem(value.lower())
            token.stopped = False
            if positions:
                token.pos = start_pos
            if chars:
                token.startchar = start_char
                token.endchar = start_char + len(value)
            yield token
            return
        cache = self._cache
        minsize = self.minsize
        stops = STOP_WORDS
        pos = start_pos
        for match in default_pattern.finditer(value):
            word = match.group(0).lower()
            if len(word) < minsize or word in stops:
                if removestops:
                    continue
                token.text = word
                token.stopped = True
            else:
                stemmed = cache.get(word)
                token.text = stemmed if stemmed is not None else self._stem(word)
                token.stopped = False
                if positions:
                    token.pos = pos
                pos += 1
            if keeporiginal:
                token.original = match.group(0)
            if chars:
                token.startchar = start_char + match.start()
                token.endchar = start_char + match.end()
            yield token
