"""Citations carried inside the .docx as Zotero's Word plugin carries them.

A note's citations are written as a Word complex field whose instruction is

    ADDIN ZOTERO_ITEM CSL_CITATION {"citationID": ..., "properties": {...},
                                    "citationItems": [{"id", "itemData", "locator", ...}], ...}

with the rendered note text as the field's result. Why this form and not a custom XML part or
bookmarks: Word keeps fields through editing, copying between documents, tracked changes and
"Save As" (a custom part is dropped by many tools, bookmarks are renamed and lost); LibreOffice
keeps them too; and it is the form Zotero reads, so a writer who moves to Zotero can refresh or
restyle the citations there (each item's CSL-JSON travels in `itemData`, so Zotero does not need
the item in its library). The JSON follows the CSL citation schema
(https://github.com/citation-style-language/schema, `csl-citation.json`); what that schema has
no slot for (the writer's commentary around the citations, Pandoc's author-in-text mode) goes
under our own `essayAssistant` key, which Zotero ignores.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from assistant.cite.model import LOCATOR_LABELS, Citation

ZOTERO_ITEM = "ADDIN ZOTERO_ITEM CSL_CITATION"
ZOTERO_BIBLIOGRAPHY = "ADDIN ZOTERO_BIBL"
CSL_CITATION_SCHEMA = (
    "https://github.com/citation-style-language/schema/raw/master/csl-citation.json"
)
# A field instruction is read back whole into memory; one this long is not a citation.
MAX_INSTRUCTION = 4 * 1024 * 1024


Segment = str | tuple[Citation, ...]


@dataclass(frozen=True, slots=True)
class CitationField:
    """What one ZOTERO_ITEM field holds: citations, the items they cite, the printed text.

    `segments` is the part of the note the field stands for, as `Note.segments` holds it: one
    citation group, or (when the whole note is one field) the commentary around the groups too.
    """

    citations: tuple[Citation, ...]
    items: dict[str, dict[str, Any]]
    plain_text: str = ""
    segments: tuple[Segment, ...] = ()


def citation_instruction(
    segments: Sequence[Segment],
    items: Mapping[str, Mapping[str, Any]],
    *,
    plain_text: str,
    note_number: int,
) -> str:
    """The field instruction for `segments` (citation groups, and any commentary between
    them) printed as `plain_text`."""
    citations = [c for segment in segments if isinstance(segment, tuple) for c in segment]
    layout = [
        {"text": segment} if isinstance(segment, str) else {"citations": len(segment)}
        for segment in segments
    ]
    citation_items = []
    for citation in citations:
        entry: dict[str, Any] = {"id": citation.item_id, "uris": []}
        item = items.get(citation.item_id)
        if item is not None:
            entry["itemData"] = {**item, "id": citation.item_id}
        if citation.locator:
            entry["locator"] = citation.locator
            entry["label"] = citation.label
        if citation.prefix:
            entry["prefix"] = citation.prefix
        if citation.suffix:
            entry["suffix"] = citation.suffix
        if citation.suppress_author:
            entry["suppress-author"] = True
        if citation.author_in_text:
            entry["essayAssistant"] = {"authorInText": True}
        citation_items.append(entry)
    data = {
        "citationID": uuid.uuid4().hex[:10],
        "properties": {
            "formattedCitation": plain_text,
            "plainCitation": plain_text,
            "noteIndex": note_number,
        },
        "citationItems": citation_items,
        "schema": CSL_CITATION_SCHEMA,
    }
    if layout != [{"citations": len(citations)}]:
        data["essayAssistant"] = {"segments": layout}
    return f" {ZOTERO_ITEM} {json.dumps(data, ensure_ascii=False)} "


def parse_instruction(instruction: str) -> CitationField | None:
    """The citations of a ZOTERO_ITEM field instruction; None for any other field.

    Raises ValueError, with a reason, for a ZOTERO_ITEM field whose JSON is unusable.
    """
    text = instruction.strip()
    if not text.startswith(ZOTERO_ITEM):
        return None
    if len(text) > MAX_INSTRUCTION:
        raise ValueError("a citation field is too large to be a citation")
    payload = text[len(ZOTERO_ITEM) :].strip()
    try:
        data = json.loads(payload)
    except (json.JSONDecodeError, RecursionError) as error:
        raise ValueError(f"a citation field holds no valid JSON ({error})") from error
    if not isinstance(data, dict) or not isinstance(data.get("citationItems"), list):
        raise ValueError("a citation field lists no citationItems")
    citations: list[Citation] = []
    items: dict[str, dict[str, Any]] = {}
    for entry in data["citationItems"]:
        if not isinstance(entry, dict):
            raise ValueError("a citation field holds an entry that is not an object")
        item_data = entry.get("itemData")
        item_id = _item_id(entry, item_data)
        if not item_id:
            raise ValueError("a citation field holds an entry without an id")
        if isinstance(item_data, dict):
            items[item_id] = {**item_data, "id": item_id}
        label = str(entry.get("label") or "page")
        ours = entry.get("essayAssistant")
        if not isinstance(ours, dict):
            ours = {}
        citations.append(
            Citation(
                item_id=item_id,
                locator=str(entry.get("locator") or ""),
                label=label if label in LOCATOR_LABELS else "page",
                prefix=str(entry.get("prefix") or ""),
                suffix=str(entry.get("suffix") or ""),
                suppress_author=bool(entry.get("suppress-author")),
                author_in_text=bool(ours.get("authorInText")),
            )
        )
    properties = data.get("properties")
    plain = properties.get("plainCitation") if isinstance(properties, dict) else ""
    return CitationField(
        tuple(citations), items, str(plain or ""), _segments(data.get("essayAssistant"), citations)
    )


def _segments(ours: Any, citations: list[Citation]) -> tuple[Segment, ...]:
    """The stored layout of commentary and groups, or one group of every citation."""
    whole: tuple[Segment, ...] = (tuple(citations),) if citations else ()
    layout = ours.get("segments") if isinstance(ours, dict) else None
    if not isinstance(layout, list):
        return whole
    segments: list[Segment] = []
    position = 0
    for entry in layout:
        if isinstance(entry, dict) and isinstance(entry.get("text"), str):
            segments.append(entry["text"])
        elif isinstance(entry, dict) and isinstance(entry.get("citations"), int):
            count = entry["citations"]
            if count < 1 or position + count > len(citations):
                return whole
            segments.append(tuple(citations[position : position + count]))
            position += count
        else:
            return whole
    return tuple(segments) if position == len(citations) else whole


def _item_id(entry: Mapping[str, Any], item_data: Any) -> str:
    # Zotero's own documents carry numeric ids local to one library, and the item's key in its
    # URI; a citation key (Better BibTeX, Zotero 7) in the item data is the id a writer knows.
    if isinstance(item_data, dict):
        key = item_data.get("citation-key") or item_data.get("citationKey")
        if key:
            return str(key)
    if entry.get("id") not in (None, ""):
        return str(entry["id"])
    if isinstance(item_data, dict) and item_data.get("id") not in (None, ""):
        return str(item_data["id"])
    return ""
