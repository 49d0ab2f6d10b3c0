"""RIS read as Zotero's RIS import translator reads it, then mapped to CSL-JSON as Zotero does.

The tag and type tables are the translator's own (`resources/zotero/ris-maps.json`, copied
from `RIS.js` in zotero/translators); the rules follow its import functions: `TY  -` with one
or two spaces, continuation lines joined, entries without `ER` or `TY` forgiven, `AU`/`A1`
both authors, deprecated tags (`JF`, `JO`, `T1`, `Y1`, `ED`, …) used only where no standard tag
filled the same field (so `T2` beats `JF`, and both beat the `JO` abbreviation), `PY` only
when `DA` gave no date, `SP`/`EP` joined into a page range, a value that does not fit the item
type dropped. The result is a Zotero item, converted by `zotero_csl.to_csl`.

Not reproduced: the translator's clean-ups for ProCite, EndNote and Citavi quirks, and the note
of unknown tags Zotero can be configured to keep (off by default there too).
"""

from __future__ import annotations

import functools
import html
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.library.errors import ImportFailed
from assistant.library.zotero_csl import (
    creator_types,
    field_is_valid,
    primary_creator_type,
    to_csl,
    type_field,
)
from assistant.paths import resources_dir

_TAG_LINE = re.compile(r"^([A-Z][A-Z0-9]) {1,2}-(?: (.*))?$")
_DEFAULT_TYPE = "journalArticle"
_DATE_FIELDS = {"date", "accessDate", "filingDate", "issueDate", "dateEnacted", "dateDecided"}
_DOI = re.compile(r"10(?:\.[0-9]{4,})?/[^\s]*[^\s.,]")
MAX_RIS_BYTES = 32 * 1024 * 1024


@functools.cache
def _maps() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        (resources_dir() / "zotero" / "ris-maps.json").read_text(encoding="utf-8")
    )
    return data


@dataclass
class RisTag:
    tag: str
    value: str


@dataclass
class RisRecord:
    """One RIS entry read as Zotero reads it: the Zotero item plus the record's own `ID`."""

    zotero: dict[str, Any]
    ris_id: str | None = None
    attachments: list[str] = field(default_factory=list)


def split_entries(text: str) -> list[list[RisTag]]:
    """Tag-value pairs per entry, with continuation lines joined as the translator does."""
    entries: list[list[RisTag]] = []
    current: list[RisTag] = []
    tag: RisTag | None = None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # Some sites break lines with LINE SEPARATOR; one space replaces it and a space beside it.
    text = re.sub(r"\s?[\u2028\u2029]|[\u2028\u2029]\s?", " ", text)
    max_length = max((len(line) for line in text.split("\n")), default=0)
    last_length = 0
    for line in text.split("\n"):
        match = _TAG_LINE.match(line.lstrip("\ufeff"))
        if match:
            tag = RisTag(match.group(1), match.group(2) or "")
            if tag.tag == "TY" and current:
                entries.append(current)
                current = []
            if tag.tag == "ER":
                if current:
                    entries.append(current)
                current, tag = [], None
                continue
            current.append(tag)
        elif tag is not None:
            clean = line.strip()
            if (
                tag.tag in ("AB", "N1", "N2", "RN")
                and (max_length > 85 or last_length < 65 or not clean)
            ) or tag.tag in ("KW", "L1", "L2", "L3"):
                tag.value += "\n" + clean
            else:
                tag.value += ("" if tag.value.endswith(" ") else " ") + clean
        last_length = len(line)
    if current:
        entries.append(current)
    return entries


@functools.cache
def _map_tag(item_type: str, tag: str) -> str | None:
    maps = _maps()
    for table in (maps["fieldMap"], maps["degenerateImportFieldMap"]):
        spec = table.get(tag)
        if isinstance(spec, str):
            return spec
        if isinstance(spec, dict):
            default, excluded, found = None, False, None
            for name, types in spec.items():
                if name == "__default":
                    default = types
                elif name == "__exclude":
                    excluded = item_type in types
                elif item_type in types:
                    found = name
                    break
            if not found and default and not excluded:
                found = default
            if found:
                return str(found)
    return None


def _is_deprecated(tag: str) -> bool:
    return tag in _maps()["degenerateImportFieldMap"]


def clean_doi(value: str) -> str | None:
    match = _DOI.search(value)
    return match.group(0) if match else None


