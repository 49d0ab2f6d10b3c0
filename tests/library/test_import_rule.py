"""The one import rule (CLI and Library alike), CSL-JSON validation, linked exports, folders."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from assistant.library.corpus import Library
from assistant.library.csljson import read_csl_json
from assistant.library.errors import ImportFailed
from assistant.library.importing import RECORD_FIELD
from assistant.library.linked import LinkedExports, refresh_linked


def _write(path: Path, items: list[dict]) -> Path:
    path.write_text(json.dumps(items), encoding="utf-8")
    return path


@pytest.fixture
def empty_corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    return corpus


def test_duplicate_ids_in_one_import_are_reported_not_merged(empty_corpus, tmp_path):
    bib = tmp_path / "refs.bib"
    bib.write_text(
        "@book{smith2000, title = {First}, year = 2000}\n"
        "@article{smith2000, title = {Second}, journal = {J}, year = 2000}\n",
        encoding="utf-8",
    )
    library = Library.open(empty_corpus)
    report = library.import_export(bib)
    assert report.added == ["smith2000"]
    assert library.items()["smith2000"]["title"] == "First"
    (duplicate,) = report.duplicates
    assert "'smith2000' appears twice in refs.bib" in duplicate
    assert any("appears twice" in p.message for p in library.problems)


def test_a_file_added_on_its_own_gets_the_imported_details(empty_corpus, tmp_path):
    (empty_corpus / "shen-2000.md").write_text("# Shen\n\nText about Stalin.\n")
    library = Library.open(empty_corpus)
    library.update_item({"id": "shen-2000", "type": "document", "title": "shen-2000"})
    export = _write(
        tmp_path / "z.json",
        [{"id": "shen-2000", "type": "article-journal", "title": "Sino-Soviet Relations"}],
    )
    report = library.import_export(export)
    assert report.added == ["shen-2000"] and report.duplicates == []
    assert library.items()["shen-2000"]["type"] == "article-journal"
    assert library.get("shen-2000").path.name == "shen-2000.md"


def test_reimport_is_idempotent_and_updates_what_changed(empty_corpus, tmp_path):
    export = tmp_path / "z.json"
    library = Library.open(empty_corpus)
    _write(export, [{"id": "a", "type": "book", "title": "A"}])
    assert library.import_export(export).added == ["a"]
    assert library.import_export(export).unchanged == ["a"]
    _write(
        export, [{"id": "a", "type": "book", "title": "A, revised"}, {"id": "b", "type": "book"}]
    )
    report = library.import_export(export)
    assert report.updated == ["a"] and report.added == ["b"]
    saved = json.loads((empty_corpus / "sources.json").read_text(encoding="utf-8"))
    assert [entry["id"] for entry in saved] == ["a", "b"]
    assert saved[0][RECORD_FIELD]["kind"] == "csl-json"


def test_keyless_ris_records_keep_their_generated_ids_across_imports(empty_corpus, tmp_path):
    export = tmp_path / "export.ris"
    export.write_text(
        "TY  - BOOK\nAU  - Goncharov, Sergei\nTI  - Uncertain Partners\nPY  - 1993\nER  - \n",
        encoding="utf-8",
    )
    library = Library.open(empty_corpus)
    assert library.import_export(export).added == ["goncharov-1993"]
    # A second Goncharov 1993 arrives: the first record keeps its id, the new one gets another.
    export.write_text(
        export.read_text(encoding="utf-8")
        + "TY  - JOUR\nAU  - Goncharov, Sergei\nTI  - Other\nPY  - 1993\nER  - \n",
        encoding="utf-8",
    )
    report = library.import_export(export)
    assert report.unchanged == ["goncharov-1993"] and report.added == ["goncharov-1993-2"]


def test_csl_json_is_validated_against_the_schema_and_unknown_fields_kept(tmp_path):
    path = _write(
        tmp_path / "z.json",
        [
            {"id": "ok", "type": "book", "title": "Fine", "zotero-key": "ABCD1234"},
            {"id": "badtype", "type": "novel", "title": "x"},
            {"id": "badname", "type": "book", "author": [{"family": 3}]},
            {"id": "baddate", "type": "book", "issued": {"date-parts": "1990"}},
            {"type": "book", "title": "No id"},
        ],
    )
    result = read_csl_json(path)
    assert [i.get("id") for i in result.items] == ["ok", None]
    assert result.items[0]["zotero-key"] == "ABCD1234"
    assert len(result.problems) == 3
    assert "'novel' is not a CSL type" in result.problems[0]
    assert "author[0]" in result.problems[1]
    assert "issued" in result.problems[2]


def test_a_csl_json_file_with_no_valid_item_changes_nothing(empty_corpus, tmp_path):
    export = _write(tmp_path / "z.json", [{"id": "x", "type": "novel"}])
    with pytest.raises(ImportFailed, match="no usable record"):
        Library.open(empty_corpus).import_export(export)
    assert not (empty_corpus / "sources.json").exists()


def test_a_linked_export_is_reimported_when_it_changes(empty_corpus, tmp_path):
    export = tmp_path / "auto.bib"
    export.write_text("@book{a, title = {First}, year = 2000}\n", encoding="utf-8")
    library = Library.open(empty_corpus)
    library.import_export(export)
    links = LinkedExports(empty_corpus)
    links.link(export)
    assert links.changed() == [] and links.links() == [export.resolve()]
    assert refresh_linked(library).reports == []
    export.write_text("@book{a, title = {Second}, year = 2000}\n@book{b, title = {New}}\n")
    stat = export.stat()
    os.utime(export, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10_000_000))
    assert links.changed() == [export.resolve()]
    (report,) = refresh_linked(library).reports
    assert report.updated == ["a"] and report.added == ["b"]
    assert library.items()["a"]["title"] == "Second"
    assert links.changed() == []


def test_a_missing_linked_export_is_reported_once_and_stays_linked(empty_corpus, tmp_path):
    export = tmp_path / "auto.bib"
    export.write_text("@book{a, title = {First}}\n", encoding="utf-8")
    library = Library.open(empty_corpus)
    LinkedExports(empty_corpus).link(export)
    export.unlink()
    first = refresh_linked(library)
    assert len(first.problems) == 1 and "missing" in first.problems[0]
    assert refresh_linked(library).problems == []
    assert LinkedExports(empty_corpus).links() == [export.resolve()]


def test_the_corpus_is_read_through_subfolders_skipping_hidden_and_app_folders(empty_corpus):
    (empty_corpus / "notes" / "1950").mkdir(parents=True)
    (empty_corpus / "notes" / "1950" / "kim-visit.md").write_text("# Kim in Moscow\n\nText.\n")
    (empty_corpus / "top.md").write_text("# Top\n\nText.\n")
    for hidden in (".obsidian", ".git", ".removed", "node_modules"):
        (empty_corpus / hidden).mkdir()
        (empty_corpus / hidden / "ignored.md").write_text("# Not a source\n")
    (empty_corpus / "notes" / ".trash").mkdir()
    (empty_corpus / "notes" / ".trash" / "old.md").write_text("# Old\n")
    library = Library.open(empty_corpus)
    assert [s.id for s in library.sources] == ["kim-visit", "top"]
    assert library.get("kim-visit").path == empty_corpus / "notes" / "1950" / "kim-visit.md"
    assert library.skipped == [".git/", ".obsidian/", "node_modules/", "notes/.trash/"]
    assert "Kim" in library.document("kim-visit").text


def test_the_same_name_in_two_folders_is_reported_and_the_shallower_used(empty_corpus):
    (empty_corpus / "deep").mkdir()
    (empty_corpus / "deep" / "a.md").write_text("# Deep\n\nText.\n")
    (empty_corpus / "a.md").write_text("# Top\n\nText.\n")
    library = Library.open(empty_corpus)
    library.update_item({"id": "a", "type": "book", "title": "A"})
    assert library.get("a").path == empty_corpus / "a.md"
    assert any("several document files" in p.message for p in library.problems)


def test_an_unreadable_sources_json_is_never_overwritten_by_an_import(empty_corpus, tmp_path):
    from assistant.library.errors import LibraryError

    (empty_corpus / "sources.json").write_text("[{broken", encoding="utf-8")
    export = _write(tmp_path / "z.json", [{"id": "a", "type": "book", "title": "A"}])
    with pytest.raises(LibraryError, match="not overwritten"):
        Library.open(empty_corpus).import_export(export)
    assert (empty_corpus / "sources.json").read_text(encoding="utf-8") == "[{broken"
