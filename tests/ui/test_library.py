"""The library: adding files (good and bad), editing metadata, removing, reindexing."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt

from assistant.library.corpus import REMOVED_DIR, Library
from assistant.ui.library import LibraryPanel, MetadataDialog
from assistant.ui.library.controller import LibraryController
from assistant.ui.library.metadata_form import (
    MetadataError,
    form_to_item,
    names_to_text,
    text_to_date,
    text_to_names,
)


def _panel(qtbot, controller) -> LibraryPanel:
    panel = LibraryPanel(controller)
    qtbot.addWidget(panel)
    panel.resize(700, 500)
    panel.show()
    return panel


def _wait_idle(qtbot, controller: LibraryController) -> None:
    qtbot.waitUntil(lambda: not controller.is_busy, timeout=20000)


def test_panel_lists_the_sources(qtbot, controller):
    panel = _panel(qtbot, controller)
    rows = {
        tuple(panel.table.item(r, c).text() for c in range(4))
        for r in range(panel.table.rowCount())
    }
    assert (
        "Inside the Kremlin's Cold War: From Stalin to Khrushchev",
        "Zubok and Pleshakov",
        "1996",
        "zubok-pleshakov-1996.md",
    ) in rows
    assert any(row[1] == "Shen" and row[2] == "2000" for row in rows)
    assert not panel.problems.isVisible()


def test_unreadable_file_is_listed_and_nothing_else_is_lost(qtbot, controller, tmp_path):
    corpus = controller.corpus_dir
    sources_before = (corpus / "sources.json").read_text(encoding="utf-8")
    files_before = sorted(p.name for p in corpus.iterdir())
    panel = _panel(qtbot, controller)

    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4\n this is not really a PDF \x00\x01\x02")
    picture = tmp_path / "photo.jpg"
    picture.write_bytes(b"\xff\xd8\xff\xe0 not a text source")
    missing = tmp_path / "gone.md"
    good = tmp_path / "telegram notes.md"
    good.write_text(
        "# Telegram notes\n\nShtykov cabled Moscow about Kim's request.\n", encoding="utf-8"
    )

    with qtbot.waitSignal(controller.problemsChanged, timeout=20000):
        panel.add_files([broken, picture, missing, good])
    _wait_idle(qtbot, controller)

    texts = panel.problems.texts()
    assert panel.problems.isVisible()
    assert len(texts) == 3
    for path in (broken, picture, missing):
        line = next(t for t in texts if t.startswith(f"{path.name}: "))
        assert len(line) > len(path.name) + 10, "the message must say what is wrong"
    # Each reason is shown whole: wrapped onto as many lines as it needs, never cut off.
    view = panel.problems.list
    metrics = view.fontMetrics()
    width = view.viewport().width()
    for row in range(view.count()):
        item = view.item(row)
        needed = metrics.boundingRect(
            0, 0, width - 8, 10_000, Qt.TextFlag.TextWordWrap, item.text()
        )
        assert view.visualItemRect(item).height() >= needed.height()
        assert str(tmp_path) in item.toolTip()  # the full path, on hover
    # The good file went in; the bad ones did not; the old sources are intact.
    items = controller.items()
    assert "telegram-notes" in items
    assert {"shen-2000", "shuster-2019", "zubok-pleshakov-1996"} <= set(items)
    files_after = sorted(p.name for p in corpus.iterdir())
    assert set(files_after) - set(files_before) == {"telegram-notes.md"}
    reopened = json.loads((corpus / "sources.json").read_text(encoding="utf-8"))
    assert [i for i in reopened if i["id"] != "telegram-notes"] == json.loads(sources_before)
    # And the new source is searchable once the background reindex has run.
    results = controller.index.search("Shtykov cabled")
    assert any(hit.source_id == "telegram-notes" for hit in results.hits)
    assert controller.status_text.startswith("Index ready:")
    # Dismissing the messages hides the list.
    panel.problems.clear_button.click()
    assert not panel.problems.isVisible()


def test_metadata_edit_persists_to_sources_json(qtbot, controller):
    panel = _panel(qtbot, controller)
    panel.select("shen-2000")
    changed = []
    controller.libraryChanged.connect(lambda: changed.append(1))

    def fill(item: dict) -> dict | None:
        dialog = MetadataDialog(item)
        qtbot.addWidget(dialog)
        dialog.fields["page"].setText("44–68")
        dialog.fields["title-short"].setText("Sino-Soviet Relations and the Korean War")
        dialog.fields["DOI"].setText("10.1162/15203970051032318")
        dialog.date_edit.setText("2000-04")
        dialog.accept()
        return dialog.result_item()

    panel.open_dialog = fill
    panel.edit_selected()
    assert changed
    saved = {
        i["id"]: i for i in json.loads((controller.corpus_dir / "sources.json").read_text("utf-8"))
    }
    shen = saved["shen-2000"]
    assert shen["page"] == "44–68"
    assert shen["title-short"] == "Sino-Soviet Relations and the Korean War"
    assert shen["DOI"] == "10.1162/15203970051032318"
    assert shen["issued"] == {"date-parts": [[2000, 4]]}
    # Untouched fields survive, including the name's static ordering.
    assert shen["author"] == [{"family": "Shen", "given": "Zhihua", "static-ordering": True}]
    assert shen["container-title"] == "Journal of Cold War Studies"
    assert Library.open(controller.corpus_dir).items()["shen-2000"]["page"] == "44–68"
    _wait_idle(qtbot, controller)


def test_invalid_metadata_keeps_the_dialog_open_and_writes_nothing(qtbot, controller):
    before = (controller.corpus_dir / "sources.json").read_bytes()
    dialog = MetadataDialog(controller.items()["shuster-2019"])
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.date_edit.setText("spring 2019")
    dialog.accept()
    assert dialog.isVisible()
    assert "spring 2019" in dialog.error_label.text()
    assert dialog.result_item() is None
    dialog.date_edit.setText("2019")
    dialog.fields["title"].setText("   ")
    dialog.accept()
    assert dialog.error_label.text() == "A source needs a title."
    assert (controller.corpus_dir / "sources.json").read_bytes() == before


def test_update_item_failure_is_reported_not_raised(qtbot, controller, monkeypatch):
    """A full disk while saving metadata: a message, and sources.json as it was."""
    import errno
    import os

    before = (controller.corpus_dir / "sources.json").read_bytes()
    errors = []
    controller.errorOccurred.connect(errors.append)

    def disk_full(*_args):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    item = controller.items()["shen-2000"] | {"page": "45-68"}
    assert controller.update_item(item) is False
    assert errors == [
        "Could not save the metadata of shen-2000: [Errno 28] No space left on device"
    ]
    assert (controller.corpus_dir / "sources.json").read_bytes() == before
    assert controller.items()["shen-2000"]["page"] == "44-68"
    # Metadata that is not CSL-JSON is refused with the library's explanation.
    monkeypatch.undo()
    assert controller.update_item({"id": "shen-2000", "author": "Shen"}) is False
    assert "must be a list of names" in errors[-1]


def test_remove_source_moves_its_file_aside(qtbot, controller):
    panel = _panel(qtbot, controller)
    panel.select("zubok-pleshakov-1996")
    panel.confirm_remove = lambda source_id: True
    with qtbot.waitSignal(controller.libraryChanged, timeout=20000):
        panel.remove_selected()
    _wait_idle(qtbot, controller)
    assert "zubok-pleshakov-1996" not in controller.items()
    assert (controller.corpus_dir / REMOVED_DIR / "zubok-pleshakov-1996.md").is_file()
    assert panel.table.rowCount() == 2
    results = controller.index.search("Pleshakov")
    assert all(hit.source_id != "zubok-pleshakov-1996" for hit in results.hits)


def test_reindex_reports_progress_and_state(qtbot, indexed_corpus, tmp_path):
    controller = LibraryController(indexed_corpus.corpus_dir, tmp_path / "fresh-index")
    try:
        assert controller.status_text == "Index empty: not built yet"
        statuses: list[str] = []
        progress: list[tuple[int, int, str]] = []
        controller.statusChanged.connect(statuses.append)
        controller.indexProgress.connect(lambda *a: progress.append(a))
        with qtbot.waitSignal(controller.indexFinished, timeout=30000) as finished:
            controller.reindex()
        assert finished.args[0].indexed == 3
        assert any(s.startswith("Indexing 1/3") for s in statuses)
        assert progress[-1][:2] == (3, 3)
        count = controller.index.doc_count()
        assert controller.status_text == f"Index ready: {count:,} passages"
        _wait_idle(qtbot, controller)
        # A damaged index is rebuilt, and the status says why.
        for path in (tmp_path / "fresh-index").glob("MAIN_*.*"):  # every segment file
            path.write_bytes(b"garbage")
        with qtbot.waitSignal(controller.indexFinished, timeout=30000):
            controller.reindex()
        assert controller.status_text.startswith("Index rebuilt: ")
        assert controller.index.search("Acheson").hits
    finally:
        controller.shutdown()


def test_cancel_indexing_stops_and_says_so(qtbot, indexed_corpus, tmp_path):
    controller = LibraryController(indexed_corpus.corpus_dir, tmp_path / "fresh-index")
    try:
        with qtbot.waitSignal(
            controller.indexingChanged, timeout=30000, check_params_cb=lambda busy: not busy
        ):
            controller.reindex()
            controller.cancel_indexing()
        # Whether it was stopped before or after the child process started, nothing was
        # indexed and the status says it stopped.
        assert controller.status_text.startswith("Indexing stopped")
        assert controller.index.doc_count() == 0
        assert controller.last_report is None or controller.last_report.cancelled
    finally:
        controller.shutdown()


def test_index_process_honours_a_cancel_request(corpus_dir, tmp_path):
    import threading

    from assistant.ui.index_process import update_in_process

    cancel = threading.Event()
    cancel.set()
    report, passages = update_in_process(corpus_dir, tmp_path / "index", cancel=cancel)
    assert report.cancelled
    assert (report.indexed, passages) == (0, 0)


def test_name_and_date_conversions():
    previous = [{"family": "Shen", "given": "Zhihua", "static-ordering": True}]
    assert names_to_text(previous) == "Shen, Zhihua"
    assert text_to_names("Shen, Zhihua", previous) == previous
    assert text_to_names("Zubok, Vladislav\n\n Pleshakov ,  Constantine ") == [
        {"family": "Zubok", "given": "Vladislav"},
        {"family": "Pleshakov", "given": "Constantine"},
    ]
    assert text_to_names("Central Intelligence Agency") == [
        {"literal": "Central Intelligence Agency"}
    ]
    assert text_to_date("1950-01-12") == {"date-parts": [[1950, 1, 12]]}
    assert text_to_date("") is None
    for bad, fragment in (
        ("1950-13", "month 13"),
        ("12/01/1950", "is not a year"),
        ("1950-01-40", "day 40"),
    ):
        try:
            text_to_date(bad)
        except MetadataError as error:
            assert fragment in str(error)
        else:
            raise AssertionError(f"{bad!r} was accepted")
    try:
        text_to_names("Smith, John, Jr.")
    except MetadataError as error:
        assert "line 1" in str(error)
    else:
        raise AssertionError("a name with two commas was accepted")


def test_form_keeps_fields_it_does_not_show():
    item = {"id": "x", "type": "book", "title": "Old", "note": "keep me", "language": "en"}
    values = {"type": "book", "title": "New", "authors": "", "date": "1996"}
    edited = form_to_item(item, values)
    assert edited["note"] == "keep me" and edited["language"] == "en"
    assert edited["title"] == "New"
    assert edited["issued"] == {"date-parts": [[1996]]}


def test_indexed_corpus_copies_are_private(indexed_corpus):
    # Tests may add and remove files: each gets its own corpus and index.
    assert Path(indexed_corpus.corpus_dir).is_dir() and Path(indexed_corpus.index_dir).is_dir()
    assert "pytest" in str(indexed_corpus.corpus_dir)


def test_zotero_bibtex_export_updates_the_library(qtbot, controller, tmp_path):
    panel = _panel(qtbot, controller)
    export = tmp_path / "zotero.bib"
    export.write_text(
        "@article{weathersby-1993,\n"
        "  author = {Weathersby, Kathryn},\n"
        "  title = {Soviet Aims in Korea and the Origins of the Korean War, 1945--1950},\n"
        "  journal = {Cold War International History Project Working Paper},\n"
        "  number = {8},\n"
        "  year = {1993}\n"
        "}\n",
        encoding="utf-8",
    )
    with qtbot.waitSignal(controller.libraryChanged, timeout=20000):
        panel.import_metadata(export)
    _wait_idle(qtbot, controller)
    item = controller.item("weathersby-1993")
    assert item is not None and item["author"][0]["family"] == "Weathersby"
    saved = json.loads((controller.corpus_dir / "sources.json").read_text(encoding="utf-8"))
    assert "weathersby-1993" in {entry["id"] for entry in saved}
    titles = [panel.table.item(r, 0).text() for r in range(panel.table.rowCount())]
    # Pandoc reads English BibTeX titles into sentence case; notes capitalise them again.
    assert any(title.startswith("Soviet aims in korea") for title in titles)


def test_unreadable_zotero_export_is_listed_and_sources_json_untouched(qtbot, controller, tmp_path):
    sources = controller.corpus_dir / "sources.json"
    before = sources.read_bytes()
    panel = _panel(qtbot, controller)
    export = tmp_path / "broken.ris"
    export.write_text("this is not RIS at all\n", encoding="utf-8")
    with qtbot.waitSignal(controller.problemsChanged, timeout=20000) as blocker:
        panel.import_metadata(export)
    _wait_idle(qtbot, controller)
    assert [problem.path for problem in blocker.args[0]] == [str(export)]
    assert panel.problems.isVisible()
    assert sources.read_bytes() == before


def test_sources_table_is_sortable_filterable_and_titles_fit_one_line(qtbot, controller):
    panel = _panel(qtbot, controller)
    panel.resize(300, 500)
    panel.show()
    qtbot.waitExposed(panel)
    table = panel.table
    # A title column a writer can read at the dock's width, one line a source.
    assert table.columnWidth(0) >= 100
    row_height = table.rowHeight(0)
    assert row_height < table.fontMetrics().lineSpacing() * 2.5  # one line, not wrapped
    # Sorting by year puts the 1996 book first.
    table.sortByColumn(2, Qt.SortOrder.AscendingOrder)
    assert table.item(0, 2).text() == "1996"
    table.sortByColumn(2, Qt.SortOrder.DescendingOrder)
    assert table.item(0, 2).text() == "2019"
    # The filter keeps only what matches every word typed.
    qtbot.keyClicks(panel.filter_edit, "zubok 1996")
    assert panel.visible_titles() == ["Inside the Kremlin's Cold War: From Stalin to Khrushchev"]
    panel.filter_edit.clear()
    assert len(panel.visible_titles()) == 3


def test_the_pdf_page_offset_is_a_whole_number_or_blank():
    item = {"id": "x", "type": "article-journal", "title": "Offprint", "page-offset": 4}
    values = {"type": "article-journal", "title": "Offprint", "page-offset": " 210 "}
    assert form_to_item(item, values)["page-offset"] == 210
    assert "page-offset" not in form_to_item(item, {**values, "page-offset": ""})
    assert form_to_item(item, {**values, "page-offset": "−3"})["page-offset"] == -3
    try:
        form_to_item(item, {**values, "page-offset": "p. 211"})
    except MetadataError as error:
        assert "whole number" in str(error)
    else:
        raise AssertionError("a page offset that is not a number was accepted")


def test_the_dialog_shows_and_saves_the_offset_and_language(qtbot):
    item = {"id": "x", "type": "article-journal", "title": "Offprint", "language": "ru"}
    dialog = MetadataDialog(item)
    qtbot.addWidget(dialog)
    assert dialog.language_edit.text() == "ru"
    dialog.offset_edit.setText("210")
    dialog.language_edit.setText("ru, en")
    edited = dialog.item()
    assert edited["page-offset"] == 210 and edited["language"] == "ru, en"