def ris_date(value: str, zotero_field: str) -> str:
    """`dateRIStoZotero`: "YYYY/MM/DD/other" to "YYYY-MM-DD"; anything else is kept."""
    match = re.match(r"^(\d+)(?:/(\d{0,2})(?:/(\d{0,2})(?:(?:/|\s)([^/]*))?)?)?$", value)
    if not match:
        year = re.search(r"\b\d{4}\b", value)
        word = re.search(r"[A-Za-z]+", value)
        day = re.search(r"\b(?:[1-3]\d|[1-9])\b", value)
        if not year and word:
            return "0000 " + word.group(0) + (" " + day.group(0) if day else "")
        return value
    parts = [match.group(1), match.group(2), match.group(3)]
    kept: list[str] = []
    for part in parts:
        part = (part or "").lstrip("0")
        if not part:
            break
        kept.append(part)
    if not kept:
        return ""
    if zotero_field == "accessDate":
        month_text = kept[1] if len(kept) > 1 else "1"
        day_text = kept[2] if len(kept) > 2 else "1"
        return f"{kept[0].zfill(4)}-{month_text.zfill(2)}-{day_text.zfill(2)}"
    return "-".join([kept[0].zfill(4)] + [p.zfill(2) for p in kept[1:]])


def _new_item(item_type: str) -> dict[str, Any]:
    return {"itemType": item_type, "creators": [], "tags": [], "notes": [], "_backup": {}}


def _process(item: dict[str, Any], tag: RisTag, record: RisRecord, deferred: bool) -> bool:
    """Apply one tag; False when a deprecated tag must wait for the second pass."""
    value = tag.value.strip()
    if not value:
        return True
    if not deferred and _is_deprecated(tag.tag):
        return False
    if tag.tag == "ID":
        record.ris_id = record.ris_id or value
        return True
    item_type = item["itemType"]
    mapped = _map_tag(item_type, tag.tag) or "unknown"
    z_field, _, sub = mapped.partition("/")
    backup = item["_backup"]
    if tag.tag not in ("N1", "RN", "AB"):
        value = html.unescape(value)
    new_value: Any = value
    if tag.tag in ("N1", "RN"):
        if item.get("title") == value:
            return True
    elif tag.tag == "EP":
        pages = item.get("pages")
        if pages:
            if "-" not in pages:
                item["pages"] = f"{pages}-{value}"
            else:
                backup["numPages"] = value
        else:
            backup["endPage"] = value
        return True
    elif tag.tag == "M1" and z_field == "accessDate":
        backup["accessDate"] = ris_date(value, "accessDate")
        return True
    elif tag.tag == "M3" and z_field == "DOI":
        doi = clean_doi(value)
        if not doi:
            return True
        new_value = doi
    elif tag.tag == "VL" and z_field == "accessDate":
        backup.setdefault("accessDate", ris_date(value, "accessDate"))
        return True
    elif tag.tag == "PY":
        backup["date"] = (z_field, ris_date(value, z_field))
        return True
    elif tag.tag == "UR" and "PM:" in value:
        new_value, z_field = "PMID: " + value[3:], "extra"
    if z_field in ("__ignore", "unknown", "unsupported"):
        return True
    if z_field == "backupPublicationTitle":
        backup["publicationTitle"] = new_value
        return True
    if z_field == "creators":
        last = re.split(r"\s*,\s*", value)[0]
        first = re.sub(r"^\s*,\s*", "", value[len(last) :])
        creator: dict[str, Any] = {"lastName": last, "creatorType": sub}
        if first:
            creator["firstName"] = first
        else:
            creator["fieldMode"] = 1
        if sub not in creator_types(item_type):
            creator["creatorType"] = primary_creator_type(item_type) or "author"
        item["creators"].append(creator)
        return True
    if z_field == "attachments":
        record.attachments.extend(p.strip() for p in value.split("\n") if p.strip())
        return True
    if z_field == "tags":
        tags = [t for t in re.split(r"\s*(?:[\r\n]+\s*)+(?:%K\s+)?|\s*(?:;\s*)+", value) if t]
        item["tags"].extend(tags)
        return True
    if z_field == "notes":
        item["notes"].append(f"{sub}: {value}" if sub else value)
        return True
    if z_field in _DATE_FIELDS:
        new_value = ris_date(value, z_field)
    if z_field == "extra":
        item["extra"] = f"{item['extra']}\n{new_value}" if item.get("extra") else new_value
        return True
    if z_field == "DOI":
        new_value = clean_doi(new_value)
        if not new_value:
            return True
    # Stored under the name the table gives, as the translator does; `_complete` then maps
    # base fields to the type's own and drops what the type has no field for, as saving does.
    if not item.get(z_field):
        item[z_field] = new_value
    return True


