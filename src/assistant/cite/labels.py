"""How the interface and messages name a source: its Chicago short note without a locator or
closing period (`Shen, “Sino-Soviet Relations”`), and which cited works would share one.

One definition for the search pane, the footnote builder and `assistant check`, so a source is
called the same everywhere.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from assistant.cite.engine import ChicagoEngine
from assistant.cite.model import Citation

_NOTE_END = re.compile(r"\.([’”]*)$")  # the note's closing period, inside any quotes


def short_label(item_id: str, engine: ChicagoEngine) -> str:
    """The short note of `item_id` as a label. `engine` holds the library, so two authors who
    share a surname are told apart as they are in the notes."""
    try:
        text = engine.short_note(Citation(item_id)).text.strip()
    except Exception:  # a label must come out even for metadata the engine chokes on
        text = ""
    text = _NOTE_END.sub(r"\1", text)
    if text and not text.startswith("[unknown source"):
        return text
    return item_id


def item_label(item: Mapping[str, Any]) -> str:
    """The label of one CSL-JSON item on its own (no library to disambiguate against)."""
    item_id = str(item.get("id", "?"))
    return short_label(item_id, ChicagoEngine({item_id: dict(item)}))


def shared_short_forms(engine: ChicagoEngine, item_ids: Iterable[str]) -> list[list[str]]:
    """Groups of cited works whose short notes would read the same ("Khrushchev, *Khrushchev
    Remembers*" for the 1970 and the 1974 volume): a reader could not tell which is meant, so
    the writer should give one a `title-short` (CMOS 14.30). Each group in citation order."""
    groups: dict[str, list[str]] = defaultdict(list)
    for item_id in dict.fromkeys(item_ids):
        label = short_label(item_id, engine)
        if label != item_id:
            groups[label].append(item_id)
    return [ids for ids in groups.values() if len(ids) > 1]


def fallback_label(item: Mapping[str, Any]) -> str:
    """Author + short title, for when the Chicago engine cannot render the item."""
    names = item.get("author") or item.get("editor") or []
    family = ""
    if names:
        first = names[0]
        family = first.get("family") or first.get("literal") or ""
    title = item.get("title-short") or item.get("title") or item.get("id", "")
    return f"{family}, {title}" if family else str(title)


class CitationLabels:
    """Each source's label (`short_label`, or `fallback_label` when the engine cannot render
    it), cached until `clear()`: the panes clear it when the library changes. `items` returns
    the library's CSL-JSON items by id; it is called once per cache generation."""

    def __init__(self, items: Callable[[], Mapping[str, dict[str, Any]]]) -> None:
        self._items_of_library = items
        self._cache: dict[str, str] = {}
        self._engine: ChicagoEngine | None = None
        self._items: Mapping[str, dict[str, Any]] | None = None

    def clear(self) -> None:
        self._cache.clear()
        self._engine = None
        self._items = None

    def short(self, source_id: str) -> str:
        if source_id not in self._cache:
            self._cache[source_id] = self._compute(source_id)
        return self._cache[source_id]

    def _compute(self, source_id: str) -> str:
        if self._items is None:
            # One copy of the library's metadata per cache generation, not one per source.
            self._items = self._items_of_library()
        items = self._items
        item = items.get(source_id)
        if item is None:
            return source_id
        if self._engine is None:
            self._engine = ChicagoEngine(items)
        label = short_label(source_id, self._engine)
        return label if label != source_id else fallback_label(item)
