"""`assistant notes DRAFT.md --bibliography FILE.json`: a draft's notes and bibliography."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, TextIO

from assistant.cli.drafts import is_word_draft, read_word_draft


def register(subparsers: Any) -> None:
    notes = subparsers.add_parser(
        "notes",
        help="print a draft's Chicago notes and bibliography",
        description="Render the footnotes of a Pandoc Markdown draft in Chicago notes-bibliography "
        "style (CMOS 18): full note at a source's first citation, short note after. Citations use "
        "Pandoc syntax: [@id, 52], [see @a, 4; @b, 7-9], [@id, chap. 3], [-@id]. Footnotes are "
        "[^1] with a [^1]: definition or inline ^[...]; a citation in the body text becomes its "
        "own note. Prints 'N. note' lines, then 'Bibliography' and one entry per line. Problems "
        "(unknown ids, unclosed citations, missing metadata) go to stderr.",
    )
    notes.add_argument(
        "draft", help="the draft (Pandoc Markdown, or a Word .docx); - reads standard input"
    )
    notes.add_argument(
        "--bibliography",
        required=True,
        help="the cited items: CSL-JSON (an array), or BibTeX (.bib) or RIS (.ris)",
    )
    notes.add_argument(
        "--format",
        choices=("text", "html", "json"),
        default="text",
        help='output format; json prints {"notes": [{"number", "text", "html", "warnings"}], '
        '"bibliography": [{"text", "html"}], "warnings"}',
    )
    notes.add_argument("--ibid", action="store_true", help='use "Ibid." (off by default, CMOS 18)')
    notes.set_defaults(func=run_notes)


class _InputError(Exception):
    pass


def _read_items(path: Path) -> dict[str, dict[str, Any]]:
    if path.suffix.lower() in (".bib", ".bibtex", ".ris"):
        return _read_other_format(path)
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise _InputError(f"bibliography file not found: {path}") from None
    except (OSError, UnicodeDecodeError) as error:
        raise _InputError(f"cannot read bibliography {path}: {error}") from None
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as error:
        raise _InputError(
            f"{path} is not valid JSON (line {error.lineno}, column {error.colno}: {error.msg});"
            " expected a CSL-JSON array of items"
        ) from None
    if isinstance(data, dict) and isinstance(data.get("items"), list):
        data = data["items"]
    if not isinstance(data, list):
        raise _InputError(f"{path} holds a JSON {type(data).__name__}; expected a CSL-JSON array")
    items: dict[str, dict[str, Any]] = {}
    for position, item in enumerate(data, start=1):
        if not isinstance(item, dict) or not str(item.get("id", "")).strip():
            raise _InputError(f"{path}: item {position} has no 'id'; every CSL-JSON item needs one")
        item_id = str(item["id"])
        if item_id in items:
            raise _InputError(f"{path}: id {item_id!r} appears twice")
        items[item_id] = item
    return items


def _read_other_format(path: Path) -> dict[str, dict[str, Any]]:
    """BibTeX or RIS through the library's readers (the same ones the import dialog uses)."""
    from assistant.library.errors import LibraryError
    from assistant.library.metadata import read_metadata_file

    if not path.is_file():
        raise _InputError(f"bibliography file not found: {path}")
    try:
        problems: list[str] = []
        records = read_metadata_file(path, problems)
        for problem in problems:
            print(f"warning: {problem}", file=sys.stderr)
    except LibraryError as error:
        raise _InputError(str(error)) from None
    items: dict[str, dict[str, Any]] = {}
    for position, item in enumerate(records, start=1):
        item_id = str(item.get("id", "")).strip()
        if not item_id:
            raise _InputError(f"{path}: record {position} has no key to cite it by")
        items.setdefault(item_id, item)
    return items


def run_notes(
    args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    from assistant.cite.engine import ChicagoEngine
    from assistant.cli.stdio import display_name, read_text
    from assistant.essay.markdown import PandocError, read_markdown

    out = out or sys.stdout
    err = err or sys.stderr
    draft_path = Path(args.draft).expanduser()
    draft_name = display_name(args.draft)
    try:
        items = _read_items(Path(args.bibliography).expanduser())
        if is_word_draft(draft_path):
            try:
                essay, draft_warnings = read_word_draft(draft_path)
            except ValueError as error:
                raise _InputError(str(error)) from None
            # The file's own citation data, then the bibliography given, which wins.
            items = {**essay.items, **items}
        else:
            try:
                text = read_text(args.draft)
            except FileNotFoundError:
                raise _InputError(f"draft not found: {draft_path}") from None
            except (OSError, UnicodeDecodeError) as error:
                raise _InputError(f"cannot read draft {draft_path}: {error}") from None
            # The same Pandoc Markdown reader as the app and the Word export, so the three
            # never disagree about which notes a draft holds.
            try:
                draft = read_markdown(text, items)
            except PandocError as error:
                raise _InputError(f"cannot read draft {draft_path}: {error}") from None
            essay, draft_warnings = draft.essay, list(draft.warnings)
    except _InputError as error:
        print(f"assistant notes: {error}", file=err)
        return 2

    notes = essay.notes()
    engine = ChicagoEngine(items, ibid=args.ibid)
    rendered = engine.render_notes(notes)
    html = args.format == "html"
    if args.format == "json":
        return _print_json(draft_warnings, notes, rendered, engine, draft_name, out)
    for problem in draft_warnings:
        print(f"{draft_name}: {problem}", file=err)
    cited: list[str] = []
    reported: set[str] = set()
    for number, rendered_note in enumerate(rendered, start=1):
        print(f"{number}. {rendered_note.html() if html else rendered_note.text}", file=out)
        # An item's metadata problem is reported at its first note only, not at every citation.
        for warning in rendered_note.warnings:
            if warning not in reported:
                reported.add(warning)
                print(f"note {number}: {warning}", file=err)
    for note in notes:
        cited.extend(c.item_id for c in note.citations)
    print("Bibliography", file=out)
    for entry in engine.bibliography(dict.fromkeys(cited)):
        print(entry.html() if html else entry.text, file=out)
    if not notes:
        print(f"{draft_name}: no notes or citations found", file=err)
    return 0


def _print_json(
    warnings: list[str], notes: Any, rendered: Any, engine: Any, name: str, out: TextIO
) -> int:
    """The notes, the bibliography and every warning as one JSON object."""
    cited = [c.item_id for note in notes for c in note.citations]
    payload = {
        "notes": [
            {"number": n, "text": r.text, "html": r.html(), "warnings": list(r.warnings)}
            for n, r in enumerate(rendered, start=1)
        ],
        "bibliography": [
            {"text": e.text, "html": e.html()} for e in engine.bibliography(dict.fromkeys(cited))
        ],
        "warnings": [f"{name}: {w}" for w in warnings],
    }
    json.dump(payload, out, ensure_ascii=False, indent=2)
    out.write("\n")
    return 0
