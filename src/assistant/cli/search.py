"""`assistant index` and `assistant search`: the library and index without the app."""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path
from typing import Any, TextIO


def register(subparsers: Any) -> None:
    index = subparsers.add_parser(
        "index",
        help="index the corpus (only changed sources are re-indexed)",
        description="Index the corpus's documents for search. Only changed sources are "
        "re-indexed; problems with individual files are listed and the rest is indexed.",
    )
    index.add_argument("--rebuild", action="store_true", help="rebuild the index from scratch")
    _add_location_options(index)
    index.set_defaults(func=run_index)

    search = subparsers.add_parser(
        "search",
        help="search the corpus",
        description="Search the indexed corpus. Query language: words (passages with all of "
        "them first, then with most of them), OR, "
        'NOT, "exact phrases", prefix*, fuzzy~, and the filters source:ID, section:WORD, '
        "kind:note|body|heading|bib|front, page:LABEL. Front matter (title page, table of "
        "contents) is searched only with kind:front.",
    )
    search.add_argument("query", help='the query, e.g. "Acheson defense perimeter"')
    search.add_argument("--limit", type=int, default=10, help="how many hits (default 10)")
    search.add_argument("--json", action="store_true", help="print the results as JSON")
    _add_location_options(search)
    search.set_defaults(func=run_search)


def _add_location_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--corpus", help="corpus folder (default: the bundled corpus)")
    parser.add_argument("--index", help="index folder (default: chosen per corpus)")


def _locations(args: argparse.Namespace) -> tuple[Path, Path]:
    from assistant.paths import bundled_corpus_dir, default_index_dir

    corpus = Path(args.corpus).expanduser() if args.corpus else bundled_corpus_dir()
    index = Path(args.index).expanduser() if args.index else default_index_dir(corpus)
    return corpus, index


