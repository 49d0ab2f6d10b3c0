"""`assistant export`: a draft (Pandoc Markdown, an essay file or a Word file) to Word, Markdown
or an essay file.

    assistant export draft.md --bibliography sources.json -o essay.docx
    assistant export essay.essay --title-page --course "HIST 301" -o essay.docx
    assistant export essay.essay -o essay.md
    assistant export edited-in-word.docx -o essay.essay

Bad input (a missing, unreadable or damaged draft, a bad bibliography file, an unwritable
output) gets one clear message on stderr and exit status 2, never a traceback. Problems that do
not stop the export (a citation to a source the bibliography lacks) are listed as warnings and
are also visible in the exported notes themselves.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from assistant.cli.drafts import is_word_draft, read_word_draft

EXIT_STRICT = 1
EXIT_BAD_INPUT = 2
DRAFT_SUFFIXES = (".md", ".markdown", ".essay", ".docx")
OUTPUT_SUFFIXES = (".docx", ".md", ".markdown", ".essay")


class _BadInput(Exception):
    """Something the writer must fix; the message says what."""


def register(subparsers: Any) -> None:
    export = subparsers.add_parser(
        "export",
        help="export a draft to Word (.docx) with real footnotes, or to Markdown",
        description="Export a draft (Pandoc Markdown .md or an essay file .essay) to a Word "
        "document laid out as a Chicago/Turabian manuscript: real footnotes formatted by the "
        "Chicago engine, a bibliography on a new page, 12-point Times New Roman, double-spaced "
        "text, page numbers. An output ending in .md writes Pandoc Markdown instead, one "
        "ending in .essay an essay file the app opens. A Word draft (.docx) is read back with "
        "its notes: citations this app exported come back as citations.",
    )
    export.add_argument(
        "draft",
        help="the draft: FILE.md, FILE.essay or FILE.docx; - reads Markdown from standard input",
    )
    export.add_argument(
        "-o",
        "--output",
        required=True,
        help="the file to write: OUT.docx, OUT.md or OUT.essay; - writes Markdown to standard "
        "output",
    )
    export.add_argument(
        "--bibliography",
        metavar="FILE",
        help="citation metadata for the draft's [@id] citations: CSL-JSON (.json), BibTeX "
        "(.bib) or RIS (.ris); it replaces a Markdown draft's front-matter bibliography and "
        "updates the items saved in an essay file",
    )
    export.add_argument("--title-page", action="store_true", help="add a Turabian title page")
    export.add_argument("--course", default="", help="course line for the title page")
    export.add_argument("--date", help="date line for the title page (default: today)")
    export.add_argument(
        "--ibid", action="store_true", help='use "Ibid." for consecutive citations of a source'
    )
    export.add_argument("--no-bibliography", action="store_true", help="leave out the bibliography")
    export.add_argument(
        "--note-numbers",
        choices=("superscript", "full-size"),
        default="superscript",
        help="the number in each note: superscript (Word's default) or full size followed by a "
        "period, as Turabian prefers for papers",
    )
    export.add_argument(
        "--reference-doc",
        metavar="FILE.docx",
        help="a Word template whose styles, page setup, headers and footers the export uses "
        "instead of the Turabian layout (like Pandoc's --reference-doc)",
    )
    export.add_argument(
        "--strict",
        action="store_true",
        help="treat citations of unknown sources, an empty draft or a missing bibliography as "
        "errors (exit 1, nothing written) instead of printing placeholders",
    )
    export.add_argument(
        "--force",
        action="store_true",
        help="overwrite the output even when Word or LibreOffice seems to have it open",
    )
    export.set_defaults(func=run_export)


def run_export(args: argparse.Namespace) -> int:
    try:
        return _export(args)
    except _BadInput as problem:
        print(f"error: {problem}", file=sys.stderr)
        return EXIT_BAD_INPUT


def _export(args: argparse.Namespace) -> int:
    from assistant.cli.stdio import is_stdio
    from assistant.export.atomic import ExportError

    draft = Path(args.draft).expanduser()
    output = Path(args.output).expanduser()
    to_stdout = is_stdio(args.output)
    if not to_stdout and output.suffix.lower() not in OUTPUT_SUFFIXES:
        raise _BadInput(f"the output {output} must end in .docx (Word), .md (Markdown) or .essay.")
    if output.exists() and draft.exists() and output.resolve() == draft.resolve():
        raise _BadInput(f"the output {output} is the draft itself; choose another file name.")

    if output.exists() and not args.force:
        from assistant.export.locks import open_elsewhere

        open_in = open_elsewhere(output)
        if open_in:
            raise _BadInput(
                f"{open_in}; close it there first, or give --force to overwrite it (edits not "
                "saved there would be lost)."
            )
    items = _read_bibliography(Path(args.bibliography).expanduser()) if args.bibliography else None
    essay, warnings = _read_draft(draft, items)
    if items is not None:
        essay.items = {**essay.items, **items}
    elif not essay.items and essay.cited_ids():
        warnings.insert(
            0,
            f"{draft.name} cites sources but no bibliography was given, so its notes will say "
            "[unknown source: ...]: add --bibliography FILE.json (or a `bibliography:` line "
            "in the draft's front matter).",
        )
    if args.strict:
        strict_problems = _strict_problems(essay, items, draft)
        if strict_problems:
            for problem in strict_problems:
                print(f"error: {problem}", file=sys.stderr)
            print(f"nothing written (--strict): {len(strict_problems)} problem(s)", file=sys.stderr)
            return EXIT_STRICT

    try:
        if to_stdout:
            from assistant.essay.markdown import write_markdown

            sys.stdout.write(write_markdown(essay))
            summary = f"wrote Markdown: {essay.word_count()} words, {len(essay.notes())} notes"
        elif output.suffix.lower() == ".docx":
            from assistant.export.docx import ExportOptions, export_docx

            options = ExportOptions(
                title_page=args.title_page,
                include_bibliography=not args.no_bibliography,
                ibid=args.ibid,
                course=args.course,
                date=args.date,
                full_size_note_numbers=args.note_numbers == "full-size",
                reference_doc=Path(args.reference_doc).expanduser() if args.reference_doc else None,
            )
            report = export_docx(essay, output, options=options)
            warnings.extend(report.warnings)
            summary = (
                f"wrote {output}: {report.words} words, {report.notes} footnotes, "
                f"{report.bibliography_entries} bibliography entries"
            )
        elif output.suffix.lower() == ".essay":
            from assistant.essay import store

            try:
                store.save_essay(essay, output)
            except store.EssayFileError as error:
                raise _BadInput(str(error)) from error
            summary = f"wrote {output}: {essay.word_count()} words, {len(essay.notes())} notes"
        else:
            from assistant.export.markdown import export_markdown

            export_markdown(essay, output)
            summary = f"wrote {output}: {essay.word_count()} words, {len(essay.notes())} notes"
    except ExportError as error:
        raise _BadInput(str(error)) from error

    for warning in warnings:
        print(f"warning: {warning}", file=sys.stderr)
    print(summary, file=sys.stderr if to_stdout else sys.stdout)
    return 0


def _strict_problems(essay: Any, items: Mapping[str, Any] | None, draft: Path) -> list[str]:
    """What --strict refuses to print a placeholder for."""
    problems = []
    if not any(block.text.strip() for block in essay.blocks) and not essay.notes():
        problems.append(f"{draft.name} is empty.")
    known = {**essay.items, **(items or {})}
    cited = essay.cited_ids()
    if cited and not known:
        problems.append(f"{draft.name} cites sources but no bibliography was given.")
    else:
        for item_id in cited:
            if item_id not in known:
                problems.append(f"{draft.name} cites @{item_id}, which no bibliography holds.")
    return problems


def _read_bibliography(path: Path) -> dict[str, dict[str, Any]]:
    from assistant.library.errors import LibraryError
    from assistant.library.metadata import read_metadata_file

    try:
        problems: list[str] = []
        records = read_metadata_file(path, problems)
        for problem in problems:
            print(f"warning: {problem}", file=sys.stderr)
    except LibraryError as error:
        raise _BadInput(f"cannot read the bibliography {error}") from error
    except OSError as error:
        raise _BadInput(f"cannot read the bibliography {path}: {error.strerror}.") from error
    items: dict[str, dict[str, Any]] = {}
    for record in records:
        if isinstance(record, Mapping) and isinstance(record.get("id"), str) and record["id"]:
            items[record["id"]] = dict(record)
    if records and not items:
        raise _BadInput(
            f"the bibliography {path} has no item with an id, so no citation can refer to it."
        )
    return items


def _read_draft(draft: Path, items: Mapping[str, dict[str, Any]] | None) -> tuple[Any, list[str]]:
    from assistant.cli.stdio import is_stdio

    if is_stdio(str(draft)):
        return _read_markdown_draft(draft, items)
    suffix = draft.suffix.lower()
    if suffix not in DRAFT_SUFFIXES:
        raise _BadInput(
            f"{draft} is not a draft this command reads: give a Pandoc Markdown file (.md), "
            "an essay file (.essay) or a Word file (.docx)."
        )
    if not draft.is_file():
        raise _BadInput(f"the draft {draft} does not exist.")
    if suffix == ".essay":
        return _load_essay_file(draft), []
    if is_word_draft(draft):
        try:
            return read_word_draft(draft)
        except ValueError as error:
            raise _BadInput(str(error)) from error
    return _read_markdown_draft(draft, items)


def _load_essay_file(draft: Path) -> Any:
    from assistant.essay import store

    try:
        return store.load_essay(draft)
    except store.CorruptEssayError as error:
        # The store's message names the newest good backup; say how to export that instead.
        hint = (
            f' To export that backup instead: assistant export "{error.backups[0]}" -o OUT.docx'
            if error.backups
            else ""
        )
        raise _BadInput(f"{error}{hint}") from error
    except store.EssayFileError as error:  # newer schema, missing, unreadable
        raise _BadInput(str(error)) from error


def _read_markdown_draft(
    draft: Path, items: Mapping[str, dict[str, Any]] | None
) -> tuple[Any, list[str]]:
    from assistant.cli.stdio import display_name, is_stdio, read_text
    from assistant.essay.markdown import PandocError, read_markdown

    try:
        text = read_text(str(draft))
    except UnicodeDecodeError as error:
        raise _BadInput(
            f"the draft {draft} is not UTF-8 text (byte {error.start}); save it as UTF-8."
        ) from error
    except OSError as error:
        raise _BadInput(f"cannot read the draft {draft}: {error.strerror}.") from error
    try:
        result = read_markdown(text, items)
    except PandocError as error:
        raise _BadInput(f"cannot read the draft {draft}: {error}.") from error
    if items is None and result.bibliography:
        # As Pandoc does: the front matter's `bibliography:` files, relative to the draft.
        loaded: dict[str, dict[str, Any]] = {}
        for name in result.bibliography:
            folder = Path.cwd() if is_stdio(str(draft)) else draft.parent
            path = (folder / Path(name).expanduser()).resolve()
            if not path.is_file():
                raise _BadInput(
                    f"the front matter of {draft.name} names the bibliography {name}, which "
                    f"does not exist (looked for {path}); fix it or give --bibliography FILE."
                )
            loaded.update(_read_bibliography(path))
        try:
            result = read_markdown(text, loaded)
        except PandocError as error:
            raise _BadInput(f"cannot read the draft {draft}: {error}.") from error
    name = display_name(str(draft))
    return result.essay, [f"{name}: {warning}" for warning in result.warnings]
