"""CSL-JSON metadata: validation and conversion from Zotero's BibTeX and RIS exports."""

from __future__ import annotations

import json
import re
import unicodedata
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


def _names(value: str) -> list[dict[str, str]]:
    """BibTeX/RIS names: "Family, Given" or "Given Family", joined by " and "."""
    names = []
    for raw in re.split(r"\s+and\s+", value.strip()) if value else []:
        raw = raw.strip().strip("{}")
        if not raw:
            continue
        if "," in raw:
            family, given = (part.strip() for part in raw.split(",", 1))
        elif raw.startswith("{") or " " not in raw:
            family, given = raw.strip("{}"), ""
        else:
            given, family = raw.rsplit(" ", 1)
        name = {"family": family.strip("{} ")}
        if given:
            name["given"] = given.strip("{} ")
        names.append(name)
    return names


def _year_issued(value: Any) -> dict[str, Any] | None:
    match = re.search(r"\d{4}", str(value or ""))
    return {"date-parts": [[int(match.group())]]} if match else None


# --------------------------------------------------------------------------------------------
# CSL-JSON


def read_csl_json(path: Path) -> list[dict[str, Any]]:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8-sig"))
    except UnicodeDecodeError as error:
        raise ImportFailed(path.name, "the file is not UTF-8 text.") from error
    except json.JSONDecodeError as error:
        raise ImportFailed(
            path.name, f"not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})."
        ) from error
    if isinstance(data, dict) and "items" in data:
        data = data["items"]
    if isinstance(data, dict):
        data = [data]
    if not isinstance(data, list):
        raise ImportFailed(path.name, "CSL-JSON must be an array of items.")
    return data


# --------------------------------------------------------------------------------------------
# BibTeX

_BIB_TYPES = {
    "article": "article-journal",
    "book": "book",
    "inbook": "chapter",
    "incollection": "chapter",
    "inproceedings": "paper-conference",
    "conference": "paper-conference",
    "phdthesis": "thesis",
    "mastersthesis": "thesis",
    "thesis": "thesis",
    "techreport": "report",
    "report": "report",
    "online": "webpage",
    "misc": "document",
    "unpublished": "manuscript",
}
_BIB_FIELDS = {
    "title": "title",
    "shorttitle": "title-short",
    "journal": "container-title",
    "journaltitle": "container-title",
    "booktitle": "container-title",
    "volume": "volume",
    "number": "issue",
    "pages": "page",
    "publisher": "publisher",
    "address": "publisher-place",
    "location": "publisher-place",
    "school": "publisher",
    "institution": "publisher",
    "url": "URL",
    "doi": "DOI",
    "isbn": "ISBN",
    "note": "note",
    "edition": "edition",
    "series": "collection-title",
    "abstract": "abstract",
}


def _bib_value(value: str) -> str:
    value = re.sub(r"\\[a-zA-Z]+\s*\{([^{}]*)\}", r"\1", value)  # \emph{x} -> x
    value = value.replace("{", "").replace("}", "").replace("--", "–")
    return re.sub(r"\s+", " ", value).strip()


def read_bibtex(path: Path) -> list[dict[str, Any]]:
    import bibtexparser

    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportFailed(path.name, "the file is not UTF-8 text.") from error
    library = bibtexparser.parse_string(text)
    if not library.entries:
        if library.failed_blocks:
            raise ImportFailed(path.name, "no BibTeX entry could be read; is it a .bib file?")
        raise ImportFailed(path.name, "the file holds no BibTeX entries.")
    items = []
    for entry in library.entries:
        fields = {field.key.lower(): str(field.value) for field in entry.fields}
        item: dict[str, Any] = {
            "id": entry.key,
            "type": _BIB_TYPES.get(entry.entry_type.lower(), "document"),
        }
        for bib_key, csl_key in _BIB_FIELDS.items():
            if bib_key in fields and csl_key not in item:
                item[csl_key] = _bib_value(fields[bib_key])
        for role in ("author", "editor", "translator"):
            if role in fields:
                item[role] = _names(_bib_value(fields[role]))
        issued = _year_issued(fields.get("year") or fields.get("date"))
        if issued:
            item["issued"] = issued
        if entry.entry_type.lower() == "mastersthesis":
            item.setdefault("genre", "Master's thesis")
        elif entry.entry_type.lower() == "phdthesis":
            item.setdefault("genre", "PhD diss.")
        items.append(item)
    return items


