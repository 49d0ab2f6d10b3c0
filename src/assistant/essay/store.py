"""The essay file: one JSON document per essay, saved so that no crash or full disk can eat it.

Layout (UTF-8 JSON):

    {"format": "essay-assistant/essay", "schema_version": 3, "saved_at": "...",
     "generator": "essay-assistant 0.1.0", "essay": {title, author, blocks, items, outline}}

Saving writes a temporary file in the target folder, fsyncs it, hard-links the previous file
into `.NAME.bak/` (the last `BACKUP_COUNT` saves are kept), renames the temporary file over the
old one and fsyncs the folder. At any instant the path holds either the old or the new essay,
complete. A previous file that is itself damaged is kept aside as `NAME.damaged-STAMP` in the
same folder and never pruned, so saving over a broken file cannot lose what was left of it
(a file in a newer version's format is kept aside the same way, as `NAME.newer-format-STAMP`).

Loading never writes: a damaged file raises `CorruptEssayError` listing the backups that do
load, newest first; a file from a newer version raises `NewerSchemaError`.

Format 3 added lists, tables, code blocks, links and small caps; an essay using none of them is
still saved as format 2, which older versions of the app open.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import shutil
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from assistant import __version__ as _app_version
from assistant.atomic import replace_atomically
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
from assistant.paths import user_data_dir

__all__ = [
    "BACKUP_COUNT",
    "FORMAT",
    "SCHEMA_VERSION",
    "AutosaveInfo",
    "CorruptEssayError",
    "EssayFileError",
    "EssaySaveError",
    "NewerSchemaError",
    "SaveReport",
    "backups_of",
    "discard_autosave",
    "essay_from_dict",
    "essay_to_dict",
    "find_autosave",
    "list_autosaves",
    "load_essay",
    "read_essay_bytes",
    "save_essay",
    "snapshot_items",
    "write_autosave",
]

FORMAT = "essay-assistant/essay"
SCHEMA_VERSION = 3
BACKUP_COUNT = 5
ESSAY_SUFFIX = ".essay"


# -- errors -------------------------------------------------------------------------------


class EssayFileError(Exception):
    """An essay file could not be read or written; `str()` is a message for the writer."""

    def __init__(self, path: Path, message: str) -> None:
        super().__init__(message)
        self.path = Path(path)
        self.message = message


class EssaySaveError(EssayFileError):
    """A save failed; the file at `path` (if any) is exactly as it was before."""


class CorruptEssayError(EssayFileError):
    """The file is truncated or not an essay. `backups` are good backups, newest first."""

    def __init__(self, path: Path, backups: list[Path], reason: str = "") -> None:
        self.backups = list(backups)
        self.reason = reason
        name = Path(path).name
        message = f"“{name}” is damaged and cannot be opened: {reason or 'unreadable data'}."
        message += " The file has been left untouched."
        if self.backups:
            newest = self.backups[0]
            when = datetime.fromtimestamp(newest.stat().st_mtime).strftime("%Y-%m-%d %H:%M")
            message += f" The newest good backup was saved {when}: {newest}."
        else:
            message += " No good backup of it was found."
        super().__init__(path, message)


class NewerSchemaError(EssayFileError):
    """The file was written by a newer version of the app; nothing was changed."""

    def __init__(self, path: Path, found: int, supported: int = SCHEMA_VERSION) -> None:
        self.found = found
        self.supported = supported
        super().__init__(
            path,
            f"“{Path(path).name}” was saved by a newer version of Essay Assistant (essay file"
            f" format {found}; this version reads formats up to {supported}). Update the app to"
            " open it. The file has not been changed.",
        )


class _Invalid(ValueError):
    """Essay data that does not have the expected shape; the message names where."""


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
        raise _Invalid(f"{where} should be a {names}, not {type(value).__name__}")
    return value


_CITATION_FIELDS = {f.name: f for f in fields(Citation)}


def _citation_from_dict(data: Any, where: str) -> Citation:
    _expect(data, dict, where)
    unknown = set(data) - set(_CITATION_FIELDS)
    if unknown:
        raise _Invalid(f"{where} has unknown fields {sorted(unknown)}")
    if "item_id" not in data:
        raise _Invalid(f"{where} has no item_id")
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
        raise _Invalid(f"{where} is not a passage link ({error})") from None


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
        raise _Invalid(f"{where}.kind is {kind!r}, not one of {', '.join(BLOCK_KINDS)}")
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
            raise _Invalid(f"{where}.align[{a}] is {value!r}, not one of {', '.join(ALIGNMENTS)}")
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
            raise _Invalid(f"outline is malformed ({error})") from None
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
        raise _Invalid("it has no valid schema version")
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


def _decode(raw: bytes, path: Path) -> dict[str, Any]:
    """Parse and migrate file bytes; raises _Invalid or NewerSchemaError."""
    if not raw.strip():
        raise _Invalid("the file is empty")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise _Invalid(f"it holds bytes that are not text (at byte {error.start})") from None
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        if _ends_early(text):
            raise _Invalid(
                "the file ends before the essay does (it was cut off, probably during a save)"
            ) from None
        raise _Invalid(
            f"its data is garbled at line {error.lineno}, column {error.colno} ({error.msg})"
        ) from None
    if not isinstance(document, dict) or (
        document.get("format") != FORMAT and "version" not in document
    ):
        raise _Invalid("it is not an Essay Assistant essay file")
    version = _schema_version(document)
    if version > SCHEMA_VERSION:
        raise NewerSchemaError(path, version)
    while version < SCHEMA_VERSION:
        document = MIGRATIONS[version](document)
        version = _schema_version(document)
    return document


def read_essay_bytes(raw: bytes, path: Path | str = "essay") -> Essay:
    """An essay from a file's bytes (for tests and the clipboard); errors as `load_essay`."""
    path = Path(path)
    try:
        document = _decode(raw, path)
        return essay_from_dict(_expect(document.get("essay"), dict, "essay"))
    except _Invalid as error:
        raise CorruptEssayError(path, [], str(error)) from None


