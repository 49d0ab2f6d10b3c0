"""Zotero items to CSL-JSON, mapped the way Zotero's own CSL-JSON export maps them.

A Zotero item here is the shape of Zotero's export format: `itemType`, one key per field
(`title`, `bookTitle`, `date`...), `creators` (`firstName`/`lastName`, or `lastName` alone with
`fieldMode` 1 for one-field names), and `notes` (HTML). The Zotero database reader and the RIS
reader both produce it, so both convert to CSL-JSON through the one mapping here.

The mapping tables are Zotero's own (`resources/zotero/schema.json`, the `csl` section of
Zotero's global schema); the rules applied to them follow `itemToCSLJSON` in Zotero's
`utilities_item.js`: for each CSL variable the first non-empty Zotero field wins, a base field
is looked up under the item type's own name for it (`publicationTitle` is `bookTitle` in a book
section), only the first ISBN is kept, enclosing quotes are stripped, the primary creator type
becomes `author` when it has no mapping of its own, and one-field names become literals.
"""

from __future__ import annotations

import functools
import html
import json
import re
from html.parser import HTMLParser
from typing import Any

from assistant.paths import resources_dir

# CSL variables that CSL-JSON stores as dates (the rest of Zotero's mapped fields are text).
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_SEASONS = {"spring": 1, "summer": 2, "autumn": 3, "fall": 3, "winter": 4}


@functools.cache
def schema() -> dict[str, Any]:
    """Zotero's global schema (item types, fields, creator types, CSL mappings)."""
    path = resources_dir() / "zotero" / "schema.json"
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


@functools.cache
def _types() -> dict[str, dict[str, Any]]:
    """Per item type: its fields, base field → own field, own field → base, creator types."""
    types: dict[str, dict[str, Any]] = {}
    for entry in schema()["itemTypes"]:
        fields = [f["field"] for f in entry["fields"]]
        by_base = {f["baseField"]: f["field"] for f in entry["fields"] if "baseField" in f}
        creators = [c["creatorType"] for c in entry.get("creatorTypes", [])]
        primary = next(
            (c["creatorType"] for c in entry.get("creatorTypes", []) if c.get("primary")),
            creators[0] if creators else None,
        )
        types[entry["itemType"]] = {
            "fields": set(fields),
            "by_base": by_base,
            "creators": creators,
            "primary": primary,
        }
    return types


@functools.cache
def csl_type_of() -> dict[str, str]:
    """Zotero item type → CSL type."""
    mapping: dict[str, str] = {}
    for csl_type, zotero_types in schema()["csl"]["types"].items():
        for zotero_type in zotero_types:
            mapping.setdefault(zotero_type, csl_type)
    return mapping


def item_types() -> list[str]:
    return list(_types())


def field_is_valid(item_type: str, field: str) -> bool:
    """Whether `field` (a base field or the type's own name for one) belongs to the type."""
    info = _types().get(item_type)
    if info is None:
        return False
    return field in info["fields"] or field in info["by_base"]


def type_field(item_type: str, field: str) -> str:
    """The item type's own name for a base field (`publicationTitle` → `bookTitle`)."""
    info = _types().get(item_type)
    if info is None:
        return field
    return str(info["by_base"].get(field, field))


def primary_creator_type(item_type: str) -> str | None:
    info = _types().get(item_type)
    return info["primary"] if info else None


def creator_types(item_type: str) -> list[str]:
    info = _types().get(item_type)
    return list(info["creators"]) if info else []


# --------------------------------------------------------------------------------------------
# Values


