"""From the text a user typed to the query the index runs, within a budget.

Whoosh's parser reads the query language (words, OR, NOT, "phrases", prefix*, fuzzy~,
filters). `QueryBuilder` changes what a plain word of the text field becomes: instead of one
stemmed term, the alternatives the index holds — its stem in each language of the corpus, the
joined form of a hyphenated word, its other spellings (variants.py) — as one OR group, which
scores as Whoosh scores an OR. Runs of words naming something in the tables ("Port Arthur",
"Chou En-lai") are replaced by the group of that name's spellings before parsing.

Budgets keep every query quick whatever is typed: a prefix, wildcard or fuzzy term expands to
at most `MAX_EXPANSION` words (the most frequent), all of them together to about
`MAX_TOTAL_EXPANSION`, after reading at most `MAX_SCAN` words of the index each; a query keeps
its first `MAX_WORDS` words. Each cut is reported in `notices`.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz.distance import Levenshtein
from whoosh import qparser, query

from assistant.library.page_ranges import spanned_pages
from assistant.paths import resources_dir
from assistant.search.analysis import DEFAULT_LANGUAGE, FastStemmingAnalyzer, fold
from assistant.search.errors import SearchCancelled
from assistant.search.translit import transliterations
from assistant.search.variants import VariantTables, derived_forms, rule_variants
from assistant.search.whoosh_internals import FastPhrase

MAX_EXPANSION = 64
MAX_TOTAL_EXPANSION = 256
MAX_SCAN = 20_000
MAX_WORDS = 32
MAX_WORD_CHARS = 64
# Near spellings of long words (`QueryBuilder._near_spellings`).
NEAR_MIN_LETTERS = 8
NEAR_SCAN = 2_000
NEAR_KEPT = 3
NEAR_WEIGHT = 0.6

_OPERATORS = {"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE"}


def _function_words() -> frozenset[str]:
    """resources/search/function_words.txt: words optional in a plain query."""
    path = resources_dir() / "search" / "function_words.txt"
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return frozenset()
    return frozenset(w.lower() for line in lines if not line.startswith("#") for w in line.split())


FUNCTION_WORDS = _function_words()
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_HYPHEN = re.compile(r"[-‐‑]")
# A token of the query text: a quoted phrase, a parenthesis, or anything else up to a space.
_TOKEN = re.compile(r'"[^"]*"|[()]|[^\s()"]+')


def is_plain(text: str) -> bool:
    """Whether a query is words and quoted phrases only (no operators, filters, wildcards or
    groups): such a query may be relaxed to "most of the words"."""
    for token in _TOKEN.findall(text):
        if token.startswith('"'):
            continue
        if token in _OPERATORS or token in "()" or ":" in token or token[-1:] in "*?~":
            return False
        if "*" in token or "?" in token:
            return False
    return True


@dataclass
class Built:
    """A parsed query and what building it found out."""

    parsed: Any
    # The terms of each alternative of a plain word -> the word as typed (for "missing").
    words: dict[tuple[str, ...], str] = field(default_factory=dict)
    not_found: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    # The terms of the alternatives of function words (optional in a plain query).
    optional: set[tuple[str, ...]] = field(default_factory=set)
    # Runs of words replaced by their spellings from the tables: (as typed, the spellings).
    runs: list[tuple[str, list[str]]] = field(default_factory=list)
    options: set[str] = field(default_factory=set)


class QueryBuilder:
    """Builds queries against one searcher's view of the index."""

    def __init__(
        self,
        schema: Any,
        analyzer: FastStemmingAnalyzer,
        tables: VariantTables,
    ) -> None:
        self.schema = schema
        self.analyzer = analyzer
        self.tables = tables
        self._local = threading.local()

    def build(
        self,
        text: str,
        searcher: Any,
        languages: list[str],
        cancel: threading.Event | None = None,
    ) -> Built:
        built = Built(None)
        self.tables.table()  # re-read a table that changed, once per query
        rewritten = self._rewrite_names(text, built, languages)
        parser = self._parser(searcher, languages, built, cancel)
        # The budget shared fairly: `a* b* ... z*` gets a few words per letter.
        expansions = sum(
            1
            for t in _TOKEN.findall(rewritten)
            if not t.startswith('"') and any(c in t for c in "*?~")
        )
        parser.per_term = max(4, min(MAX_EXPANSION, MAX_TOTAL_EXPANSION // max(1, expansions)))
        parsed = parser.parse(rewritten)
        reader = searcher.reader()
        for surface, options in built.runs:
            if not any(
                all(reader.doc_frequency("text", w) > 0 for w in stems)
                for option in options
                for language in languages
                if (stems := self.analyzer.query_stems(option, language))
            ):
                built.not_found.append(surface)
        if len(languages) > 1:
            parsed = self._phrases_in_languages(parsed, rewritten, searcher.reader(), languages)
        built.parsed = _fast_phrases(_dedupe(parsed))
        return built

    def _parser(
        self,
        searcher: Any,
        languages: list[str],
        built: Built,
        cancel: threading.Event | None,
    ) -> _Parser:
        """This thread's parser (building one costs more than most searches' parsing)."""
        parser: _Parser | None = getattr(self._local, "parser", None)
        if parser is None:
            parser = self._local.parser = _Parser(self)
        parser.reset(searcher, languages, built, cancel)
        return parser

    def _phrases_in_languages(
        self, parsed: Any, text: str, reader: Any, languages: list[str]
    ) -> Any:
        """A quoted phrase also as each other language of the corpus stems it."""

        def visit(node: Any) -> Any:
            if type(node) is not query.Phrase or node.fieldname != "text" or not node.char_ranges:
                return node
            typed = " ".join(text[start:end] for start, end in node.char_ranges)
            alternatives = [node]
            seen = {tuple(node.words)}
            for language in languages:
                words = tuple(self.analyzer.query_stems(typed, language))
                if len(words) < 2 or words in seen:
                    continue
                seen.add(words)
                if all(reader.doc_frequency("text", w) > 0 for w in words):
                    alternatives.append(query.Phrase("text", list(words)))
            return node if len(alternatives) == 1 else query.Or(alternatives)

        return parsed.accept(visit)

    # ----------------------------------------------------------------------------------------

    def _rewrite_names(self, text: str, built: Built, languages: list[str]) -> str:
        """Runs of two or more plain words that name an entry of the tables become a group
        of the entry's spellings: `Port Arthur` -> `("Port Arthur" OR "Lüshun" ...)`."""
        tokens = list(_TOKEN.finditer(text))
        if len(tokens) > MAX_WORDS:
            built.notices.append(
                f"The query has {len(tokens)} words; only the first {MAX_WORDS} were searched."
            )
            text = text[: tokens[MAX_WORDS - 1].end()]
            tokens = tokens[:MAX_WORDS]
        longest = min(self.tables.longest, 5)
        out: list[str] = []
        position = 0
        i = 0
        while i < len(tokens):
            replaced = False
            for size in range(min(longest, len(tokens) - i), 1, -1):
                run = tokens[i : i + size]
                if not all(_plain_word(t.group()) for t in run):
                    continue
                surface = text[run[0].start() : run[-1].end()]
                spellings = self.tables.spellings(surface)
                if not spellings:
                    continue
                out.append(text[position : run[0].start()])
                options = {surface: 1.0, **spellings}
                for option in options:
                    for language in languages:
                        stems = tuple(self.analyzer.query_stems(option, language))
                        if stems:
                            built.words.setdefault(stems, surface)
                out.append("(" + " OR ".join(_quoted(s, w) for s, w in options.items()) + ")")
                built.runs.append((surface, list(options)))
                built.options.update(_quoted(s).strip('"') for s in options)
                position = run[-1].end()
                i += size
                replaced = True
                break
            if not replaced:
                i += 1
        out.append(text[position:])
        return "".join(out)

    def _present(self, reader: Any, term: str) -> bool:
        """Whether a passage holds `term`, remembered for the reader (most of a query's
        candidate spellings are looked up again as the user types on)."""
        memo: dict[str, bool] | None = getattr(self._local, "presence", None)
        if memo is None or getattr(self._local, "reader", None) is not reader or len(memo) > 50_000:
            memo = self._local.presence = {}
            self._local.reader = reader
        found = memo.get(term)
        if found is None:
            found = memo[term] = reader.doc_frequency("text", term) > 0
        return found

    def alternatives(
        self, word: str, reader: Any, languages: list[str], tables: bool = True
    ) -> list[Any]:
        """The queries a plain word stands for that the index can match (the word's own
        stem first, kept even when absent so that "not found" can say so), each boosted by
        the weight of its kind of match (variants.py). `tables` False for a spelling that
        came from a table: its own entries would chain one looser match onto another."""
        surfaces: dict[str, float] = {word: 1.0}
        for surface, weight in (self.tables.spellings(word) if tables else {}).items():
            surfaces.setdefault(surface, weight)
        for surface in rule_variants(word):
            surfaces.setdefault(surface, 1.0)
        for surface, weight in derived_forms(word):
            surfaces.setdefault(surface, weight)
        if "ru" in languages or _CYRILLIC.search(word):
            # Latin to Cyrillic only where a source is Russian.
            for surface in transliterations(word):
                surfaces.setdefault(surface, 1.0)
        elif word.isdigit() and "zh" in languages:
            surfaces.update(dict.fromkeys(transliterations(word), 1.0))
        found: list[Any] = []
        seen: set[tuple[str, ...]] = set()
        own: Any = None
        for number, (surface, weight) in enumerate(surfaces.items()):
            for language in languages:
                if (
                    number
                    and language == DEFAULT_LANGUAGE
                    and not _CYRILLIC.search(surface)
                    and fold(surface.lower()) != surface.lower()
                ):
                    # An accented spelling from a table is not English: Porter would make
                    # "Corée" the English "core".
                    continue
                for words in self._forms(surface, language):
                    if words in seen:
                        continue
                    if (
                        language != languages[0]
                        and min(map(len, words)) < 3
                        and words != (tuple(self.analyzer.query_stems(surface, languages[0])))
                    ):
                        # Another language's stemmer cutting a name short (Mao -> ma).
                        continue
                    seen.add(words)
                    node = _node(words, weight)
                    if number == 0 and own is None:
                        own = node
                    if all(self._present(reader, w) for w in words):
                        found.append(node)
        if tables:
            found += self._near_spellings(word, reader, {_key(node) for node in found})
        if not found and own is not None:
            return [own]
        return found

    def _near_spellings(self, word: str, reader: Any, known: set[tuple[str, ...]]) -> list[Any]:
        """Indexed words one letter (two for long words) from a long word, as looser matches:
        sources misspell and transliterate too ("Shifrtelgramma" for "Shifrtelegramma").
        Only words sharing the first three letters are compared, at most NEAR_SCAN of them."""
        stems = self.analyzer.query_stems(word)
        if len(stems) != 1 or len(stems[0]) < NEAR_MIN_LETTERS:
            return []
        stem = stems[0]
        distance = 1 if len(stem) < 10 else 2
        found: list[tuple[int, str]] = []
        for scanned, raw in enumerate(reader.expand_prefix("text", stem[:3])):
            if scanned >= NEAR_SCAN:
                break
            term = raw.decode("utf-8") if isinstance(raw, bytes) else str(raw)
            if term == stem or (term,) in known or abs(len(term) - len(stem)) > distance:
                continue
            if Levenshtein.distance(term, stem, score_cutoff=distance) <= distance:
                found.append((reader.doc_frequency("text", term), term))
        found.sort(key=lambda item: (-item[0], item[1]))
        return [query.Term("text", term, boost=NEAR_WEIGHT) for _, term in found[:NEAR_KEPT]]

    def _forms(self, surface: str, language: str) -> list[tuple[str, ...]]:
        stems = tuple(self.analyzer.query_stems(surface, language))
        if not stems:
            return []
        forms = [stems]
        if len(stems) == 1 and _CYRILLIC.search(surface):
            # Snowball's Russian stems names hard (Молотов -> молот, Молотова -> молотов):
            # the word as written finds the forms whose stem it is.
            written = (fold(surface.lower()),)
            if written != stems:
                forms.append(written)
        if len(stems) > 1 and _HYPHEN.search(surface):
            # A hyphenated word is also written as one (En-lai / Enlai, Zhou En-lai / Zhou
            # Enlai).
            joined = tuple(self.analyzer.query_stems(_HYPHEN.sub("", surface), language))
            if joined and joined != stems:
                forms.append(joined)
        return forms


def _plain_word(token: str) -> bool:
    return (
        not token.startswith('"')
        and token not in _OPERATORS
        and token not in "()"
        and ":" not in token
        and not any(c in token for c in "*?~")
    )


def _quoted(spelling: str, weight: float = 1.0) -> str:
    spelling = spelling.replace('"', "").replace("^", "")
    quoted = f'"{spelling}"' if " " in spelling else spelling
    return quoted if weight == 1.0 else f"{quoted}^{weight:g}"


def _node(words: tuple[str, ...], boost: float = 1.0) -> Any:
    if len(words) == 1:
        return query.Term("text", words[0], boost=boost)
    return query.Phrase("text", list(words), boost=boost)


class _Parser(qparser.QueryParser):
    """Whoosh's parser with plain words of the text field built by a QueryBuilder, and
    prefix, wildcard and fuzzy terms expanded within the budget."""

    def __init__(self, builder: QueryBuilder) -> None:
        super().__init__("text", builder.schema, group=qparser.AndGroup)
        self.add_plugin(qparser.FuzzyTermPlugin())
        self.builder = builder
        self.reader: Any = None
        self.languages = [DEFAULT_LANGUAGE]
        self.built = Built(None)
        self.cancel: threading.Event | None = None
        self.per_term = MAX_EXPANSION

    def reset(
        self, searcher: Any, languages: list[str], built: Built, cancel: threading.Event | None
    ) -> None:
        self.reader = searcher.reader()
        self.languages = languages or [DEFAULT_LANGUAGE]
        self.built = built
        self.cancel = cancel
        self.per_term = MAX_EXPANSION

    def term_query(
        self,
        fieldname: str,
        text: str,
        termclass: Any,
        boost: float = 1.0,
        tokenize: bool = True,
        removestops: bool = True,
    ) -> Any:
        if self.cancel is not None and self.cancel.is_set():
            raise SearchCancelled()
        if fieldname == "page" and termclass is query.Term and "pages" in self.schema:
            # The label as typed, or any page a passage spans: page:46 finds "46–47", and
            # page:40-50 finds every passage on a page from 40 to 50.
            return query.Or(
                [
                    query.Term("page", text),
                    *(query.Term("pages", page) for page in spanned_pages(text)),
                ]
            )
        if fieldname != "text" or fieldname not in self.schema:
            return super().term_query(fieldname, text, termclass, boost, tokenize, removestops)
        if len(text) > MAX_WORD_CHARS:
            self.built.notices.append(
                f"A word of {len(text):,} characters was cut to its first {MAX_WORD_CHARS}."
            )
            text = text[:MAX_WORD_CHARS]
        if termclass is query.Term:
            alternatives = self.builder.alternatives(
                text, self.reader, self.languages, tables=text not in self.built.options
            )
            if not alternatives:
                return query.NullQuery
            if text in self.built.options:
                pass  # a spelling from a table: the run it stands for is checked whole
            elif not any(_present(self.reader, a) for a in alternatives):
                self.built.not_found.append(text)
            if boost != 1.0:
                # Into each alternative: a boosted OR would leave the fast scoring path.
                alternatives = [a.with_boost(a.boost * boost) for a in alternatives]
            node = alternatives[0] if len(alternatives) == 1 else query.Or(alternatives)
            for alternative in alternatives:
                self.built.words.setdefault(_key(alternative), text)
                if text.lower() in FUNCTION_WORDS:
                    self.built.optional.add(_key(alternative))
            return node
        if termclass in (query.Prefix, query.Wildcard, query.FuzzyTerm):
            return self._expand(text, termclass, boost)
        return super().term_query(fieldname, text, termclass, boost, tokenize, removestops)

    def _expand(self, text: str, termclass: Any, boost: float) -> Any:
        """A prefix, wildcard or fuzzy term as an OR of the most frequent words of the index
        it matches, within the budget."""
        lower = text.lower()
        if termclass is query.Prefix:
            prefix = "".join(self.analyzer_stems(lower)) or lower
            label = f"{text}*"

            def matches(term: str) -> bool:
                return term.startswith(prefix)

            start = prefix
        elif termclass is query.Wildcard:
            start = re.split(r"[*?]", lower, maxsplit=1)[0]
            pattern = re.compile(
                "".join(".*" if c == "*" else "." if c == "?" else re.escape(c) for c in lower)
            )
            label = text

            def matches(term: str) -> bool:
                return pattern.fullmatch(term) is not None

        else:
            stems = self.analyzer_stems(lower)
            target = stems[0] if stems else lower
            distance = 1 if len(target) <= 4 else 2
            start = target[:1]
            label = f"{text}~"

            def matches(term: str) -> bool:
                return (
                    abs(len(term) - len(target)) <= distance
                    and Levenshtein.distance(term, target, score_cutoff=distance) <= distance
                )

        budget = self.per_term
        candidates: list[tuple[int, str]] = []
        cut = False
        for scanned, raw in enumerate(self.reader.expand_prefix("text", start), start=1):
            if scanned > MAX_SCAN:
                cut = True
                break
            term = raw.decode("utf-8") if isinstance(raw, bytes) else str(raw)
            if matches(term):
                candidates.append((self.reader.doc_frequency("text", term), term))
        if len(candidates) > budget:
            cut = True
        candidates.sort(key=lambda c: (-c[0], c[1]))
        chosen = sorted(term for _, term in candidates[:budget])
        if cut:
            self.built.notices.append(
                f"{label} matches too many words; only the {len(chosen)} most frequent were "
                "searched. Type more letters to narrow it."
            )
        if not chosen:
            # A term no passage holds: an AND with it matches nothing, as it should.
            return query.Term("text", lower)
        nodes = [query.Term("text", term) for term in chosen]
        node: Any = nodes[0] if len(nodes) == 1 else query.Or(nodes)
        return node.with_boost(boost) if boost != 1.0 else node

    def analyzer_stems(self, text: str) -> list[str]:
        return self.builder.analyzer.query_stems(text, self.languages[0])


def _key(node: Any) -> tuple[str, ...]:
    if isinstance(node, query.Phrase):
        return tuple(str(w) for w in node.words)
    return (str(node.text),)


def _present(reader: Any, node: Any) -> bool:
    return all(reader.doc_frequency("text", w) > 0 for w in _key(node))


def _dedupe(parsed: Any) -> Any:
    """Nested ORs flattened and repeated alternatives dropped, the one with the highest
    boost kept (an OR scores a repeated word twice, which no user means)."""

    def visit(node: Any) -> Any:
        if type(node) is query.Or and node.boost == 1.0:
            flat: dict[Any, Any] = {}
            stack = list(node.subqueries)
            while stack:
                sub = stack.pop(0)
                if type(sub) is query.Or and sub.boost == 1.0:
                    stack[:0] = list(sub.subqueries)
                    continue
                key = _node_key(sub)
                if key not in flat or flat[key].boost < sub.boost:
                    flat[key] = sub
            kept = list(flat.values())
            return kept[0] if len(kept) == 1 else query.Or(kept)
        return node

    return parsed.accept(visit)


def _node_key(node: Any) -> Any:
    if type(node) is query.Term:
        return ("term", node.fieldname, node.text)
    if type(node) in (query.Phrase, FastPhrase):
        return ("phrase", node.fieldname, tuple(node.words), node.slop)
    return ("other", id(node))


def _fast_phrases(parsed: Any) -> Any:
    def swap(node: Any) -> Any:
        if type(node) is query.Phrase:
            return FastPhrase(
                node.fieldname,
                node.words,
                slop=node.slop,
                boost=node.boost,
                char_ranges=node.char_ranges,
            )
        return node

    return parsed.accept(swap)
