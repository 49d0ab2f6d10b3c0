"""Import problems listed readably: the file (or record) and what is wrong with it."""

from __future__ import annotations

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
            item = QListWidgetItem(f"{problem.path}: {problem.message}")
            item.setToolTip(str(problem))
            item.setData(Qt.ItemDataRole.UserRole, problem)
            self.list.addItem(item)
        count = len(problems)
        self.title.setText(f"{count} file{'s' if count != 1 else ''} could not be used")
        rows = max(1, min(count, 5))
        self.list.setMaximumHeight(rows * (self.list.fontMetrics().lineSpacing() + 6) + 8)
        self.setVisible(bool(problems))

    def texts(self) -> list[str]:
        return [self.list.item(row).text() for row in range(self.list.count())]