def parse_date(value: str) -> dict[str, Any] | None:
    """A Zotero date string as CSL date-parts (a literal when no year can be found).

    Zotero stores dates as "YYYY-MM-DD original text" with 00 for unknown parts; RIS import
    and hand-typed exports give ISO dates or free text ("June 5, 1950", "Spring 1998").
    """
    value = value.strip()
    if not value:
        return None
    stored = re.match(r"^(\d{4})-(\d{2})-(\d{2})(?:[ T]|$)", value)
    if stored:
        parts = [int(p) for p in stored.groups()]
        if parts[0] == 0:
            rest = value[10:].strip()
            return parse_date(rest) if rest and rest != value else None
        date_parts = [parts[0]]
        if parts[1]:
            date_parts.append(parts[1])
            if parts[2]:
                date_parts.append(parts[2])
        return {"date-parts": [date_parts]}
    iso = re.match(r"^(\d{4})(?:-(\d{1,2}))?$", value)
    if iso:
        year_month = [int(iso.group(1))] + ([int(iso.group(2))] if iso.group(2) else [])
        return {"date-parts": [year_month]}
    year_match = re.search(r"(?<!\d)(\d{4}|\d{3})(?!\d)", value)
    if not year_match:
        return {"literal": value}
    year = int(year_match.group(1))
    rest = (value[: year_match.start()] + " " + value[year_match.end() :]).lower()
    month = None
    season = None
    for word in re.findall(r"[a-z]+", rest):
        if word in _MONTHS and month is None:
            month = _MONTHS[word]
        elif word in _SEASONS and season is None:
            season = _SEASONS[word]
    numeric = re.match(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$", value)
    if numeric and month is None:
        # Zotero reads "05/06/1950" month first, as US dates are written.
        us_month, us_day = int(numeric.group(1)), int(numeric.group(2))
        return {"date-parts": [[year, us_month, us_day] if 1 <= us_month <= 12 else [year]]}
    result: dict[str, Any]
    if month:
        day_match = re.search(r"(?<!\d)(\d{1,2})(?:st|nd|rd|th)?(?!\d)", rest)
        day = int(day_match.group(1)) if day_match else 0
        parts = [year, month] + ([day] if 1 <= day <= 31 else [])
        result = {"date-parts": [parts]}
    else:
        result = {"date-parts": [[year]]}
        if season:
            result["season"] = season
    return result


class _TextOfHTML(HTMLParser):
    _BLOCKS = frozenset({"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def note_text(note_html: str) -> str:
    """A Zotero note (HTML) as plain text, one paragraph per line."""
    if "<" not in note_html:
        return html.unescape(note_html).strip()
    parser = _TextOfHTML()
    parser.feed(note_html)
    parser.close()
    lines = [
        re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in "".join(parser.parts).split("\n")
    ]
    return "\n".join(line for line in lines if line)


_PARTICLE_WORD = re.compile(r"^(?:[a-z\u00e0-\u00ff][\w\u00e0-\u00ff]*['’]?|[a-z]+['’-])$")


def _split_particles(name: dict[str, str]) -> None:
    """Lowercase particles out of family and given names ("van Gennep", "Ludwig van")."""
    family = name.get("family", "")
    words = family.split(" ")
    particles = []
    while len(words) > 1 and _PARTICLE_WORD.match(words[0]):
        particles.append(words.pop(0))
    if particles:
        name["non-dropping-particle"] = " ".join(particles)
        name["family"] = " ".join(words)
    given = name.get("given", "")
    words = given.split(" ")
    trailing: list[str] = []
    while len(words) > 1 and _PARTICLE_WORD.match(words[-1]) and not words[-1].endswith("."):
        trailing.insert(0, words.pop())
    if trailing:
        name["dropping-particle"] = " ".join(trailing)
        name["given"] = " ".join(words)


def creator_to_name(creator: dict[str, Any]) -> dict[str, str] | None:
    last = str(creator.get("lastName") or "").strip()
    first = str(creator.get("firstName") or "").strip()
    if creator.get("name") or (creator.get("fieldMode") == 1 and last and not first):
        return {"literal": str(creator.get("name") or last)}
    if not (last or first):
        return None
    name = {"family": last, "given": first}
    if last and first:
        if len(last) > 1 and last.startswith('"') and last.endswith('"'):
            name["family"] = last[1:-1]
        else:
            _split_particles(name)
    return {k: v for k, v in name.items() if v}


# --------------------------------------------------------------------------------------------
# Extra


_CITATION_KEY_LINE = re.compile(r"^\s*Citation Key\s*:\s*(\S.*?)\s*$", re.IGNORECASE | re.MULTILINE)


def citation_key_from_extra(extra: str) -> str | None:
    """Better BibTeX's `Citation Key: …` line in Extra, when there is one."""
    match = _CITATION_KEY_LINE.search(extra or "")
    return match.group(1) if match else None


@functools.cache
def _csl_variables() -> dict[str, str]:
    """CSL variable names by their normalised spelling ("original date" → "original-date")."""
    path = resources_dir() / "csl" / "csl-data.json"
    properties = json.loads(path.read_text(encoding="utf-8"))["items"]["properties"]
    names = {re.sub(r"[\s_-]+", "-", key.lower()): key for key in properties}
    names.pop("id", None)
    names.pop("type", None)
    return names


_DATE_VARIABLES = frozenset(
    {"accessed", "available-date", "event-date", "issued", "original-date", "submitted"}
)


def _apply_extra(item: dict[str, Any], extra: str) -> str:
    """Apply Extra's `Variable: value` lines (Zotero's way to hold CSL variables it has no
    field for) and return what is left for the note."""
    variables = _csl_variables()
    kept = []
    for line in extra.splitlines():
        match = re.match(r"^\s*([A-Za-z][A-Za-z _-]*?)\s*:\s*(.+?)\s*$", line)
        key = re.sub(r"[\s_-]+", "-", match.group(1).lower()) if match else ""
        if match and key == "citation-key":
            item.setdefault("citation-key", match.group(2))
            continue
        if match and key in variables and variables[key] not in item:
            name, value = variables[key], match.group(2)
            if name in _DATE_VARIABLES:
                date = parse_date(value)
                if date:
                    item[name] = date
                    continue
            elif name not in ("author", "editor") and not name.endswith("-author"):
                item[name] = value
                continue
        kept.append(line)
    return "\n".join(kept).strip()


# --------------------------------------------------------------------------------------------
# The conversion


@functools.cache
def _text_plan(item_type: str) -> tuple[tuple[str, tuple[tuple[str, str], ...]], ...]:
    """Per CSL text variable, its Zotero fields in order with the type's own name for each."""
    plan = []
    for variable, fields in schema()["csl"]["fields"]["text"].items():
        if variable == "shortTitle":  # Zotero reads both spellings but writes title-short
            continue
        plan.append((variable, tuple((f, type_field(item_type, f)) for f in fields)))
    return tuple(plan)


def to_csl(zitem: dict[str, Any]) -> dict[str, Any]:
    """A Zotero item (export format) as a CSL-JSON item without an id."""
    item_type = str(zitem.get("itemType") or "document")
    mappings = schema()["csl"]
    csl: dict[str, Any] = {"type": csl_type_of().get(item_type, "document")}
    extra = ""
    for variable, fields in _text_plan(item_type):
        for field, own in fields:
            value = zitem.get(field)
            if not value and own != field:
                value = zitem.get(own)
            if isinstance(value, int | float) and not isinstance(value, bool):
                value = str(value)  # the database holds text; exports may give numbers
            if not value or not isinstance(value, str):
                continue
            if field == "ISBN":
                isbn = re.match(r"^(?:97[89]-?)?(?:\d-?){9}[\dx](?!-)\b", value, re.IGNORECASE)
                if isbn:
                    value = isbn.group(0)
            if field == "extra":
                extra = value
                break
            if value.startswith('"') and value.find('"', 1) == len(value) - 1:
                value = value[1:-1]
            csl[variable] = value
            break
    primary = primary_creator_type(item_type)
    for creator in zitem.get("creators") or []:
        creator_type = str(creator.get("creatorType") or primary or "author")
        csl_role = mappings["names"].get(creator_type)
        if not csl_role and creator_type == primary:
            csl_role = "author"
        if not csl_role:
            continue
        name = creator_to_name(creator)
        if name:
            csl.setdefault(csl_role, []).append(name)
    for variable, field in mappings["fields"]["date"].items():
        value = zitem.get(field) or zitem.get(type_field(item_type, field))
        if value and isinstance(value, str):
            date = parse_date(value)
            if date:
                csl[variable] = date
    if extra:
        note = _apply_extra(csl, extra)
        if note:
            csl["note"] = note
    notes = [note_text(n) for n in zitem.get("notes") or [] if isinstance(n, str)]
    notes = [n for n in notes if n]
    if notes:
        csl["zotero-notes"] = notes  # importing.NOTES_FIELD: kept with the source, not exported
    return csl
