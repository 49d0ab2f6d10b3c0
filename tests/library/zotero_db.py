"""Build a small Zotero 7 data directory the way Zotero does, for the Zotero reader's tests.

The tables come from Zotero's own `userdata.sql` (fixtures/zotero/, see README there); the
item types, fields, base-field mappings and creator types are filled from Zotero's global
schema (`resources/zotero/schema.json`) the way Zotero's schema.js fills them at start-up;
items are written as Zotero writes them: values shared in `itemDataValues`, dates as
"YYYY-MM-DD original", stored attachments as `storage:<file>` under `storage/<key>/`.
"""

from __future__ import annotations

import json
import random
import sqlite3
from pathlib import Path
from typing import Any

from assistant.paths import resources_dir

USERDATA_SQL = Path(__file__).parent / "fixtures" / "zotero" / "userdata.sql"


class ZoteroBuilder:
    def __init__(self, data_dir: Path) -> None:
        self.data_dir = Path(data_dir)
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.database = self.data_dir / "zotero.sqlite"
        self.db = sqlite3.connect(self.database)
        self.db.executescript(USERDATA_SQL.read_text(encoding="utf-8"))
        self._random = random.Random(7)
        self._fill_schema()
        self.db.execute(
            "INSERT INTO libraries (libraryID, type, editable, filesEditable) "
            "VALUES (1, 'user', 1, 1)"
        )
        self.db.execute("INSERT INTO version VALUES ('userdata', 129)")
        self.db.commit()

    @classmethod
    def reopen(cls, data_dir: Path) -> ZoteroBuilder:
        """A builder on an existing data directory, to change it as Zotero would."""
        builder = cls.__new__(cls)
        builder.data_dir = Path(data_dir)
        builder.database = builder.data_dir / "zotero.sqlite"
        builder.db = sqlite3.connect(builder.database)
        builder._random = random.Random(11)
        builder.type_ids = dict(builder.db.execute("SELECT typeName, itemTypeID FROM itemTypes"))
        builder.field_ids = dict(builder.db.execute("SELECT fieldName, fieldID FROM fields"))
        builder.creator_ids = dict(
            builder.db.execute("SELECT creatorType, creatorTypeID FROM creatorTypes")
        )
        return builder

    def _fill_schema(self) -> None:
        schema = json.loads((resources_dir() / "zotero" / "schema.json").read_text("utf-8"))
        self.type_ids: dict[str, int] = {}
        self.field_ids: dict[str, int] = {}
        self.creator_ids: dict[str, int] = {}
        for type_id, entry in enumerate(schema["itemTypes"], start=1):
            self.type_ids[entry["itemType"]] = type_id
            self.db.execute(
                "INSERT INTO itemTypes (itemTypeID, typeName) VALUES (?, ?)",
                (type_id, entry["itemType"]),
            )
            for order, spec in enumerate(entry["fields"]):
                for name in (spec["field"], spec.get("baseField")):
                    if name and name not in self.field_ids:
                        self.field_ids[name] = len(self.field_ids) + 1
                        self.db.execute(
                            "INSERT INTO fields (fieldID, fieldName) VALUES (?, ?)",
                            (self.field_ids[name], name),
                        )
                self.db.execute(
                    "INSERT INTO itemTypeFields VALUES (?, ?, 0, ?)",
                    (type_id, self.field_ids[spec["field"]], order),
                )
                if spec.get("baseField"):
                    self.db.execute(
                        "INSERT INTO baseFieldMappings VALUES (?, ?, ?)",
                        (type_id, self.field_ids[spec["baseField"]], self.field_ids[spec["field"]]),
                    )
            for creator in entry.get("creatorTypes", []):
                name = creator["creatorType"]
                if name not in self.creator_ids:
                    self.creator_ids[name] = len(self.creator_ids) + 1
                    self.db.execute(
                        "INSERT INTO creatorTypes VALUES (?, ?)", (self.creator_ids[name], name)
                    )
                self.db.execute(
                    "INSERT INTO itemTypeCreatorTypes VALUES (?, ?, ?)",
                    (type_id, self.creator_ids[name], 1 if creator.get("primary") else 0),
                )
        # Zotero copies the schema tables into their "Combined" twins at start-up.
        for table in ("itemTypes", "fields", "itemTypeFields", "baseFieldMappings"):
            columns = {
                "itemTypes": "itemTypeID, typeName, display, 0",
                "fields": "fieldID, fieldName, NULL, fieldFormatID, 0",
                "itemTypeFields": "itemTypeID, fieldID, hide, orderIndex",
                "baseFieldMappings": "itemTypeID, baseFieldID, fieldID",
            }[table]
            self.db.execute(f"INSERT INTO {table}Combined SELECT {columns} FROM {table}")

    def _key(self) -> str:
        alphabet = "23456789ABCDEFGHIJKLMNPQRSTUVWXYZ"
        return "".join(self._random.choice(alphabet) for _ in range(8))

    def _value(self, value: str) -> int:
        row = self.db.execute(
            "SELECT valueID FROM itemDataValues WHERE value = ?", (value,)
        ).fetchone()
        if row:
            return int(row[0])
        cursor = self.db.execute("INSERT INTO itemDataValues (value) VALUES (?)", (value,))
        return int(cursor.lastrowid or 0)

    def _item(self, item_type: str, key: str | None = None) -> tuple[int, str]:
        key = key or self._key()
        cursor = self.db.execute(
            "INSERT INTO items (itemTypeID, libraryID, key) VALUES (?, 1, ?)",
            (self.type_ids[item_type], key),
        )
        return int(cursor.lastrowid or 0), key

    def add_item(
        self,
        item_type: str,
        fields: dict[str, str],
        creators: list[dict[str, Any]] | None = None,
        key: str | None = None,
    ) -> tuple[int, str]:
        """An item; `fields` by Zotero field name, `creators` as in Zotero's API JSON."""
        item_id, key = self._item(item_type, key)
        for name, value in fields.items():
            self.db.execute(
                "INSERT INTO itemData VALUES (?, ?, ?)",
                (item_id, self.field_ids[name], self._value(value)),
            )
        for order, creator in enumerate(creators or []):
            one_field = "name" in creator
            first = None if one_field else creator.get("firstName", "")
            last = creator["name"] if one_field else creator.get("lastName", "")
            row = self.db.execute(
                "SELECT creatorID FROM creators WHERE lastName IS ? AND firstName IS ? "
                "AND fieldMode IS ?",
                (last, first, 1 if one_field else 0),
            ).fetchone()
            creator_id = (
                row[0]
                if row
                else self.db.execute(
                    "INSERT INTO creators (firstName, lastName, fieldMode) VALUES (?, ?, ?)",
                    (first, last, 1 if one_field else 0),
                ).lastrowid
            )
            self.db.execute(
                "INSERT INTO itemCreators VALUES (?, ?, ?, ?)",
                (item_id, creator_id, self.creator_ids[creator["creatorType"]], order),
            )
        self.db.commit()
        return item_id, key

    def add_note(self, parent: int, html: str) -> int:
        item_id, _ = self._item("note")
        self.db.execute(
            "INSERT INTO itemNotes (itemID, parentItemID, note, title) VALUES (?, ?, ?, '')",
            (item_id, parent, html),
        )
        self.db.commit()
        return item_id

    def add_stored_file(self, parent: int, source: Path, name: str | None = None) -> int:
        """An attachment Zotero copied into its storage folder (link mode 0)."""
        item_id, key = self._item("attachment")
        name = name or source.name
        folder = self.data_dir / "storage" / key
        folder.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(source.read_bytes())
        self.db.execute(
            "INSERT INTO itemAttachments (itemID, parentItemID, linkMode, contentType, path) "
            "VALUES (?, ?, 0, 'application/pdf', ?)",
            (item_id, parent, f"storage:{name}"),
        )
        self.db.commit()
        return item_id

    def add_linked_file(self, parent: int, stored_path: str) -> int:
        """A linked file (link mode 2): an absolute path or `attachments:relative/path`."""
        item_id, _ = self._item("attachment")
        self.db.execute(
            "INSERT INTO itemAttachments (itemID, parentItemID, linkMode, contentType, path) "
            "VALUES (?, ?, 2, 'application/pdf', ?)",
            (item_id, parent, stored_path),
        )
        self.db.commit()
        return item_id

    def add_collection(self, name: str, parent: int | None = None) -> int:
        cursor = self.db.execute(
            "INSERT INTO collections (collectionName, parentCollectionID, libraryID, key) "
            "VALUES (?, ?, 1, ?)",
            (name, parent, self._key()),
        )
        self.db.commit()
        return int(cursor.lastrowid or 0)

    def add_to_collection(self, collection: int, item: int) -> None:
        self.db.execute("INSERT INTO collectionItems VALUES (?, ?, 0)", (collection, item))
        self.db.commit()

    def trash(self, item: int) -> None:
        self.db.execute("INSERT INTO deletedItems (itemID) VALUES (?)", (item,))
        self.db.commit()

    def set_field(self, item: int, name: str, value: str) -> None:
        self.db.execute(
            "INSERT OR REPLACE INTO itemData VALUES (?, ?, ?)",
            (item, self.field_ids[name], self._value(value)),
        )
        self.db.commit()

    def close(self) -> None:
        self.db.close()
