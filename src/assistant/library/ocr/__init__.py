"""Optical character recognition of scanned pages and image files, with Tesseract.

`OcrContext` says where recognised text is cached and whether Tesseract may run at all: the
indexing process runs it (in the background, with progress and cancel); the app's own reads
use the cache only, so the GUI never waits for a recognition.
"""

from __future__ import annotations

from assistant.library.ocr.context import NeedsOcr, OcrContext
from assistant.library.ocr.languages import tesseract_languages

__all__ = ["NeedsOcr", "OcrContext", "tesseract_languages"]
