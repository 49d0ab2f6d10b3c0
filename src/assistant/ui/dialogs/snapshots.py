"""File ▸ Snapshots…: take a named version, compare one side by side with the text now,
restore it (the current text is snapshotted first, so nothing is lost)."""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from assistant.essay.model import Essay
from assistant.essay.snapshots import (
    EssayFileError,
    Row,
    Snapshot,
    compare,
    list_snapshots,
    load_snapshot,
    take_snapshot,
)
from assistant.ui import theme


def _pieces_html(pieces: tuple[tuple[str, bool], ...], colour: str) -> str:
    return "".join(
        f'<span style="background-color:{colour}">{html.escape(text)}</span>'
        if differs
        else html.escape(text)
        for text, differs in pieces
    )


def rows_html(rows: list[Row], side: str) -> str:
    scheme = theme.scheme()
    colour = scheme.quote_problem_bg if side == "old" else scheme.match_bg
    parts = []
    for row in rows:
        pieces = row.old if side == "old" else row.new
        body = _pieces_html(pieces, colour) if pieces else "&nbsp;"
        style = f' style="color:{scheme.muted}"' if row.kind == "same" else ""
        parts.append(f"<p{style}>{body}</p>")
    return "".join(parts)


class SnapshotsDialog(QDialog):
    def __init__(
        self,
        current: Callable[[], Essay],
        essay_path,
        restore: Callable[[Essay], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("snapshotsDialog")
        self.setWindowTitle("Snapshots")
        self._current = current
        self._path = essay_path
        self._restore = restore
        self.ask_name: Callable[[], str | None] = self._ask_name  # tests replace it
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setObjectName("snapshotList")
        self.take_button = QPushButton("Take snapshot…", self)
        self.restore_button = QPushButton("Restore this version", self)
        self.close_button = QPushButton("Close", self)
        self.old_view = QTextBrowser(self)
        self.old_view.setObjectName("snapshotOld")
        self.new_view = QTextBrowser(self)
        self.new_view.setObjectName("snapshotNow")
        self.old_title = QLabel("The snapshot", self)
        self.new_title = QLabel("The text now", self)

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.list, 1)
        left_layout.addWidget(self.take_button)
        left_layout.addWidget(self.restore_button)
        old = QWidget(self)
        old_layout = QVBoxLayout(old)
        old_layout.setContentsMargins(0, 0, 0, 0)
        old_layout.addWidget(self.old_title)
        old_layout.addWidget(self.old_view, 1)
        new = QWidget(self)
        new_layout = QVBoxLayout(new)
        new_layout.setContentsMargins(0, 0, 0, 0)
        new_layout.addWidget(self.new_title)
        new_layout.addWidget(self.new_view, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        for widget in (left, old, new):
            splitter.addWidget(widget)
        splitter.setSizes([220, 420, 420])
        buttons = QHBoxLayout()
        buttons.addWidget(self.error, 1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        self.resize(1080, 640)

        self.take_button.clicked.connect(self.take)
        self.restore_button.clicked.connect(self.restore_selected)
        self.close_button.clicked.connect(self.accept)
        self.list.currentItemChanged.connect(lambda *_a: self.show_comparison())
        self.refresh()

    def _ask_name(self) -> str | None:
        name, ok = QInputDialog.getText(self, "Take snapshot", "Name of this version:")
        return name if ok else None

    def refresh(self) -> None:
        self.list.clear()
        for snapshot in list_snapshots(self._path):
            item = QListWidgetItem(f"{snapshot.name}\n{snapshot.taken_at:%d %b %Y, %H:%M}")
            item.setData(Qt.ItemDataRole.UserRole, snapshot)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        else:
            self.old_view.setHtml("<p>No snapshots yet: Take snapshot… keeps this version.</p>")
            self.new_view.clear()
        self.restore_button.setEnabled(self.list.count() > 0)

    def selected(self) -> Snapshot | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def take(self) -> Snapshot | None:
        name = self.ask_name()
        if name is None:
            return None
        try:
            snapshot = take_snapshot(self._current(), self._path, name)
        except OSError as error:
            self.error.setText(f"Could not keep the snapshot: {error.strerror or error}")
            return None
        self.error.clear()
        self.refresh()
        return snapshot

    def show_comparison(self) -> None:
        snapshot = self.selected()
        if snapshot is None:
            return
        try:
            old = load_snapshot(snapshot)
        except EssayFileError as error:
            self.error.setText(str(error))
            return
        rows = compare(old, self._current())
        self.old_title.setText(f"{snapshot.name} ({snapshot.taken_at:%d %b %Y, %H:%M})")
        self.old_view.setHtml(rows_html(rows, "old"))
        self.new_view.setHtml(rows_html(rows, "new"))

    def restore_selected(self) -> bool:
        snapshot = self.selected()
        if snapshot is None:
            return False
        try:
            old = load_snapshot(snapshot)
            take_snapshot(self._current(), self._path, f"Before restoring “{snapshot.name}”")
        except (EssayFileError, OSError) as error:
            self.error.setText(f"Not restored: {error}")
            return False
        self._restore(old)
        self.refresh()
        return True
