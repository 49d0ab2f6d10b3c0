"""Linked exports: an export file (a Better BibTeX auto-export .bib, say) kept in step.

A linked export is re-imported, under the usual import rule, whenever its modification time or
size changes. Watching is polling: `changed()` only stats the files, so the app can call it
every few seconds from a timer and run the re-import in the background. The links of a corpus
live in `<corpus>/.linked-exports.json` (a hidden file, never read as a source).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.atomic import replace_atomically
from assistant.library.errors import LibraryError

if TYPE_CHECKING:
    from assistant.library.corpus import Library
    from assistant.library.importing import ImportReport

LINKS_FILE = ".linked-exports.json"


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_mtime_ns, stat.st_size


class LinkedExports:
    def __init__(self, corpus_dir: Path) -> None:
        self.path = Path(corpus_dir) / LINKS_FILE

    def _load(self) -> list[dict[str, Any]]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return []
        except (OSError, UnicodeDecodeError, json.JSONDecodeError):
            return []
        return (
            [e for e in data if isinstance(e, dict) and "path" in e]
            if isinstance(data, list)
            else []
        )

    def _save(self, entries: list[dict[str, Any]]) -> None:
        text = json.dumps(entries, ensure_ascii=False, indent=2) + "\n"
        try:
            replace_atomically(self.path, text.encode("utf-8"))
        except OSError as error:
            raise LibraryError(f"The links could not be saved in {self.path}: {error}") from error

    def links(self) -> list[Path]:
        return [Path(e["path"]) for e in self._load()]

    def link(self, export: Path) -> None:
        """Link an export that has just been imported (its current state counts as read)."""
        export = Path(export).expanduser().resolve()
        entries = [e for e in self._load() if Path(e["path"]) != export]
        stamp = _stamp(export)
        entries.append({"path": str(export), "stamp": list(stamp) if stamp else None})
        self._save(entries)

    def unlink(self, export: Path) -> None:
        export = Path(export).expanduser().resolve()
        self._save([e for e in self._load() if Path(e["path"]) != export])

    def changed(self) -> list[Path]:
        """Linked exports whose file changed since they were last read (missing ones too)."""
        found = []
        for entry in self._load():
            path = Path(entry["path"])
            stamp = _stamp(path)
            recorded = entry.get("stamp")
            if (list(stamp) if stamp else None) != (list(recorded) if recorded else None):
                found.append(path)
        return found

    def mark_read(self, export: Path) -> None:
        self.link(export)


@dataclass
class RefreshResult:
    reports: list[ImportReport] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def refresh_linked(library: Library) -> RefreshResult:
    """Re-import every linked export that changed; a missing one is reported, not unlinked."""
    links = LinkedExports(library.corpus_dir)
    result = RefreshResult()
    for export in links.changed():
        if not os.path.exists(export):
            result.problems.append(
                f"{export}: the linked export is missing; it stays linked and is read again "
                "when it is back."
            )
            links.mark_read(export)  # reported once, not at every poll
            continue
        try:
            result.reports.append(library.import_export(export))
        except LibraryError as error:
            result.problems.append(str(error))
        links.mark_read(export)
    return result
