"""Zotero items to CSL-JSON with Zotero's own mapping, on Zotero's sample of every item type
and field (fixtures/zotero/allTypesAndFields.json)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.library.corpus import Library
from assistant.library.importing import import_source
from assistant.library.zotero import read_zotero
from assistant.library.zotero_csl import schema, to_csl, type_field
from assistant.paths import resources_dir

from .zotero_db import ZoteroBuilder

SAMPLE = json.loads(
    (Path(__file__).parent / "fixtures" / "zotero" / "allTypesAndFields.json").read_text("utf-8")
)
CSL_TYPES = set(
    json.loads((resources_dir() / "csl" / "csl-data.json").read_text("utf-8"))["items"][
        "properties"
    ]["type"]["enum"]
)
_NOT_TEXT = {"itemType", "creators", "extra", "date", "accessDate", "filingDate", "originalDate"}


def test_the_sample_covers_every_regular_item_type():
    regular = {t["itemType"] for t in schema()["itemTypes"]} - {"annotation", "attachment", "note"}
    assert set(SAMPLE) == regular


@pytest.mark.parametrize("item_type", sorted(SAMPLE))
def test_every_item_type_becomes_a_csl_type_and_keeps_its_mapped_fields(item_type):
    zitem = SAMPLE[item_type]
    csl = to_csl(zitem)
    assert csl["type"] in CSL_TYPES
    # Each CSL variable takes the first of its Zotero fields the item has (under the field's
    # own name or the item type's name for it), as Zotero's export does.
    for variable, fields in schema()["csl"]["fields"]["text"].items():
        if variable == "shortTitle":
            continue
        for field in fields:
            value = zitem.get(field, zitem.get(type_field(item_type, field)))
            if value and field not in _NOT_TEXT:
                expected = str(value).split(" ")[0] if field == "ISBN" else str(value)
                assert csl.get(variable) == expected, (item_type, variable, field)
                break
    assert csl["issued"] == {"date-parts": [[1999, 12, 31]]}
    assert csl["accessed"] == {"date-parts": [[1997, 6, 13]]}
    assert csl["note"] == "Extra"


@pytest.mark.parametrize("item_type", sorted(SAMPLE))
def test_creators_map_to_csl_roles_and_one_field_names_to_literals(item_type):
    csl = to_csl(SAMPLE[item_type])
    names = [n for role in ("author", "editor", "translator") for n in csl.get(role, [])]
    roles = schema()["csl"]["names"]
    for creator in SAMPLE[item_type]["creators"]:
        if creator.get("fieldMode") == 1:
            assert {"literal": creator["lastName"]} in [
                n for role in roles.values() for n in csl.get(role, [])
            ] + names


@pytest.mark.parametrize(
    ("item_type", "variable", "value"),
    [
        ("bookSection", "container-title", "Publication title"),
        ("case", "authority", "Authority"),
        ("case", "container-title", "Reporter"),
        ("case", "references", "History"),
        ("journalArticle", "collection-title", "Series title"),
        ("journalArticle", "title-short", "Short title"),
        ("bookSection", "ISBN", "978-1-234-56789-7"),
        ("bookSection", "edition", "8"),
    ],
)
def test_type_specific_fields_reach_the_variable_zotero_exports(item_type, variable, value):
    assert to_csl(SAMPLE[item_type])[variable] == value


def test_every_item_type_and_field_read_back_from_a_zotero_database(tmp_path):
    z = ZoteroBuilder(tmp_path / "Zotero")
    for item_type, zitem in SAMPLE.items():
        fields = {k: v for k, v in zitem.items() if k not in ("itemType", "creators")}
        if "date" in fields:
            fields["date"] = f"{fields['date']} {fields['date']}"  # as Zotero stores dates
        creators = [
            {"creatorType": c["creatorType"], "name": c["lastName"]}
            if c.get("fieldMode") == 1
            else c
            for c in zitem["creators"]
        ]
        z.add_item(item_type, fields, creators)
    z.close()
    records = read_zotero(tmp_path / "Zotero").records
    assert len(records) == len(SAMPLE)
    for record, zitem in zip(records, SAMPLE.values(), strict=True):
        expected = to_csl(zitem)
        assert {k: v for k, v in record.item.items() if k != "id"} == expected
    # Zotero's sample gives every item the same citation key: one is imported, the other 36
    # are reported as duplicates, never merged into it.
    (tmp_path / "corpus").mkdir()
    library = Library.open(tmp_path / "corpus")
    report = import_source(library, tmp_path / "Zotero")
    assert report.added == ["Citation key"]
    assert len(report.duplicates) == len(SAMPLE) - 1