def load_essay(path: Path | str) -> Essay:
    """Open an essay file without modifying anything on disk.

    Raises `CorruptEssayError` (truncated, garbled or not an essay; `.backups` lists the good
    backups newest first), `NewerSchemaError`, or `EssayFileError` (missing, unreadable).
    """
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise EssayFileError(path, f"“{path.name}” was not found in {path.parent}.") from None
    except IsADirectoryError:
        raise EssayFileError(path, f"“{path}” is a folder, not an essay file.") from None
    except OSError as error:
        raise EssayFileError(
            path, f"“{path.name}” could not be read: {error.strerror or error}."
        ) from None
    try:
        document = _decode(raw, path)
        return essay_from_dict(_expect(document.get("essay"), dict, "essay"))
    except _Invalid as error:
        raise CorruptEssayError(path, good_backups(path), str(error)) from None


# -- backups --------------------------------------------------------------------------------


def backup_dir(path: Path | str) -> Path:
    path = Path(path)
    return path.parent / f".{path.name}.bak"


def backups_of(path: Path | str) -> list[Path]:
    """Every backup of the essay at `path`, newest first (good or not)."""
    folder = backup_dir(path)
    if not folder.is_dir():
        return []
    return sorted((p for p in folder.iterdir() if p.is_file()), key=lambda p: p.name, reverse=True)


def good_backups(path: Path | str) -> list[Path]:
    """The backups that open, newest first: what to offer when the essay itself is damaged."""
    good = []
    for backup in backups_of(path):
        try:
            read_essay_bytes(backup.read_bytes(), backup)
        except (EssayFileError, OSError):
            continue
        good.append(backup)
    return good


def _stamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")


def _unique(folder: Path, stem: str, suffix: str) -> Path:
    candidate = folder / f"{stem}{suffix}"
    counter = 1
    while candidate.exists():
        candidate = folder / f"{stem}-{counter}{suffix}"
        counter += 1
    return candidate