# --------------------------------------------------------------------------------------------
# RIS

_RIS_TYPES = {
    "JOUR": "article-journal",
    "EJOUR": "article-journal",
    "MGZN": "article-magazine",
    "NEWS": "article-newspaper",
    "BOOK": "book",
    "EBOOK": "book",
    "CHAP": "chapter",
    "ECHAP": "chapter",
    "THES": "thesis",
    "CONF": "paper-conference",
    "CPAPER": "paper-conference",
    "RPRT": "report",
    "ELEC": "webpage",
    "MANSCPT": "manuscript",
    "GEN": "document",
}


def read_ris(path: Path) -> list[dict[str, Any]]:
    import rispy

    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportFailed(path.name, "the file is not UTF-8 text.") from error
    try:
        records = rispy.loads(text)
    except Exception as error:  # rispy raises IOError/ValueError variants for bad files
        raise ImportFailed(path.name, f"not a valid RIS file ({error}).") from error
    if not records:
        raise ImportFailed(path.name, "the file holds no RIS records.")
    items = []
    for record in records:
        item: dict[str, Any] = {
            "type": _RIS_TYPES.get(str(record.get("type_of_reference", "GEN")), "document")
        }
        title = record.get("title") or record.get("primary_title")
        if title:
            item["title"] = title
        container = (
            record.get("journal_name")
            or record.get("secondary_title")
            or record.get("alternate_title3")
        )
        if container:
            item["container-title"] = container
        authors = record.get("authors") or record.get("first_authors") or []
        if authors:
            item["author"] = [name for a in authors for name in _names(a)]
        editors = record.get("secondary_authors") or record.get("editors") or []
        if editors:
            item["editor"] = [name for a in editors for name in _names(a)]
        issued = _year_issued(record.get("year") or record.get("publication_year"))
        if issued:
            item["issued"] = issued
        for ris_key, csl_key in (
            ("volume", "volume"),
            ("number", "issue"),
            ("publisher", "publisher"),
            ("place_published", "publisher-place"),
            ("doi", "DOI"),
            ("abstract", "abstract"),
        ):
            if record.get(ris_key):
                item[csl_key] = str(record[ris_key])
        if record.get("start_page"):
            end = record.get("end_page")
            item["page"] = f"{record['start_page']}–{end}" if end else str(record["start_page"])
        urls = record.get("urls") or []
        if urls:
            item["URL"] = urls[0]
        given_id = record.get("id")
        if given_id:
            item["id"] = str(given_id)
        items.append(item)
    return items


def generated_id(item: dict[str, Any]) -> str:
    """An id in the style of the bundled corpus: first author's family name and year."""
    authors = item.get("author") or []
    family = authors[0].get("family", "") if authors and isinstance(authors[0], dict) else ""
    year = ""
    issued = item.get("issued")
    if isinstance(issued, dict):
        try:
            year = str(issued["date-parts"][0][0])
        except (KeyError, IndexError, TypeError):
            year = ""
    base = "-".join(part for part in (family, year) if part)
    return slugify(base or str(item.get("title", "")))


def read_metadata_file(path: Path) -> list[dict[str, Any]]:
    """Read CSL-JSON, BibTeX or RIS by extension into CSL-JSON items (ids may be missing)."""
    suffix = path.suffix.lower()
    if not path.is_file():
        raise ImportFailed(path.name, "the file does not exist.")
    if suffix == ".json":
        return read_csl_json(path)
    if suffix in (".bib", ".bibtex"):
        return read_bibtex(path)
    if suffix in (".ris", ".txt"):
        return read_ris(path)
    raise ImportFailed(
        path.name, "unknown metadata format; export CSL-JSON (.json), BibTeX (.bib) or RIS (.ris)."
    )
