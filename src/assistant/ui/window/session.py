"""The essay session: the one open essay, its file, and the safety net around it.

New, Open, Save, Save As, recent essays, Markdown import, the autosave a few seconds after the
last edit (in a worker, from a snapshot built on the GUI thread) and the offer to recover after
a crash. Saving is the one synchronous write, because the writer expects "Saved" to mean saved;
it is atomic (the store), and a failure leaves both the text in the editor and the file on disk
as they were.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QFileDialog

from assistant.essay.autosave import AutosaveSchedule
from assistant.essay.lock import EssayLock
from assistant.essay.model import Essay
from assistant.ui.dialogs import messages
from assistant.ui.settings import APPLICATION
from assistant.ui.workers import TaskError, run_task

if TYPE_CHECKING:
    from assistant.ui.window.main_window import MainWindow

log = logging.getLogger(__name__)

ESSAY_SUFFIX = ".essay"
READING_NOTES = "zubok-pleshakov-1996.md"  # the bundled corpus's outline notes


def essay_file(path: Path) -> Path:
    return path if path.suffix == ESSAY_SUFFIX else path.with_name(path.name + ESSAY_SUFFIX)


def _read_default_outline(corpus_dir: Path) -> Any:
    """The corpus's reading notes as an outline, else the bundled corpus's, else None."""
    from assistant.essay.outline import outline_from_markdown
    from assistant.essay.pandoc_ast import PandocError
    from assistant.paths import bundled_corpus_dir

    for candidate in (corpus_dir / READING_NOTES, bundled_corpus_dir() / READING_NOTES):
        try:
            return outline_from_markdown(candidate.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, PandocError):
            continue
    return None


class EssaySession(QObject):
    """See the module docstring. `autosaved(result)` carries the autosave's Path or a
    TaskError; `essaySaved(path)` follows every successful save."""

    autosaved = Signal(object)
    essaySaved = Signal(object)
    essayShown = Signal()
    docxImported = Signal(object)
    markdownImported = Signal(object)  # MarkdownResult, or TaskError
    defaultOutlineShown = Signal()  # a new essay's reading-notes outline was read (or not found)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.path: Path | None = None
        self._autosave_task: Any = None
        self._dirty_since_autosave = False
        self.lock = EssayLock()
        self._outline_generation = 0
        self.default_outline_pending = False
        # Autosave a few seconds after the last edit (essay/autosave.py decides when).
        self._schedule = AutosaveSchedule(window.settings.autosave_delay())
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._autosave_when_due)
        self._running = False
        editor = window.editor
        editor.modificationChanged.connect(self._modification_changed)
        # Real edits only: re-highlighting (spelling) changes the layout, not the essay.
        editor.document.undoCommandAdded.connect(self.mark_dirty)
        # Typing merges into one undo command, so each keystroke is seen here too; a change of
        # formats alone (the spelling highlighter) removes and adds the same count, and is not.
        editor.document.contentsChange.connect(
            lambda _position, removed, added: removed != added and self.mark_dirty()
        )
        editor.title_edit.textEdited.connect(lambda _t: self.update_title())

    def start(self) -> None:
        self._running = True
        self._arm_autosave()

    def stop(self) -> None:
        self._running = False
        self._timer.stop()
        self.lock.release()

    def _arm_autosave(self) -> None:
        wait = self._schedule.due_in(time.monotonic())
        if wait is not None and self._running:
            self._timer.start(int(wait * 1000) + 1)

    def _autosave_when_due(self) -> None:
        if self._autosave_task is not None:  # the previous one is still writing
            self._timer.start(1000)
        elif self._schedule.due_in(time.monotonic()) == 0:
            if not self.autosave_now():  # nothing unsaved (just opened, or saved since)
                self._schedule.saving()
        else:
            self._arm_autosave()

    # --- the essay ---------------------------------------------------------------------------

    def current_essay(self) -> Essay:
        essay = self._window.editor.essay()
        essay.outline = self._window.outline_pane.outline()
        return essay

    def start_new_essay(self) -> None:
        """An empty essay at once; the reading notes' outline follows from a worker, because
        reading Markdown costs a Pandoc process the window must not wait on."""
        from assistant.essay.outline import Outline

        essay = Essay(author=self._window.settings.author())
        essay.outline = Outline()
        self.show_essay(essay, None)
        self._outline_generation += 1
        generation = self._outline_generation
        self.default_outline_pending = True
        corpus_dir = self._window.controller.corpus_dir
        run_task(
            lambda _task: _read_default_outline(corpus_dir),
            on_result=lambda outline: self._default_outline_read(generation, outline),
            on_error=lambda _error: self._default_outline_read(generation, None),
            parent=self,
            owner=self._window,
        )

    def _default_outline_read(self, generation: int, outline: Any) -> None:
        if generation != self._outline_generation:
            return  # another essay was shown meanwhile: it keeps its own outline
        self.default_outline_pending = False
        window = self._window
        # Only into the untouched empty outline: a heading the writer already added stays theirs.
        if outline is not None and not window.outline_pane.outline().root.children:
            window.outline_pane.set_outline(outline)
            window.editor.set_outline(window.outline_pane.outline())
        self.defaultOutlineShown.emit()

    def show_essay(self, essay: Essay, path: Path | None) -> None:
        from assistant.essay.outline import Outline

        self._outline_generation += 1
        self.default_outline_pending = False
        window = self._window
        window.editor.set_essay(essay)
        window.outline_pane.set_outline(essay.outline if essay.outline is not None else Outline())
        window.editor.set_outline(window.outline_pane.outline())
        self.path = path
        if path is None:
            self.lock.release()
        elif self.lock.path != path:
            self.lock.acquire(path)
        self._dirty_since_autosave = False
        window.setWindowModified(False)
        self.update_title()
        self.essayShown.emit()

    def update_title(self) -> None:
        name = self.path.name if self.path else "Untitled essay"
        self._window.setWindowTitle(f"{name}[*] — {APPLICATION}")

    def _modification_changed(self, modified: bool) -> None:
        self._window.setWindowModified(modified)
        if modified:
            self.mark_dirty()

    def mark_dirty(self) -> None:
        self._dirty_since_autosave = True
        self._schedule.edited(time.monotonic())
        self._arm_autosave()

    def _set_unsaved(self) -> None:
        self._window.editor.set_modified(True)
        self._window.setWindowModified(True)
        self.mark_dirty()

    def maybe_save(self) -> bool:
        """Before the essay is replaced or the window closes; False means "stay"."""
        if not self._window.editor.is_modified():
            return True
        name = self.path.name if self.path else "Untitled essay"
        choice = messages.ask_save_changes(self._window, name)
        if choice == "save":
            return self.save_essay()
        if choice == "discard":
            self._discard_autosave(self.path)
            return True
        return False

    def new_essay(self) -> bool:
        if not self.maybe_save():
            return False
        self.start_new_essay()
        return True

    def open_essay_dialog(self) -> None:
        folder = str(self.path.parent) if self.path else str(Path.home())
        name, _ = QFileDialog.getOpenFileName(
            self._window,
            "Open essay",
            folder,
            "Essays (*.essay);;Drafts to import (*.md *.markdown *.txt *.docx);;All files (*)",
        )
        if name and self.maybe_save():
            self.open_essay(Path(name))

    def open_essay(self, path: Path, *, ask_recovery: bool = True) -> bool:
        """Open an essay file; a damaged one offers its newest backup, and is never changed.
        A Markdown or Word file is not an essay file: the writer is told so and offered the
        import instead."""
        from assistant.essay.store import (
            CorruptEssayError,
            EssayFileError,
            NewerSchemaError,
            load_essay,
        )

        path = Path(path)
        window = self._window
        if path.suffix.lower() in IMPORTABLE:
            return self._offer_import(path)
        holder = self.lock.other_holder(path)
        if holder is not None and not messages.ask_open_locked(
            window, path.name, holder.describe()
        ):
            return False
        try:
            essay = load_essay(path)
        except CorruptEssayError as error:
            backups = list(getattr(error, "backups", []) or [])
            if not backups:
                messages.show_error(
                    window, "Damaged essay file", f"{error}\n\nNo backup of it was found."
                )
                return False
            if not messages.ask_open_backup(window, path.name, str(error), backups[0].name):
                return False
            try:
                essay = load_essay(backups[0])
            except Exception as backup_error:
                messages.show_error(window, "Backup unreadable", str(backup_error))
                return False
            self.show_essay(essay, path)
            window.editor.set_modified(True)  # saving writes the recovered text over the damage
            window.notify(f"Opened the backup {backups[0].name}: save to keep it.")
            return True
        except NewerSchemaError as error:
            messages.show_error(window, "Essay from a newer version", str(error))
            return False
        except EssayFileError as error:
            messages.show_error(window, "Could not open the essay", str(error))
            if not path.exists():
                window.settings.remove_recent(path)
            return False
        except (OSError, ValueError) as error:
            reason = getattr(error, "strerror", None) or str(error)
            messages.show_error(window, "Could not open the essay", f"{path}: {reason}")
            if isinstance(error, FileNotFoundError):
                window.settings.remove_recent(path)
            return False
        self.show_essay(essay, path)
        window.settings.add_recent(path)
        if ask_recovery:
            self.check_recovery()
        return True

    def _offer_import(self, path: Path) -> bool:
        kind = IMPORTABLE[path.suffix.lower()]
        if not messages.ask_import_instead(self._window, path.name, kind):
            return False
        if path.suffix.lower() == ".docx":
            return self.import_docx(path)
        return self.import_markdown(path)

    def save_essay(self, path: Path | None = None) -> bool:
        """Save to `path` (or the current file; untitled asks for a name). On failure the
        writer is told why, and the editor and the file on disk stay as they were."""
        from assistant.essay.store import EssaySaveError, save_essay

        window = self._window
        target = Path(path) if path is not None else self.path
        if target is None:
            return self.save_essay_as()
        target = essay_file(target)
        essay = self.current_essay()
        try:
            save_essay(essay, target)
        except (EssaySaveError, OSError) as error:
            reason = getattr(error, "strerror", None) or str(error)
            messages.show_error(
                window,
                "Could not save the essay",
                f"{target}: {reason}\n\nNothing was lost: your text is still here, and the "
                "file on disk is as it was. Try File ▸ Save As… to another folder.",
            )
            return False
        previous = self.path
        self.path = target
        if self.lock.path != target:
            self.lock.acquire(target)
        window.editor.set_modified(False)
        window.setWindowModified(False)
        self._dirty_since_autosave = False
        self._discard_autosave(target)
        if previous is None:
            self._discard_autosave(None)  # the untitled draft's autosave is now this file
        window.settings.add_recent(target)
        if essay.author:
            window.settings.set_author(essay.author)
        self.update_title()
        window.notify(f"Saved {target.name}")
        self.essaySaved.emit(target)
        return True

    def save_essay_as(self) -> bool:
        folder = self.path.parent if self.path else Path.home()
        suggested = folder / (self.path.name if self.path else "essay.essay")
        name, _ = QFileDialog.getSaveFileName(
            self._window, "Save essay as", str(suggested), "Essays (*.essay)"
        )
        if not name:
            return False
        return self.save_essay(Path(name))

    def fill_recent_menu(self, menu: Any) -> None:
        menu.clear()
        recent = self._window.settings.recent_essays()
        if not recent:
            action = menu.addAction("No recent essays")
            action.setEnabled(False)
            return
        for path in recent:
            action = menu.addAction(path.name)
            action.setToolTip(str(path))
            action.triggered.connect(lambda _c=False, p=path: self._open_recent(p))

    def _open_recent(self, path: Path) -> None:
        if self.maybe_save():
            self.open_essay(path)

    # --- autosave and recovery ---------------------------------------------------------------

    def autosave_now(self) -> bool:
        """Write an autosave in the background if anything changed since the last one."""
        if self._autosave_task is not None or not self._dirty_since_autosave:
            return False
        if not self._window.editor.is_modified():
            return False
        from assistant.essay.autosave import write_autosave

        essay = self.current_essay()
        path = self.path
        label = self._window.autosave_label
        self._dirty_since_autosave = False
        self._schedule.saving()
        label.setText("Autosaving…")

        def done(result: Any) -> None:
            self._autosave_task = None
            self._schedule.saved()
            label.setProperty("failed", False)
            label.setText(f"Autosaved {dt.datetime.now():%H:%M}")
            label.setToolTip(f"An automatic copy is in {result}")
            self.autosaved.emit(result)

        def failed(error: TaskError) -> None:
            self._autosave_task = None
            self._dirty_since_autosave = True  # try again next time
            self._schedule.failed(time.monotonic())
            self._arm_autosave()
            label.setProperty("failed", True)
            label.setText("Autosave failed")
            label.setToolTip(error.message)
            log.warning("autosave failed: %s", error.traceback)
            self.autosaved.emit(error)

        self._autosave_task = run_task(
            lambda _task: write_autosave(essay, path),
            on_result=done,
            on_error=failed,
            owner=label,
        )
        return True

    def _discard_autosave(self, path: Path | None) -> None:
        from assistant.essay.autosave import discard_autosave

        try:
            discard_autosave(path)
        except OSError as error:
            log.warning("could not delete the autosave: %s", error)

    def check_recovery(self) -> str:
        """If an autosave newer than the saved essay exists (a crash), offer it.
        Returns what happened: "none", "recover", "discard" or "later"."""
        from assistant.essay.recovery import autosave_to_offer
        from assistant.essay.store import load_essay

        window = self._window
        pending = autosave_to_offer(self.path, has_unsaved_edits=window.editor.is_modified())
        if pending is None:
            return "none"
        essay_path, autosave = pending
        when = dt.datetime.fromtimestamp(autosave.stat().st_mtime).strftime("%d %b %Y, %H:%M")
        name = essay_path.name if essay_path else "an untitled essay"
        choice = messages.ask_recover(window, name, when)
        if choice == "recover":
            try:
                essay = load_essay(autosave)
            except Exception as error:
                messages.show_error(
                    window, "Could not recover", f"The automatic copy cannot be read: {error}"
                )
                return "later"
            self.show_essay(essay, essay_path)
            self._set_unsaved()
            window.notify("Recovered the unsaved work: save it to keep it.")
        elif choice == "discard":
            self._discard_autosave(essay_path)
        return choice

    # --- snapshots ---------------------------------------------------------------------------

    def snapshots_dialog(self) -> Any:
        from assistant.ui.dialogs.snapshots import SnapshotsDialog

        return SnapshotsDialog(self.current_essay, self.path, self.restore_version, self._window)

    def show_snapshots(self) -> None:
        self.snapshots_dialog().exec()

    def restore_version(self, essay: Essay) -> None:
        """Put a snapshot's text in the editor as unsaved work (the file is not touched)."""
        outline = self._window.outline_pane.outline()
        if essay.outline is None:
            essay.outline = outline
        self.show_essay(essay, self.path)
        self._set_unsaved()
        self._window.notify("Restored the snapshot: save to keep it.")

    # --- import ------------------------------------------------------------------------------

    def import_markdown_dialog(self) -> None:
        folder = str(self.path.parent) if self.path else str(Path.home())
        name, _ = QFileDialog.getOpenFileName(
            self._window,
            "Import a Markdown draft",
            folder,
            "Markdown (*.md *.markdown *.txt)",
        )
        if name and self.maybe_save():
            self.import_markdown(Path(name))

    def import_markdown(self, path: Path) -> bool:
        """Open a Pandoc Markdown draft as a new, untitled essay (the file is not changed).
        Read (Pandoc) in a worker, as a Word draft is; `markdownImported(result or
        TaskError)` follows."""
        from assistant.essay.markdown import read_markdown_draft

        path = Path(path)
        # The library's items are copied here, on the GUI thread that changes them.
        items = self._window.controller.items()

        def read() -> Any:
            text = path.read_text(encoding="utf-8-sig")
            return read_markdown_draft(text, path.parent, items)

        def reason(error: TaskError) -> str:
            why = getattr(error.exception, "strerror", None) or error.message
            return f"{path}: {why}"

        return self._import(path, read, self.markdownImported, reason)

    def import_docx_dialog(self) -> None:
        folder = str(self.path.parent) if self.path else str(Path.home())
        name, _ = QFileDialog.getOpenFileName(
            self._window, "Import a Word draft", folder, "Word documents (*.docx)"
        )
        if name and self.maybe_save():
            self.import_docx(Path(name))

    def import_docx(self, path: Path) -> bool:
        """A Word draft becomes a new, untitled essay (the file is not changed): its headings,
        emphasis, block quotations and footnotes, and the citations of notes this app exported
        as citations again (`export.docx_reader`). Read in a worker; `docxImported(draft or
        TaskError)` follows."""
        from assistant.export.docx_reader import read_docx

        path = Path(path)
        return self._import(
            path, lambda: read_docx(path), self.docxImported, lambda error: error.message
        )

    def _import(
        self,
        path: Path,
        read: Callable[[], Any],
        announce: Any,
        reason: Callable[[TaskError], str],
    ) -> bool:
        """Read a draft in a worker and show it as a new, untitled essay; `announce` (a
        signal) carries what `read` returned (its `.essay`, `.warnings`) or the TaskError."""
        window = self._window
        window.notify(f"Reading {path.name}…")

        def done(draft: Any) -> None:
            essay = draft.essay
            if essay.outline is None:
                essay.outline = window.outline_pane.outline()
            if not essay.title:
                essay.title = path.stem
            self._show_imported(path, essay, list(draft.warnings))
            announce.emit(draft)

        def failed(error: TaskError) -> None:
            messages.show_error(window, "Could not import", reason(error))
            announce.emit(error)

        # No Qt parent: the task must outlive a window closed mid-read (owner= then drops
        # its result); Task keeps itself alive until it reports.
        run_task(lambda _task: read(), on_result=done, on_error=failed, owner=window)
        return True

    def _show_imported(self, path: Path, essay: Essay, warnings: list[str]) -> None:
        window = self._window
        self.show_essay(essay, None)
        self._set_unsaved()
        if warnings:
            messages.show_info(
                window,
                "Imported with warnings",
                f"{path.name} was imported; check these places:\n\n"
                + "\n".join(f"• {w}" for w in warnings[:20]),
            )
        else:
            window.notify(f"Imported {path.name}")


# What a writer may open by mistake, and what it is called in the offer to import it.
IMPORTABLE = {
    ".md": "a Markdown draft",
    ".markdown": "a Markdown draft",
    ".txt": "a plain-text draft",
    ".docx": "a Word document",
}