def _link_or_copy(source: Path, target: Path) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def _previous_state(path: Path) -> str:
    """ "essay", "damaged" (unreadable) or "newer" (a newer version's format) for a file."""
    try:
        _decode(path.read_bytes(), path)
    except (_Invalid, OSError):
        return "damaged"
    except NewerSchemaError:
        return "newer"
    return "essay"


# -- saving ---------------------------------------------------------------------------------


@dataclass(slots=True)
class SaveReport:
    """What a save did besides writing the essay: the backup made, anything worth a word."""

    path: Path
    backup: Path | None = None
    warnings: list[str] = field(default_factory=list)


def _document_bytes(essay: Essay, extra: Mapping[str, Any] | None = None) -> bytes:
    document = {
        "format": FORMAT,
        "schema_version": SCHEMA_VERSION if _needs_format_3(essay) else 2,
        "saved_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "generator": f"essay-assistant {_app_version}",
        **(extra or {}),
        "essay": essay_to_dict(essay),
    }
    return (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def essay_file_bytes(essay: Essay, extra: Mapping[str, Any] | None = None) -> bytes:
    """The bytes of an essay file; snapshots and autosaves are essay files too."""
    return _document_bytes(essay, extra)


def _save_message(path: Path, error: OSError) -> str:
    name = f"“{path.name}”"
    keep = (
        " The previous version of the file is unchanged."
        if path.exists()
        else " Nothing was written."
    )
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return (
            f"Could not save {name}: the disk is full.{keep}"
            " Free some space, or use Save As to save elsewhere."
        )
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return (
            f"Could not save {name}: the folder {path.parent} is read-only or you may not write"
            f" there.{keep} Use Save As to choose another folder."
        )
    return f"Could not save {name}: {error.strerror or error}.{keep}"


def _write_atomically(
    data: bytes, path: Path, *, before_replace: Callable[[], None] | None
) -> None:
    if not path.parent.is_dir():
        raise EssaySaveError(
            path, f"Could not save “{path.name}”: the folder {path.parent} does not exist."
        )
    try:
        replace_atomically(path, data, before_replace=before_replace)
    except OSError as error:
        raise EssaySaveError(path, _save_message(path, error)) from None


def save_essay(essay: Essay, path: Path | str, *, keep: int = BACKUP_COUNT) -> SaveReport:
    """Save atomically, keeping the previous `keep` saves as backups.

    Raises `EssaySaveError` (read-only folder, full disk, ...) with the file at `path` untouched.
    """
    path = Path(path)
    if path.is_symlink():
        path = path.resolve()  # save through the link: replacing it would cut it
    data = _document_bytes(essay)
    report = SaveReport(path)

    def back_up_previous() -> None:
        if not path.exists():
            return
        try:
            state = _previous_state(path)
            if state != "essay":
                # Never rotate away a damaged file, or one only a newer version can read:
                # keep it beside the essay, outside the pruned backups.
                tag = "damaged" if state == "damaged" else "newer-format"
                aside = _unique(path.parent, f"{path.name}.{tag}-{_stamp()}", "")
                _link_or_copy(path, aside)
                what = "damaged" if state == "damaged" else "newer version's"
                report.warnings.append(f"The {what} previous file was kept as {aside.name}.")
                return
            folder = backup_dir(path)
            folder.mkdir(exist_ok=True)
            target = _unique(folder, f"{path.stem}.{_stamp()}", path.suffix or ESSAY_SUFFIX)
            _link_or_copy(path, target)
            report.backup = target
        except OSError as error:
            # The new save matters more than a backup of the old one; say so and go on.
            report.warnings.append(
                f"No backup of the previous version was made: {error.strerror or error}."
            )

    _write_atomically(data, path, before_replace=back_up_previous)
    _prune(path, keep, report)
    return report


def _prune(path: Path, keep: int, report: SaveReport) -> None:
    for old in backups_of(path)[max(keep, 0) :]:
        try:
            old.unlink()
        except OSError as error:
            report.warnings.append(f"Old backup {old.name} could not be removed: {error.strerror}.")


# -- autosave -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AutosaveInfo:
    """An autosave found on disk: which essay it belongs to (None: never saved) and when."""

    path: Path
    essay_path: Path | None
    saved_at: datetime


def _autosave_dir() -> Path:
    return user_data_dir() / "autosave"


def autosave_path(essay_path: Path | str | None) -> Path:
    """Where the autosave of `essay_path` (None: an essay not yet saved) lives.

    Autosaves go to the user's data folder, not beside the essay, so they work for essays in
    read-only folders and never clutter the writer's folders.
    """
    if essay_path is None:
        return _autosave_dir() / f"untitled{ESSAY_SUFFIX}"
    resolved = Path(essay_path).expanduser().resolve()
    key = hashlib.sha1(str(resolved).encode("utf-8")).hexdigest()[:12]
    return _autosave_dir() / f"{resolved.stem}-{key}{ESSAY_SUFFIX}"


def write_autosave(essay: Essay, essay_path: Path | str | None) -> Path:
    """Write the crash-recovery copy of an essay being edited; returns where it went."""
    target = autosave_path(essay_path)
    target.parent.mkdir(parents=True, exist_ok=True)
    extra = {"autosave_of": None if essay_path is None else str(Path(essay_path).resolve())}
    _write_atomically(_document_bytes(essay, extra), target, before_replace=None)
    return target


def find_autosave(essay_path: Path | str | None) -> Path | None:
    """The autosave to offer for recovery: one newer than the saved essay and different from it."""
    target = autosave_path(essay_path)
    if not target.is_file():
        return None
    try:
        autosaved = read_essay_bytes(target.read_bytes(), target)
    except (EssayFileError, OSError):
        return None
    if essay_path is None:
        return target
    saved_path = Path(essay_path)
    try:
        saved = load_essay(saved_path)
    except EssayFileError:
        return target  # the saved essay is gone or damaged: the autosave is all there is
    try:
        if saved_path.stat().st_mtime_ns > target.stat().st_mtime_ns:
            return None
    except OSError:
        return target
    if essay_to_dict(saved) == essay_to_dict(autosaved):
        return None
    return target


def discard_autosave(essay_path: Path | str | None) -> None:
    """Remove the autosave (after a save, or when the writer declines to recover it)."""
    autosave_path(essay_path).unlink(missing_ok=True)


def list_autosaves() -> list[AutosaveInfo]:
    """Every autosave on disk, newest first (the app offers them at startup after a crash)."""
    folder = _autosave_dir()
    if not folder.is_dir():
        return []
    found = []
    for candidate in folder.glob(f"*{ESSAY_SUFFIX}"):
        try:
            document = json.loads(candidate.read_bytes())
            origin = document.get("autosave_of")
        except (OSError, ValueError, AttributeError):
            continue
        found.append(
            AutosaveInfo(
                candidate,
                None if origin is None else Path(origin),
                datetime.fromtimestamp(candidate.stat().st_mtime),
            )
        )
    return sorted(found, key=lambda info: info.saved_at, reverse=True)


# -- the cited items' snapshot --------------------------------------------------------------


def snapshot_items(essay: Essay, library: Mapping[str, Mapping[str, Any]]) -> list[str]:
    """Refresh `essay.items` from the library for every cited item; return ids it lacks.

    An item the library lost keeps its old snapshot, so the essay still renders its notes.
    """
    missing = []
    items: dict[str, dict[str, Any]] = {}
    for item_id in essay.cited_ids():
        if item_id in library:
            items[item_id] = dict(library[item_id])
        elif item_id in essay.items:
            items[item_id] = essay.items[item_id]
            missing.append(item_id)
        else:
            missing.append(item_id)
    essay.items = items
    return missing