class _ProgressBar:
    """A one-line progress bar on stderr (plain lines when stderr is not a terminal)."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.tty = stream.isatty()
        self.started = time.monotonic()
        self.done, self.total, self.name = 0, 0, ""

    def __call__(self, done: int, total: int, name: str) -> None:
        if "(OCR page" not in name:
            self.done, self.total, self.name = done, total, name
        total = max(total, 1)
        width = 30
        filled = int(width * done / total)
        line = f"[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {name}"
        if self.tty:
            self.stream.write("\r" + line[:100].ljust(100))
            if done >= total:
                self.stream.write("\n")
        elif name:
            self.stream.write(f"indexing {done + 1}/{total}: {name}\n")
        self.stream.flush()


def ocr_context(index_dir: Path, bar: _ProgressBar | None) -> Any:
    """Scanned pages are recognised while indexing, cached beside the index."""
    from assistant.library.ocr import OcrContext
    from assistant.library.ocr.cache import cache_dir_for

    def progress(page: int, pages: int) -> None:
        if bar is not None and page < pages:
            bar(bar.done, bar.total, f"{bar.name} (OCR page {page + 1} of {pages})")

    return OcrContext(cache_dir=cache_dir_for(index_dir), progress=progress)


def _index(corpus: Path, index_dir: Path, rebuild: bool, quiet: bool = False) -> int:
    from assistant.library.corpus import Library
    from assistant.search.index import SearchIndex

    if not corpus.is_dir():
        print(f"error: the corpus folder {corpus} does not exist.", file=sys.stderr)
        return 2
    library = Library.open(corpus)
    bar = None if quiet else _ProgressBar(sys.stderr)
    library.ocr = ocr_context(index_dir, bar)
    started = time.monotonic()
    report = SearchIndex(index_dir).update(library, progress=bar, rebuild=rebuild)
    elapsed = time.monotonic() - started
    if report.rebuilt_reason and report.rebuilt_reason != "rebuilt on request":
        print(f"note: {report.rebuilt_reason}", file=sys.stderr)
    for problem in report.problems:
        print(f"problem: {problem}", file=sys.stderr)
    if report.busy:
        return 1  # the other indexer won; this run did nothing, and a script must know
    if not quiet:
        print(
            f"Indexed {report.indexed} source(s) ({report.passages} passages, {report.words} "
            f"words), {report.unchanged} unchanged, {report.removed} removed, "
            f"{len(report.problems)} problem(s), in {elapsed:.2f} s. Index: {index_dir}"
        )
    return 0


def run_index(args: argparse.Namespace) -> int:
    corpus, index_dir = _locations(args)
    return _index(corpus, index_dir, args.rebuild)


def _plain(snippet: str) -> str:
    import html

    text = re.sub(r"</?b>", "", snippet)
    return html.unescape(text)


def run_search(args: argparse.Namespace) -> int:
    from assistant.library.model import page_text
    from assistant.search.errors import IndexUnavailable, QuerySyntaxError
    from assistant.search.index import SearchIndex
    from assistant.search.query import check_query

    corpus, index_dir = _locations(args)
    index = SearchIndex(index_dir, corpus_dir=corpus)
    if args.limit < 1:
        print("error: --limit must be at least 1.", file=sys.stderr)
        return 2
    try:
        check_query(args.query)  # before a first indexing run, so a typo fails fast
    except QuerySyntaxError as error:
        print(f"error: {error.message}", file=sys.stderr)
        return 2
    if index.is_empty():
        # A fresh checkout has no index yet: build it rather than answer "no results".
        print(f"Indexing {corpus} first…", file=sys.stderr)
        status = _index(corpus, index_dir, rebuild=False, quiet=True)
        if status:
            return status
    try:
        results = index.search(args.query, limit=args.limit)
    except QuerySyntaxError as error:
        print(f"error: {error.message}", file=sys.stderr)
        return 2
    except IndexUnavailable as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    if args.json:
        payload = {
            "query": results.query,
            "total": results.total,
            "hits": [
                {
                    "source": hit.source_id,
                    "passage": hit.ordinal,
                    "section": hit.section,
                    "page": hit.page,
                    "pdf_page": hit.pdf_page,
                    "kind": hit.kind,
                    "score": hit.score,
                    "snippet": hit.snippet,
                    "text": hit.text,
                    "missing": list(hit.missing),
                }
                for hit in results.hits
            ],
            "counts_by_source": results.counts_by_source,
            "suggestion": results.suggestion,
            "corrected": results.corrected,
            "relaxed": results.relaxed,
            "all_words": results.all_words,
            "not_found": list(results.not_found),
            "notices": list(results.notices),
        }
        json.dump(payload, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    for notice in results.notices:
        print(f"note: {notice}", file=sys.stderr)
    if results.corrected:
        print(f"Showing results for {results.corrected!r} ({results.query!r} is in no passage).\n")
    elif results.relaxed:
        missing = f"; not found: {', '.join(results.not_found)}" if results.not_found else ""
        if results.all_words:
            few = f"Only {results.all_words} passage(s) have all the words"
        else:
            few = "No passage has all the words"
        print(f"{few}; passages with most of them{missing}.\n")
    if not results.hits and index.is_empty():
        print(
            f"No passages match {results.query!r}: the index of {corpus} holds no passages "
            "(add sources to the corpus folder, then run `assistant index`)."
        )
    elif not results.hits:
        print(f"No passages match {results.query!r}.")
    else:
        counts = ", ".join(f"{s}: {n}" for s, n in results.counts_by_source.items())
        print(f"{results.total} passage(s) match ({counts}); best {len(results.hits)}:\n")
    for number, hit in enumerate(results.hits, start=1):
        where = hit.section or "(no section)"
        page = f", {page_text(hit.page, hit.pdf_page)}" if hit.page else ""
        print(f"{number}. {hit.source_id} #{hit.ordinal} [{hit.kind}] {where}{page}  ({hit.score})")
        if hit.missing:
            print(f"   (without: {', '.join(hit.missing)})")
        print("   " + _plain(hit.snippet).replace("\n", " "))
        print()
    if results.suggestion:
        print(f"Did you mean: {results.suggestion}")
    return 0
