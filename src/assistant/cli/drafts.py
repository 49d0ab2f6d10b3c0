"""Drafts in Word form for the commands that read drafts (`export`, `notes`, `check`).

A .docx is read by `assistant.export.docx_reader`; what it reports (pending tracked changes,
comments, citations edited in Word) becomes warnings printed with the file's name.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

WORD_SUFFIXES = (".docx",)


def is_word_draft(path: Path) -> bool:
    return path.suffix.lower() in WORD_SUFFIXES


def read_word_draft(path: Path) -> tuple[Any, list[str]]:
    """(essay, warnings) for a .docx; ValueError with the writer-facing reason when unreadable."""
    from assistant.export.docx_reader import DocxReadError, read_docx

    try:
        draft = read_docx(path)
    except DocxReadError as error:
        raise ValueError(str(error)) from error
    return draft.essay, list(draft.warnings)
