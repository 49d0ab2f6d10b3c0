"""What an import may do about scanned pages: where the cache is, whether OCR may run."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from assistant.library.errors import ImportFailed

INSTALL_HINT = "install tesseract-ocr"


class _Cancel(Protocol):
    def is_set(self) -> bool: ...


class NeedsOcr(ImportFailed):
    """The file is all scanned images and no recognised text is available (yet)."""


@dataclass
class OcrContext:
    """How scanned pages are recognised during one import.

    `run`: False means cached results only (the GUI side); True lets Tesseract run.
    `progress(done, total)` is called per recognised page; `cancel.is_set()` stops between
    pages and kills a running Tesseract.
    """

    cache_dir: Path | None = None
    run: bool = True
    progress: Callable[[int, int], None] | None = None
    cancel: _Cancel | None = None
    page_timeout: float = 300.0
    dpi: int = 300

    def cancelled(self) -> bool:
        return self.cancel is not None and self.cancel.is_set()
