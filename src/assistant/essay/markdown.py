"""Pandoc Markdown in and out, so one draft moves between this app, Zettlr and Pandoc.

Reading goes through Pandoc's own reader (`assistant.essay.markdown_reader`, on the JSON AST
that `assistant.essay.pandoc_ast` gets from `pandoc -f markdown -t json`); writing is
`assistant.essay.markdown_writer`. This module is the one name callers import.
"""

from __future__ import annotations

from assistant.essay.markdown_reader import MarkdownResult, load_bibliographies, read_markdown
from assistant.essay.markdown_writer import write_markdown
from assistant.essay.pandoc_ast import PandocError, PandocMissingError

__all__ = [
    "MarkdownResult",
    "PandocError",
    "PandocMissingError",
    "load_bibliographies",
    "read_markdown",
    "write_markdown",
]
