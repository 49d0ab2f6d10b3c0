"""Read a Zotero library straight from its database, `zotero.sqlite`, without changing it.

The database is opened read-only and immutable (`file:…?mode=ro&immutable=1`), which is how it
can be read while Zotero is running: Zotero holds it under an exclusive lock, and an immutable
reader neither takes nor waits for locks. Nothing is ever written to the data directory.

What is read: every regular item not in the trash (or only those of one collection and its
subcollections), with its fields, creators (two-field and one-field names), child notes and
its first document attachment: a stored file (`storage:<name>` in `storage/<attachment key>/`)
or a linked file (an absolute path, or `attachments:<path>` under the linked-attachment base
directory set in Zotero's preferences). Items become CSL-JSON through `zotero_csl`, Zotero's
own CSL mapping. Ids are the citation key (Zotero 7's `citationKey` field, or Better
BibTeX's `Citation Key:` line in Extra, or the key Better BibTeX keeps in its own database),
else generated from author and year.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.library.errors import ImportFailed
from assistant.library.importers import SUPPORTED_SUFFIXES
from assistant.library.importing import ImportRecord
from assistant.library.metadata import generated_id
from assistant.library.zotero_csl import citation_key_from_extra, to_csl

DATABASE_NAME = "zotero.sqlite"
# Item types that are parts of other items, never sources of their own.
_CHILD_TYPES = ("note", "attachment", "annotation")
# Zotero.Attachments link modes.
_IMPORTED_FILE, _IMPORTED_URL, _LINKED_FILE = 0, 1, 2
_BASE_PLACEHOLDER = "attachments:"


@dataclass
class ZoteroLibrary:
    """What one read of a Zotero database gave."""

    database: Path
    records: list[ImportRecord]
    problems: list[str] = field(default_factory=list)
    collection: str | None = None


# --------------------------------------------------------------------------------------------
# Finding the library


def _profile_prefs() -> list[Path]:
    """Zotero's prefs.js files in the usual profile folders of this platform."""
    home = Path.home()
    roots = [
        home / ".zotero" / "zotero",
        home / "Library" / "Application Support" / "Zotero" / "Profiles",
        Path(os.environ.get("APPDATA", home / "AppData" / "Roaming"))
        / "Zotero"
        / "Zotero"
        / "Profiles",
    ]
    found = []
    for root in roots:
        if root.is_dir():
            found.extend(sorted(root.glob("*/prefs.js")))
    return found


def zotero_pref(name: str, prefs_files: Iterable[Path] | None = None) -> str | None:
    """A value from Zotero's prefs.js (`user_pref("extensions.zotero.NAME", "value");`)."""
    pattern = re.compile(
        r'user_pref\("extensions\.zotero\.' + re.escape(name) + r'",\s*"((?:[^"\\]|\\.)*)"\);'
    )
    for prefs in prefs_files if prefs_files is not None else _profile_prefs():
        try:
            text = prefs.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        match = pattern.search(text)
        if match:
            try:  # prefs.js values are JavaScript string literals
                return str(json.loads(f'"{match.group(1)}"'))
            except json.JSONDecodeError:
                return match.group(1)
    return None


def default_data_dir() -> Path:
    """Where Zotero keeps its data: the folder set in its preferences, else ~/Zotero."""
    custom = zotero_pref("dataDir")
    if custom and (Path(custom) / DATABASE_NAME).is_file():
        return Path(custom)
    return Path.home() / "Zotero"


def database_of(source: Path) -> Path:
    """The zotero.sqlite of a data directory, or the path itself when it is the database."""
    source = Path(source).expanduser()
    if source.is_dir():
        database = source / DATABASE_NAME
        if not database.is_file():
            raise ImportFailed(
                str(source), f"this folder has no {DATABASE_NAME}; is it Zotero's data directory?"
            )
        return database
    if not source.is_file():
        raise ImportFailed(str(source), "no such file or folder.")
    return source


