"""Pandoc's own Markdown reader, run as a process, and its JSON abstract syntax tree.

Drafts and outlines are read by `pandoc -f markdown -t json`, the very reader Zettlr's export
and `pandoc --citeproc` use, so the app can never disagree with them about where a list ends,
what is a citation or which footnote a `[^1]` means. Pandoc comes with the `pypandoc-binary`
package (a runtime dependency); a `pandoc` on the PATH is used when that is missing.

The JSON shape is Pandoc's `Text.Pandoc.Definition` (API 1.23): every element is
`{"t": "Tag", "c": contents}`. Pandoc's warnings on stderr (unused or duplicate footnote
definitions) are returned with their line numbers.

Bad input is bounded: text past `MAX_CHARS` is refused, NUL bytes mean the file is not text,
Pandoc runs with a heap limit (`+RTS -M`) and a wall-clock `TIMEOUT`.
"""

from __future__ import annotations

import functools
import json
import re
import shutil
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "MAX_CHARS",
    "TIMEOUT",
    "PandocError",
    "PandocMissingError",
    "PandocWarning",
    "ParsedMarkdown",
    "pandoc_executable",
    "parse_markdown",
    "stringify",
]

MAX_CHARS = 10_000_000  # about 1.5 million words: far past any essay, well within memory
# Seconds. The 15,000-word sample essay takes a fraction of one; Pandoc's reader can take
# exponential time and memory on some garbage, which this and HEAP_LIMIT stop.
TIMEOUT = 30.0
HEAP_LIMIT = "1024m"
# Pandoc's document model version this reader walks; a major change would move fields.
SUPPORTED_API = (1, 23)
# Pandoc's Markdown with the extensions Zettlr's Pandoc export relies on (all on by default).
READER = "markdown"

JSON = dict[str, Any]


class PandocError(RuntimeError):
    """Pandoc could not read the text; `str()` is a message for the writer."""


class PandocMissingError(PandocError):
    """No pandoc executable was found."""


@dataclass(frozen=True, slots=True)
class PandocWarning:
    line: int  # 1-based, 0 when Pandoc gave none
    message: str


@dataclass(slots=True)
class ParsedMarkdown:
    blocks: list[JSON]
    meta: JSON
    warnings: list[PandocWarning] = field(default_factory=list)


def pandoc_executable() -> str:
    """Path of the pandoc to run: pypandoc-binary's, else one on the PATH."""
    return _find_pandoc()


@functools.cache
def _find_pandoc() -> str:
    try:
        import pypandoc

        path = pypandoc.get_pandoc_path()
        if path:
            return str(path)
    except (ImportError, OSError):
        pass
    found = shutil.which("pandoc")
    if found:
        return found
    raise PandocMissingError(
        "Pandoc is needed to read Pandoc Markdown and was not found: install the app's"
        " dependencies again (`pip install pypandoc-binary`) or put pandoc on the PATH."
    )


_WARNING = re.compile(r"^\[WARNING\] (?P<message>.*?)(?:\s+at (?:line (?P<line>\d+)[^.]*))?\.?$")
_LINE = re.compile(r"\bline (\d+)\b")


def _warnings(stderr: str) -> list[PandocWarning]:
    warnings: list[PandocWarning] = []
    for raw in stderr.splitlines():
        if not raw.startswith("[WARNING]"):
            continue
        text = raw.removeprefix("[WARNING]").strip()
        line = _LINE.search(text)
        warnings.append(PandocWarning(int(line.group(1)) if line else 0, text))
    return warnings


def parse_markdown(text: str, *, timeout: float = TIMEOUT, extensions: str = "") -> ParsedMarkdown:
    """Pandoc's reading of `text` (Pandoc Markdown) as its JSON AST.

    `extensions` is appended to the reader name (`"-yaml_metadata_block"`). Raises PandocError
    (PandocMissingError when there is no pandoc) with a message saying what went wrong.
    """
    if len(text) > MAX_CHARS:
        raise PandocError(
            f"the text is too long to read as a draft ({len(text):,} characters; the limit is"
            f" {MAX_CHARS:,})"
        )
    if "\x00" in text:
        raise PandocError(
            "the file holds NUL bytes, so it is not Markdown text (is it a binary file?)"
        )
    return _run(text, timeout, extensions)


