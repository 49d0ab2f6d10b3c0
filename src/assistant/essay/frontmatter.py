"""YAML front matter of a Markdown draft or outline: found as Pandoc finds it, parsed by the
project's one bounded YAML loader (`assistant.yamlsafe`: size, nesting and alias expansion
capped), its refusals worded as `FrontMatterError` with the line for the writer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml

from assistant.yamlsafe import load_yaml as _bounded_load

__all__ = ["FrontMatter", "FrontMatterError", "load_yaml", "split_front_matter"]

# Pandoc's rule: `---` on the first line, closed by `---` or `...` on a line of its own.
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)


class FrontMatterError(ValueError):
    """Front matter that is not YAML, or that exceeds the loader's bounds; `line` is 1-based
    within the YAML text (0 when unknown)."""

    def __init__(self, message: str, line: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


def load_yaml(text: str) -> Any:
    """Parse front matter YAML; FrontMatterError says why it was refused."""
    try:
        return _bounded_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or str(error)
        if isinstance(error, yaml.MarkedYAMLError) or mark is None:
            problem = (
                f"it is not valid YAML ({problem})" if not problem.startswith("it ") else problem
            )
        raise FrontMatterError(problem, mark.line + 1 if mark else 0) from None
    except RecursionError:
        raise FrontMatterError("it is nested too deeply") from None


@dataclass(frozen=True, slots=True)
class FrontMatter:
    """The front matter block found at the start of a text."""

    yaml_text: str  # the YAML between the fences
    end: int  # offset in the text just after the closing fence's line
    lines: int  # how many lines the block takes, fences included


def split_front_matter(text: str) -> FrontMatter | None:
    """The YAML front matter block opening `text` (Pandoc's fences), or None."""
    found = _FRONT_MATTER.match(text)
    if found is None:
        return None
    block = text[: found.end()]
    lines = block.count("\n") + (0 if block.endswith("\n") else 1)
    return FrontMatter(found.group(1) or "", found.end(), lines)
