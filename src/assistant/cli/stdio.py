"""`-` for standard input or output, wherever a command reads or writes a file."""

from __future__ import annotations

import sys
from pathlib import Path

STDIO = "-"
# How a draft read from standard input is named in messages.
STDIN_NAME = "<stdin>"


def is_stdio(argument: str | None) -> bool:
    return argument == STDIO


def read_text(argument: str) -> str:
    """The UTF-8 text of a file, or of standard input for `-` (OSError/UnicodeDecodeError as
    reading a file raises them)."""
    if is_stdio(argument):
        stream = getattr(sys.stdin, "buffer", None)
        if stream is None:  # a text stream put in place by a caller or a test
            return sys.stdin.read()
        return bytes(stream.read()).decode("utf-8-sig")
    return Path(argument).expanduser().read_bytes().decode("utf-8-sig")


def display_name(argument: str) -> str:
    return STDIN_NAME if is_stdio(argument) else Path(argument).name


def export_suffix(text: str) -> str | None:
    """The file suffix an export read from standard input would have: CSL-JSON starts with
    `[` or `{`, RIS with a `TY  -` line, BibTeX with an `@entry`."""
    import re

    head = text.lstrip("\ufeff \t\r\n")
    if head.startswith(("[", "{")):
        return ".json"
    if re.search(r"^TY {1,2}-", text, re.MULTILINE):
        return ".ris"
    if re.search(r"^\s*@\w+\s*[{(]", text, re.MULTILINE):
        return ".bib"
    return None


def stdin_as_file(folder: Path) -> Path:
    """Standard input saved in `folder` under the name its format calls for (ValueError when
    the format cannot be told), so readers that go by suffix can read it."""
    text = read_text(STDIO)
    suffix = export_suffix(text)
    if suffix is None:
        raise ValueError("standard input is not CSL-JSON, RIS or BibTeX (could not tell which).")
    path = folder / f"stdin{suffix}"
    path.write_text(text, encoding="utf-8")
    return path