def is_zotero_source(source: Path) -> bool:
    source = Path(source).expanduser()
    if source.is_dir():
        return (source / DATABASE_NAME).is_file()
    return source.suffix.lower() == ".sqlite"


# --------------------------------------------------------------------------------------------
# Reading


def _connect(database: Path) -> sqlite3.Connection:
    uri = database.resolve().as_uri() + "?mode=ro&immutable=1"
    try:
        connection = sqlite3.connect(uri, uri=True)
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as error:
        raise ImportFailed(database.name, f"not a readable SQLite database ({error}).") from error
    return connection


def _tables(connection: sqlite3.Connection) -> set[str]:
    return {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}


def _names(connection: sqlite3.Connection, tables: set[str], query: str) -> dict[int, str]:
    names: dict[int, str] = {}
    for table in query.split("|"):
        name, id_column, name_column = table.split(",")
        if name in tables:
            for key, value in connection.execute(f"SELECT {id_column}, {name_column} FROM {name}"):
                names.setdefault(int(key), str(value))
    return names


def _collection_items(
    connection: sqlite3.Connection, collection: str
) -> tuple[set[int], str, list[str]]:
    """Item ids of a collection (by name or "Parent/Child" path) and all its subcollections."""
    rows = connection.execute(
        "SELECT collectionID, collectionName, parentCollectionID FROM collections"
    ).fetchall()
    by_id = {row[0]: row for row in rows}

    def path_of(collection_id: int) -> str:
        parts, seen = [], set()
        while collection_id in by_id and collection_id not in seen:
            seen.add(collection_id)
            parts.append(by_id[collection_id][1])
            collection_id = by_id[collection_id][2]
        return "/".join(reversed(parts))

    wanted = collection.strip().strip("/").casefold()
    matches = [
        cid
        for cid, name, _parent in rows
        if name.casefold() == wanted or path_of(cid).casefold() == wanted
    ]
    if not matches:
        known = sorted(path_of(cid) for cid in by_id)
        listing = ", ".join(known[:20]) + (" …" if len(known) > 20 else "")
        raise ImportFailed(
            collection,
            f"no collection of that name in the Zotero library (it has: {listing or 'none'}).",
        )
    problems = []
    if len(matches) > 1:
        paths = ", ".join(sorted(path_of(cid) for cid in matches))
        problems.append(f"several collections are called '{collection}' ({paths}); all are read.")
    children: dict[int, list[int]] = {}
    for cid, _name, parent in rows:
        if parent is not None:
            children.setdefault(parent, []).append(cid)
    todo, collections = list(matches), set()
    while todo:
        cid = todo.pop()
        if cid in collections:
            continue
        collections.add(cid)
        todo.extend(children.get(cid, []))
    deleted = set()
    if "deletedCollections" in _tables(connection):
        deleted = {
            row[0] for row in connection.execute("SELECT collectionID FROM deletedCollections")
        }
    marks = ",".join("?" * len(collections - deleted)) or "NULL"
    items = {
        row[0]
        for row in connection.execute(
            f"SELECT itemID FROM collectionItems WHERE collectionID IN ({marks})",
            sorted(collections - deleted),
        )
    }
    return items, path_of(matches[0]), problems


def _attachment_path(
    data_dir: Path, key: str, stored: str | None, link_mode: int, base_dir: Path | None
) -> tuple[Path | None, str | None]:
    """The file of an attachment, or None and why it cannot be found."""
    if not stored:
        return None, None
    if link_mode in (_IMPORTED_FILE, _IMPORTED_URL):
        name = stored.removeprefix("storage:")
        return data_dir / "storage" / key / name, None
    if link_mode == _LINKED_FILE:
        if stored.startswith(_BASE_PLACEHOLDER):
            if base_dir is None:
                return None, (
                    f"is linked relative to Zotero's base directory ({stored}), which is not "
                    "set in Zotero's preferences here; pass it with --base-dir"
                )
            relative = stored[len(_BASE_PLACEHOLDER) :].replace("\\", "/")
            return base_dir / relative, None
        return Path(stored), None
    return None, None


