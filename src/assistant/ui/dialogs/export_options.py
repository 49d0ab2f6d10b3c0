"""Export to Word…: where to write, and how (title page, bibliography, ibid)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from assistant.export.docx import ExportOptions
from assistant.ui import theme


class ExportOptionsDialog(QDialog):
    """Collects the target path, the title and author, and the `ExportOptions`."""

    def __init__(
        self,
        path: Path,
        title: str,
        author: str,
        options: ExportOptions | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export to Word")
        options = options or ExportOptions()
        self.path_edit = QLineEdit(str(path))
        self.path_edit.setObjectName("exportPath")
        self.path_edit.setMinimumWidth(360)
        browse = QPushButton("Browse…")
        browse.clicked.connect(self._browse)
        self.title_edit = QLineEdit(title)
        self.title_edit.setPlaceholderText("Title of the essay")
        self.author_edit = QLineEdit(author)
        self.author_edit.setPlaceholderText("Your name")
        self.course_edit = QLineEdit(options.course)
        self.course_edit.setPlaceholderText("Course and instructor (title page)")
        self.title_page_check = QCheckBox("Title page (Turabian style)")
        self.title_page_check.setChecked(options.title_page)
        self.bibliography_check = QCheckBox("Bibliography on a new page")
        self.bibliography_check.setChecked(options.include_bibliography)
        self.ibid_check = QCheckBox("“Ibid.” for a source cited again in the next note")
        self.ibid_check.setChecked(options.ibid)
        self.ibid_check.setToolTip(
            "The 18th edition of the Chicago Manual discourages ibid. in favour of short notes; "
            "some instructors still ask for it."
        )
        self.problem_label = QLabel("")
        self.problem_label.setStyleSheet(f"color: {theme.scheme().error};")
        self.problem_label.setWordWrap(True)
        self.problem_label.hide()

        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(browse)
        form = QFormLayout()
        form.addRow("Save as", path_row)
        form.addRow("Title", self.title_edit)
        form.addRow("Author", self.author_edit)
        form.addRow("Course", self.course_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Export")
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.title_page_check)
        layout.addWidget(self.bibliography_check)
        layout.addWidget(self.ibid_check)
        layout.addWidget(self.problem_label)
        layout.addWidget(buttons)

    def _browse(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, "Export to Word", self.path_edit.text(), "Word documents (*.docx)"
        )
        if name:
            self.path_edit.setText(name)

    def _accept(self) -> None:
        problem = self.problem()
        if problem:
            self.problem_label.setText(problem)
            self.problem_label.show()
            return
        self.accept()

    def problem(self) -> str:
        text = self.path_edit.text().strip()
        if not text:
            return "Choose where to save the Word file."
        raw = Path(text).expanduser()
        if raw.is_dir():
            return f"{raw} is a folder: add a file name."
        path = self.path()
        if not path.parent.is_dir():
            return f"The folder {path.parent} does not exist."
        return ""

    def path(self) -> Path:
        path = Path(self.path_edit.text().strip()).expanduser()
        return path if path.suffix.lower() == ".docx" else path.with_name(path.name + ".docx")

    def title(self) -> str:
        return self.title_edit.text().strip()

    def author(self) -> str:
        return self.author_edit.text().strip()

    def options(self) -> ExportOptions:
        return ExportOptions(
            title_page=self.title_page_check.isChecked(),
            include_bibliography=self.bibliography_check.isChecked(),
            ibid=self.ibid_check.isChecked(),
            course=self.course_edit.text().strip(),
        )
