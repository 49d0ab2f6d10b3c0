"""CSL-JSON metadata: validation, ids, and reading an export file by its format.

Each format has its reader: BibTeX/BibLaTeX by Pandoc (`bibtex`), RIS as Zotero's translator
reads it (`ris`), CSL-JSON checked against the CSL schema (`csljson`); a Zotero database is
read by `zotero`. Records without an id get one here, from the first author's family name and
the year, the same way for the command line and the Library.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.library.errors import ImportFailed
from assistant.library.ids import id_problem

_STRING_FIELDS = ("type", "title", "title-short", "container-title", "publisher", "page", "URL")
_NAME_FIELDS = ("author", "editor", "translator")


def validate_item(item: Any) -> str | None:
    """Why a CSL-JSON item cannot be used, or None when it is usable."""
    if not isinstance(item, dict):
        return f'an entry is a {type(item).__name__}, not an object with an "id".'
    if "id" not in item:
        title = item.get("title")
        hint = f" (title {title!r})" if isinstance(title, str) else ""
        return f'an entry{hint} has no "id"; the id must be the document file\'s name.'
    id_reason = id_problem(item["id"])
    if id_reason:
        return id_reason
    for key in _STRING_FIELDS:
        if key in item and not isinstance(item[key], str | int | float):
            return f"'{item['id']}': \"{key}\" must be text, not {type(item[key]).__name__}."
    for key in _NAME_FIELDS:
        if key in item:
            names = item[key]
            if not isinstance(names, list) or not all(isinstance(n, dict) for n in names):
                return f'\'{item["id"]}\': "{key}" must be a list of names like {{"family": ...}}.'
    if "issued" in item and not isinstance(item["issued"], dict):
        return f'\'{item["id"]}\': "issued" must be an object like {{"date-parts": [[1996]]}}.'
    return None


def slugify(text: str) -> str:
    """A file-name-safe id: lowercase ASCII words joined by hyphens."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:60].strip("-") or "source"


def unique_id(base: str, taken: set[str]) -> str:
    candidate, n = base, 2
    while candidate in taken:
        candidate = f"{base}-{n}"
        n += 1
    return candidate


def generated_id(item: dict[str, Any]) -> str:
    """An id in the style of the bundled corpus: first author's family name and year."""
    names = item.get("author") or item.get("editor") or []
    first = names[0] if names and isinstance(names[0], dict) else {}
    family = str(first.get("family") or first.get("literal") or "")
    year = ""
    issued = item.get("issued")
    if isinstance(issued, dict):
        try:
            year = str(issued["date-parts"][0][0])
        except (KeyError, IndexError, TypeError):
            year = ""
    base = "-".join(part for part in (family, year) if part)
    return slugify(base or str(item.get("title", "")))


def fingerprint(item: dict[str, Any]) -> str:
    """A stable identity for a record that has no key of its own (RIS without `ID`)."""
    names = item.get("author") or item.get("editor") or []
    first = names[0] if names and isinstance(names[0], dict) else {}
    issued = item.get("issued") if isinstance(item.get("issued"), dict) else {}
    parts = [
        str(item.get("type", "")),
        str(item.get("title", "")).casefold(),
        str(first.get("family") or first.get("literal") or "").casefold(),
        json.dumps(issued.get("date-parts", ""), sort_keys=True) if issued else "",
    ]
    return "fp:" + hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


@dataclass
class ExportRead:
    """An export file's records, ids given, with what could not be used."""

    kind: str  # "bibtex", "ris" or "csl-json"
    items: list[dict[str, Any]]
    # Per item, the identity it has in its file: its own key, or a fingerprint when the record
    # had no key and its id was generated.
    origins: list[str]
    generated: list[bool]
    problems: list[str] = field(default_factory=list)


EXPORT_SUFFIXES = {".json": "csl-json", ".bib": "bibtex", ".bibtex": "bibtex", ".ris": "ris"}


def export_kind(path: Path) -> str | None:
    return EXPORT_SUFFIXES.get(Path(path).suffix.lower())


def read_export(path: Path) -> ExportRead:
    """Read CSL-JSON, BibTeX or RIS by extension; records without an id get a generated one."""
    path = Path(path)
    kind = export_kind(path)
    if kind is None and path.suffix.lower() == ".txt":
        kind = "ris"  # some databases export RIS as .txt
    if kind is None:
        raise ImportFailed(
            path.name,
            "unknown metadata format; export CSL-JSON (.json), BibTeX (.bib) or RIS (.ris).",
        )
    if not path.is_file():
        raise ImportFailed(path.name, "the file does not exist.")
    problems: list[str] = []
    items: list[dict[str, Any]]
    if kind == "csl-json":
        from assistant.library.csljson import read_csl_json

        csl = read_csl_json(path)
        items, problems = csl.items, csl.problems
    elif kind == "bibtex":
        from assistant.library.bibtex import read_bibtex

        bib = read_bibtex(path)
        items, problems = bib.items, bib.problems
    else:
        from assistant.library.ris import read_ris

        items = read_ris(path)
    if not items and problems:
        raise ImportFailed(path.name, "no usable record. " + " ".join(problems[:3]))
    return with_ids(kind, items, problems)


def with_ids(kind: str, items: list[dict[str, Any]], problems: list[str]) -> ExportRead:
    """Give each record without an id one, unique within the file."""
    taken = {str(i["id"]) for i in items if isinstance(i, dict) and i.get("id")}
    origins: list[str] = []
    generated: list[bool] = []
    result: list[dict[str, Any]] = []
    for item in items:
        if item.get("id") and str(item["id"]).strip():
            origins.append(str(item["id"]))
            generated.append(False)
            result.append(item)
            continue
        new_id = unique_id(generated_id(item), taken)
        taken.add(new_id)
        origins.append(fingerprint(item))
        generated.append(True)
        result.append({"id": new_id, **item})
    return ExportRead(kind, result, origins, generated, problems)


def read_metadata_file(path: Path, problems: list[str] | None = None) -> list[dict[str, Any]]:
    """The items of a CSL-JSON, BibTeX or RIS file, every one with an id.

    What was left out, and ids used twice (the first is the one cited, as in the Library's
    import), are added to `problems` for the caller to report.
    """
    export = read_export(path)
    if problems is not None:
        problems.extend(f"{Path(path).name}: {p}" for p in export.problems)
        seen: set[str] = set()
        for item in export.items:
            if item["id"] in seen:
                problems.append(
                    f"{Path(path).name}: the id '{item['id']}' appears twice; the first is used."
                )
            seen.add(item["id"])
    return export.items
