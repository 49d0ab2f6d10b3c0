"""YAML front matter of a Markdown draft or outline, read with bounds a hostile file cannot beat.

A draft's front matter comes from anywhere (a shared Zettlr folder, a download), and plain
`yaml.safe_load` accepts a few hundred bytes of aliases that expand to gigabytes when the value
is walked ("billion laughs"), or nesting deep enough to exhaust the stack. This loader refuses
front matter larger than `MAX_BYTES`, with more than `MAX_ALIASES` aliases, or nested deeper
than `MAX_DEPTH`, raising `FrontMatterError` with a message for the writer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml

__all__ = [
    "MAX_ALIASES",
    "MAX_BYTES",
    "MAX_DEPTH",
    "FrontMatter",
    "FrontMatterError",
    "load_yaml",
    "split_front_matter",
]

MAX_BYTES = 2_000_000  # a front matter with a few thousand CSL references stays well below
MAX_ALIASES = 100
MAX_DEPTH = 64

# Pandoc's rule: `---` on the first line, closed by `---` or `...` on a line of its own.
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)


class FrontMatterError(ValueError):
    """Front matter that is not YAML, or that exceeds the loader's bounds; `line` is 1-based
    within the YAML text (0 when unknown)."""

    def __init__(self, message: str, line: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


class _BoundedLoader(yaml.SafeLoader):
    """SafeLoader counting aliases and nesting while the node graph is composed, before any
    value is constructed (so a bomb is refused before it costs memory)."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._aliases = 0
        self._depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:  # type: ignore[override]
        if self.check_event(yaml.AliasEvent):
            self._aliases += 1
            if self._aliases > MAX_ALIASES:
                mark = self.peek_event().start_mark
                raise FrontMatterError(
                    f"it uses more than {MAX_ALIASES} YAML aliases (*name)", mark.line + 1
                )
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                mark = self.peek_event().start_mark
                raise FrontMatterError(
                    f"it is nested more than {MAX_DEPTH} levels deep", mark.line + 1
                )
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def load_yaml(text: str) -> Any:
    """Parse YAML within the bounds above; FrontMatterError says why it was refused."""
    if len(text.encode("utf-8", errors="replace")) > MAX_BYTES:
        raise FrontMatterError(f"it is larger than {MAX_BYTES // 1_000_000} MB")
    loader = _BoundedLoader(text)
    try:
        return loader.get_single_data()
    except FrontMatterError:
        raise
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or str(error)
        raise FrontMatterError(
            f"it is not valid YAML ({problem})", mark.line + 1 if mark else 0
        ) from None
    except RecursionError:
        raise FrontMatterError(f"it is nested more than {MAX_DEPTH} levels deep") from None
    finally:
        loader.dispose()


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
