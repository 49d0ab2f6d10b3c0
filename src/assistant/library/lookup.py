"""Finding a library item from a few typed words (the draft's `@` completer).

Every word typed must begin a word of the item's authors or editors, title, short title, year
or id ("shen 2000", "zubok kremlin", "@shuster"); the items are ranked by how many of those
words begin the authors' names, then by title. Case and accents are ignored.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from typing import Any

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
MAX_RESULTS = 20


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _names(item: Mapping[str, Any]) -> list[str]:
    names: list[str] = []
    for role in ("author", "editor", "translator"):
        for name in item.get(role) or []:
            if isinstance(name, Mapping):
                names.extend(str(name.get(k, "")) for k in ("family", "given", "literal"))
    return names


def _year(item: Mapping[str, Any]) -> str:
    parts = (item.get("issued") or {}).get("date-parts") or []
    return str(parts[0][0]) if parts and parts[0] else ""


def item_words(item: Mapping[str, Any]) -> tuple[set[str], set[str]]:
    """(words of the names, all searchable words) of a CSL-JSON item, folded."""
    names = {w for n in _names(item) for w in _WORD.findall(_fold(n))}
    other = " ".join(
        [
            str(item.get("title", "")),
            str(item.get("title-short", "")),
            _year(item),
            str(item.get("id", "")).replace("-", " "),
        ]
    )
    return names, names | set(_WORD.findall(_fold(other)))


def find_items(items: Mapping[str, Mapping[str, Any]], query: str) -> list[str]:
    """Ids of the items matching every word of `query`, best first (all for an empty one)."""
    words = _WORD.findall(_fold(query))
    scored = []
    for item_id, item in items.items():
        names, every = item_words(item)
        if not all(any(w.startswith(q) for w in every) for q in words):
            continue
        on_names = sum(any(n.startswith(q) for n in names) for q in words)
        scored.append((-on_names, _fold(str(item.get("title", item_id))), item_id))
    return [item_id for *_rank, item_id in sorted(scored)][:MAX_RESULTS]
