"""Snapshots: named versions of an essay, kept beside it, compared side by side, restored.

As Scrivener keeps them: a snapshot is a whole copy of the essay taken when the writer asks
("Before cutting the introduction"), stored as an ordinary essay file in `<essay>.snapshots/`
next to the essay (an untitled essay's go to the user's data folder). Restoring one first
snapshots the current text, so restoring never loses anything.

`compare(old, new)` lines up the two versions paragraph by paragraph (difflib's matching on
paragraph texts) and marks the words that differ inside a changed paragraph.
"""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Literal

from assistant.atomic import replace_atomically
from assistant.essay.model import Essay
from assistant.essay.store import ESSAY_SUFFIX, EssayFileError, essay_file_bytes, load_essay
from assistant.paths import user_data_dir

FOLDER_SUFFIX = ".snapshots"
MAX_NAME = 120


@dataclass(frozen=True, slots=True)
class Snapshot:
    path: Path
    name: str
    taken_at: datetime


def snapshots_dir(essay_path: Path | None) -> Path:
    if essay_path is None:
        return user_data_dir() / "snapshots" / "untitled"
    essay_path = Path(essay_path)
    return essay_path.with_name(essay_path.name + FOLDER_SUFFIX)


def _slug(name: str) -> str:
    slug = re.sub(r"[^\w]+", "-", name.casefold()).strip("-")
    return slug[:40] or "snapshot"


def take_snapshot(essay: Essay, essay_path: Path | None, name: str) -> Snapshot:
    """Keep a named copy of `essay`; OSError (read-only folder, full disk) reaches the caller
    with nothing half-written."""
    name = " ".join(name.split())[:MAX_NAME] or "Snapshot"
    taken_at = datetime.now()
    folder = snapshots_dir(essay_path)
    folder.mkdir(parents=True, exist_ok=True)
    stem = f"{taken_at:%Y%m%d-%H%M%S}-{_slug(name)}"
    target = folder / f"{stem}{ESSAY_SUFFIX}"
    counter = 1
    while target.exists():
        counter += 1
        target = folder / f"{stem}-{counter}{ESSAY_SUFFIX}"
    extra = {"snapshot": {"name": name, "taken_at": taken_at.isoformat()}}
    replace_atomically(target, essay_file_bytes(essay, extra))
    return Snapshot(target, name, taken_at)


def list_snapshots(essay_path: Path | None) -> list[Snapshot]:
    """The essay's snapshots, newest first; unreadable files are skipped, never an error."""
    folder = snapshots_dir(essay_path)
    if not folder.is_dir():
        return []
    found = []
    for path in folder.glob(f"*{ESSAY_SUFFIX}"):
        try:
            info = json.loads(path.read_bytes())["snapshot"]
            found.append(
                Snapshot(path, str(info["name"]), datetime.fromisoformat(info["taken_at"]))
            )
        except (OSError, ValueError, KeyError, TypeError):
            continue
    return sorted(found, key=lambda s: (s.taken_at, s.path.name), reverse=True)


def load_snapshot(snapshot: Snapshot) -> Essay:
    """The essay as it was; EssayFileError (with a message) if the file went bad."""
    return load_essay(snapshot.path)


def delete_snapshot(snapshot: Snapshot) -> None:
    snapshot.path.unlink(missing_ok=True)


# -- comparison -----------------------------------------------------------------------------

Kind = Literal["same", "changed", "added", "removed"]
_TOKEN = re.compile(r"\s+|[^\s]+")


@dataclass(frozen=True, slots=True)
class Row:
    """One line of the side-by-side view: the old paragraph and the new, as (text, differs)
    pieces so the view can mark what changed."""

    kind: Kind
    old: tuple[tuple[str, bool], ...]
    new: tuple[tuple[str, bool], ...]


def _paragraphs(essay: Essay) -> list[str]:
    return [block.text.replace("\ufffc", "").strip() for block in essay.blocks]


def _word_diff(old: str, new: str) -> tuple[tuple[tuple[str, bool], ...], ...]:
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    left: list[tuple[str, bool]] = []
    right: list[tuple[str, bool]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if i2 > i1:
            left.append(("".join(a[i1:i2]), op != "equal"))
        if j2 > j1:
            right.append(("".join(b[j1:j2]), op != "equal"))
    return tuple(left), tuple(right)


def compare(old: Essay, new: Essay) -> list[Row]:
    a, b = _paragraphs(old), _paragraphs(new)
    rows: list[Row] = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            rows.extend(Row("same", ((p, False),), ((p, False),)) for p in a[i1:i2])
            continue
        old_part, new_part = a[i1:i2], b[j1:j2]
        for k in range(max(len(old_part), len(new_part))):
            if k < len(old_part) and k < len(new_part):
                left, right = _word_diff(old_part[k], new_part[k])
                rows.append(Row("changed", left, right))
            elif k < len(old_part):
                rows.append(Row("removed", ((old_part[k], True),), ()))
            else:
                rows.append(Row("added", (), ((new_part[k], True),)))
    return rows


__all__ = [
    "EssayFileError",
    "Row",
    "Snapshot",
    "compare",
    "delete_snapshot",
    "list_snapshots",
    "load_snapshot",
    "snapshots_dir",
    "take_snapshot",
]
