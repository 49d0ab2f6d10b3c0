"""Recognised text kept next to the index, keyed by the file's digest and the OCR languages.

Re-indexing an unchanged scan reads the cache instead of running Tesseract again; a changed
file has a new digest, so stale results are never used. The cache lives beside the index
folder (not in it: a rebuild clears the index folder, and OCR is the slow part to redo).
Each page is its own file, written as soon as it is recognised, so a cancelled run resumes
where it stopped.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assistant.atomic import replace_atomically
from assistant.library.ocr.tesseract import Word

CACHE_VERSION = 1


def cache_dir_for(index_dir: Path) -> Path:
    """The OCR cache of the index in `index_dir`: a sibling folder."""
    index_dir = Path(index_dir)
    return index_dir.with_name(index_dir.name + "-ocr")


@dataclass(slots=True)
class OcrPage:
    """One recognised page image: its size in pixels, pixels per PDF point, and its words."""

    index: int
    width: int
    height: int
    scale: float
    words: list[Word]
    languages: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "version": CACHE_VERSION,
            "index": self.index,
            "width": self.width,
            "height": self.height,
            "scale": self.scale,
            "languages": self.languages,
            "words": [list(w) for w in self.words],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> OcrPage | None:
        if not isinstance(data, dict) or data.get("version") != CACHE_VERSION:
            return None
        try:
            words = [_word(w) for w in data["words"]]
            return cls(
                int(data["index"]),
                int(data["width"]),
                int(data["height"]),
                float(data["scale"]),
                words,
                str(data.get("languages", "")),
            )
        except (KeyError, TypeError, ValueError, IndexError):
            return None


def _word(cells: list[Any]) -> Word:
    text, *numbers, confidence = cells
    left, top, right, bottom, block, par, line = (int(n) for n in numbers)
    return (str(text), left, top, right, bottom, block, par, line, float(confidence))


class OcrCache:
    """Pages recognised so far, under `root/<digest>/<languages>/page-00001.json`."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def _page_path(self, digest: str, languages: str, index: int) -> Path:
        return self.root / digest / languages / f"page-{index + 1:05d}.json"

    def load(self, digest: str, languages: str, index: int) -> OcrPage | None:
        try:
            data = json.loads(self._page_path(digest, languages, index).read_text("utf-8"))
        except (OSError, ValueError):
            return None
        return OcrPage.from_json(data)

    def save(self, digest: str, languages: str, page: OcrPage) -> None:
        path = self._page_path(digest, languages, page.index)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            replace_atomically(path, json.dumps(page.to_json(), ensure_ascii=False).encode())
        except OSError:
            pass  # a read-only or full disk costs the cache, never the text

    def save_info(self, digest: str, info: dict[str, Any]) -> None:
        """What the Reader needs to find a hit's page image: languages, labels, OCR'd pages."""
        path = self.root / digest / "info.json"
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            replace_atomically(path, json.dumps(info, ensure_ascii=False).encode())
        except OSError:
            pass

    def info(self, digest: str) -> dict[str, Any] | None:
        try:
            data = json.loads((self.root / digest / "info.json").read_text("utf-8"))
        except (OSError, ValueError):
            return None
        return data if isinstance(data, dict) else None
