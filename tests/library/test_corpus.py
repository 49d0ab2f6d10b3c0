"""The Library: sources.json problems never raise, edits are atomic and never lose entries."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.library.corpus import REMOVED_DIR, Library
from assistant.library.errors import ImportFailed, LibraryError

BODY = "Stalin weighed the risk of American intervention in Korea before approving the plan."


def _sources(corpus: Path) -> list:
    return json.loads((corpus / "sources.json").read_text(encoding="utf-8"))


def _write_sources(corpus: Path, data: object) -> None:
    path = corpus / "sources.json"
    path.chmod(0o644)
    path.write_text(json.dumps(data), encoding="utf-8")


def test_bundled_corpus_opens_cleanly(corpus_dir):
    library = Library.open(corpus_dir)
    assert library.problems == []
    assert [s.id for s in library.sources] == ["shen-2000", "shuster-2019", "zubok-pleshakov-1996"]
    shen = library.get("shen-2000")
    assert shen is not None and shen.path == corpus_dir / "shen-2000.md"
    assert library.items()["shen-2000"]["container-title"] == "Journal of Cold War Studies"
    assert library.get("nope") is None


def test_document_is_parsed_once_per_content(corpus_dir):
    library = Library.open(corpus_dir)
    first = library.document("zubok-pleshakov-1996")
    assert library.document("zubok-pleshakov-1996") is first
    path = corpus_dir / "zubok-pleshakov-1996.md"
    path.chmod(0o644)
    path.write_text("# Changed\n\n" + BODY, encoding="utf-8")
    changed = library.document("zubok-pleshakov-1996")
    assert changed is not first and "Changed" in changed.text


def test_missing_and_duplicate_ids_and_wrong_types_are_problems_not_errors(corpus_dir):
    items = _sources(corpus_dir)
    bad = [
        {"title": "No id at all"},
        {**items[1], "title": "A second shen-2000"},
        {"id": 42, "title": "Numeric id"},
        {"id": "typed", "title": ["not", "a", "string"]},
        {"id": "authors", "author": "Shen Zhihua"},
        "just a string",
    ]
    _write_sources(corpus_dir, items + bad)
    library = Library.open(corpus_dir)
    messages = [str(p) for p in library.problems]
    assert any("(title 'No id at all') has no \"id\"" in m for m in messages)
    assert any("the id 'shen-2000' is used twice" in m for m in messages)
    assert any("the id 42 must be a non-empty text" in m for m in messages)
    assert any("'typed': \"title\" must be text" in m for m in messages)
    assert any("'authors': \"author\" must be a list of names" in m for m in messages)
    assert any("entry 9: an entry is a str" in m for m in messages)
    # The valid sources are all there, and the first shen-2000 entry wins.
    assert library.get("shen-2000").title.startswith("Sino-Soviet Relations")
    assert {"shen-2000", "shuster-2019", "zubok-pleshakov-1996"} <= {s.id for s in library.sources}


def test_entry_whose_file_does_not_exist_is_listed_and_still_citable(corpus_dir):
    _write_sources(corpus_dir, [*_sources(corpus_dir), {"id": "ghost-1999", "title": "Ghost"}])
    library = Library.open(corpus_dir)
    assert any(p.message.startswith("'ghost-1999' has no document file") for p in library.problems)
    assert library.get("ghost-1999").path is None
    assert "ghost-1999" in library.items()
    with pytest.raises(ImportFailed, match="no document file"):
        library.document("ghost-1999")


@pytest.mark.parametrize("content", ["{not json", '{"id": "x"}', "[1, 2", "\xff\xfe\x00"])
def test_unreadable_sources_json_is_reported_and_never_overwritten(corpus_dir, content):
    path = corpus_dir / "sources.json"
    path.chmod(0o644)
    path.write_text(content, encoding="latin-1")
    library = Library.open(corpus_dir)
    assert len(library.problems) == 1 and library.problems[0].path == "sources.json"
    # Documents are still available, with metadata guessed from the files.
    assert {s.id for s in library.sources} == {"shen-2000", "shuster-2019", "zubok-pleshakov-1996"}
    with pytest.raises(LibraryError, match="not overwritten"):
        library.update_item({"id": "new", "title": "New"})
    assert path.read_text(encoding="latin-1") == content


def test_file_without_metadata_is_a_source_with_a_guessed_title(corpus_dir):
    (corpus_dir / "notes-on-kim.md").write_text("# Notes on Kim\n\n" + BODY, encoding="utf-8")
    library = Library.open(corpus_dir)
    assert library.get("notes-on-kim").title == "Notes on Kim"
    assert library.problems == []


def test_add_file_copies_under_its_id_and_writes_minimal_metadata(corpus_dir, tmp_path):
    outside = tmp_path / "My Notes (draft).md"
    outside.write_text("# Kim in Moscow\n\n" + BODY, encoding="utf-8")
    library = Library.open(corpus_dir)
    source = library.add_file(outside)
    assert source.id == "my-notes-draft"
    assert source.path == corpus_dir / "my-notes-draft.md"
    assert source.path.read_text(encoding="utf-8") == outside.read_text(encoding="utf-8")
    saved = {item["id"]: item for item in _sources(corpus_dir)}
    assert saved["my-notes-draft"]["title"] == "Kim in Moscow"
    assert len(saved) == 4  # the others are untouched
    assert Library.open(corpus_dir).get("my-notes-draft") is not None


def test_add_file_with_item_uses_the_item_id(corpus_dir, tmp_path):
    outside = tmp_path / "whatever.txt"
    outside.write_text(BODY, encoding="utf-8")
    item = {"id": "weathersby-1993", "type": "article-journal", "title": "The Soviet Role"}
    source = Library.open(corpus_dir).add_file(outside, item)
    assert source.path.name == "weathersby-1993.txt"
    assert source.item == item


def test_add_broken_file_changes_nothing(corpus_dir, tmp_path):
    before = (corpus_dir / "sources.json").read_bytes()
    files_before = sorted(p.name for p in corpus_dir.iterdir())
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.4 nonsense")
    with pytest.raises(ImportFailed, match="PDF"):
        Library.open(corpus_dir).add_file(bad)
    assert (corpus_dir / "sources.json").read_bytes() == before
    assert sorted(p.name for p in corpus_dir.iterdir()) == files_before


def test_add_file_refuses_an_id_that_already_has_a_document(corpus_dir, tmp_path):
    outside = tmp_path / "x.md"
    outside.write_text(BODY, encoding="utf-8")
    with pytest.raises(LibraryError, match="already has a document"):
        Library.open(corpus_dir).add_file(outside, {"id": "shen-2000", "title": "Dup"})


def test_update_item_and_remove_keep_invalid_entries(corpus_dir):
    broken = {"title": "no id, kept as the writer left it"}
    _write_sources(corpus_dir, [*_sources(corpus_dir), broken])
    library = Library.open(corpus_dir)
    item = library.items()["shen-2000"]
    item["title"] = "A new title"
    library.update_item(item)
    assert library.get("shen-2000").title == "A new title"
    library.remove("zubok-pleshakov-1996")
    saved = _sources(corpus_dir)
    assert broken in saved
    assert [i.get("id") for i in saved] == ["shen-2000", "shuster-2019", None]
    # Without delete_file, the document stays and is still a source (with guessed metadata).
    assert (corpus_dir / "zubok-pleshakov-1996.md").exists()


def test_remove_with_delete_file(corpus_dir):
    library = Library.open(corpus_dir)
    library.remove("zubok-pleshakov-1996", delete_file=True)
    assert not (corpus_dir / "zubok-pleshakov-1996.md").exists()
    assert library.get("zubok-pleshakov-1996") is None


def test_update_item_rejects_bad_metadata(corpus_dir):
    library = Library.open(corpus_dir)
    before = (corpus_dir / "sources.json").read_bytes()
    with pytest.raises(LibraryError, match="must be a list of names"):
        library.update_item({"id": "shen-2000", "author": "Shen"})
    assert (corpus_dir / "sources.json").read_bytes() == before


def test_write_is_atomic_no_temp_files_left(corpus_dir):
    library = Library.open(corpus_dir)
    library.update_item({"id": "extra", "title": "Extra"})
    assert not [p for p in corpus_dir.iterdir() if p.name.startswith(".sources-")]


# ---------------------------------------------------------------------------------------------
# Zotero exports


def test_import_csl_json_never_merges_into_an_existing_source(corpus_dir, tmp_path):
    export = tmp_path / "zotero.json"
    export.write_text(
        json.dumps(
            [
                {"id": "shen-2000", "type": "article-journal", "title": "Sino-Soviet", "DOI": "x"},
                {"id": "weathersby-1993", "type": "article-journal", "title": "The Soviet Role"},
            ]
        ),
        encoding="utf-8",
    )
    library = Library.open(corpus_dir)
    imported = library.import_metadata(export)
    assert [i["id"] for i in imported] == ["weathersby-1993"]
    shen = library.items()["shen-2000"]
    assert "DOI" not in shen and shen["container-title"] == "Journal of Cold War Studies"
    (problem,) = [p for p in library.problems if "shen-2000" in p.message]
    assert problem.path == "zotero.json" and "already the id of another source" in problem.message
    assert library.get("weathersby-1993").path is None


def test_import_bibtex(corpus_dir, tmp_path):
    export = tmp_path / "export.bib"
    export.write_text(
        """@article{weathersby-1993,
  title = {The {Soviet} Role in the Early Phase of the {Korean} War},
  author = {Weathersby, Kathryn},
  journal = {The Journal of American-East Asian Relations},
  volume = {2}, number = {4}, pages = {425--458}, year = {1993}
}
@book{goncharov-1993,
  title = {Uncertain Partners: Stalin, Mao, and the Korean War},
  author = {Goncharov, Sergei N. and John W. Lewis and Xue, Litai},
  publisher = {Stanford University Press}, address = {Stanford, CA}, year = {1993}
}""",
        encoding="utf-8",
    )
    library = Library.open(corpus_dir)
    library.import_metadata(export)
    article = library.items()["weathersby-1993"]
    assert article["type"] == "article-journal"
    # Pandoc's reading: English titles in sentence case, protected words kept; the notes
    # engine capitalises them headline-style again.
    assert article["title"] == "The Soviet role in the early phase of the Korean war"
    assert article["author"] == [{"family": "Weathersby", "given": "Kathryn"}]
    assert article["page"] == "425-458" and article["issue"] == "4"
    assert article["issued"] == {"date-parts": [[1993]]}
    book = library.items()["goncharov-1993"]
    assert [a["family"] for a in book["author"]] == ["Goncharov", "Lewis", "Xue"]
    assert book["publisher-place"] == "Stanford, CA"


def test_import_ris_generates_ids_from_author_and_year(corpus_dir, tmp_path):
    export = tmp_path / "export.ris"
    export.write_text(
        "TY  - JOUR\nAU  - Matray, James I.\nTI  - Dean Acheson's Press Club Speech Reexamined\n"
        "T2  - The Journal of Conflict Studies\nPY  - 2002\nVL  - 22\nIS  - 1\nER  - \n",
        encoding="utf-8",
    )
    library = Library.open(corpus_dir)
    (item,) = library.import_metadata(export)
    assert item["id"] == "matray-2002"
    saved = library.items()["matray-2002"]
    assert saved["container-title"] == "The Journal of Conflict Studies"
    assert saved["author"] == [{"family": "Matray", "given": "James I."}]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("bad.json", "{oops", "not valid JSON"),
        ("bad.bib", "this is not bibtex", "BibTeX entr"),
        ("bad.ris", "nothing here", "RIS"),
        ("bad.xml", "<xml/>", "unknown metadata format"),
    ],
)
def test_bad_metadata_exports_are_refused_and_change_nothing(
    corpus_dir, tmp_path, name, content, message
):
    export = tmp_path / name
    export.write_text(content, encoding="utf-8")
    before = (corpus_dir / "sources.json").read_bytes()
    with pytest.raises(ImportFailed, match=message):
        Library.open(corpus_dir).import_metadata(export)
    assert (corpus_dir / "sources.json").read_bytes() == before


def test_zip_bomb_without_metadata_is_not_opened_for_its_title(corpus_dir, monkeypatch):
    import zipfile

    import docx

    with zipfile.ZipFile(corpus_dir / "bomb.docx", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"\0" * (30 * 1024 * 1024))

    def must_not_open(*args, **kwargs):
        raise AssertionError("python-docx was asked to open a zip bomb")

    monkeypatch.setattr(docx, "Document", must_not_open)
    library = Library.open(corpus_dir)
    assert library.get("bomb").title == "bomb"


def test_set_aside_moves_the_file_out_of_the_library_and_keeps_it(corpus_dir):
    library = Library.open(corpus_dir)
    source = library.get("zubok-pleshakov-1996")
    original = source.path.read_bytes()
    moved = library.set_aside("zubok-pleshakov-1996")
    assert moved == corpus_dir / REMOVED_DIR / "zubok-pleshakov-1996.md"
    assert moved.read_bytes() == original
    assert library.get("zubok-pleshakov-1996") is None
    # The set-aside folder is not read as part of the library.
    assert Library.open(corpus_dir).get("zubok-pleshakov-1996") is None


def test_set_aside_twice_keeps_both_files(corpus_dir):
    library = Library.open(corpus_dir)
    path = library.get("zubok-pleshakov-1996").path
    text = path.read_text(encoding="utf-8")
    library.set_aside("zubok-pleshakov-1996")
    path.write_text(text + "\nA second copy.\n", encoding="utf-8")
    library.reload()
    second = library.set_aside(_id_of(library, path))
    assert second.name == "zubok-pleshakov-1996~2.md"
    assert (corpus_dir / REMOVED_DIR / "zubok-pleshakov-1996.md").read_text() == text


def _id_of(library: Library, path: Path) -> str:
    return next(s.id for s in library.sources if s.path == path)


def test_set_aside_an_unknown_source_is_an_error(corpus_dir):
    with pytest.raises(LibraryError):
        Library.open(corpus_dir).set_aside("no-such-source")