@functools.lru_cache(maxsize=8)
def _run(text: str, timeout: float, extensions: str) -> ParsedMarkdown:
    # Cached: callers often read the same draft twice (once for its front matter's
    # bibliography, again with the items it names). Callers never mutate the tree.
    arguments = ["-f", READER + extensions, "-t", "json"]
    heap = ["+RTS", f"-M{HEAP_LIMIT}", "-RTS"]
    data = text.encode("utf-8", errors="surrogatepass")
    completed = _pandoc_process([pandoc_executable(), *heap, *arguments], data, timeout)
    stderr = completed.stderr.decode("utf-8", errors="replace")
    if completed.returncode != 0 and "RTS options are disabled" in stderr:
        # A pandoc built without -rtsopts: it still has the timeout.
        completed = _pandoc_process([pandoc_executable(), *arguments], data, timeout)
        stderr = completed.stderr.decode("utf-8", errors="replace")
    if completed.returncode != 0:
        detail = " ".join(stderr.split()) or f"exit status {completed.returncode}"
        if "Heap exhausted" in stderr or completed.returncode == 251:
            detail = "it needed more memory than allowed"
        raise PandocError(f"Pandoc could not read the text: {detail}")
    try:
        document = json.loads(completed.stdout)
        api = tuple(document["pandoc-api-version"][:2])
        blocks, meta = document["blocks"], document["meta"]
    except (ValueError, KeyError, TypeError) as error:
        raise PandocError(f"Pandoc's output could not be read ({error})") from None
    if api != SUPPORTED_API:
        raise PandocError(
            f"this Pandoc writes document model {'.'.join(map(str, api))}; the app reads"
            f" {'.'.join(map(str, SUPPORTED_API))} (the pandoc of pypandoc-binary 1.13 or later)"
        )
    return ParsedMarkdown(blocks, meta, _warnings(stderr))


def _pandoc_process(
    command: list[str], data: bytes, timeout: float
) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(
            command, input=data, capture_output=True, timeout=timeout, check=False
        )
    except subprocess.TimeoutExpired:
        raise PandocError(
            f"Pandoc took longer than {timeout:g} seconds to read the text and was stopped"
        ) from None
    except OSError as error:
        raise PandocMissingError(f"Pandoc could not be started: {error}") from None


# -- reading the tree -------------------------------------------------------------------------


_FORMATTING = ("Emph", "Strong", "Strikeout", "SmallCaps", "Underline", "Superscript", "Subscript")
_QUOTES = {"DoubleQuote": ("“", "”"), "SingleQuote": ("‘", "’")}


def stringify(inlines: Iterable[JSON]) -> str:
    """Inlines as plain text, as Pandoc's `stringify` gives it (quotes curled, notes left out)."""
    out: list[str] = []
    for node in inlines:
        tag = node["t"]
        content: Any = node.get("c")
        if tag == "Str":
            out.append(content)
        elif tag in ("Space", "SoftBreak"):
            out.append(" ")
        elif tag == "LineBreak":
            out.append("\n")
        elif tag in ("Emph", "Strong", "Strikeout", "SmallCaps", "Underline") or tag in (
            "Superscript",
            "Subscript",
        ):
            out.append(stringify(content))
        elif tag == "Quoted":
            opening, closing = _QUOTES[content[0]["t"]]
            out.append(opening + stringify(content[1]) + closing)
        elif tag in ("Code", "Math"):
            out.append(content[1])
        elif tag in ("Link", "Image", "Span") or tag == "Cite":
            out.append(stringify(content[1]))
        # Note, RawInline: not part of the text
    return "".join(out)


def blocks_text(blocks: Iterable[JSON]) -> str:
    """Blocks as plain text, paragraphs separated by blank lines."""
    parts: list[str] = []
    for block in blocks:
        tag = block["t"]
        content: Any = block.get("c")
        if tag in ("Para", "Plain"):
            parts.append(stringify(content))
        elif tag == "Header":
            parts.append(stringify(content[2]))
        elif tag == "LineBlock":
            parts.append("\n".join(stringify(line) for line in content))
        elif tag == "CodeBlock":
            parts.append(content[1])
        elif tag in ("BlockQuote", "Div"):
            parts.append(blocks_text(content if tag == "BlockQuote" else content[1]))
        elif tag in ("BulletList", "OrderedList"):
            items = content if tag == "BulletList" else content[1]
            parts.extend(blocks_text(item) for item in items)
    return "\n\n".join(part for part in parts if part)
