"""Import problems listed readably: the file (or record) and what is wrong with it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from assistant.library.model import ImportProblem
from assistant.ui import theme


class ProblemsView(QWidget):
    """A list of `ImportProblem`s; hidden when there are none."""

    clearRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importProblems")
        self.title = QLabel(self)
        self.title.setStyleSheet(f"color:{theme.scheme().error}; font-weight:600")
        self.list = QListWidget(self)
        self.list.setWordWrap(True)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setAlternatingRowColors(True)
        self.clear_button = QPushButton("Dismiss", self)
        self.clear_button.setToolTip("Hide these messages (the files were not added)")
        self.clear_button.clicked.connect(self.clearRequested)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.title, 1)
        top.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.list)
        self.set_problems([])

    def set_problems(self, problems: list[ImportProblem]) -> None:
        self.list.clear()
        for problem in problems:
            # The file's name and the whole reason, wrapped; the full path is the tooltip.
            name = Path(problem.path).name or problem.path
            item = QListWidgetItem(f"{name}: {problem.message}")
            item.setToolTip(f"{problem.path}: {problem.message}")
            item.setData(Qt.ItemDataRole.UserRole, problem)
            self.list.addItem(item)
        count = len(problems)
        self.title.setText(f"{count} file{'s' if count != 1 else ''} could not be used")
        self.setVisible(bool(problems))
        self._fit_height()

    def _fit_height(self) -> None:
        """Tall enough for the wrapped reasons of the first few problems (up to ~12 lines);
        more scroll."""
        self.list.doItemsLayout()
        line = self.list.fontMetrics().lineSpacing()
        wanted = sum(
            self.list.visualItemRect(self.list.item(row)).height()
            for row in range(min(self.list.count(), 4))
        )
        self.list.setMaximumHeight(max(line + 8, min(wanted + 8, 12 * line + 8)))
        self.list.setMinimumHeight(min(self.list.maximumHeight(), 3 * line + 8))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_height()

    def texts(self) -> list[str]:
        return [self.list.item(row).text() for row in range(self.list.count())]
