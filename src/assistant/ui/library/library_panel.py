"""The Library panel: sources, add/edit/remove, reindex with progress, import problems."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDockWidget,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from assistant.ui.library.controller import LibraryController
from assistant.ui.library.metadata_form import MetadataDialog
from assistant.ui.library.problems_view import ProblemsView

WIDE_ENOUGH_FOR_FILES = 440
FILE_FILTER = (
    "Sources (*.pdf *.docx *.md *.markdown *.txt *.png *.jpg *.jpeg *.tif *.tiff);;All files (*)"
)


def _authors(item: dict[str, Any]) -> str:
    names = []
    for name in item.get("author") or item.get("editor") or []:
        names.append(name.get("literal") or name.get("family") or "")
    if len(names) > 2:
        return f"{names[0]} et al."
    return " and ".join(n for n in names if n)


def _year(item: dict[str, Any]) -> str:
    parts = (item.get("issued") or {}).get("date-parts") or []
    return str(parts[0][0]) if parts and parts[0] else ""


class LibraryPanel(QWidget):
    """Sources in the corpus and the actions on them; everything slow runs in the controller."""

    COLUMNS = ("Title", "Author", "Year", "File")

    def __init__(self, controller: LibraryController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("libraryPanel")
        self._controller = controller
        # Replaced in tests; asked before a source leaves the library.
        self.confirm_remove: Callable[[str], bool] = self._ask_remove
        self.open_dialog: Callable[[dict], dict | None] = self._edit_dialog

        self.table = QTableWidget(0, len(self.COLUMNS), self)
        self.table.setObjectName("librarySources")
        self.table.setHorizontalHeaderLabels(list(self.COLUMNS))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        # One line a source, the title ending in "…" (whole in its tooltip): a narrow dock
        # then shows a title column, not a letter a line.
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setSortingEnabled(True)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setMinimumSectionSize(36)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        metrics = self.table.fontMetrics()
        self.table.setColumnWidth(1, metrics.horizontalAdvance("Zubok and Pl") + 16)
        self.table.setColumnWidth(2, metrics.horizontalAdvance("8888") + 20)
        self.table.setColumnWidth(3, metrics.horizontalAdvance("shuster-2019.pdf") + 16)
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("libraryFilter")
        self.filter_edit.setPlaceholderText("Filter by title, author, year or file")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._apply_filter)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.table.itemSelectionChanged.connect(self._update_buttons)

        self.add_button = QPushButton("Add files…", self)
        self.add_button.setToolTip("Copy PDF, Word, Markdown or text files into the library")
        self.import_button = QPushButton("Import Zotero export…", self)
        self.import_button.setToolTip(
            "Import citation details from an export (CSL-JSON, BibTeX .bib or RIS .ris)"
        )
        self.link_check = QCheckBox("Keep linked", self)
        self.link_check.setToolTip(
            "Re-import the export whenever the file changes (a Better BibTeX auto-export, say)"
        )
        self.zotero_button = QPushButton("Import from Zotero…", self)
        self.zotero_button.setToolTip(
            "Read your Zotero library (its data folder, usually ~/Zotero): items, notes and "
            "PDFs. Zotero can stay open; nothing in it is changed."
        )
        self.edit_button = QPushButton("Edit details…", self)
        self.remove_button = QPushButton("Remove", self)
        self.remove_button.setToolTip(
            "Take the source out of the library (its file goes to the corpus’s .removed folder)"
        )
        self.reindex_button = QPushButton("Reindex", self)
        self.reindex_button.setObjectName("libraryReindex")
        self.reindex_button.setToolTip("Bring the search index up to date with the files")
        self.cancel_button = QPushButton("Stop", self)
        self.cancel_button.setToolTip("Stop indexing (the index stays usable)")
        self.add_button.clicked.connect(self.add_files_dialog)
        self.import_button.clicked.connect(self.import_metadata_dialog)
        self.zotero_button.clicked.connect(self.import_zotero_dialog)
        self.edit_button.clicked.connect(self.edit_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.reindex_button.clicked.connect(lambda: controller.reindex())
        self.cancel_button.clicked.connect(controller.cancel_indexing)

        self.progress = QProgressBar(self)
        self.progress.setObjectName("libraryProgress")
        self.progress.setTextVisible(True)
        self.status = QLabel(controller.status_text, self)
        self.status.setObjectName("libraryStatus")
        self.status.setWordWrap(True)

        self.problems = ProblemsView(self)
        self.problems.clearRequested.connect(controller.clear_problems)

        # Two short rows rather than one long one: the dock shares the left column with the
        # search pane and must not force the draft in the centre to shrink.
        adding = QHBoxLayout()
        adding.setContentsMargins(0, 0, 0, 0)
        adding.addWidget(self.add_button)
        adding.addWidget(self.zotero_button)
        adding.addStretch(1)
        importing = QHBoxLayout()
        importing.setContentsMargins(0, 0, 0, 0)
        importing.addWidget(self.import_button)
        importing.addWidget(self.link_check)
        importing.addStretch(1)
        managing = QHBoxLayout()
        managing.setContentsMargins(0, 0, 0, 0)
        managing.addWidget(self.edit_button)
        managing.addWidget(self.remove_button)
        managing.addStretch(1)
        indexing = QHBoxLayout()
        indexing.setContentsMargins(0, 0, 0, 0)
        indexing.addWidget(self.progress, 1)
        indexing.addWidget(self.reindex_button)
        indexing.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(adding)
        layout.addLayout(importing)
        layout.addLayout(managing)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addLayout(indexing)
        layout.addWidget(self.problems)

        controller.libraryChanged.connect(self.refresh)
        controller.problemsChanged.connect(self.problems.set_problems)
        controller.statusChanged.connect(self.status.setText)
        controller.indexProgress.connect(self._on_progress)
        controller.indexingChanged.connect(self._on_indexing)
        controller.errorOccurred.connect(self._on_error)
        self.refresh()
        self.problems.set_problems(controller.problems())
        self._on_indexing(controller.is_indexing)

    # -- actions ----------------------------------------------------------------------------

    def selected_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.table.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole)

    def select(self, source_id: str) -> None:
        for row in range(self.table.rowCount()):
            if self.table.item(row, 0).data(Qt.ItemDataRole.UserRole) == source_id:
                self.table.selectRow(row)
                return

    def add_files_dialog(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, "Add sources to the library", "", FILE_FILTER)
        if paths:
            self.add_files([Path(p) for p in paths])

    def add_files(self, paths: list[Path]) -> None:
        self.status.setText(f"Adding {len(paths)} file{'s' if len(paths) != 1 else ''}…")
        self._controller.add_files(paths)

    def import_metadata_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            "Import citation details",
            "",
            "Zotero exports (*.json *.bib *.ris);;All files (*)",
        )
        if path:
            self.import_metadata(Path(path))

    def import_metadata(self, path: Path) -> None:
        self.status.setText(f"Importing {path.name}…")
        self._controller.import_metadata(path, link=self.link_check.isChecked())

    def import_zotero_dialog(self) -> None:
        from assistant.library.zotero import default_data_dir

        start = default_data_dir()
        folder = QFileDialog.getExistingDirectory(
            self,
            "Import from Zotero: choose Zotero's data folder (it holds zotero.sqlite)",
            str(start if start.is_dir() else Path.home()),
        )
        if folder:
            self.import_zotero(Path(folder))

    def import_zotero(self, data_dir: Path, collection: str | None = None) -> None:
        self.status.setText(f"Importing the Zotero library in {data_dir}…")
        self._controller.import_source(data_dir, collection=collection)

    def edit_selected(self) -> None:
        source_id = self.selected_id()
        if source_id is None:
            return
        item = self._controller.item(source_id)
        if item is None:
            return
        edited = self.open_dialog(item)
        if edited is not None and edited != item and self._controller.update_item(edited):
            self.status.setText(f"Saved the details of {source_id}.")

    def remove_selected(self) -> None:
        source_id = self.selected_id()
        if source_id is not None and self.confirm_remove(source_id):
            self._controller.remove_source(source_id)

    # -- view -------------------------------------------------------------------------------

    def refresh(self) -> None:
        selected = self.selected_id()
        items = self._controller.items()
        sources = {source.id: source for source in self._controller.library.sources}
        sorting = self.table.isSortingEnabled()
        self.table.setSortingEnabled(False)  # rows would move while they are filled
        self.table.setRowCount(0)
        for source_id, item in sorted(
            items.items(), key=lambda kv: str(kv[1].get("title", kv[0])).lower()
        ):
            row = self.table.rowCount()
            self.table.insertRow(row)
            source = sources.get(source_id)
            path = source.path if source is not None else None
            cells = (
                str(item.get("title") or source_id),
                _authors(item),
                _year(item),
                path.name if path is not None else "(no file)",
            )
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if column == 0 and path is not None:
                    cell.setToolTip(f"{text}\n{path.name}")
                else:
                    cell.setToolTip(str(path) if column == 3 and path is not None else text)
                if column == 0:
                    cell.setData(Qt.ItemDataRole.UserRole, source_id)
                self.table.setItem(row, column, cell)
        self.table.setSortingEnabled(sorting)
        self._apply_filter(self.filter_edit.text())
        if selected:
            self.select(selected)
        self._update_buttons()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        # In the narrow left column the file name gives way to the title (it is the title's
        # tooltip too); a wider or floated dock shows it.
        self.table.setColumnHidden(3, self.width() < WIDE_ENOUGH_FOR_FILES)

    def _apply_filter(self, text: str) -> None:
        """Show the sources whose title, authors, year or file contain every word typed."""
        words = text.casefold().split()
        for row in range(self.table.rowCount()):
            cells = " ".join(
                (self.table.item(row, column).text() if self.table.item(row, column) else "")
                for column in range(self.table.columnCount())
            ).casefold()
            self.table.setRowHidden(row, not all(word in cells for word in words))

    def visible_titles(self) -> list[str]:
        return [
            self.table.item(row, 0).text()
            for row in range(self.table.rowCount())
            if not self.table.isRowHidden(row)
        ]

    def _update_buttons(self) -> None:
        has = self.selected_id() is not None
        self.edit_button.setEnabled(has)
        self.remove_button.setEnabled(has)

    def _on_progress(self, done: int, total: int, _source_id: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _on_indexing(self, busy: bool) -> None:
        self.cancel_button.setEnabled(busy)
        self.reindex_button.setEnabled(not busy)
        if busy:
            self.progress.setRange(0, 0)  # busy until the first progress report
            self.progress.show()
        else:
            self.progress.hide()

    def _on_error(self, message: str) -> None:
        self.status.setText(message)

    def _ask_remove(self, source_id: str) -> bool:
        title = (self._controller.item(source_id) or {}).get("title", source_id)
        answer = QMessageBox.question(
            self,
            "Remove source",
            f"Remove “{title}” from the library?\n\nIts file is moved to the corpus’s "
            ".removed folder; notes that cite it keep their citation.",
        )
        return answer == QMessageBox.StandardButton.Yes

    def _edit_dialog(self, item: dict) -> dict | None:
        dialog = MetadataDialog(item, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return dialog.result_item()
        return None


class LibraryDock(QDockWidget):
    """The panel in a dock (objectName `libraryDock`, so window state can restore it)."""

    def __init__(self, controller: LibraryController, parent: QWidget | None = None) -> None:
        super().__init__("Library", parent)
        self.setObjectName("libraryDock")
        self.panel = LibraryPanel(controller, self)
        self.setWidget(self.panel)
