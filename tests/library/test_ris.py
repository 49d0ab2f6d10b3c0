"""RIS read as Zotero's RIS translator reads it, checked against the translator's own tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.library.errors import ImportFailed
from assistant.library.metadata import read_export
from assistant.library.ris import _maps, read_ris, read_ris_text, ris_items
from assistant.library.zotero_csl import csl_type_of

CASES = json.loads(
    (Path(__file__).parent / "fixtures" / "ris" / "zotero-ris-test-cases.json").read_text("utf-8")
)
# Zotero's test runner leaves these out of its comparison (access dates) or they are child
# objects compared elsewhere.
_NOT_COMPARED = {"tags", "notes", "attachments", "seeAlso", "accessDate"}


def _fields(item: dict) -> dict:
    return {k: v for k, v in item.items() if k not in _NOT_COMPARED and v not in ("", [], None)}


def _is_procite(case: dict) -> bool:
    return "N1  - Record ID:" in case["input"]


def test_records_come_out_as_zotero_reads_them():
    equal = total = 0
    misses = []
    for case in CASES:
        if _is_procite(case):
            continue  # the translator's ProCite clean-up is not reproduced (see ris.py)
        records = read_ris_text(case["input"])
        assert len(records) == len(case["items"])
        for record, expected in zip(records, case["items"], strict=True):
            total += 1
            if _fields(record.zotero) == _fields(expected):
                equal += 1
            else:
                misses.append((expected.get("title"), _fields(record.zotero), _fields(expected)))
    assert total == 59
    assert equal >= 58, [m[0] for m in misses]


def test_a_journal_article_as_zotero_reads_it():
    (record,) = read_ris_text(CASES[0]["input"])
    assert record.zotero["title"] == (
        "Blood-brain barrier breach following cortical contusion in the rat"
    )
    assert record.zotero["pages"] == "476-481"
    (item,) = ris_items([record])
    assert item["type"] == "article-journal"
    assert item["author"][0] == {"family": "Baldwin", "given": "S.A."}
    assert item["container-title"] == "J.Neurosurg."
    assert item["issued"] == {"date-parts": [[1996]]}


def test_ty_with_one_space_au_and_a1_mixed_and_full_journal_name_preferred():
    text = (
        "TY - JOUR\nA1 - Weathersby, Kathryn\nAU - Zubok, Vladislav\nTI - Soviet Aims\n"
        "JO - J. Cold War Stud.\nJF - Journal of Cold War Studies\nDA - 1993/06/25\nER - \n"
    )
    (item,) = ris_items(read_ris_text(text))
    assert [a["family"] for a in item["author"]] == ["Weathersby", "Zubok"]
    assert item["container-title"] == "Journal of Cold War Studies"
    assert item["journalAbbreviation"] == "J. Cold War Stud."
    assert item["issued"] == {"date-parts": [[1993, 6, 25]]}


def test_t2_is_the_journal_over_jo_and_a_corporate_author_stays_whole():
    text = (
        "TY  - JOUR\nAU  - Central Intelligence Agency\nTI  - Estimate\n"
        "JO  - Full J.\nT2  - The Full Journal\nPY  - 1950\nER  - \n"
    )
    (item,) = ris_items(read_ris_text(text))
    assert item["container-title"] == "The Full Journal"
    assert item["journalAbbreviation"] == "Full J."
    assert item["author"] == [{"literal": "Central Intelligence Agency"}]


def test_every_ty_type_maps_to_a_csl_type():
    types = _maps()["importTypeMap"]
    assert len(types) >= 50
    for ty, zotero_type in types.items():
        assert zotero_type in csl_type_of(), ty
        (item,) = ris_items(read_ris_text(f"TY  - {ty}\nTI  - Something\nER  - \n"))
        assert item["type"] == csl_type_of()[zotero_type]


def test_records_without_id_get_author_year_keys_unique_in_the_file(tmp_path):
    path = tmp_path / "export.ris"
    path.write_text(
        "TY  - BOOK\nAU  - Goncharov, Sergei N.\nTI  - Uncertain Partners\nPY  - 1993\nER  - \n"
        "TY  - JOUR\nAU  - Goncharov, Sergei N.\nTI  - Another\nPY  - 1993\nER  - \n"
        "TY  - JOUR\nID  - kept-key\nAU  - Matray, James\nTI  - Speech\nPY  - 2002\nER  - \n",
        encoding="utf-8",
    )
    export = read_export(path)
    assert [i["id"] for i in export.items] == ["goncharov-1993", "goncharov-1993-2", "kept-key"]
    assert export.generated == [True, True, False]
    assert read_export(path).origins == export.origins  # stable from one reading to the next


def test_records_without_er_and_with_continuation_lines():
    text = "TY  - BOOK\nTI  - A title that goes\n  on the next line\nTY  - BOOK\nTI  - Second\n"
    items = ris_items(read_ris_text(text))
    assert [i["title"] for i in items] == ["A title that goes on the next line", "Second"]


@pytest.mark.parametrize(
    ("content", "message"),
    [("nothing here", "no RIS record found"), (b"TY  - JOUR\nTI  - caf\xe9\n", "not UTF-8")],
)
def test_unreadable_ris_gets_a_message(tmp_path, content, message):
    path = tmp_path / "bad.ris"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(ImportFailed, match=message):
        read_ris(path)
