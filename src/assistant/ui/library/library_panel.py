"""The Library panel: sources, add/edit/remove, reindex with progress, import problems."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDockWidget,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from assistant.ui.library.metadata_form import MetadataDialog
from assistant.ui.library.problems_view import ProblemsView
from assistant.ui.library_controller import LibraryController

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
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        # Titles wrap; row heights follow the column widths.
        header.sectionResized.connect(lambda *_a: self.table.resizeRowsToContents())
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.table.itemSelectionChanged.connect(self._update_buttons)

        self.add_button = QPushButton("Add files…", self)
        self.add_button.setToolTip("Copy PDF, Word, Markdown or text files into the library")
        self.import_button = QPushButton("Import Zotero export…", self)
        self.import_button.setToolTip(
            "Merge citation details from a Zotero export (CSL-JSON, BibTeX .bib or RIS .ris)"
        )
        self.edit_button = QPushButton("Edit details…", self)
        self.remove_button = QPushButton("Remove", self)
        self.remove_button.setToolTip(
            "Take the source out of the library (its file goes to the corpus’s .removed folder)"
        )
        self.reindex_button = QPushButton("Reindex", self)
        self.reindex_button.setToolTip("Bring the search index up to date with the files")
        self.cancel_button = QPushButton("Stop", self)
        self.cancel_button.setToolTip("Stop indexing (the index stays usable)")
        self.add_button.clicked.connect(self.add_files_dialog)
        self.import_button.clicked.connect(self.import_metadata_dialog)
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
        adding.addWidget(self.import_button)
        adding.addStretch(1)
        managing = QHBoxLayout()
        managing.setContentsMargins(0, 0, 0, 0)
        managing.addWidget(self.edit_button)
        managing.addWidget(self.remove_button)
        managing.addStretch(1)
        managing.addWidget(self.reindex_button)
        managing.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(adding)
        layout.addLayout(managing)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.progress)
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
        self._controller.import_metadata(path)

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
                cell.setToolTip(str(path) if column == 3 and path is not None else text)
                if column == 0:
                    cell.setData(Qt.ItemDataRole.UserRole, source_id)
                self.table.setItem(row, column, cell)
        self.table.resizeRowsToContents()
        if selected:
            self.select(selected)
        self._update_buttons()

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
