"""Notes typed by hand that cite a library item: found, so they can become real citations.

A draft that went through Word, or was begun there, has notes such as "Shen Zhihua,
“Sino-Soviet Relations and the Origins of the Korean War,” 52." as plain text. As text they
never switch between full and short form, never enter the bibliography and are never checked.
A note is taken to cite an item when it names the item's first author (surname) and enough of
its title's significant words, and no other item matches as well; "Ibid." cites what the note
before it cited. The page is read from the note's end.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from assistant.cite.model import Citation, Note
from assistant.essay.model import Essay

# Words that say nothing about which work a title names, in the languages titles come in.
_STOP = frozenset(
    " ".join(
        (
            "a an the and or of in on at to for from by with without into about as its his her",
            "their new der die das und von zu mit le la les des du de et en un une el los las y",
            "del il lo i на в и о об с к по от для из",
        )
    ).split()
)
_WORD = re.compile(r"\w+", re.UNICODE)
# "…, 52." / "…: 52–54." / "…, 2:334." / "…, pp. 52-3" / "…, 52n4" at the end of the note.
_LOCATOR = re.compile(
    r"(?:,|:)[”\"’]?\s*(?:pp?\.\s*)?(?P<locator>\d+(?::\d+)?(?:\s*[-–]\s*\d+)?(?:n\d+)?)\s*\.?\s*$"
)
_IBID = re.compile(r"^\s*ibid\.?", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class HandCitation:
    """Note `note` (1-based) reads as a citation of `citation.item_id`."""

    note: int
    anchor_id: str
    citation: Citation
    text: str


def find_hand_citations(
    essay: Essay, items: Mapping[str, Mapping[str, Any]] | None = None
) -> list[HandCitation]:
    """Every text-only note that clearly cites one item of `items` (default: the essay's)."""
    known: dict[str, Mapping[str, Any]] = dict(essay.items)
    known.update(items or {})
    signatures = {item_id: _signature(item) for item_id, item in known.items()}
    found: list[HandCitation] = []
    previous: str | None = None
    for number, anchor in enumerate(essay.anchors(), start=1):
        note = anchor.note
        if note.citations:
            cited = {c.item_id for c in note.citations}
            previous = next(iter(cited)) if len(cited) == 1 else None
            continue
        text = _note_text(note)
        if not text.strip():
            previous = None
            continue
        if _IBID.match(text) and previous is not None:
            item_id: str | None = previous
        else:
            item_id = _match(text, signatures)
        if item_id is not None:
            found.append(HandCitation(number, anchor.id, Citation(item_id, _locator(text)), text))
        previous = item_id
    return found


def _note_text(note: Note) -> str:
    return "".join(s for s in note.segments if isinstance(s, str)).replace("*", "")


def _fold(text: str) -> list[str]:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _WORD.findall(plain)


def _signature(item: Mapping[str, Any]) -> tuple[set[str], list[str]] | None:
    """(surnames of the first creator, significant title words) or None if it has neither."""
    creators = item.get("author") or item.get("editor") or []
    surnames: set[str] = set()
    if isinstance(creators, list) and creators and isinstance(creators[0], dict):
        first = creators[0]
        name = first.get("family") or first.get("literal") or ""
        surnames = set(_fold(str(name)))
    title = str(item.get("title-short") or item.get("title") or "")
    main = re.split(r"[:?!.]\s", title, maxsplit=1)[0]
    words = [w for w in _fold(main) if w not in _STOP and len(w) > 2][:5]
    if not surnames or not words:
        return None
    return surnames, words


def _match(text: str, signatures: Mapping[str, tuple[set[str], list[str]] | None]) -> str | None:
    words = set(_fold(text))
    scored: list[tuple[float, str]] = []
    for item_id, signature in signatures.items():
        if signature is None:
            continue
        surnames, title_words = signature
        if not surnames <= words:
            continue
        shared = sum(1 for w in title_words if w in words)
        needed = min(2, len(title_words))
        if shared >= needed:
            scored.append((shared / len(title_words), item_id))
    if not scored:
        return None
    scored.sort(reverse=True)
    if len(scored) > 1 and scored[0][0] == scored[1][0]:
        return None  # two works match as well: the writer decides, not a guess
    return scored[0][1]


def _locator(text: str) -> str:
    match = _LOCATOR.search(text.rstrip())
    return re.sub(r"\s+", "", match.group("locator")).replace("-", "–") if match else ""
