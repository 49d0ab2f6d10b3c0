"""The Zotero library read from a real Zotero 7 database (built from Zotero's own schema)."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest

from assistant.library.corpus import Library
from assistant.library.errors import ImportFailed
from assistant.library.importing import import_source
from assistant.library.zotero import read_zotero

from .zotero_db import ZoteroBuilder


def _pdf(path: Path, pages: list[str], roman_front: int = 0) -> Path:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("Helvetica", size=11)
    for number, text in enumerate(pages):
        if number < roman_front:
            pdf.add_page(label_style="r", label_start=1 if number == 0 else None)
        elif number == roman_front:
            pdf.add_page(label_style="D", label_start=1)
        else:
            pdf.add_page()
        pdf.multi_cell(0, 6, text)
    pdf.output(str(path))
    return path


@pytest.fixture(scope="module")
def zotero_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build(tmp_path_factory.mktemp("zotero-template"))


@pytest.fixture
def zotero(zotero_template: Path, tmp_path: Path) -> dict:
    """A fresh copy of the template library for each test (tests change it)."""
    shutil.copytree(zotero_template, tmp_path, dirs_exist_ok=True)
    database = sqlite3.connect(tmp_path / "Zotero" / "zotero.sqlite")
    (book,) = database.execute(
        "SELECT itemID FROM items JOIN itemData USING (itemID) JOIN itemDataValues "
        "USING (valueID) WHERE value LIKE 'Uncertain Partners%'"
    ).fetchone()
    database.close()
    return {"dir": tmp_path / "Zotero", "base": tmp_path / "Attachments", "book": book}


def _build(tmp_path: Path) -> Path:
    """A Zotero data directory: nested collections, a trashed item, a child note, one stored
    PDF, one linked by absolute path, one linked under the base directory, Better BibTeX
    and Zotero 7 citation keys, one-field creators."""
    z = ZoteroBuilder(tmp_path / "Zotero")
    base = tmp_path / "Attachments"
    base.mkdir()
    book, _ = z.add_item(
        "book",
        {
            "title": "Uncertain Partners: Stalin, Mao, and the Korean War",
            "date": "1993-00-00 1993",
            "publisher": "Stanford University Press",
            "place": "Stanford, CA",
            "ISBN": "978-0-8047-2521-5 0804725217",
        },
        [
            {"creatorType": "author", "firstName": "Sergei N.", "lastName": "Goncharov"},
            {"creatorType": "author", "firstName": "John W.", "lastName": "Lewis"},
            {"creatorType": "author", "firstName": "Litai", "lastName": "Xue"},
        ],
    )
    z.add_note(book, "<p>Read <b>chapter 5</b> for the April 1950 meetings.</p><p>Second.</p>")
    scanned = _pdf(
        tmp_path / "goncharov.pdf",
        ["Preface.", "Stalin gave his consent in April 1950.", "Mao agreed in May."],
        roman_front=1,
    )
    z.add_stored_file(book, scanned, "Goncharov et al. - 1993 - Uncertain Partners.pdf")

    chapter, _ = z.add_item(
        "bookSection",
        {
            "title": "The Korean War",
            "bookTitle": "The Cambridge History of the Cold War",
            "pages": "265-287",
            "date": "2010-06-00 June 2010",
            "citationKey": "stueck2010",
        },
        [
            {"creatorType": "author", "firstName": "William", "lastName": "Stueck"},
            {"creatorType": "editor", "firstName": "Melvyn P.", "lastName": "Leffler"},
        ],
    )
    report, _ = z.add_item(
        "report",
        {
            "title": "Estimate of Soviet Intentions",
            "institution": "Central Intelligence Agency",
            "date": "1950-06-25 June 25, 1950",
            "extra": "Citation Key: cia1950\nOriginal Date: 1949",
        },
        [{"creatorType": "author", "name": "Central Intelligence Agency"}],
    )
    linked_pdf = _pdf(tmp_path / "elsewhere.pdf", ["A linked file about the Korean War."])
    z.add_linked_file(report, str(linked_pdf))
    article, _ = z.add_item(
        "journalArticle",
        {"title": "Soviet Aims in Korea", "publicationTitle": "CWIHP Working Paper"},
        [{"creatorType": "author", "firstName": "Kathryn", "lastName": "Weathersby"}],
    )
    (base / "papers").mkdir()
    _pdf(base / "papers" / "weathersby.pdf", ["Weathersby on Soviet aims."])
    z.add_linked_file(article, "attachments:papers/weathersby.pdf")
    trashed, _ = z.add_item("journalArticle", {"title": "In the trash"})
    z.trash(trashed)

    war = z.add_collection("Korean War")
    origins = z.add_collection("Origins", parent=war)
    soviet = z.add_collection("Soviet side", parent=origins)
    z.add_to_collection(war, book)
    z.add_to_collection(soviet, report)
    z.add_to_collection(z.add_collection("Elsewhere"), chapter)
    z.close()
    return tmp_path


def _by_id(library) -> dict:
    return {record.item["id"]: record for record in library.records}


def test_items_creators_notes_and_ids(zotero):
    records = _by_id(read_zotero(zotero["dir"], base_dir=zotero["base"]))
    assert set(records) == {"goncharov-1993", "stueck2010", "cia1950", "weathersby"}
    book = records["goncharov-1993"].item
    assert book["type"] == "book"
    assert [a["family"] for a in book["author"]] == ["Goncharov", "Lewis", "Xue"]
    assert book["ISBN"] == "978-0-8047-2521-5"  # Zotero's CSL export keeps the first ISBN
    assert book["issued"] == {"date-parts": [[1993]]}
    assert book["zotero-notes"] == ["Read chapter 5 for the April 1950 meetings.\nSecond."]
    chapter = records["stueck2010"].item
    assert chapter["type"] == "chapter"
    assert chapter["container-title"] == "The Cambridge History of the Cold War"
    assert chapter["editor"] == [{"family": "Leffler", "given": "Melvyn P."}]
    assert chapter["issued"] == {"date-parts": [[2010, 6]]}
    report = records["cia1950"].item
    assert report["author"] == [{"literal": "Central Intelligence Agency"}]
    assert report["publisher"] == "Central Intelligence Agency"
    assert report["issued"] == {"date-parts": [[1950, 6, 25]]}
    assert report["original-date"] == {"date-parts": [[1949]]}
    assert "note" not in report  # Extra held only variables
    assert records["stueck2010"].generated_id is False
    assert records["goncharov-1993"].generated_id is True


def test_better_bibtex_keys_from_its_own_database(zotero):
    bbt = sqlite3.connect(zotero["dir"] / "better-bibtex.sqlite")
    # Better BibTeX 6+'s table of keys, pinned or not.
    bbt.execute(
        "CREATE TABLE citationkey (itemID NOT NULL PRIMARY KEY, itemKey NOT NULL, "
        "libraryID NOT NULL, citationKey NOT NULL, pinned, lastPinned)"
    )
    (key,) = (
        sqlite3.connect(zotero["dir"] / "zotero.sqlite")
        .execute("SELECT key FROM items WHERE itemID = ?", (zotero["book"],))
        .fetchone()
    )
    bbt.execute(
        "INSERT INTO citationkey VALUES (?, ?, 1, 'goncharovUncertainPartners1993', 0, NULL)",
        (zotero["book"], key),
    )
    bbt.commit()
    bbt.close()
    ids = {r.item["id"] for r in read_zotero(zotero["dir"]).records}
    assert "goncharovUncertainPartners1993" in ids and "goncharov-1993" not in ids


def test_trashed_items_are_skipped(zotero):
    titles = {r.item.get("title") for r in read_zotero(zotero["dir"]).records}
    assert "In the trash" not in titles


def test_a_collection_with_its_subcollections(zotero):
    library = read_zotero(zotero["dir"], collection="korean war")
    assert {r.item["id"] for r in library.records} == {"goncharov-1993", "cia1950"}
    assert library.collection == "Korean War"
    nested = read_zotero(zotero["dir"], collection="Korean War/Origins")
    assert {r.item["id"] for r in nested.records} == {"cia1950"}
    with pytest.raises(ImportFailed, match=r"no collection of that name.*Korean War/Origins"):
        read_zotero(zotero["dir"], collection="Pacific")


def test_stored_and_linked_pdfs_are_the_items_documents(zotero):
    records = _by_id(read_zotero(zotero["dir"], base_dir=zotero["base"]))
    stored = records["goncharov-1993"].document
    assert stored is not None and stored.parent.parent.name == "storage"
    assert records["cia1950"].document.name == "elsewhere.pdf"
    assert records["weathersby"].document == zotero["base"] / "papers" / "weathersby.pdf"
    unresolved = read_zotero(zotero["dir"], base_dir=None)
    assert _by_id(unresolved)["weathersby"].document is None
    assert any("base directory" in p for p in unresolved.problems)


def _corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    return corpus


def test_import_copies_pdfs_in_and_they_index_with_page_labels(zotero, tmp_path):
    library = Library.open(_corpus(tmp_path))
    report = import_source(library, zotero["dir"], base_dir=zotero["base"])
    assert sorted(report.added) == ["cia1950", "goncharov-1993", "stueck2010", "weathersby"]
    assert sorted(report.documents) == ["cia1950", "goncharov-1993", "weathersby"]
    source = library.get("goncharov-1993")
    assert source.path.name == "goncharov-1993.pdf"
    pages = {p.page for p in library.document("goncharov-1993").passages}
    assert pages == {"i", "1", "2"}
    assert library.get("stueck2010").path is None


def test_the_database_is_never_changed_and_is_read_while_zotero_holds_its_lock(zotero, tmp_path):
    database = zotero["dir"] / "zotero.sqlite"
    before = hashlib.sha1(database.read_bytes()).hexdigest()
    holder = sqlite3.connect(database)
    holder.execute("PRAGMA locking_mode=EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")  # as a running Zotero holds it
    try:
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            sqlite3.connect(database, timeout=0.1).execute("SELECT 1 FROM items").fetchall()
        library = Library.open(_corpus(tmp_path))
        report = import_source(library, database, base_dir=zotero["base"])
        assert len(report.added) == 4
    finally:
        holder.rollback()
        holder.close()
    assert hashlib.sha1(database.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in zotero["dir"].iterdir()) == ["storage", "zotero.sqlite"]


def test_reimport_updates_changed_items_adds_new_ones_and_keeps_generated_ids(zotero, tmp_path):
    library = Library.open(_corpus(tmp_path))
    import_source(library, zotero["dir"], base_dir=zotero["base"])
    z = _reopen(zotero)
    z.set_field(zotero["book"], "publisher", "Stanford UP")
    # A second Goncharov 1993 arrives; the first keeps its id, the new one gets another.
    z.add_item(
        "journalArticle",
        {"title": "Another", "date": "1993"},
        [{"creatorType": "author", "firstName": "Sergei N.", "lastName": "Goncharov"}],
    )
    z.close()
    again = import_source(library, zotero["dir"], base_dir=zotero["base"])
    assert again.updated == ["goncharov-1993"]
    assert again.added == ["goncharov-1993-2"]
    assert sorted(again.unchanged) == ["cia1950", "stueck2010", "weathersby"]
    assert again.documents == []  # the PDFs did not change
    assert library.items()["goncharov-1993"]["publisher"] == "Stanford UP"
    assert len(library.sources) == 5


def test_a_source_edited_in_the_app_is_not_overwritten_without_saying_so(zotero, tmp_path):
    library = Library.open(_corpus(tmp_path))
    import_source(library, zotero["dir"], base_dir=zotero["base"])
    edited = library.items()["goncharov-1993"]
    edited["title"] = "Uncertain Partners (my corrected title)"
    library.update_item(edited)
    z = _reopen(zotero)
    z.set_field(zotero["book"], "publisher", "Stanford UP")
    z.close()
    report = import_source(library, zotero["dir"], base_dir=zotero["base"])
    assert report.updated == [] and len(report.kept_edits) == 1
    assert "goncharov-1993" in report.kept_edits[0] and "your edit is kept" in report.kept_edits[0]
    assert library.items()["goncharov-1993"]["title"] == "Uncertain Partners (my corrected title)"
    assert any("your edit is kept" in p.message for p in library.problems)
    forced = import_source(library, zotero["dir"], base_dir=zotero["base"], replace_edited=True)
    assert forced.updated == ["goncharov-1993"]
    assert library.items()["goncharov-1993"]["publisher"] == "Stanford UP"


def test_an_existing_source_with_the_same_id_is_never_merged(zotero, tmp_path):
    corpus = _corpus(tmp_path)
    (corpus / "sources.json").write_text(
        '[{"id": "stueck2010", "type": "book", "title": "My own book"}]', encoding="utf-8"
    )
    library = Library.open(corpus)
    report = import_source(library, zotero["dir"], base_dir=zotero["base"])
    assert "stueck2010" not in report.added
    assert any("'stueck2010' is already the id of another source" in d for d in report.duplicates)
    assert library.items()["stueck2010"]["title"] == "My own book"


def test_not_a_zotero_database(tmp_path):
    other = tmp_path / "other.sqlite"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.close()
    with pytest.raises(ImportFailed, match="not a Zotero library"):
        read_zotero(other)
    garbage = tmp_path / "zotero.sqlite"
    garbage.write_bytes(b"not a database at all" * 100)
    with pytest.raises(ImportFailed, match="not a readable SQLite database"):
        read_zotero(garbage)
    (tmp_path / "empty").mkdir()
    with pytest.raises(ImportFailed, match=r"no zotero\.sqlite"):
        read_zotero(tmp_path / "empty")
    with pytest.raises(ImportFailed, match="no such file or folder"):
        read_zotero(tmp_path / "nowhere")


def test_a_missing_attachment_is_reported_and_the_item_still_imported(zotero, tmp_path):
    shutil.rmtree(zotero["dir"] / "storage")
    library = read_zotero(zotero["dir"], base_dir=zotero["base"])
    assert _by_id(library)["goncharov-1993"].document is None
    assert any("not on this computer" in p for p in library.problems)


def _reopen(zotero: dict) -> ZoteroBuilder:
    return ZoteroBuilder.reopen(zotero["dir"])


def test_a_changed_pdf_replaces_the_copy_and_the_writers_own_file_is_kept(zotero, tmp_path):
    library = Library.open(_corpus(tmp_path))
    import_source(library, zotero["dir"], base_dir=zotero["base"])
    (stored,) = (zotero["dir"] / "storage").glob("*/*.pdf")
    _pdf(stored, ["A new scan: Stalin consented in April 1950."])
    report = import_source(library, zotero["dir"], base_dir=zotero["base"])
    assert report.documents == ["goncharov-1993"]
    assert "new scan" in library.document("goncharov-1993").text
    # The writer puts a document of their own in place of an imported one's: it stays.
    own = library.corpus_dir / "weathersby.pdf"
    _pdf(own, ["My own annotated copy."])
    linked = zotero["base"] / "papers" / "weathersby.pdf"
    _pdf(linked, ["Weathersby, second edition."])
    report = import_source(library, zotero["dir"], base_dir=zotero["base"])
    assert any("not copied over it" in p for p in report.problems)
    assert "My own annotated copy" in library.document("weathersby").text


def test_notes_and_the_import_record_stay_in_the_library_not_in_cited_items(zotero, tmp_path):
    library = Library.open(_corpus(tmp_path))
    import_source(library, zotero["dir"], base_dir=zotero["base"])
    full = library.get("goncharov-1993").item
    assert full["zotero-notes"] and full["imported-from"]["kind"] == "zotero"
    cited = library.items()["goncharov-1993"]  # what essays snapshot and drafts export
    assert "zotero-notes" not in cited and "imported-from" not in cited
    cited["title"] = "Edited"
    library.update_item(cited)
    kept = library.get("goncharov-1993").item
    assert kept["title"] == "Edited" and kept["zotero-notes"] == full["zotero-notes"]
    assert kept["imported-from"] == full["imported-from"]
