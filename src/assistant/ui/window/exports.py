"""Export control: Word and Markdown exports of the open essay, in workers.

The essay is built on the GUI thread first (a snapshot, so typing on during an export cannot
tear it). The folder an export went to is remembered only once the export worked, so after a
failure the next dialog proposes the last folder that did.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QFileDialog

from assistant.ui.dialogs import messages
from assistant.ui.workers import TaskError, run_task

if TYPE_CHECKING:
    from assistant.ui.window.main_window import MainWindow


class ExportControl(QObject):
    """`exportFinished(result)` carries an ExportReport (Word), the Path (Markdown), or a
    TaskError when the export failed (the writer has been told by then)."""

    exportFinished = Signal(object)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._task: Any = None

    def export_folder(self) -> Path:
        folder = self._window.settings.export_choices()["folder"]
        if folder and Path(folder).is_dir():
            return Path(folder)
        path = self._window.session.path
        return path.parent if path else Path.home()

    def export_stem(self) -> str:
        path = self._window.session.path
        if path:
            return path.stem
        title = self._window.editor.title_edit.text().strip()
        return "".join(c for c in title if c.isalnum() or c in " -_").strip()[:60] or "essay"

    def _worked(self, path: Path) -> None:
        self._window.settings.set_export_choices(folder=str(path.parent))

    def export_docx_dialog(self) -> None:
        from assistant.export.docx import ExportOptions
        from assistant.ui.dialogs.export_options import ExportOptionsDialog

        window = self._window
        editor = window.editor
        choices = window.settings.export_choices()
        options = ExportOptions(
            title_page=choices["title_page"],
            include_bibliography=choices["include_bibliography"],
            ibid=choices["ibid"],
            course=choices["course"],
        )
        dialog = ExportOptionsDialog(
            self.export_folder() / f"{self.export_stem()}.docx",
            editor.title_edit.text(),
            editor.author_edit.text(),
            options,
            window,
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        if dialog.title() != editor.title_edit.text().strip():
            editor.title_edit.setText(dialog.title())
            editor.mark_outline_changed()
        if dialog.author() != editor.author_edit.text().strip():
            editor.author_edit.setText(dialog.author())
            editor.mark_outline_changed()
        chosen = dialog.options()
        window.settings.set_export_choices(
            title_page=chosen.title_page,
            include_bibliography=chosen.include_bibliography,
            ibid=chosen.ibid,
            course=chosen.course,
        )
        editor.set_ibid(chosen.ibid)
        self.export_docx(dialog.path(), chosen)

    def export_docx(self, path: Path, options: Any = None) -> bool:
        """Export the essay to Word in a worker; `exportFinished` reports the outcome."""
        from assistant.export.docx import ExportOptions, export_docx

        window = self._window
        if self._task is not None:
            window.notify("An export is already running.")
            return False
        path = Path(path)
        if path.exists():
            from assistant.export.locks import open_elsewhere

            open_in = open_elsewhere(path)
            if open_in and not messages.ask_overwrite_open(window, open_in):
                return False
        essay = window.session.current_essay()
        items = window.editor.items()
        options = options or ExportOptions()
        window.notify(f"Exporting {path.name}…")

        def done(report: Any) -> None:
            self._task = None
            self._worked(path)
            warnings = list(getattr(report, "warnings", []) or [])
            text = f"Exported {path.name}: {report.notes} notes"
            if warnings:
                text += f", {len(warnings)} warning(s)"
                window.log_messages(f"Export of {path.name}", warnings)
            window.notify(text)
            self.exportFinished.emit(report)

        def failed(error: TaskError) -> None:
            self._task = None
            window.statusBar().clearMessage()
            messages.show_error(
                window,
                "Export failed",
                f"{path}: {error.message}\n\nYour essay is unchanged; any earlier file at "
                "that place was left as it was.",
            )
            self.exportFinished.emit(error)

        self._task = run_task(
            lambda _task: export_docx(essay, path, items=items, options=options),
            on_result=done,
            on_error=failed,
            owner=window,
        )
        return True

    def export_markdown_dialog(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self._window,
            "Export Markdown",
            str(self.export_folder() / f"{self.export_stem()}.md"),
            "Markdown (*.md)",
        )
        if name:
            self.export_markdown(Path(name))

    def export_markdown(self, path: Path) -> bool:
        """Pandoc Markdown (footnotes with [@id, page] citations), for Zettlr and Pandoc."""
        from assistant.export.markdown import export_markdown

        window = self._window
        essay = window.session.current_essay()
        path = Path(path)

        def done(_result: Any) -> None:
            self._worked(path)
            window.notify(f"Exported {path.name}")
            self.exportFinished.emit(path)

        def failed(error: TaskError) -> None:
            messages.show_error(window, "Markdown export failed", f"{path}: {error.message}")
            self.exportFinished.emit(error)

        run_task(
            lambda _task: export_markdown(essay, path),
            on_result=done,
            on_error=failed,
            owner=window,
        )
        return True
