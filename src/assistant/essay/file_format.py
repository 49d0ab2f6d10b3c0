"""The essay file's JSON form: an `Essay` to and from the document, every older format
migrated on reading, and the file's bytes.

Layout (UTF-8 JSON):

    {"format": "essay-assistant/essay", "schema_version": 3, "saved_at": "...",
     "generator": "essay-assistant 0.1.0", "essay": {title, author, blocks, items, outline}}

Format 3 added lists, tables, code blocks, links and small caps; an essay using none of them is
still saved as format 2, which older versions of the app open. Nothing here touches the disk:
`essay.store` reads and writes the files and turns these errors into messages naming them.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import fields
from datetime import UTC, datetime
from typing import Any

from assistant import __version__ as _app_version
from assistant.cite.model import Citation, Note
from assistant.essay.model import (
    ALIGNMENTS,
    BLOCK_KINDS,
    Block,
    Essay,
    NoteAnchor,
    PassageLink,
    Span,
    new_id,
)
from assistant.essay.outline import link_from_dict, link_to_dict, outline_from_dict, outline_to_dict

FORMAT = "essay-assistant/essay"
SCHEMA_VERSION = 3


class EssayDataError(ValueError):
    """Essay data that does not have the expected shape; the message names where."""


class NewerFormatError(Exception):
    """The document is in a format a newer version of the app wrote."""

    def __init__(self, found: int) -> None:
        super().__init__(f"essay file format {found}")
        self.found = found


# -- dict form ------------------------------------------------------------------------------


def _without_defaults(value: Any) -> dict[str, Any]:
    return {
        f.name: getattr(value, f.name) for f in fields(value) if getattr(value, f.name) != f.default
    }


def _note_to_dict(note: Note) -> dict[str, Any]:
    segments: list[Any] = []
    for segment in note.segments:
        if isinstance(segment, str):
            segments.append(segment)
        else:
            segments.append([_without_defaults(citation) for citation in segment])
    return {"segments": segments}


def _inline_to_dict(inline: Span | NoteAnchor) -> dict[str, Any]:
    if isinstance(inline, NoteAnchor):
        data: dict[str, Any] = {"id": inline.id, "note": _note_to_dict(inline.note)}
        if inline.passage is not None:
            data["passage"] = link_to_dict(inline.passage)
        return data
    data = {"text": inline.text}
    for name in _SPAN_FLAGS:
        if getattr(inline, name):
            data[name] = True
    if inline.link:
        data["link"] = inline.link
    return data


# Span formats saved as `true` when set (absent when not), so older files load unchanged.
_SPAN_FLAGS = ("bold", "italic", "small_caps", "strike", "code")
# Format 3 added lists, tables, code blocks and the span formats beyond bold and italic; a file
# using none of them is still written as format 2, so older versions of the app open it.
_FORMAT_3_KINDS = ("list_item", "table", "code")


def _needs_format_3(essay: Essay) -> bool:
    for block in essay.blocks:
        if block.kind in _FORMAT_3_KINDS:
            return True
        for inline in block.all_inlines():
            if isinstance(inline, Span) and (
                inline.small_caps or inline.strike or inline.code or inline.link
            ):
                return True
            if isinstance(inline, NoteAnchor) and any(
                c.author_in_text for c in inline.note.citations
            ):
                return True
    return False


def _block_to_dict(block: Block) -> dict[str, Any]:
    data: dict[str, Any] = {
        "kind": block.kind,
        "inlines": [_inline_to_dict(i) for i in block.inlines],
    }
    if block.kind in ("heading", "list_item"):
        data["level"] = block.level
    if block.kind == "list_item":
        if block.ordered:
            data["ordered"] = True
            data["start"] = block.start
        if block.continued:
            data["continued"] = True
    if block.kind == "table":
        data["rows"] = [[[_inline_to_dict(i) for i in cell] for cell in row] for row in block.rows]
        data["header_rows"] = block.header_rows
        data["align"] = list(block.align)
    return data


def essay_to_dict(essay: Essay) -> dict[str, Any]:
    """The essay as plain JSON-ready data (also handy for the UI's undo and clipboard)."""
    blocks = [_block_to_dict(block) for block in essay.blocks]
    data: dict[str, Any] = {
        "title": essay.title,
        "author": essay.author,
        "blocks": blocks,
        "items": essay.items,
        "outline": None if essay.outline is None else outline_to_dict(essay.outline),
    }
    if essay.language != "en":  # written only when set, so older files stay as they were
        data["language"] = essay.language
    if essay.word_target:
        data["word_target"] = essay.word_target
    return data


def _expect(value: Any, kind: type | tuple[type, ...], where: str) -> Any:
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        names = kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
        raise EssayDataError(f"{where} should be a {names}, not {type(value).__name__}")
    return value


_CITATION_FIELDS = {f.name: f for f in fields(Citation)}


def _citation_from_dict(data: Any, where: str) -> Citation:
    _expect(data, dict, where)
    unknown = set(data) - set(_CITATION_FIELDS)
    if unknown:
        raise EssayDataError(f"{where} has unknown fields {sorted(unknown)}")
    if "item_id" not in data:
        raise EssayDataError(f"{where} has no item_id")
    for name, value in data.items():
        expected = bool if name in ("suppress_author", "author_in_text") else str
        _expect(value, expected, f"{where}.{name}")
    return Citation(**data)


def _note_from_dict(data: Any, where: str) -> Note:
    _expect(data, dict, where)
    segments: list[str | tuple[Citation, ...]] = []
    for n, segment in enumerate(_expect(data.get("segments"), list, f"{where}.segments")):
        here = f"{where}.segments[{n}]"
        if isinstance(segment, str):
            segments.append(segment)
        else:
            group = _expect(segment, list, here)
            segments.append(
                tuple(_citation_from_dict(c, f"{here}[{i}]") for i, c in enumerate(group))
            )
    return Note(tuple(segments))


def _link_from(data: Any, where: str) -> PassageLink:
    _expect(data, dict, where)
    try:
        return link_from_dict(data)
    except (KeyError, TypeError, ValueError) as error:
        raise EssayDataError(f"{where} is not a passage link ({error})") from None


def _inline_from_dict(data: Any, where: str) -> Span | NoteAnchor:
    _expect(data, dict, where)
    if "note" in data:
        passage = data.get("passage")
        return NoteAnchor(
            note=_note_from_dict(data["note"], f"{where}.note"),
            passage=None if passage is None else _link_from(passage, f"{where}.passage"),
            id=str(_expect(data.get("id") or new_id(), str, f"{where}.id")),
        )
    flags = {name: _expect(data.get(name, False), bool, f"{where}.{name}") for name in _SPAN_FLAGS}
    return Span(
        text=_expect(data.get("text"), str, f"{where}.text"),
        link=_expect(data.get("link", ""), str, f"{where}.link"),
        **flags,
    )


def _inlines_from(raw: Any, where: str) -> list[Span | NoteAnchor]:
    return [_inline_from_dict(i, f"{where}[{k}]") for k, i in enumerate(_expect(raw, list, where))]


def _block_from_dict(raw: dict[str, Any], where: str) -> Block:
    kind = raw.get("kind", "paragraph")
    if kind not in BLOCK_KINDS:
        raise EssayDataError(f"{where}.kind is {kind!r}, not one of {', '.join(BLOCK_KINDS)}")
    block = Block(
        kind=kind,
        inlines=list(_inlines_from(raw.get("inlines", []), f"{where}.inlines")),
        level=_expect(raw.get("level", 0), int, f"{where}.level"),
        ordered=_expect(raw.get("ordered", False), bool, f"{where}.ordered"),
        start=_expect(raw.get("start", 1), int, f"{where}.start"),
        continued=_expect(raw.get("continued", False), bool, f"{where}.continued"),
        header_rows=_expect(raw.get("header_rows", 0), int, f"{where}.header_rows"),
    )
    rows = _expect(raw.get("rows", []), list, f"{where}.rows")
    for r, row in enumerate(rows):
        cells = _expect(row, list, f"{where}.rows[{r}]")
        block.rows.append(
            [list(_inlines_from(cell, f"{where}.rows[{r}][{c}]")) for c, cell in enumerate(cells)]
        )
    for a, value in enumerate(_expect(raw.get("align", []), list, f"{where}.align")):
        if value not in ALIGNMENTS:
            raise EssayDataError(
                f"{where}.align[{a}] is {value!r}, not one of {', '.join(ALIGNMENTS)}"
            )
        block.align.append(value)
    return block


def essay_from_dict(data: Mapping[str, Any]) -> Essay:
    """Rebuild an essay from `essay_to_dict` data; ValueError names the first bad field."""
    _expect(data, dict, "essay")
    blocks = []
    for n, raw in enumerate(_expect(data.get("blocks", []), list, "blocks")):
        where = f"blocks[{n}]"
        _expect(raw, dict, where)
        blocks.append(_block_from_dict(raw, where))
    items = _expect(data.get("items", {}), dict, "items")
    for key, item in items.items():
        _expect(item, dict, f"items[{key!r}]")
    outline = data.get("outline")
    if outline is not None:
        try:
            outline = outline_from_dict(_expect(outline, dict, "outline"))
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise EssayDataError(f"outline is malformed ({error})") from None
    return Essay(
        title=_expect(data.get("title", ""), str, "title"),
        author=_expect(data.get("author", ""), str, "author"),
        blocks=blocks,
        items=dict(items),
        outline=outline,
        language=_expect(data.get("language", "en"), str, "language") or "en",
        word_target=max(0, _expect(data.get("word_target", 0), int, "word_target")),
    )


# -- migrations -----------------------------------------------------------------------------


def _migrate_v1(document: dict[str, Any]) -> dict[str, Any]:
    """Version 1 (0.0.x drafts) kept each note as one Markdown string and had no outline.

    Its notes are parsed into commentary and citation groups, as the Markdown reader does, and
    the flat layout moves under "essay".
    """
    from assistant.cite.pandoc_syntax import find_citations

    def note_from_text(text: str) -> dict[str, Any]:
        segments: list[Any] = []
        position = 0
        for start, end, group in find_citations(text):
            if text[position:start]:
                segments.append(text[position:start])
            segments.append([_without_defaults(c) for c in group])
            position = end
        if text[position:]:
            segments.append(text[position:])
        return {"segments": segments}

    blocks = []
    for block in document.get("blocks", []):
        inlines = []
        for inline in block.get("inlines", []):
            if isinstance(inline, dict) and isinstance(inline.get("note"), str):
                inline = {**inline, "note": note_from_text(inline["note"])}
            inlines.append(inline)
        blocks.append({**block, "inlines": inlines})
    return {
        "format": FORMAT,
        "schema_version": 2,
        "saved_at": document.get("saved_at"),
        "essay": {
            "title": document.get("title", ""),
            "author": document.get("author", ""),
            "blocks": blocks,
            "items": document.get("items", {}),
            "outline": None,
        },
    }


def _migrate_v2(document: dict[str, Any]) -> dict[str, Any]:
    """Version 3 only added block kinds and fields (all optional): version 2 reads as it is."""
    return {**document, "schema_version": 3}


# schema version -> function turning such a document into the next version's.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {
    1: _migrate_v1,
    2: _migrate_v2,
}


