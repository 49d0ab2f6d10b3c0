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