def _complete(item: dict[str, Any]) -> dict[str, Any]:
    backup = item.pop("_backup")
    if backup.get("publicationTitle") and not item.get("publicationTitle"):
        item["publicationTitle"] = backup["publicationTitle"]
    if backup.get("numPages") and not item.get("numPages"):
        item["numPages"] = backup["numPages"]
    end = backup.get("endPage")
    if end:
        pages = item.get("pages")
        if not pages:
            item["pages"] = end
        elif "-" not in pages:
            item["pages"] = f"{pages}-{end}"
        elif not item.get("numPages"):
            item["numPages"] = end
    if "date" in backup:
        date_field, value = backup["date"]
        if not item.get(date_field):
            item[date_field] = value
        else:
            item[date_field] = re.sub(r"\b0000\b", value, item[date_field])
    if backup.get("accessDate") and not item.get("accessDate"):
        item["accessDate"] = backup["accessDate"]
    # Zotero keeps an access date only when it is a real date.
    if item.get("accessDate") and not re.match(r"^\d{4}-\d{2}-\d{2}", item["accessDate"]):
        del item["accessDate"]
    if item.get("DOI"):
        item["DOI"] = clean_doi(item["DOI"]) or item["DOI"]
    if item.get("journalAbbreviation") and not item.get("publicationTitle"):
        item["publicationTitle"] = item["journalAbbreviation"]
    if item.get("shortTitle") and not item.get("title"):
        item["title"] = item["shortTitle"]
    if len(item["tags"]) == 1:
        item["tags"] = [t for t in re.split(r"\s*(?:,\s*)+", item["tags"][0]) if t]
    return _fit_to_type(item)


_ITEM_KEYS = frozenset({"itemType", "creators", "tags", "notes"})


def _fit_to_type(item: dict[str, Any]) -> dict[str, Any]:
    """What saving the item in Zotero keeps: a base field's value moves to the type's own
    field (and wins over a value already there); fields the type lacks are dropped."""
    item_type = item["itemType"]
    fitted: dict[str, Any] = {}
    base_values: dict[str, Any] = {}
    for key, value in item.items():
        if key in _ITEM_KEYS:
            fitted[key] = value
        elif not value:
            continue
        elif type_field(item_type, key) != key:
            base_values[type_field(item_type, key)] = value
        elif field_is_valid(item_type, key):
            fitted[key] = value
    fitted.update(base_values)
    title = fitted.get(type_field(item_type, "title"))
    if fitted.get("shortTitle") and fitted["shortTitle"] == title:
        del fitted["shortTitle"]  # Zotero keeps no short title that is the title itself
    return fitted


def _clean_entry(entry: list[RisTag]) -> list[RisTag]:
    """The translator's EndNote and Citavi clean-ups (its ProCite one is not reproduced)."""
    tags = [t.tag for t in entry]
    if any(t.tag == "TY" and t.value.strip() == "EDBOOK" for t in entry):
        # EndNote writes the editors of an edited book as its authors.
        entry = [RisTag("A3", t.value) if t.tag == "AU" else t for t in entry]
    if "CN" not in tags and "DP" not in tags and ("H1" in tags or "H2" in tags):
        # Citavi lists each library (H1) with its call number (H2); Zotero keeps the first.
        entry = list(entry)
        if "H1" not in tags:
            at = tags.index("H2")
            entry[at] = RisTag("CN", entry[at].value)
        else:
            for i in range(len(entry) - 1):
                if entry[i].tag == "H1" and entry[i + 1].tag == "H2":
                    entry[i] = RisTag("DP", entry[i].value)
                    entry[i + 1] = RisTag("CN", entry[i + 1].value)
                    break
    return entry


def read_ris_text(text: str) -> list[RisRecord]:
    type_map: dict[str, str] = _maps()["importTypeMap"]
    records = []
    for entry in split_entries(text):
        entry = _clean_entry(entry)
        ty = next((t.value.strip().upper() for t in entry if t.tag == "TY"), "")
        item_type = type_map.get(ty, _DEFAULT_TYPE)
        item = _new_item(item_type)
        record = RisRecord(zotero=item)
        deferred = []
        for tag in entry:
            if tag.tag in ("TY", "ER"):
                continue
            if not _process(item, tag, record, deferred=False):
                deferred.append(tag)
        for tag in deferred:
            _process(item, tag, record, deferred=True)
        record.zotero = _complete(item)
        records.append(record)
    return records


def ris_items(records: list[RisRecord]) -> list[dict[str, Any]]:
    """CSL-JSON items of RIS records; a record's `ID` is its id, others get none yet."""
    items = []
    for record in records:
        item = to_csl(record.zotero)
        if record.ris_id:
            item["id"] = record.ris_id
        items.append(item)
    return items


def read_ris(path: Path) -> list[dict[str, Any]]:
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_RIS_BYTES:
            raise ImportFailed(path.name, "the RIS file is over 32 MB; split it up.")
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportFailed(path.name, "the file is not UTF-8 text.") from error
    except OSError as error:
        raise ImportFailed(path.name, f"the file cannot be read ({error.strerror}).") from error
    records = read_ris_text(text)
    if not records:
        raise ImportFailed(
            path.name, "no RIS record found (records start with a line like 'TY  - JOUR')."
        )
    return ris_items(records)
