"""How the interface and messages name a source: its Chicago short note without a locator or
closing period (`Shen, “Sino-Soviet Relations”`), and which cited works would share one.

One definition for the search pane, the footnote builder and `assistant check`, so a source is
called the same everywhere.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
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