def read_zotero(
    source: Path,
    collection: str | None = None,
    base_dir: Path | None = None,
) -> ZoteroLibrary:
    """Every item of a Zotero library (or of one collection) as records to import."""
    database = database_of(source)
    data_dir = database.parent
    if base_dir is None:
        pref = zotero_pref("baseAttachmentPath")
        base_dir = Path(pref) if pref else None
    connection = _connect(database)
    try:
        return _read(connection, database, data_dir, collection, base_dir)
    except sqlite3.DatabaseError as error:
        raise ImportFailed(
            database.name, f"the Zotero database could not be read ({error})."
        ) from error
    finally:
        connection.close()


def _read(
    connection: sqlite3.Connection,
    database: Path,
    data_dir: Path,
    collection: str | None,
    base_dir: Path | None,
) -> ZoteroLibrary:
    tables = _tables(connection)
    if not {"items", "itemData", "itemDataValues", "fields", "itemTypes"} <= tables:
        raise ImportFailed(database.name, "this SQLite database is not a Zotero library.")
    fields = _names(connection, tables, "fieldsCombined,fieldID,fieldName|fields,fieldID,fieldName")
    item_types = _names(
        connection, tables, "itemTypesCombined,itemTypeID,typeName|itemTypes,itemTypeID,typeName"
    )
    creator_types = _names(connection, tables, "creatorTypes,creatorTypeID,creatorType")
    user_libraries = set()
    if "libraries" in tables:
        user_libraries = {
            row[0]
            for row in connection.execute("SELECT libraryID FROM libraries WHERE type='user'")
        }
    deleted = set()
    if "deletedItems" in tables:
        deleted = {row[0] for row in connection.execute("SELECT itemID FROM deletedItems")}
    problems: list[str] = []
    wanted: set[int] | None = None
    collection_path = None
    if collection:
        wanted, collection_path, problems = _collection_items(connection, collection)

    items: dict[int, dict[str, Any]] = {}
    keys: dict[int, tuple[int, str]] = {}
    for item_id, type_id, library_id, key in connection.execute(
        "SELECT itemID, itemTypeID, libraryID, key FROM items ORDER BY itemID"
    ):
        type_name = item_types.get(type_id, "")
        if type_name in _CHILD_TYPES or item_id in deleted:
            continue
        if wanted is not None and item_id not in wanted:
            continue
        if not type_name:
            problems.append(f"item {key}: unknown item type {type_id}; read as a document.")
        items[item_id] = {"itemType": type_name or "document", "creators": [], "notes": []}
        keys[item_id] = (library_id, key)
    for item_id, field_id, value in connection.execute(
        "SELECT itemData.itemID, itemData.fieldID, itemDataValues.value FROM itemData "
        "JOIN itemDataValues ON itemData.valueID = itemDataValues.valueID"
    ):
        if item_id in items and field_id in fields and value is not None:
            items[item_id][fields[field_id]] = str(value)
    if {"itemCreators", "creators"} <= tables:
        for item_id, first, last, mode, type_id in connection.execute(
            "SELECT itemCreators.itemID, creators.firstName, creators.lastName, "
            "creators.fieldMode, itemCreators.creatorTypeID FROM itemCreators "
            "JOIN creators ON itemCreators.creatorID = creators.creatorID "
            "ORDER BY itemCreators.itemID, itemCreators.orderIndex"
        ):
            if item_id in items:
                creator: dict[str, Any] = {
                    "creatorType": creator_types.get(type_id, "author"),
                    "lastName": last or "",
                }
                if mode == 1:
                    creator["fieldMode"] = 1
                else:
                    creator["firstName"] = first or ""
                items[item_id]["creators"].append(creator)
    if "itemNotes" in tables:
        parent_column = _column(connection, "itemNotes", "parentItemID", "sourceItemID")
        for note_id, parent, note in connection.execute(
            f"SELECT itemID, {parent_column}, note FROM itemNotes ORDER BY itemID"
        ):
            if parent in items and note_id not in deleted and note:
                items[parent]["notes"].append(str(note))
    documents: dict[int, Path] = {}
    if "itemAttachments" in tables:
        parent_column = _column(connection, "itemAttachments", "parentItemID", "sourceItemID")
        type_column = _column(connection, "itemAttachments", "contentType", "mimeType")
        rows = connection.execute(
            f"SELECT itemAttachments.itemID, {parent_column}, linkMode, {type_column}, path, "
            "items.key FROM itemAttachments JOIN items ON items.itemID = itemAttachments.itemID "
            "ORDER BY itemAttachments.itemID"
        ).fetchall()
        # PDFs first, then the other document types the library reads.
        rows.sort(key=lambda r: (0 if (r[3] == "application/pdf") else 1, r[0]))
        for attachment_id, parent, link_mode, _content_type, stored, key in rows:
            if parent not in items or parent in documents or attachment_id in deleted:
                continue
            path, why = _attachment_path(data_dir, key, stored, link_mode, base_dir)
            if path is None:
                if why:
                    problems.append(f"item {keys[parent][1]}: its attachment {why}.")
                continue
            if path.suffix.lower() not in SUPPORTED_SUFFIXES:
                continue
            if not path.is_file():
                problems.append(
                    f"item {keys[parent][1]}: its attachment {path} is not on this computer "
                    "(not downloaded or moved); the item is imported without its document."
                )
                continue
            documents[parent] = path

    bbt_keys = better_bibtex_keys(data_dir)
    records = []
    for item_id, zitem in items.items():
        library_id, key = keys[item_id]
        csl = to_csl(zitem)
        citation_key = (
            zitem.get("citationKey")
            or citation_key_from_extra(zitem.get("extra", ""))
            or bbt_keys.get((library_id, key))
        )
        generated = not citation_key
        csl["id"] = citation_key or generated_id(csl)
        origin = (
            key if library_id in user_libraries or not user_libraries else f"{library_id}/{key}"
        )
        records.append(
            ImportRecord(
                item=csl, origin=origin, generated_id=generated, document=documents.get(item_id)
            )
        )
    return ZoteroLibrary(database, records, problems, collection_path)


