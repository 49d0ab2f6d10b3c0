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

from assistant.library.ocr.cache import OcrCache, OcrPage

Box = tuple[int, int, int, int]  # left, top, right, bottom in page-image pixels
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
    """Boxes of words starting with one of the (lowercased) query terms."""
    stems = [_norm(t) for t in terms if _norm(t)]
    return [
        (w[1], w[2], w[3], w[4])
        for w in page.words
        if any(_norm(w[0]).startswith(stem) for stem in stems)
    ]


def scan_views(
    cache_dir: Path, path: Path, page_label: str | None, text: str, terms: list[str]
) -> list[ScanView]:
    """The recognised page images a passage of `path` comes from ([] for text pages)."""
    from assistant.library.corpus import file_hash

    cache = OcrCache(cache_dir)
    try:
        digest = file_hash(path)
    except OSError:
        return []
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
