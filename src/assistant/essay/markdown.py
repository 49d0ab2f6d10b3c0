"""Pandoc Markdown in and out, so one draft moves between this app, Zettlr and Pandoc.

Reading goes through Pandoc's own reader (`assistant.essay.markdown_reader`, on the JSON AST
that `assistant.essay.pandoc_ast` gets from `pandoc -f markdown -t json`); writing is
`assistant.essay.markdown_writer`. This module is the one name callers import.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from assistant.essay.markdown_reader import MarkdownResult, load_bibliographies, read_markdown
from assistant.essay.markdown_writer import write_markdown
from assistant.essay.pandoc_ast import PandocError, PandocMissingError

__all__ = [
    "MarkdownResult",
    "PandocError",
    "PandocMissingError",
    "load_bibliographies",
    "read_markdown",
    "read_markdown_draft",
    "write_markdown",
]


def read_markdown_draft(
    text: str, folder: Path, items: Mapping[str, dict[str, Any]]
) -> MarkdownResult:
    """A draft as the app imports it: cited keys the library (`items`) lacks are looked up,
    as Pandoc does, in the front matter's `bibliography:` files, relative to the draft's
    `folder`; a file that cannot be read is a warning. Raises PandocError as `read_markdown`."""
    result = read_markdown(text, items)
    if result.missing and result.bibliography:
        extra, problems = load_bibliographies(folder, result.bibliography)
        if extra:
            result = read_markdown(text, {**extra, **items})
        result.warnings.extend(problems)
    return result
