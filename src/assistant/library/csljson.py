"""CSL-JSON files, checked against the official CSL-data JSON schema.

The schema is `resources/csl/csl-data.json` (citation-style-language/schema), validated with
the `jsonschema` library. Two relaxations, both so that nothing the writer has is refused:
fields the schema does not name are kept (Zotero, Better BibTeX and citeproc-js write some),
and an item without an `id` is accepted because the import gives it one.
"""

from __future__ import annotations

import copy
import functools
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.library.errors import ImportFailed
from assistant.paths import resources_dir

MAX_JSON_BYTES = 64 * 1024 * 1024


@functools.cache
def _validator() -> Any:
    import jsonschema

    schema = json.loads((resources_dir() / "csl" / "csl-data.json").read_text(encoding="utf-8"))
    item_schema = copy.deepcopy(schema["items"])
    item_schema.pop("additionalProperties", None)
    item_schema["required"] = [r for r in item_schema.get("required", []) if r != "id"]
    for definition in schema.get("definitions", {}).values():
        for option in definition.get("anyOf", []):
            option.pop("additionalProperties", None)
    item_schema["definitions"] = schema["definitions"]
    validator_class = jsonschema.validators.validator_for(schema)
    return validator_class(item_schema)


def _where(error: Any) -> str:
    path = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in error.absolute_path)
    return path.lstrip(".") or "the item"


def item_errors(item: Any) -> list[str]:
    """Why an item does not fit the CSL-data schema (empty when it does)."""
    errors = sorted(_validator().iter_errors(item), key=lambda e: list(e.absolute_path))
    messages = []
    for error in errors[:3]:
        message = error.message
        if error.validator == "anyOf":
            message = "is not a CSL name or date of the right shape"
        elif error.validator == "enum":
            message = f"{error.instance!r} is not a CSL type"
        messages.append(f"{_where(error)}: {message}")
    return messages


@dataclass
class CslResult:
    items: list[dict[str, Any]]
    problems: list[str] = field(default_factory=list)


def read_csl_json_text(text: str, name: str) -> CslResult:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ImportFailed(
            name, f"not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})."
        ) from error
    if isinstance(data, dict) and isinstance(data.get("items"), list):
        data = data["items"]
    if isinstance(data, dict):
        data = [data]
    if not isinstance(data, list):
        raise ImportFailed(name, "CSL-JSON must be an array of items.")
    items: list[dict[str, Any]] = []
    problems: list[str] = []
    for position, item in enumerate(data, start=1):
        errors = item_errors(item)
        if errors:
            label = item.get("id") if isinstance(item, dict) else None
            where = f"item {position}" + (f" ('{label}')" if label else "")
            problems.append(f"{where} is not valid CSL-JSON: " + "; ".join(errors))
            continue
        if "id" in item and not isinstance(item["id"], str):
            item = {**item, "id": str(item["id"])}
        items.append(item)
    return CslResult(items, problems)


def read_csl_json(path: Path) -> CslResult:
    path = Path(path)
    try:
        if path.stat().st_size > MAX_JSON_BYTES:
            raise ImportFailed(path.name, "the file is over 64 MB; split it up.")
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportFailed(path.name, "the file is not UTF-8 text.") from error
    except OSError as error:
        raise ImportFailed(path.name, f"the file cannot be read ({error.strerror}).") from error
    return read_csl_json_text(text, path.name)