# -- reading --------------------------------------------------------------------------------


def _schema_version(document: dict[str, Any]) -> int:
    version = document.get("schema_version", document.get("version"))
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise EssayDataError("it has no valid schema version")
    return version


def _ends_early(text: str) -> bool:
    """Whether JSON text stops inside a string, object or array: a file cut off mid-write."""
    depth = 0
    in_string = False
    escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "{[":
            depth += 1
        elif char in "}]":
            depth -= 1
            if depth < 0:
                return False
    return in_string or depth > 0


def decode_document(raw: bytes) -> dict[str, Any]:
    """Parse and migrate an essay file's bytes to the current format's document; raises
    `EssayDataError` or `NewerFormatError`."""
    if not raw.strip():
        raise EssayDataError("the file is empty")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise EssayDataError(f"it holds bytes that are not text (at byte {error.start})") from None
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        if _ends_early(text):
            raise EssayDataError(
                "the file ends before the essay does (it was cut off, probably during a save)"
            ) from None
        raise EssayDataError(
            f"its data is garbled at line {error.lineno}, column {error.colno} ({error.msg})"
        ) from None
    if not isinstance(document, dict) or (
        document.get("format") != FORMAT and "version" not in document
    ):
        raise EssayDataError("it is not an Essay Assistant essay file")
    version = _schema_version(document)
    if version > SCHEMA_VERSION:
        raise NewerFormatError(version)
    while version < SCHEMA_VERSION:
        document = MIGRATIONS[version](document)
        version = _schema_version(document)
    return document


def read_essay(raw: bytes) -> Essay:
    """The essay in an essay file's bytes; raises `EssayDataError` or `NewerFormatError`."""
    document = decode_document(raw)
    return essay_from_dict(_expect(document.get("essay"), dict, "essay"))


def essay_file_bytes(essay: Essay, extra: Mapping[str, Any] | None = None) -> bytes:
    """The bytes of an essay file (`extra` adds top-level fields, such as what an autosave is
    of); snapshots and autosaves are essay files too."""
    document = {
        "format": FORMAT,
        "schema_version": SCHEMA_VERSION if _needs_format_3(essay) else 2,
        "saved_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "generator": f"essay-assistant {_app_version}",
        **(extra or {}),
        "essay": essay_to_dict(essay),
    }
    return (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
