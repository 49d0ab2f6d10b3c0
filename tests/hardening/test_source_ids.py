"""Source ids are plain file names everywhere: add_file, import, the metadata form's save."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from assistant.library.corpus import Library
from assistant.library.errors import LibraryError
from assistant.library.ids import id_problem

from .bounded import REPO_ROOT

BAD_IDS = {
    "parent folder": "../x",
    "deeper escape": "../../outside/evil",
    "absolute path": "/tmp/evil",
    "subfolder": "sub/dir",
    "backslash": "sub\\dir",
    "empty": "",
    "blank": "   ",
    "dot-dot": "..",
    "hidden": ".removed",
    "NUL": "shen\x002000",
    "newline": "shen\n2000",
    "reserved device": "con",
    "reserved with extension": "NUL.backup",
    "trailing dot": "shen-2000.",
    "too long": "x" * 250,
}
GOOD_IDS = ["shen-2000", "Müller_1999", "smith.2000", "zubok-pleshakov-1996", "ABCD1234"]


@pytest.mark.parametrize("kind", sorted(BAD_IDS))
def test_bad_id_has_a_message(kind: str) -> None:
    message = id_problem(BAD_IDS[kind])
    assert message and message.startswith("the id ")


@pytest.mark.parametrize("good", GOOD_IDS)
def test_good_id_passes(good: str) -> None:
    assert id_problem(good) is None


@pytest.mark.skipif(os.name == "nt", reason="colons are reserved on Windows")
def test_colon_keys_pass_where_the_system_allows_them() -> None:
    assert id_problem("knuth:1984") is None


def _corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "library" / "corpus"
    shutil.copytree(REPO_ROOT / "resources" / "corpus", corpus)
    return corpus


def _all_files(root: Path) -> set[Path]:
    return {p for p in root.rglob("*")}


@pytest.mark.parametrize("kind", ["parent folder", "deeper escape", "absolute path", "subfolder"])
def test_add_file_refuses_a_path_as_id(tmp_path: Path, kind: str) -> None:
    corpus = _corpus(tmp_path)
    document = tmp_path / "notes.md"
    document.write_text("# Notes\n\nThe Inchon landing.\n", encoding="utf-8")
    before = _all_files(tmp_path)
    library = Library.open(corpus)
    source_id = BAD_IDS[kind]
    if kind == "absolute path":
        source_id = str(tmp_path / "evil")
    with pytest.raises(LibraryError, match="not a path"):
        library.add_file(document, {"id": source_id, "type": "book", "title": "Notes"})
    assert _all_files(tmp_path) == before  # nothing written, inside or outside the corpus


@pytest.mark.parametrize("kind", ["subfolder", "NUL", "reserved device", "empty"])
def test_metadata_form_save_refuses_a_bad_id(tmp_path: Path, kind: str) -> None:
    """The form saves through `update_item`: a clear LibraryError, sources.json untouched."""
    corpus = _corpus(tmp_path)
    before = (corpus / "sources.json").read_bytes()
    library = Library.open(corpus)
    with pytest.raises(LibraryError, match="the id "):
        library.update_item({"id": BAD_IDS[kind], "type": "book", "title": "X"})
    assert (corpus / "sources.json").read_bytes() == before


def test_import_gives_unusable_ids_a_usable_one(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    export = tmp_path / "zotero.json"
    items = [
        {
            "id": "../evil",
            "type": "book",
            "title": "Evil",
            "author": [{"family": "Weathersby"}],
            "issued": {"date-parts": [[1993]]},
        },
        {
            "id": "12047273/KC6WFG78",
            "type": "book",
            "title": "Web API item",
            "author": [{"family": "Stueck"}],
            "issued": {"date-parts": [[1995]]},
        },
    ]
    export.write_text(json.dumps(items), encoding="utf-8")
    library = Library.open(corpus)
    imported = library.import_metadata(export)
    assert [item["id"] for item in imported] == ["weathersby-1993", "stueck-1995"]
    messages = [p.message for p in library.problems if p.path == "zotero.json"]
    assert any("'../evil'" in m and "imported as 'weathersby-1993'" in m for m in messages)
    assert not (tmp_path / "library" / "evil.json").exists()
    saved = json.loads((corpus / "sources.json").read_text(encoding="utf-8"))
    assert {"weathersby-1993", "stueck-1995"} <= {item["id"] for item in saved}


def test_hand_edited_sources_json_with_a_path_id_is_a_problem(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    data = json.loads((corpus / "sources.json").read_text(encoding="utf-8"))
    data.append({"id": "../../etc/passwd", "type": "book", "title": "Nope"})
    (corpus / "sources.json").write_text(json.dumps(data), encoding="utf-8")
    library = Library.open(corpus)
    assert "../../etc/passwd" not in {s.id for s in library.sources}
    assert any("not a path" in p.message for p in library.problems)


def test_index_of_a_corpus_whose_sources_json_has_path_ids(tmp_path: Path) -> None:
    """End to end, bounded: the CLI lists each bad id and indexes the rest."""
    from .bounded import run_cli

    corpus = _corpus(tmp_path)
    data = json.loads((corpus / "sources.json").read_text(encoding="utf-8"))
    data += [{"id": bad, "type": "book", "title": kind} for kind, bad in BAD_IDS.items()]
    (corpus / "sources.json").write_text(json.dumps(data), encoding="utf-8")
    result = run_cli("index", "--corpus", str(corpus), "--index", str(tmp_path / "index"))
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    problems = [line for line in result.stderr.splitlines() if line.startswith("problem:")]
    assert len(problems) == len(BAD_IDS)
    assert all("the id " in line for line in problems)
    assert "Indexed 3 source(s)" in result.stdout
