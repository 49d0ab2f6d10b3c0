"""The Library dock's Zotero import and linked exports, driven through the panel."""

from __future__ import annotations

import os
from pathlib import Path

from assistant.ui.library import LibraryPanel
from tests.library.test_zotero import _build


def _panel(qtbot, controller) -> LibraryPanel:
    panel = LibraryPanel(controller)
    qtbot.addWidget(panel)
    panel.show()
    return panel


def _wait_idle(qtbot, controller) -> None:
    qtbot.waitUntil(lambda: not controller.is_busy, timeout=30000)


def test_import_from_zotero_runs_in_the_background_and_adds_items_and_pdfs(
    qtbot, controller, tmp_path, monkeypatch
):
    template = _build(tmp_path / "zot")
    monkeypatch.setattr(
        "assistant.library.zotero.zotero_pref",
        lambda name, prefs_files=None: (
            str(template / "Attachments") if name == "baseAttachmentPath" else None
        ),
    )
    panel = _panel(qtbot, controller)
    assert panel.zotero_button.text() == "Import from Zotero…"
    with qtbot.waitSignal(controller.libraryChanged, timeout=30000):
        panel.import_zotero(template / "Zotero")  # returns at once: the import is a job
    _wait_idle(qtbot, controller)
    book = controller.item("goncharov-1993")
    assert book is not None and book["zotero-notes"][0].startswith("Read chapter 5")
    assert controller.library.get("goncharov-1993").path.name == "goncharov-1993.pdf"
    titles = [panel.table.item(r, 0).text() for r in range(panel.table.rowCount())]
    assert any(t.startswith("Uncertain Partners") for t in titles)


def test_the_zotero_dialog_starts_in_the_usual_data_folder(
    qtbot, controller, tmp_path, monkeypatch
):
    zotero_dir = tmp_path / "Zotero"
    zotero_dir.mkdir()
    monkeypatch.setattr("assistant.library.zotero.default_data_dir", lambda: zotero_dir)
    seen = {}

    def fake_dialog(parent, caption, start):
        seen["start"] = start
        return ""

    monkeypatch.setattr(
        "assistant.ui.library.library_panel.QFileDialog.getExistingDirectory", fake_dialog
    )
    _panel(qtbot, controller).import_zotero_dialog()
    assert seen["start"] == str(zotero_dir)


def test_a_linked_export_is_reloaded_when_the_file_changes(qtbot, controller, tmp_path):
    bib = tmp_path / "auto.bib"
    bib.write_text("@book{linked-one, title = {First}, year = 2001}\n", encoding="utf-8")
    panel = _panel(qtbot, controller)
    panel.link_check.setChecked(True)
    with qtbot.waitSignal(controller.libraryChanged, timeout=30000):
        panel.import_metadata(bib)
    _wait_idle(qtbot, controller)
    bib.write_text("@book{linked-one, title = {Second}, year = 2001}\n", encoding="utf-8")
    stat = bib.stat()
    os.utime(bib, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10_000_000))
    with qtbot.waitSignal(controller.libraryChanged, timeout=30000):
        controller.check_linked_exports()  # what the poll timer calls
    _wait_idle(qtbot, controller)
    assert controller.item("linked-one")["title"] == "Second"
    assert Path(controller.corpus_dir / ".linked-exports.json").is_file()
