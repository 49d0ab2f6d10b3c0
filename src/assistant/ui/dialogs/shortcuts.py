"""Help ▸ Keyboard shortcuts (built from the menus themselves, so it never goes stale) and the
About text."""

from __future__ import annotations

import platform

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

import assistant
from assistant.ui.settings import APPLICATION

# Keys that belong to a pane rather than to a menu.
PANE_KEYS = [
    ("Search", "Move from the query into the hits", "Down"),
    ("Search", "Open the hit in the Reader", "Return"),
    ("Reader", "Previous / next passage", "Alt+Up, Alt+Down"),
    ("Reader", "Cite the selection", "Ctrl+Return"),
    ("Builder", "Insert the note (from the page field)", "Return"),
    ("Draft", "Cite a source by typing", "@"),
    ("Draft", "Edit the note at the cursor in the notes strip", "F2"),
    ("Outline", "Add a note / a child note", "Insert, Shift+Insert"),
    ("Outline", "Rename", "F2"),
    ("Outline", "Indent / outdent", "Tab, Shift+Tab"),
]


class ShortcutsDialog(QDialog):
    def __init__(self, rows: list[tuple[str, str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle("Keyboard shortcuts")
        all_rows = rows + PANE_KEYS
        self.table = QTableWidget(len(all_rows), 3)
        self.table.setHorizontalHeaderLabels(["Where", "Action", "Keys"])
        for row, values in enumerate(all_rows):
            for column, value in enumerate(values):
                item = QTableWidgetItem(value.rstrip("…"))
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(row, column, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(560, 560)


def about_text() -> str:
    return (
        f"<h3>{APPLICATION} {assistant.__version__}</h3>"
        "<p>Search your sources, cite them in Chicago notes-bibliography style, check your "
        "quotations, and export to Word with real footnotes. Works offline.</p>"
        f"<p>Python {platform.python_version()} · Qt {qVersion()} · PySide6 {pyside_version}</p>"
    )
