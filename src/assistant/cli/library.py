"""`assistant library import|list|sync`: bring a Zotero library or an export into the corpus.

    assistant library import ~/Zotero --corpus sources/ --collection "Korean War"
    assistant library import refs.bib --link      # re-read whenever refs.bib changes
    assistant library list --json

The import follows the library's one import rule (`assistant.library.importing`): re-importing
updates what changed at the source and adds what is new, never duplicates, never merges a
record into another source, and keeps the writer's edits. Everything held back is printed.
Exit status: 0 when everything was imported, 1 when some records were held back or had
problems, 2 when the source or the corpus cannot be read.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, TextIO

EXIT_BAD_INPUT = 2


def register(subparsers: Any) -> None:
    library = subparsers.add_parser(
        "library",
        help="import a Zotero library or export into the corpus; list the library",
        description="Manage the corpus's sources: import a Zotero library (read-only, even "
        "while Zotero runs) or a BibTeX, RIS or CSL-JSON export, and list what the library "
        "holds.",
    )
    commands = library.add_subparsers(dest="library_command", metavar="ACTION", required=True)

    do_import = commands.add_parser(
        "import",
        help="import a Zotero data directory, zotero.sqlite, or a .bib/.ris/.json export",
        description="Import sources. SOURCE is Zotero's data directory (the folder holding "
        "zotero.sqlite and storage/, usually ~/Zotero), a zotero.sqlite file, or an export "
        "file (.bib, .bibtex, .ris, .json). From Zotero, each item's PDF becomes its document "
        "and its notes are kept with its metadata; ids are citation keys (Zotero 7 or Better "
        "BibTeX), else author and year.",
    )
    do_import.add_argument(
        "source",
        help="Zotero data directory, zotero.sqlite, or export file; - reads an export from "
        "standard input (CSL-JSON, RIS or BibTeX, told apart by their text)",
    )
    do_import.add_argument("--corpus", help="corpus folder (default: the bundled corpus)")
    do_import.add_argument(
        "--collection", metavar="NAME", help="only this Zotero collection and its subcollections"
    )
    do_import.add_argument(
        "--base-dir",
        metavar="DIR",
        help="Zotero's base directory for linked attachments (default: read from Zotero's "
        "preferences)",
    )
    do_import.add_argument(
        "--replace-edited",
        action="store_true",
        help="also update sources edited in the app since they were imported",
    )
    do_import.add_argument(
        "--link",
        action="store_true",
        help="keep an export file linked: `library sync` and the app re-import it when it changes",
    )
    do_import.set_defaults(func=run_import)

    listing = commands.add_parser("list", help="print the library's sources")
    listing.add_argument("--corpus", help="corpus folder (default: the bundled corpus)")
    listing.add_argument(
        "--json",
        action="store_true",
        help='print a JSON array of {"id", "type", "title", "author", "year", "file"}',
    )
    listing.set_defaults(func=run_list)

    sync = commands.add_parser("sync", help="re-import the linked exports that changed")
    sync.add_argument("--corpus", help="corpus folder (default: the bundled corpus)")
    sync.set_defaults(func=run_sync)


def _corpus(args: argparse.Namespace) -> Path:
    from assistant.paths import bundled_corpus_dir

    return Path(args.corpus).expanduser() if args.corpus else bundled_corpus_dir()


def _open_library(args: argparse.Namespace, err: TextIO) -> Any:
    from assistant.library.corpus import Library

    corpus = _corpus(args)
    if not corpus.is_dir():
        print(f"assistant library: the corpus folder {corpus} does not exist.", file=err)
        return None
    return Library.open(corpus)


def _print_report(report: Any, out: TextIO, err: TextIO) -> None:
    print(report.summary(), file=out)
    for message in report.messages():
        print(f"  {message}", file=err)


def run_import(
    args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    from assistant.library.errors import LibraryError
    from assistant.library.importing import import_source
    from assistant.library.linked import LinkedExports
    from assistant.library.zotero import is_zotero_source

    out, err = out or sys.stdout, err or sys.stderr
    library = _open_library(args, err)
    if library is None:
        return EXIT_BAD_INPUT
    from assistant.cli.stdio import is_stdio

    if is_stdio(args.source):
        if args.link:
            print("assistant library: standard input cannot be linked; give a file.", file=err)
            return EXIT_BAD_INPUT
        return _import_stdin(library, args, out, err)
    source = Path(args.source).expanduser()
    if args.link and is_zotero_source(source):
        print("assistant library: --link applies to export files, not to Zotero.", file=err)
        return EXIT_BAD_INPUT
    try:
        report = import_source(
            library,
            source,
            collection=args.collection,
            base_dir=Path(args.base_dir).expanduser() if args.base_dir else None,
            replace_edited=args.replace_edited,
        )
        if args.link:
            LinkedExports(library.corpus_dir).link(source)
    except LibraryError as error:
        print(f"assistant library: {error}", file=err)
        return EXIT_BAD_INPUT
    _print_report(report, out, err)
    if args.link:
        print(f"linked: {source.resolve()} (re-imported by `library sync` and the app)", file=out)
    return 1 if report.messages() else 0


def _import_stdin(library: Any, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """An export piped in (`… | assistant library import -`), its format told from its text."""
    import tempfile

    from assistant.cli.stdio import stdin_as_file
    from assistant.library.errors import LibraryError

    with tempfile.TemporaryDirectory() as folder:
        try:
            path = stdin_as_file(Path(folder))
            report = library.import_export(path, replace_edited=args.replace_edited)
        except (ValueError, UnicodeDecodeError, LibraryError) as error:
            print(f"assistant library: {error}", file=err)
            return EXIT_BAD_INPUT
    _print_report(report, out, err)
    return 1 if report.messages() else 0


def run_sync(args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None) -> int:
    from assistant.library.linked import refresh_linked

    out, err = out or sys.stdout, err or sys.stderr
    library = _open_library(args, err)
    if library is None:
        return EXIT_BAD_INPUT
    result = refresh_linked(library)
    for report in result.reports:
        _print_report(report, out, err)
    for problem in result.problems:
        print(f"  {problem}", file=err)
    if not result.reports and not result.problems:
        print("linked exports: nothing changed", file=out)
    return 1 if result.problems or any(r.messages() for r in result.reports) else 0


def _year(item: dict[str, Any]) -> int | str | None:
    issued = item.get("issued")
    if isinstance(issued, dict):
        try:
            value = issued["date-parts"][0][0]
            return value if isinstance(value, int | str) else None
        except (KeyError, IndexError, TypeError):
            return issued.get("literal")
    return None


def _authors(item: dict[str, Any]) -> list[str]:
    names = []
    for name in item.get("author") or item.get("editor") or []:
        if isinstance(name, dict):
            names.append(str(name.get("literal") or name.get("family") or ""))
    return [n for n in names if n]


def run_list(args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None) -> int:
    out, err = out or sys.stdout, err or sys.stderr
    library = _open_library(args, err)
    if library is None:
        return EXIT_BAD_INPUT
    rows = []
    for source in library.sources:
        item = source.item
        rows.append(
            {
                "id": source.id,
                "type": item.get("type"),
                "title": item.get("title"),
                "author": _authors(item),
                "year": _year(item),
                "file": source.path.name if source.path is not None else None,
            }
        )
    if args.json:
        json.dump(rows, out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        for row in rows:
            who = ", ".join(row["author"][:2]) + (" et al." if len(row["author"]) > 2 else "")
            when = f" ({row['year']})" if row["year"] else ""
            file = row["file"] or "no document"
            print(f"{row['id']}\t{who}{when}\t{row['title'] or ''}\t[{file}]", file=out)
        print(f"{len(rows)} sources in {library.corpus_dir}", file=err)
    for folder in library.skipped:
        print(f"skipped {folder} (hidden or app folder)", file=err)
    for problem in library.problems:
        print(f"{problem}", file=err)
    return 0
