"""A query fuzzer: random and malformed queries must give results or a QuerySyntaxError.

Queries are built from the corpus's own words, misspellings, every operator and filter of the
query language (also misused: dangling, doubled, lower-case, unbalanced quotes and brackets),
Whoosh syntax the language does not document (ranges, boosts, unknown fields), other scripts,
combining marks, emoji, control characters and long words. Each query runs through
`SearchIndex.search` as the app and `assistant search` run it; any other exception is a
failure, reported with the query that caused it.

Runs as a script (the test suite runs it in a time- and memory-limited child):
`python tests/hardening/query_fuzz.py --corpus DIR --index DIR --count 2000 --seed 7`
prints a JSON summary.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
import traceback
from pathlib import Path

OPERATORS = ["AND", "OR", "NOT", "and", "or", "not", "&&", "||", "!", "-", "+"]
FILTERS = ["source:", "section:", "kind:", "page:", "text:", "front:", "nosuchfield:", "ordinal:"]
KINDS = ["body", "note", "heading", "front", "bib", "", "*", "NOTE"]
PUNCTUATION = list("\"'()[]{}:*?~^+-!&|\\/<>=,.;@#%$`")
SCRIPTS = [
    "Молотов",
    "朝鲜战争",
    "P’yŏngyang",
    "Kim Il-sŏng",
    "Straße",
    "שלום",
    "مرحبا",
    "한국전쟁",
    "e\u0301te\u0301",  # combining accents
    "\u200b\u200d",  # zero-width characters
    "\U0001f4a3\U0001f525",
    "\ufeff",
    "\ud7ff",
    "Ⅻ",
    "ﬁnal",
]
CONTROL = ["\x00", "\t", "\n", "\r", "\x1b", "\x7f", "\u2028"]


def _vocabulary(corpus: Path) -> list[str]:
    words: set[str] = set()
    for path in sorted(corpus.glob("*.md")):
        words.update(re.findall(r"[A-Za-z]{3,}", path.read_text(encoding="utf-8")))
    return sorted(words)


def _misspelt(rng: random.Random, word: str) -> str:
    if len(word) < 3:
        return word
    position = rng.randrange(len(word))
    action = rng.choice(["drop", "swap", "add"])
    if action == "drop":
        return word[:position] + word[position + 1 :]
    if action == "swap" and position < len(word) - 1:
        return word[:position] + word[position + 1] + word[position] + word[position + 2 :]
    return word[:position] + rng.choice("aeiourst") + word[position:]


def random_query(rng: random.Random, words: list[str], sources: list[str]) -> str:
    def word() -> str:
        return rng.choice(words)

    makers = [
        lambda: word(),
        lambda: word(),
        lambda: _misspelt(rng, word()),
        lambda: rng.choice(OPERATORS),
        lambda: f'"{word()} {word()}"',
        lambda: '"' + word(),
        lambda: word() + '"',
        lambda: f"({word()} {rng.choice(OPERATORS)} {word()})",
        lambda: "(" * rng.randint(1, 4),
        lambda: ")" * rng.randint(1, 4),
        lambda: word()[: rng.randint(2, 5)] + "*",
        lambda: "*" + word()[:3],
        lambda: word()[:3] + "?" + word()[:2],
        # Edit distances past 2 (and one-letter prefixes) expand to most of the vocabulary;
        # they are left to the search's own expansion budget and its tests.
        lambda: word() + rng.choice(["~", "~1", "~2", "~0.5", "~-1", "~x"]),
        lambda: word() + rng.choice(["^2", "^", "^0", "^-1", "^1e9"]),
        lambda: rng.choice(FILTERS) + rng.choice([*sources, word(), "", "*", '"x y"']),
        lambda: "kind:" + rng.choice(KINDS),
        lambda: f"page:{rng.choice(['52', 'xii', '', '1-3', '10000000000'])}",
        lambda: f"[{word()} TO {word()}]",
        lambda: "{" + word() + " TO }",
        lambda: "".join(rng.choice(PUNCTUATION) for _ in range(rng.randint(1, 6))),
        lambda: rng.choice(SCRIPTS),
        lambda: rng.choice(CONTROL).join([word(), word()]),
        lambda: word() * rng.randint(10, 40),  # a long word (hundreds of letters)
        lambda: "".join(chr(rng.randint(0x20, 0x2FFF)) for _ in range(rng.randint(1, 12))),
    ]
    parts = [rng.choice(makers)() for _ in range(rng.randint(1, 8))]
    return " ".join(parts) if rng.random() < 0.9 else "".join(parts)


def fuzz(corpus: Path, index_dir: Path, count: int, seed: int) -> dict:
    from assistant.search.errors import QuerySyntaxError
    from assistant.search.index import SearchIndex

    rng = random.Random(seed)
    words = _vocabulary(corpus)
    index = SearchIndex(index_dir)
    sources = sorted(index.source_ids())
    summary: dict = {"queries": 0, "answered": 0, "syntax_errors": 0, "failures": []}
    times: list[float] = []
    for _ in range(count):
        query = random_query(rng, words, sources)
        started = time.perf_counter()
        try:
            results = index.search(query, limit=10)
            assert results.total >= len(results.hits)
            for hit in results.hits:
                # Snippets are HTML: only the highlighting tags may be unescaped.
                assert "<" not in re.sub(r"</?b>", "", hit.snippet), hit.snippet
            summary["answered"] += 1
        except QuerySyntaxError as error:
            assert error.message, "a syntax error without a message"
            summary["syntax_errors"] += 1
        except Exception:
            summary["failures"].append({"query": query, "error": traceback.format_exc(limit=4)})
        times.append(time.perf_counter() - started)
        summary["queries"] += 1
    times.sort()
    summary["p50_ms"] = round(1000 * times[len(times) // 2], 1) if times else 0
    summary["p99_ms"] = round(1000 * times[int(len(times) * 0.99)], 1) if times else 0
    summary["max_ms"] = round(1000 * times[-1], 1) if times else 0
    return summary


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--index", type=Path, required=True)
    parser.add_argument("--count", type=int, default=500)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    summary = fuzz(args.corpus, args.index, args.count, args.seed)
    print(json.dumps(summary, ensure_ascii=False))
    return 1 if summary["failures"] else 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))
    sys.exit(main())
