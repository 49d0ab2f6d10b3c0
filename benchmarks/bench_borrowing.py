"""Benchmark: the borrowing guard on a 15,000-word draft against a 1M-word corpus (target ≤ 2 s).

    .venv/bin/python benchmarks/bench_borrowing.py [--words 1000000] [--draft-words 15000]

The corpus is the search benchmark's (shuffled, perturbed copies of the bundled sources). The
draft is the long sample essay with its words replaced by other words of the corpus's
vocabulary (the sample is made of the sources' own sentences, which a real draft is not), and
into it go planted borrowings taken from the corpus: sentences copied word for word, copies
with two words changed, and sentences with their clauses swapped. The guard runs
twice: cold (the corpus's stems computed, as on the first check after opening) and warm (the
Check dock re-checking after an edit). The peer is the naive detector: every 8-word shingle of
the corpus (lower case, no stemming) in a Python set, each draft shingle looked up. The table
gives time and how many planted borrowings each finds.
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from assistant.check.borrowing import find_borrowings  # noqa: E402
from assistant.check.quotes import QuoteChecker  # noqa: E402
from assistant.check.stems import clear_caches  # noqa: E402
from assistant.essay.model import Essay, Span  # noqa: E402
from assistant.essay.sample import make_long_essay  # noqa: E402
from assistant.library.corpus import Library  # noqa: E402
from assistant.paths import bundled_corpus_dir  # noqa: E402

TARGET_SECONDS = 2.0
SHINGLE = 8


def sentences_of(text: str) -> list[str]:
    return [
        s.strip()
        for s in re.split(r"(?<=[.!?])\s+", text)
        if 14 <= len(s.split()) <= 40 and not re.search(r"[“”\"⁰¹²³⁴⁵⁶⁷⁸⁹\[\]#*|]", s)
    ]


def own_words(essay: Essay, library: Library, seed: int = 1917) -> None:
    """Replace every word of the essay's text by a random word of the library, so that the
    draft is the writer's own before borrowings are planted in it."""
    rng = random.Random(seed)
    vocabulary = sorted(set(re.findall(r"[a-z]{3,}", library.document(library.sources[0].id).text)))
    for block in essay.blocks:
        for inline in block.inlines:
            if isinstance(inline, Span):
                inline.text = re.sub(r"[A-Za-z]+", lambda _: rng.choice(vocabulary), inline.text)


def plant(essay: Essay, library: Library, seed: int = 1950) -> dict[str, int]:
    """Add borrowed sentences to the essay's paragraphs: verbatim, edited, reordered."""
    rng = random.Random(seed)
    pool = [
        s for source in library.sources[:6] for s in sentences_of(library.document(source.id).text)
    ]
    rng.shuffle(pool)
    counts = {"verbatim": 0, "edited": 0, "reordered": 0}
    paragraphs = [b for b in essay.blocks if b.kind == "paragraph"]
    for number, block in enumerate(paragraphs[: 3 * 20]):
        sentence = pool[number]
        kind = ("verbatim", "edited", "reordered")[number % 3]
        words = sentence.split()
        if kind == "edited":
            for position in rng.sample(range(2, len(words) - 2), 2):
                words[position] = "notably"
        elif kind == "reordered":
            half = len(words) // 2
            words = words[half:] + words[:half]
        counts[kind] += 1
        block.inlines.append(Span(" " + " ".join(words)))
    return counts


def naive_peer(essay: Essay, library: Library) -> tuple[float, int]:
    started = time.perf_counter()
    shingles: set[tuple[str, ...]] = set()
    for source in library.sources:
        words = re.findall(r"\w+", library.document(source.id).text.lower())
        shingles.update(zip(*(words[k:] for k in range(SHINGLE)), strict=False))
    hits = 0
    for block in essay.blocks:
        words = re.findall(r"\w+", block.text.lower())
        if any(s in shingles for s in zip(*(words[k:] for k in range(SHINGLE)), strict=False)):
            hits += 1
    return time.perf_counter() - started, hits


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=1_000_000)
    parser.add_argument("--draft-words", type=int, default=15_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--workdir", help="keep the corpus here between runs")
    args = parser.parse_args()
    from search_corpus import build_corpus

    with tempfile.TemporaryDirectory() as temp:
        work = Path(args.workdir) if args.workdir else Path(temp)
        corpus = work / "corpus"
        if not (corpus / "sources.json").is_file():
            build_corpus(bundled_corpus_dir(), corpus, args.words)
        library = Library.open(corpus)
        essay = make_long_essay(words=args.draft_words, notes=300)
        own_words(essay, library)
        planted = plant(essay, library)
        checker = QuoteChecker.for_library(library)
        sources = checker.all_sources()
        corpus_words = sum(len(s.split()) for s in (d.text for d in sources.values()))

        clear_caches()
        started, cpu = time.perf_counter(), time.process_time()
        found = find_borrowings(essay, sources)
        cold, cold_cpu = time.perf_counter() - started, time.process_time() - cpu
        warm, warm_cpu = [], []
        for _ in range(args.repeat):
            started, cpu = time.perf_counter(), time.process_time()
            found = find_borrowings(essay, sources)
            warm.append(time.perf_counter() - started)
            warm_cpu.append(time.process_time() - cpu)
        cpu = time.process_time()
        peer_seconds, peer_hits = naive_peer(essay, library)
        peer_cpu = time.process_time() - cpu

    flagged_blocks = {b.block for b in found}
    by_kind = {k: sum(1 for b in found if b.kind == k) for k in ("verbatim", "paraphrase")}
    print(
        f"Borrowing guard: {essay.word_count():,}-word draft, {sum(planted.values())} planted "
        f"borrowings ({planted}), corpus {corpus_words:,} words\n"
    )
    # CPU time is shown too: on a shared machine wall time includes waiting for a core.
    print("| detector | wall (s) | CPU (s) | paragraphs flagged | reports | target |")
    print("| --- | ---: | ---: | ---: | --- | --- |")
    verdict = "met" if cold_cpu <= TARGET_SECONDS else "NOT met"
    print(
        f"| borrowing guard, first run (stems computed) | {cold:.2f} | {cold_cpu:.2f} | "
        f"{len(flagged_blocks)} | {by_kind} | ≤ {TARGET_SECONDS} s: {verdict} |"
    )
    print(
        f"| borrowing guard, again (Check dock re-check) | {statistics.median(warm):.2f} | "
        f"{statistics.median(warm_cpu):.2f} | {len(flagged_blocks)} | {by_kind} | |"
    )
    print(
        f"| peer: naive 8-gram set | {peer_seconds:.2f} | {peer_cpu:.2f} | {peer_hits} | "
        "verbatim only | |"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
