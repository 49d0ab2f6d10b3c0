"""The essay file on disk: one JSON document per essay, saved so that no crash or full disk can
eat it. The document itself (layout, versions, migrations) is `essay.file_format`'s; the
crash-recovery copies are `essay.autosave`'s.

Saving writes a temporary file in the target folder, fsyncs it, hard-links the previous file
into `.NAME.bak/` (the last `BACKUP_COUNT` saves are kept), renames the temporary file over the
old one and fsyncs the folder. At any instant the path holds either the old or the new essay,
complete. A previous file that is itself damaged is kept aside as `NAME.damaged-STAMP` in the
same folder and never pruned, so saving over a broken file cannot lose what was left of it
(a file in a newer version's format is kept aside the same way, as `NAME.newer-format-STAMP`).

Loading never writes: a damaged file raises `CorruptEssayError` listing the backups that do
load, newest first; a file from a newer version raises `NewerSchemaError`.
"""

from __future__ import annotations

import errno
import os
import shutil
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from assistant.atomic import replace_atomically
from assistant.essay.file_format import (
    FORMAT,
    SCHEMA_VERSION,
    EssayDataError,
    NewerFormatError,
    decode_document,
    essay_file_bytes,
    essay_from_dict,
    essay_to_dict,
    read_essay,
)
from assistant.essay.model import Essay

__all__ = [
    "BACKUP_COUNT",
    "FORMAT",
    "SCHEMA_VERSION",
    "CorruptEssayError",
    "EssayFileError",
    "EssaySaveError",
    "NewerSchemaError",
    "SaveReport",
    "backups_of",
    "essay_file_bytes",
    "essay_from_dict",
    "essay_to_dict",
    "load_essay",
    "read_essay_bytes",
    "save_essay",
    "snapshot_items",
    "write_atomically",
]

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


def read_essay_bytes(raw: bytes, path: Path | str = "essay") -> Essay:
    """An essay from a file's bytes (for tests and the clipboard); errors as `load_essay`."""
    path = Path(path)
    try:
        return read_essay(raw)
    except EssayDataError as error:
        raise CorruptEssayError(path, [], str(error)) from None
    except NewerFormatError as error:
        raise NewerSchemaError(path, error.found) from None


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
        return read_essay(raw)
    except EssayDataError as error:
        raise CorruptEssayError(path, good_backups(path), str(error)) from None
    except NewerFormatError as error:
        raise NewerSchemaError(path, error.found) from None


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
        decode_document(path.read_bytes())
    except (EssayDataError, OSError):
        return "damaged"
    except NewerFormatError:
        return "newer"
    return "essay"


# -- saving ---------------------------------------------------------------------------------


@dataclass(slots=True)
class SaveReport:
    """What a save did besides writing the essay: the backup made, anything worth a word."""

    path: Path
    backup: Path | None = None
    warnings: list[str] = field(default_factory=list)


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


def write_atomically(data: bytes, path: Path, *, before_replace: Callable[[], None] | None) -> None:
    """Write an essay file's bytes in one step; a failure is an `EssaySaveError` whose message
    says what to do, and the file at `path` is as it was."""
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
    data = essay_file_bytes(essay)
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

    write_atomically(data, path, before_replace=back_up_previous)
    _prune(path, keep, report)
    return report


def _prune(path: Path, keep: int, report: SaveReport) -> None:
    for old in backups_of(path)[max(keep, 0) :]:
        try:
            old.unlink()
        except OSError as error:
            report.warnings.append(f"Old backup {old.name} could not be removed: {error.strerror}.")


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
