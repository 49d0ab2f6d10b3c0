"""`assistant check DRAFT`: quotations against their sources, and the citation audit.

Exit status: 0 when the draft is clean, 1 when there is any error or warning (notes that need no
change in the draft, such as a quotation whose source has no text in the library, are printed
but do not fail the check), 2 when the draft, bibliography or corpus cannot be read.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, TextIO

from assistant.cli.drafts import is_word_draft, read_word_draft

DRAFT_SUFFIXES = (".md", ".markdown", ".txt", ".essay", ".docx")


def register(subparsers: Any) -> None:
    check = subparsers.add_parser(
        "check",
        help="check a draft's quotations against the sources and audit its citations",
        description="Check every cited quotation in the draft against the cited source's "
        "text (forgiving only what Chicago allows: quotation marks, ellipses for omissions, "
        "square brackets for changes, the first letter's case, whitespace) and audit the "
        "citations: quotations without a note, notes without a page or citing the wrong page, "
        "items with missing metadata, consecutive notes to the same place; and the borrowing "
        "guard: stretches of the body or notes that repeat a source's wording (or closely "
        "paraphrase it) without quotation marks. Prints each problem "
        "with its paragraph and note number. Exit status: 0 clean, 1 when there is an error or "
        "warning (notes, such as a source without text in the library, do not count), 2 when "
        "the draft, bibliography or corpus cannot be read.",
    )
    check.add_argument(
        "draft",
        help="the draft: Pandoc Markdown (.md), an essay file (.essay) or Word (.docx); - reads "
        "Markdown from standard input",
    )
    check.add_argument(
        "--no-borrowing",
        action="store_true",
        help="leave out the borrowing guard (source wording used without quotation marks)",
    )
    check.add_argument(
        "--bibliography",
        help="CSL-JSON (or .bib/.ris) with the cited items (default: the essay's own snapshot "
        "and the corpus's sources.json)",
    )
    check.add_argument("--corpus", help="corpus folder (default: the bundled corpus)")
    check.add_argument("--index", help="index folder (default: chosen per corpus)")
    check.add_argument(
        "--format", choices=("text", "json"), default="text", help="output format (default text)"
    )
    check.set_defaults(func=run_check)


class BadInput(Exception):
    """A file the check cannot use; the message says which and why."""


def run_check(
    args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    out = out or sys.stdout
    err = err or sys.stderr
    try:
        return _run(args, out, err)
    except BadInput as error:
        print(f"assistant check: {error}", file=err)
        return 2


def _run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from assistant.check.audit import check_draft
    from assistant.check.quotes import QuoteChecker
    from assistant.library.corpus import Library
    from assistant.library.ocr import OcrContext
    from assistant.library.ocr.cache import cache_dir_for
    from assistant.paths import bundled_corpus_dir, default_index_dir

    draft = Path(args.draft).expanduser()
    bibliography = (
        _read_bibliography(Path(args.bibliography).expanduser()) if args.bibliography else {}
    )
    corpus = Path(args.corpus).expanduser() if args.corpus else bundled_corpus_dir()
    if not corpus.is_dir():
        raise BadInput(f"{corpus}: the corpus folder does not exist.")
    library = Library.open(corpus)
    for import_problem in library.problems:  # the check goes on with the usable sources
        print(f"{corpus.name}: {import_problem}", file=err)
    items = library.items()
    essay, warnings = _read_draft(draft, {**items, **bibliography})
    items.update(essay.items)
    items.update(bibliography)
    draft_name = "<stdin>" if args.draft == "-" else draft.name
    for warning in warnings:
        print(f"{draft_name}: {warning}", file=err)

    index_dir = Path(args.index).expanduser() if args.index else default_index_dir(corpus)
    # Quotations from scans are checked against the recognised text the indexer cached.
    library.ocr = OcrContext(cache_dir=cache_dir_for(index_dir), run=False)
    index = _open_index(index_dir)
    checker = QuoteChecker.for_library(library, index=index, items=items)
    problems = check_draft(essay, checker, items, borrowing=not args.no_borrowing)

    failing = [p for p in problems if p.severity != "info"]
    if args.format == "json":
        json.dump([_as_json(p) for p in problems], out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        for problem in problems:
            _print_problem(problem, draft_name, out)
        quotations = len(checker.checked)
        summary = (
            f"{len(failing)} problem{'s' if len(failing) != 1 else ''}"
            + (
                f" and {len(problems) - len(failing)} note(s)"
                if len(problems) > len(failing)
                else ""
            )
            + f"; {quotations} cited quotation{'s' if quotations != 1 else ''} checked."
        )
        print(("Clean: " if not failing else "") + summary, file=out)
    return 1 if failing else 0


def _read_draft(path: Path, items: dict[str, dict]) -> tuple[Any, list[str]]:
    from assistant.cli.stdio import is_stdio, read_text

    if is_stdio(str(path)):
        from assistant.essay.markdown import read_markdown

        try:
            text = read_text("-")
        except UnicodeDecodeError as error:
            raise BadInput(f"<stdin>: not UTF-8 text ({error.reason}).") from error
        result = read_markdown(text, items)
        return result.essay, list(result.warnings)
    if path.suffix.lower() not in DRAFT_SUFFIXES:
        raise BadInput(
            f"{path}: not a draft this command reads (use .md for Pandoc Markdown, .essay or "
            ".docx)."
        )
    if not path.is_file():
        raise BadInput(f"{path}: no such file.")
    if is_word_draft(path):
        try:
            return read_word_draft(path)
        except ValueError as error:
            raise BadInput(str(error)) from error
    if path.suffix.lower() == ".essay":
        from assistant.essay.store import load_essay

        try:
            return load_essay(path), []
        except Exception as error:  # corrupt, newer schema, unreadable: the store explains
            raise BadInput(f"{path}: {error}") from error
    from assistant.essay.markdown import PandocError, read_markdown

    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise BadInput(f"{path}: not UTF-8 text ({error.reason} at byte {error.start}).") from error
    except OSError as error:
        raise BadInput(f"{path}: cannot be read ({error.strerror}).") from error
    try:
        result = read_markdown(text, items)
    except PandocError as error:
        raise BadInput(f"{path}: cannot be read as a Markdown draft ({error}).") from error
    return result.essay, list(result.warnings)


def _read_bibliography(path: Path) -> dict[str, dict]:
    if not path.is_file():
        raise BadInput(f"{path}: no such bibliography file.")
    if path.suffix.lower() in (".bib", ".ris"):
        from assistant.library.metadata import read_metadata_file

        try:
            problems: list[str] = []
            records: list[Any] = read_metadata_file(path, problems)
            for problem in problems:
                print(f"warning: {problem}", file=sys.stderr)
        except Exception as error:
            raise BadInput(f"{path}: {error}") from error
    else:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise BadInput(f"{path}: not valid CSL-JSON ({error}).") from error
        found = (
            data
            if isinstance(data, list)
            else list(data.values())
            if isinstance(data, dict)
            else None
        )
        if found is None:
            raise BadInput(f"{path}: CSL-JSON must be an array of items.")
        records = found
    items: dict[str, dict] = {}
    for number, record in enumerate(records, start=1):
        if not isinstance(record, dict) or not str(record.get("id", "")).strip():
            raise BadInput(f"{path}: item {number} has no id.")
        items[str(record["id"])] = record
    return items


def _open_index(index_dir: Path) -> Any:
    """The search index when one has been built (it only narrows the search for a quotation
    taken from another source; without it every source is scanned)."""
    if not index_dir.is_dir():
        return None
    try:
        from assistant.search.index import SearchIndex

        index = SearchIndex(index_dir)
        return None if index.is_empty() else index
    except Exception:  # an index being rebuilt or damaged: the check works without it
        return None


def _print_problem(problem: Any, draft_name: str, out: TextIO) -> None:
    label = {"error": "error", "warning": "warning", "info": "note"}[problem.severity]
    print(f"{draft_name}: {problem.location()}: {label}: {problem.message}", file=out)
    check = problem.check
    if check is not None and check.source_wording and problem.kind != "unverifiable":
        print(f"    source: “{check.marked_source()}”", file=out)
        correction = check.corrected_quotation()
        if correction is not None:
            print(f"    fix:    “{correction}”", file=out)
    borrowing = getattr(problem, "borrowing", None)
    if borrowing is not None:
        print(f"    source: “{borrowing.marked_wording}”", file=out)


def _as_json(problem: Any) -> dict[str, Any]:
    data = {
        "kind": problem.kind,
        "severity": problem.severity,
        "message": problem.message,
        "paragraph": problem.paragraph,
        "note": problem.note,
        "item": problem.item_id,
        # Where in the draft's blocks (headings included, from 0) and their text: for tools.
        "block": problem.block,
        "start": problem.start,
        "end_block": problem.end_block,
        "end": problem.end,
    }
    borrowing = getattr(problem, "borrowing", None)
    if borrowing is not None:
        data["source"] = borrowing.source_id
        data["borrowing"] = borrowing.kind
        data["text"] = borrowing.text
        data["source_wording"] = borrowing.source_wording
        data["marked_source"] = borrowing.marked_wording
        data["source_start"] = borrowing.source_start
        data["source_end"] = borrowing.source_end
        data["page"] = borrowing.page
        data["section"] = borrowing.section
        data["cited"] = borrowing.cited_here
    suggestion = getattr(problem, "suggestion", None)
    if suggestion is not None:
        data["suggested_citation"] = {"id": suggestion.item_id, "locator": suggestion.locator}
    check = problem.check
    if check is not None:
        data["quotation"] = check.quotation.text
        data["source"] = check.source_id
        data["found_in"] = check.found_in
        data["source_wording"] = check.source_text()
        data["differences"] = [
            {"kind": d.kind, "source": d.source_words, "quoted": d.quoted_words}
            for d in check.differences
        ]
        data["corrected_quotation"] = check.corrected_quotation()
        data["section"] = check.section
        data["page"] = check.page
    return data