BETTER_BIBTEX_DATABASE = "better-bibtex.sqlite"


def better_bibtex_keys(data_dir: Path) -> dict[tuple[int, str], str]:
    """Better BibTeX's citation keys, pinned or not, by (library id, item key).

    Better BibTeX 6 and later keep every item's key in `better-bibtex.sqlite` beside Zotero's
    database (table `citationkey`); these are the keys its .bib exports use, so a draft written
    against such an export cites the same ids. Read immutably, like Zotero's own database.
    """
    database = Path(data_dir) / BETTER_BIBTEX_DATABASE
    if not database.is_file():
        return {}
    try:
        connection = sqlite3.connect(database.resolve().as_uri() + "?mode=ro&immutable=1", uri=True)
    except sqlite3.DatabaseError:
        return {}
    try:
        rows = connection.execute(
            "SELECT libraryID, itemKey, citationKey FROM citationkey"
        ).fetchall()
    except sqlite3.DatabaseError:  # an older Better BibTeX keeps its keys otherwise
        return {}
    finally:
        connection.close()
    return {(int(lib or 1), str(key)): str(cite) for lib, key, cite in rows if key and cite}


def _column(connection: sqlite3.Connection, table: str, name: str, older_name: str) -> str:
    """A column's name, or its name in older Zotero schemas."""
    columns = {row[1] for row in connection.execute(f"PRAGMA table_info({table})")}
    return name if name in columns else older_name
