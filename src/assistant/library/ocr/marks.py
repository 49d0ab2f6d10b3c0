"""Where a passage's words sit on its scanned page, for the Reader's page image.

The passage text went through layout analysis (running heads dropped, hyphens joined), so its
words are aligned with the page's recognised words as sequences, the way `diff` aligns lines:
the words that match in order are the ones the passage was read from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

from assistant.library.ocr.cache import OcrCache, OcrPage

Box = tuple[int, int, int, int]  # left, top, right, bottom in page-image pixels
# Reading a passage after another of the same scan must not hash the whole file again.
_DIGESTS: dict[tuple[str, int, int], str] = {}
_PUNCTUATION = re.compile(r"^[^\w]+|[^\w]+$")


@dataclass(slots=True)
class ScanView:
    """One page image to show: which page, its recognised words, and the boxes to mark."""

    index: int  # 0-based page (or frame) of the file
    label: str
    page: OcrPage
    passage: list[Box]
    terms: list[Box]


def _norm(word: str) -> str:
    return _PUNCTUATION.sub("", word.casefold())


def passage_boxes(page: OcrPage, text: str) -> list[Box]:
    """Boxes of the page's words that the passage text reads, in order."""
    words = [_norm(w[0]) for w in page.words]
    wanted = [_norm(w) for w in text.split()]
    matcher = SequenceMatcher(None, words, wanted, autojunk=False)
    boxes: list[Box] = []
    for block in matcher.get_matching_blocks():
        for i in range(block.a, block.a + block.size):
            if words[i]:
                word = page.words[i]
                boxes.append((word[1], word[2], word[3], word[4]))
    return boxes


def term_boxes(page: OcrPage, terms: list[str]) -> list[Box]:
    """Boxes of the page's words that are one of `terms` (the hit's highlighted words)."""
    wanted = {_norm(t) for t in terms if _norm(t)}
    return [(w[1], w[2], w[3], w[4]) for w in page.words if _norm(w[0]) in wanted]


def scan_views(
    cache_dir: Path, path: Path, page_label: str | None, text: str, terms: list[str]
) -> list[ScanView]:
    """The recognised page images a passage of `path` comes from ([] for text pages)."""
    from assistant.library.corpus import file_hash  # the digest the cache is keyed by

    cache = OcrCache(cache_dir)
    try:
        stat = path.stat()
        stamp = (str(path), stat.st_size, stat.st_mtime_ns)
        digest = _DIGESTS.get(stamp) or file_hash(path)
    except OSError:
        return []
    _DIGESTS[stamp] = digest
    info = cache.info(digest)
    if not info:
        return []
    labels = [str(label) for label in info.get("labels", [])]
    scanned = {int(i) for i in info.get("ocr_pages", [])}
    key = str(info.get("key", "auto"))
    wanted = set((page_label or "").split("–")) if page_label else None
    views = []
    for index in sorted(scanned):
        label = labels[index] if index < len(labels) else str(index + 1)
        if wanted is not None and label not in wanted:
            continue
        page = cache.load(digest, key, index)
        if page is None:
            continue
        views.append(
            ScanView(index, label, page, passage_boxes(page, text), term_boxes(page, terms))
        )
    if wanted is None:  # a single image: no page label, mark where the passage is
        views = [v for v in views if v.passage][:1]
    return views


def page_image(path: Path, view: ScanView) -> Any:
    """The page as a greyscale PIL image of the size the words were recognised at."""
    from PIL import Image, ImageOps

    if path.suffix.lower() == ".pdf":
        from assistant.library.pdf.extract import open_pdf

        with open_pdf(path) as pdf:
            page = pdf[view.index]
            try:
                image = page.render(scale=view.page.scale, grayscale=True).to_pil()
            finally:
                page.close()
    else:
        with Image.open(path) as source:
            source.seek(view.index)
            image = ImageOps.exif_transpose(source).convert("L")
    if image.size != (view.page.width, view.page.height):
        image = image.resize((view.page.width, view.page.height))
    return image
