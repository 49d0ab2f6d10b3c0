"""A draft's metadata: the front matter's fields as the essay takes them, and the bibliography
files it names, loaded as Pandoc loads them (paths relative to the draft)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from assistant.essay.pandoc_ast import stringify

__all__ = ["load_bibliographies", "meta_string", "metadata_text"]

JSON = dict[str, Any]


def metadata_text(value: Any) -> str:
    """A metadata field (a string, or a list of them / of {name: ...}) as one string."""
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(t for t in (metadata_text(v) for v in value) if t)
    if isinstance(value, dict):
        if "name" in value or "literal" in value:
            return metadata_text(value.get("name", value.get("literal", "")))
        return " ".join(str(value[k]) for k in ("given", "family") if value.get(k))
    return str(value)


def meta_string(meta: JSON, key: str) -> str | None:
    value = meta.get(key)
    if value is None:
        return None
    if value["t"] == "MetaInlines":
        return stringify(value["c"])
    if value["t"] == "MetaString":
        return str(value["c"])
    if value["t"] == "MetaBlocks":
        return "\n\n".join(stringify(b["c"]) for b in value["c"] if b["t"] in ("Para", "Plain"))
    return None


def load_bibliographies(
    folder: Path, names: Iterable[str]
) -> tuple[dict[str, dict[str, Any]], list[str]]:
    """The items of a draft's `bibliography:` files (paths relative to the draft's `folder`, as
    Pandoc takes them), and a problem line for each file that cannot be read."""
    from assistant.library.errors import ImportFailed
    from assistant.library.metadata import read_metadata_file

    items: dict[str, dict[str, Any]] = {}
    problems: list[str] = []
    for name in names:
        path = (folder / Path(name).expanduser()).resolve()
        try:
            records = read_metadata_file(path)
        except (ImportFailed, OSError, ValueError) as error:
            problems.append(f"bibliography {name}: {getattr(error, 'reason', None) or error}")
            continue
        for record in records:
            if record.get("id") is not None:
                items.setdefault(str(record["id"]), record)
    return items, problems
