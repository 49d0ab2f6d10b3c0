"""Recognise a source's scanned pages: cache first, then Tesseract, with progress and cancel."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.library.errors import ImportFailed
from assistant.library.ocr import tesseract
from assistant.library.ocr.cache import OcrCache, OcrPage
from assistant.library.ocr.context import INSTALL_HINT, OcrContext
from assistant.library.ocr.languages import NAMES, debian_package, tesseract_languages
from assistant.library.pdf.lines import Line

# Writes the page image to the path at about `dpi`; returns (width px, height px, px per point).
Render = Callable[[Path, int], tuple[int, int, float]]


@dataclass(slots=True)
class ScanPage:
    index: int
    render: Render


@dataclass(slots=True)
class Recognition:
    pages: dict[int, OcrPage] = field(default_factory=dict)
    missing: list[int] = field(default_factory=list)  # scans left without text
    reason: str = ""  # why they were left ("needs OCR (install tesseract-ocr)")
    warnings: list[str] = field(default_factory=list)
    digest: str = ""
    key: str = ""  # the cache's name for the languages used
    cache: OcrCache | None = None


def _file_digest(path: Path) -> str:
    from assistant.library.corpus import file_hash

    return file_hash(path)


def page_list(indices: list[int]) -> str:
    """'p. 3' or 'pp. 3, 5–7' for 0-based page indices."""
    numbers = sorted(i + 1 for i in indices)
    runs: list[str] = []
    start = prev = numbers[0]
    for n in [*numbers[1:], None]:
        if n is not None and n == prev + 1:
            prev = n
            continue
        runs.append(str(start) if start == prev else f"{start}–{prev}")
        if n is not None:
            start = prev = n
    return ("p. " if len(numbers) == 1 else "pp. ") + ", ".join(runs)


def recognise(
    path: Path, scans: list[ScanPage], item: dict[str, Any], context: OcrContext | None
) -> Recognition:
    result = Recognition()
    if not scans:
        return result
    result.digest = _file_digest(path)
    if context is not None and context.cache_dir is not None:
        result.cache = OcrCache(context.cache_dir)
    languages, result.warnings = _languages(item)
    key = result.key = "+".join(languages) or "auto"
    if result.cache is not None:
        for scan in scans:
            page = result.cache.load(result.digest, key, scan.index)
            if page is not None:
                result.pages[scan.index] = page
    todo = [scan for scan in scans if scan.index not in result.pages]
    if not todo:
        return result
    if tesseract.executable() is None:
        result.missing = [scan.index for scan in todo]
        result.reason = f"needs OCR ({INSTALL_HINT})"
        return result
    if context is None or not context.run:
        result.missing = [scan.index for scan in todo]
        result.reason = "needs OCR; its scanned pages are recognised when the library is indexed"
        return result
    detected: list[str] = []
    with tempfile.TemporaryDirectory(prefix="assistant-ocr-") as folder:
        image = Path(folder) / "page.png"
        for done, scan in enumerate(todo):
            if context.cancelled():
                raise ImportFailed(path.name, "OCR was cancelled; it resumes at the next indexing.")
            if context.progress is not None:
                context.progress(done, len(todo))
            try:
                width, height, scale = scan.render(image, context.dpi)
                if languages:
                    models = languages
                    words = tesseract.recognise(image, models, context.page_timeout, context.cancel)
                else:
                    models, words = _recognise_detected(image, context, detected)
                    detected = models
            except tesseract.OcrCancelled as error:
                raise ImportFailed(
                    path.name, "OCR was cancelled; it resumes at the next indexing."
                ) from error
            except (tesseract.OcrError, OSError, ValueError) as error:
                result.missing.append(scan.index)
                result.reason = result.reason or f"needs OCR; recognition failed ({error})"
                continue
            page = OcrPage(scan.index, width, height, scale, words, "+".join(models))
            result.pages[scan.index] = page
            if result.cache is not None:
                result.cache.save(result.digest, key, page)
        if context.progress is not None:
            context.progress(len(todo), len(todo))
    return result


def _languages(item: dict[str, Any]) -> tuple[list[str], list[str]]:
    """The installed models the source's language asks for, and warnings for missing ones."""
    requested = tesseract_languages(item.get("language"))
    installed = tesseract.installed_languages()
    if not installed:
        return requested, []
    usable = [m for m in requested if m in installed]
    warnings = [
        f"OCR data for {NAMES.get(m, m)} is not installed (Debian: {debian_package(m)}); "
        "the language is guessed from the script instead."
        for m in requested
        if m not in installed
    ]
    return usable, warnings


# Below this mean word confidence a page is probably in another script than the model read.
_DOUBTFUL = 60.0


def _recognise_detected(
    image: Path, context: OcrContext, previous: list[str]
) -> tuple[list[str], list[tesseract.Word]]:
    """Without a language in the metadata, the script decides. Script detection costs three
    times a recognition, so the previous page's model is tried first and the script is only
    detected again when the words come out doubtful (an English cover note on a Russian
    telegram)."""
    if previous:
        words = tesseract.recognise(image, previous, context.page_timeout, context.cancel)
        if _confidence(words) >= _DOUBTFUL:
            return previous, words
    models = _detected(image, context)
    if previous and models == previous:
        return models, words
    return models, tesseract.recognise(image, models, context.page_timeout, context.cancel)


def _confidence(words: list[tesseract.Word]) -> float:
    scores = [w[8] for w in words if w[8] >= 0]
    return sum(scores) / len(scores) if scores else 0.0


def _detected(image: Path, context: OcrContext) -> list[str]:
    model = tesseract.detect_script_model(image, cancel=context.cancel)
    installed = tesseract.installed_languages()
    if model and model in installed:
        return [model]
    return ["eng"] if "eng" in installed or not installed else [sorted(installed)[0]]


def lines_from_ocr(page: OcrPage) -> list[Line]:
    """The recognised words as `Line`s in PDF points, so layout analysis treats scans alike."""
    grouped: dict[tuple[int, int, int], list[tesseract.Word]] = {}
    for word in page.words:
        grouped.setdefault((word[5], word[6], word[7]), []).append(word)
    height_pt = page.height / page.scale
    # A line's box spans ascenders to descenders, about 1.2 times the type size; lines within
    # a quarter of the page's usual size are taken as set in it (OCR boxes jitter), so only
    # real headings and footnotes stand out.
    sizes = {key: (max(w[4] for w in ws) - min(w[2] for w in ws)) / page.scale / 1.2
             for key, ws in grouped.items()}  # fmt: skip
    usual = sorted(sizes.values())[len(sizes) // 2] if sizes else 10.0
    lines = []
    for key, words in grouped.items():
        words.sort(key=lambda w: w[1])
        size = sizes[key] if abs(sizes[key] - usual) > 0.25 * usual else usual
        bottom = max(w[4] for w in words) / page.scale
        lines.append(
            Line(
                " ".join(w[0] for w in words),
                min(w[1] for w in words) / page.scale,
                max(w[3] for w in words) / page.scale,
                height_pt - bottom + 0.25 * size,
                max(size, 1.0),
                [(w[0], float(w[1]), float(w[2]), float(w[3]), float(w[4])) for w in words],
            )
        )
    return lines
