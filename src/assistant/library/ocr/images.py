"""Image files (PNG, JPEG, TIFF) as sources: every frame recognised like a scanned PDF page."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from assistant.library.errors import ImportFailed
from assistant.library.model import Document
from assistant.library.ocr.context import OcrContext
from assistant.library.ocr.recognise import ScanPage, recognise
from assistant.library.pdf.document import MAX_IMAGE_PIXELS, MAX_PAGES, assemble
from assistant.library.pdf.lines import PageLines

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".tif", ".tiff")
DEFAULT_DPI = 300


def load_image(
    path: Path, source_id: str, item: dict[str, Any] | None, ocr: OcrContext | None
) -> Document:
    from PIL import Image, UnidentifiedImageError

    try:
        image = Image.open(path)
    except (UnidentifiedImageError, OSError, ValueError) as error:
        raise ImportFailed(path.name, "the image is damaged or not an image file.") from error
    except Image.DecompressionBombError as error:
        raise ImportFailed(
            path.name,
            f"the image claims over {2 * (Image.MAX_IMAGE_PIXELS or 0) / 1e6:,.0f} million "
            "pixels, too large to recognise (is it an image bomb?).",
        ) from error
    try:
        return _load_frames(path, source_id, item, ocr, image)
    except (EOFError, OSError, ValueError) as error:
        raise ImportFailed(path.name, f"the image is damaged ({error}).") from error
    except (ImportFailed, MemoryError, KeyboardInterrupt):
        raise
    except Exception as error:  # one odd image must never stop the rest of the library
        raise ImportFailed(
            path.name, f"the image could not be read ({type(error).__name__}: {error})."
        ) from error


def _load_frames(
    path: Path, source_id: str, item: dict[str, Any] | None, ocr: OcrContext | None, image: Any
) -> Document:
    with image:
        frames = int(getattr(image, "n_frames", 1) or 1)
        if frames > MAX_PAGES:
            raise ImportFailed(
                path.name, f"the image has {frames:,} pages, over the {MAX_PAGES:,}-page limit."
            )
        pages: list[PageLines] = []
        scans: list[ScanPage] = []
        for frame in range(frames):
            image.seek(frame)
            width, height = image.size
            if width * height > MAX_IMAGE_PIXELS:
                raise ImportFailed(
                    path.name,
                    f"the image is {width:,} × {height:,} pixels, too large to recognise "
                    "(is it an image bomb?).",
                )
            dpi = _dpi(image)
            pages.append(PageLines(frame, width * 72 / dpi, height * 72 / dpi, [], "", True))
            scans.append(ScanPage(frame, _renderer(path, frame, dpi)))
    recognition = recognise(path, scans, item or {}, ocr)
    document = assemble(path, source_id, item, pages, recognition, [])
    if frames == 1:  # one image has no pages to cite
        document.passages = [replace(p, page=None, pdf_page=False) for p in document.passages]
    return document


def _dpi(image: Any) -> float:
    value = image.info.get("dpi")
    try:
        dpi = float(value[0]) if value else 0.0
    except (TypeError, ValueError, IndexError):
        dpi = 0.0
    return dpi if 50 <= dpi <= 2400 else DEFAULT_DPI


def _renderer(path: Path, frame: int, dpi: float) -> Any:
    def render(target: Path, _dpi: int) -> tuple[int, int, float]:
        from PIL import Image, ImageOps

        with Image.open(path) as image:
            image.seek(frame)
            page = ImageOps.exif_transpose(image).convert("L")
            page.save(target)
            return page.width, page.height, dpi / 72

    return render
