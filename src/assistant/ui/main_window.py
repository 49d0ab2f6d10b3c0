"""The main window: the draft in the centre, research docks around it, the File menu's safety net.

Nothing here blocks on slow work: indexing belongs to the LibraryController's threads, searches
to the SearchPane's, and exports and autosaves run as worker tasks with the essay built on the
GUI thread first (a snapshot, so typing on during an export cannot tear it). Saving is the one
synchronous write, because the writer expects "Saved" to mean saved; it is atomic (C1's
store), and a failure leaves both the text in the editor and the file on disk as they were.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSize, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDesktopServices,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QDialog,
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QProgressBar,
    QWidget,
)

from assistant.essay.model import Essay
from assistant.ui.builder import FootnoteBuilder
from assistant.ui.check_pane import CheckPane
from assistant.ui.dialogs import messages
from assistant.ui.editor import DraftEditor
from assistant.ui.library.library_panel import LibraryDock
from assistant.ui.library_controller import LibraryController
from assistant.ui.outline_pane import OutlinePane
from assistant.ui.reader_pane import ReaderPane
from assistant.ui.search_pane import SearchPane
from assistant.ui.settings import APPLICATION, Settings
from assistant.ui.workers import TaskError, run_task

log = logging.getLogger(__name__)

ESSAY_SUFFIX = ".essay"
AUTOSAVE_INTERVAL_MS = 30_000
READING_NOTES = "zubok-pleshakov-1996.md"  # the bundled corpus's outline notes
DEFAULT_SIZE = QSize(1280, 800)


def _essay_file(path: Path) -> Path:
    return path if path.suffix == ESSAY_SUFFIX else path.with_name(path.name + ESSAY_SUFFIX)


class MainWindow(QMainWindow):
    """See the module docstring. `exportFinished(result)` carries an ExportReport, or a
    TaskError when the export failed (the writer has been told by then)."""

    exportFinished = Signal(object)
    autosaved = Signal(object)  # Path of the autosave, or a TaskError
    essaySaved = Signal(object)  # Path

    def __init__(
        self,
        controller: LibraryController,
        essay_path: Path | None = None,
        *,
        settings: Settings | None = None,
        check_recovery: bool = True,
    ) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.controller = controller
        self.settings = settings or Settings()
        self.essay_path: Path | None = None
        self._autosave_task: Any = None
        self._dirty_since_autosave = False
        self._export_task: Any = None

        self.editor = DraftEditor()
        self.setCentralWidget(self.editor)
        self.search_pane = SearchPane(controller)
        self.reader_pane = ReaderPane(controller)
        self.outline_pane = OutlinePane(controller)
        self.builder = FootnoteBuilder()
        self.search_dock = self._dock("Search", "searchDock", self.search_pane)
        self.outline_dock = self._dock("Notes outline", "outlineDock", self.outline_pane)
        self.reader_dock = self._dock("Reader", "readerDock", self.reader_pane)
        self.builder_dock = self._dock("Footnote builder", "builderDock", self.builder)
        self.library_dock = LibraryDock(controller, self)
        self.check_pane = CheckPane(controller, self.editor)
        self.check_dock = self._dock("Check", "checkDock", self.check_pane)
        self._default_layout()

        self._build_status_bar()
        self._build_menus()
        self._connect()
        self.setAcceptDrops(True)
        self.setDockNestingEnabled(True)

        self._autosave_timer = QTimer(self)
        self._autosave_timer.setInterval(AUTOSAVE_INTERVAL_MS)
        self._autosave_timer.timeout.connect(self.autosave_now)
        self._autosave_timer.start()

        # The strip shows notes as the Word export will print them, ibid. included if chosen.
        self.editor.set_ibid(self.settings.export_choices()["ibid"])
        self._refresh_items()
        self.resize(DEFAULT_SIZE)
        self.settings.restore_window(self)
        self._restore_splitters()
        if essay_path is None or not self.open_essay(Path(essay_path), ask_recovery=False):
            self._start_new_essay()
        if check_recovery:
            # After the window is up: the question needs a visible parent.
            QTimer.singleShot(0, self.check_recovery)

    # --- construction ------------------------------------------------------------------------

    def _dock(self, title: str, name: str, widget: QWidget) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
        )
        return dock

    def _default_layout(self) -> None:
        left, right = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
        self.addDockWidget(left, self.search_dock)
        self.addDockWidget(left, self.outline_dock)
        self.splitDockWidget(self.search_dock, self.outline_dock, Qt.Orientation.Vertical)
        self.tabifyDockWidget(self.outline_dock, self.library_dock)
        self.tabifyDockWidget(self.outline_dock, self.check_dock)
        self.outline_dock.raise_()
        self.addDockWidget(right, self.reader_dock)
        self.addDockWidget(right, self.builder_dock)
        self.splitDockWidget(self.reader_dock, self.builder_dock, Qt.Orientation.Vertical)
        self.resizeDocks(
            [self.search_dock, self.reader_dock], [340, 400], Qt.Orientation.Horizontal
        )
        self.resizeDocks([self.search_dock, self.outline_dock], [420, 340], Qt.Orientation.Vertical)
        self.resizeDocks([self.reader_dock, self.builder_dock], [270, 490], Qt.Orientation.Vertical)

    def _splitters(self) -> dict[str, Any]:
        return {"draftSplitter": self.editor.splitter, "builderSplitter": self.builder.splitter}

    def _restore_splitters(self) -> None:
        for key, splitter in self._splitters().items():
            state = self.settings.value(f"window/{key}")
            if isinstance(state, QByteArray | bytes) and state:
                splitter.restoreState(QByteArray(state))

    def reset_layout(self) -> None:
        for dock in (
            self.search_dock,
            self.outline_dock,
            self.library_dock,
            self.reader_dock,
            self.builder_dock,
            self.check_dock,
        ):
            dock.setFloating(False)
            dock.show()
            self.removeDockWidget(dock)
            dock.show()
        self._default_layout()

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.words_label = QLabel("0 words")
        self.words_label.setObjectName("wordCount")
        self.notes_label = QLabel("0 notes")
        self.notes_label.setObjectName("noteCount")
        self.autosave_label = QLabel("")
        self.autosave_label.setObjectName("autosaveIndicator")
        self.index_label = QLabel(self.controller.status_text)
        self.index_label.setObjectName("indexState")
        self.index_progress = QProgressBar()
        self.index_progress.setObjectName("indexProgress")
        self.index_progress.setMaximumWidth(160)
        self.index_progress.setTextVisible(True)
        self.index_progress.hide()
        # Wide enough for large counts: a permanent label does not grow once the bar is laid out.
        metrics = self.words_label.fontMetrics()
        self.words_label.setMinimumWidth(metrics.horizontalAdvance("888,888 words") + 8)
        self.notes_label.setMinimumWidth(metrics.horizontalAdvance("8,888 notes") + 8)
        for widget in (self.words_label, self.notes_label, self.autosave_label):
            bar.addPermanentWidget(widget)
        bar.addPermanentWidget(self.index_progress)
        bar.addPermanentWidget(self.index_label)

    def _action(
        self, menu: Any, text: str, slot: Any, shortcut: Any = None, tip: str = ""
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        self._action(file_menu, "&New", self.new_essay, QKeySequence.StandardKey.New)
        self._action(file_menu, "&Open…", self.open_essay_dialog, QKeySequence.StandardKey.Open)
        self.recent_menu = file_menu.addMenu("Open &Recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addSeparator()
        self._action(file_menu, "&Save", self.save_essay, QKeySequence.StandardKey.Save)
        self._action(file_menu, "Save &As…", self.save_essay_as, QKeySequence.StandardKey.SaveAs)
        file_menu.addSeparator()
        self._action(file_menu, "&Import Markdown…", self.import_markdown_dialog)
        self._action(file_menu, "Export &Markdown…", self.export_markdown_dialog)
        self._action(
            file_menu,
            "Export to &Word…",
            self.export_docx_dialog,
            "Ctrl+Shift+W",
            "Write a .docx with real footnotes and a bibliography",
        )
        file_menu.addSeparator()
        self._action(file_menu, "&Quit", self.close, QKeySequence.StandardKey.Quit)

        edit_menu = bar.addMenu("&Edit")
        text = self.editor.text_edit
        self.undo_action = self._action(
            edit_menu, "&Undo", text.undo, QKeySequence.StandardKey.Undo
        )
        self.redo_action = self._action(
            edit_menu, "&Redo", text.redo, QKeySequence.StandardKey.Redo
        )
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)
        text.undoAvailable.connect(self.undo_action.setEnabled)
        text.redoAvailable.connect(self.redo_action.setEnabled)
        edit_menu.addSeparator()
        clipboard = [
            self._action(edit_menu, "Cu&t", text.cut, QKeySequence.StandardKey.Cut),
            self._action(edit_menu, "&Copy", text.copy, QKeySequence.StandardKey.Copy),
            self._action(edit_menu, "&Paste", text.paste, QKeySequence.StandardKey.Paste),
        ]
        edit_menu.addSeparator()
        search = self._action(edit_menu, "&Search the library", self.focus_search, "Ctrl+K")
        # The search pane binds Ctrl+K itself (select the query); a window-wide Ctrl+K would
        # make the key ambiguous there and then neither fires. So this one lives on the rest.
        search.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        for widget in (
            self.editor,
            self.reader_pane,
            self.outline_pane,
            self.builder,
            self.library_dock,
        ):
            widget.addAction(search)
        self.new_note_action = self._action(
            edit_menu,
            "&New footnote…",
            self.focus_builder,
            "Ctrl+Alt+F",
            "Open the footnote builder on the current source",
        )
        self.edit_note_action = self._action(
            edit_menu, "&Edit note at cursor", self.edit_note_at_cursor, "Ctrl+Shift+E"
        )
        edit_menu.addSeparator()
        self.check_action = self._action(
            edit_menu, "Chec&k quotations and notes", self.check_draft, "F7"
        )
        self.support_action = self._action(
            edit_menu,
            "Find &support for the selection",
            self.check_pane.request_support,
            "Ctrl+Shift+F",
        )

        format_menu = bar.addMenu("F&ormat")
        bold = self._action(format_menu, "&Bold", text.toggle_bold, QKeySequence.StandardKey.Bold)
        italic = self._action(
            format_menu, "&Italic", text.toggle_italic, QKeySequence.StandardKey.Italic
        )
        format_menu.addSeparator()
        headings = [
            self._action(
                format_menu,
                f"Heading {level}",
                lambda lv=level: text.set_heading(lv),
                f"Ctrl+{level}",
            )
            for level in (1, 2, 3)
        ]
        paragraph = self._action(format_menu, "&Paragraph", text.set_paragraph, "Ctrl+0")
        quote = self._action(
            format_menu, "Block &quotation", text.toggle_blockquote, "Ctrl+Shift+Q"
        )

        # These act on the draft: their keys work while the draft has focus, never from another
        # pane (Ctrl+V in the outline must not paste into the page out of sight).
        for action in [
            self.undo_action,
            self.redo_action,
            *clipboard,
            bold,
            italic,
            *headings,
            paragraph,
            quote,
        ]:
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.editor.addAction(action)

        # The same actions on a toolbar, with short labels: the shortcuts are in the tooltips.
        toolbar = self.addToolBar("Format")
        toolbar.setObjectName("formatToolBar")
        toolbar.setMovable(True)
        for action, label in (
            (self.undo_action, "Undo"),
            (self.redo_action, "Redo"),
            (None, ""),
            (bold, "B"),
            (italic, "I"),
            (headings[0], "H1"),
            (headings[1], "H2"),
            (headings[2], "H3"),
            (paragraph, "¶"),
            (quote, "“Quote”"),
            (None, ""),
            (self.new_note_action, "Insert note…"),
            (self.edit_note_action, "Edit note"),
        ):
            if action is None:
                toolbar.addSeparator()
                continue
            button = QAction(label, self)
            button.setToolTip(
                f"{action.text().replace('&', '').rstrip('…')} ({action.shortcut().toString()})"
            )
            button.triggered.connect(action.trigger)
            button.setEnabled(action.isEnabled())
            action.enabledChanged.connect(button.setEnabled)
            toolbar.addAction(button)
            if label in ("B", "I"):
                widget = toolbar.widgetForAction(button)
                font = widget.font()
                font.setBold(label == "B")
                font.setItalic(label == "I")
                widget.setFont(font)

        library_menu = bar.addMenu("&Library")
        self._action(library_menu, "&Add files…", self.library_dock.panel.add_files_dialog)
        self._action(library_menu, "&Reindex", lambda: self.controller.reindex())
        self._action(library_menu, "Re&build index", lambda: self.controller.reindex(rebuild=True))
        self._action(
            library_menu, "Import Markdown &outline…", self.outline_pane.import_markdown_dialog
        )

        view_menu = bar.addMenu("&View")
        for dock in (
            self.search_dock,
            self.reader_dock,
            self.outline_dock,
            self.builder_dock,
            self.library_dock,
        ):
            view_menu.addAction(dock.toggleViewAction())
        view_menu.addSeparator()
        self._action(view_menu, "&Reset layout", self.reset_layout)

        help_menu = bar.addMenu("&Help")
        self._action(help_menu, "&Getting started", self.show_help)

    def _connect(self) -> None:
        controller = self.controller
        controller.libraryChanged.connect(self._refresh_items)
        controller.statusChanged.connect(self.index_label.setText)
        controller.indexProgress.connect(self._index_progress)
        controller.indexingChanged.connect(self._indexing_changed)
        controller.errorOccurred.connect(lambda text: self.statusBar().showMessage(text, 8000))

        self.search_pane.hitActivated.connect(self._open_hit)
        self.search_pane.hitSelected.connect(self._hit_selected)
        self.reader_pane.selectionChanged.connect(self._reader_selection)
        self.reader_pane.citeRequested.connect(self._cite_passage)
        self.builder.insertRequested.connect(self._insert_note)
        self.check_pane.supportRequested.connect(self._find_support)
        self.builder.updateRequested.connect(self._update_note)
        self.outline_pane.openPassage.connect(self._open_link)
        self.outline_pane.insertTextRequested.connect(self._insert_text)
        self.outline_pane.outlineChanged.connect(self._outline_changed)

        self.editor.text_edit.hitDropped.connect(self._hit_dropped)
        self.editor.notes_strip.passageRequested.connect(self._open_note_passage)
        self.editor.notes_strip.builderEditRequested.connect(self._edit_in_builder)
        self.editor.statsChanged.connect(self._show_stats)
        self.editor.modificationChanged.connect(self._modification_changed)
        self.editor.document.contentsChanged.connect(self._mark_dirty)
        self.editor.title_edit.textEdited.connect(lambda _t: self._update_title())

    # --- wiring ------------------------------------------------------------------------------

    def _refresh_items(self) -> None:
        items = self.controller.items()
        self.editor.set_library_items(items)
        self.builder.set_items({**self.editor.items(), **items})

    def _index_progress(self, done: int, total: int, _source_id: str) -> None:
        self.index_progress.setMaximum(max(1, total))
        self.index_progress.setValue(done)
        self.index_progress.setFormat(f"Indexing {done}/{total}")
        self.index_progress.show()

    def _indexing_changed(self, running: bool) -> None:
        self.index_progress.setVisible(running)

    def _open_hit(self, hit: Any, query: str) -> None:
        self.reader_pane.show_hit(hit, query)
        self.reader_dock.show()
        self.reader_dock.raise_()
        if not self.builder.editing():
            self.builder.prefill_from_hit(hit, query)

    def _hit_selected(self, hit: Any, query: str) -> None:
        if not self.builder.editing():
            self.builder.prefill_from_hit(hit, query)

    def _reader_selection(self, text: str) -> None:
        if text.strip():
            self.builder.set_quotation(text, self.reader_pane.current_passage)

    def _cite_passage(self, passage: Any, text: str) -> None:
        from assistant.essay.model import PassageLink

        link = PassageLink(passage.source_id, passage.ordinal, passage.page)
        self.builder.prefill(passage.source_id, passage.page or "", text, link, passage.section)
        self.focus_builder()

    def _insert_note(self, anchor: Any, quotation: str) -> None:
        self.editor.insert_note(anchor, quotation)
        self.statusBar().showMessage(
            f"Inserted note {self.editor.document.note_number(anchor.id)}", 4000
        )

    def _update_note(self, anchor_id: str, note: Any) -> None:
        if not self.editor.update_note(anchor_id, note):
            messages.show_error(
                self, "Note not found", "That note is no longer in the text (it was deleted)."
            )

    def _hit_dropped(self, hit: dict) -> None:
        """A hit dragged into the text: build a note on it at the drop point."""
        from assistant.essay.model import PassageLink

        link = PassageLink(hit["source_id"], hit["ordinal"], hit.get("page"))
        self.builder.prefill(hit["source_id"], hit.get("page") or "", "", link)
        self.reader_pane.show_passage(hit["source_id"], hit["ordinal"])
        self.focus_builder()
        self.statusBar().showMessage("Add the page and press Insert note.", 6000)

    def _open_link(self, link: Any) -> None:
        self.reader_pane.show_passage(link.source_id, link.ordinal)
        self.reader_dock.show()
        self.reader_dock.raise_()

    def _insert_text(self, text: str) -> None:
        self.editor.text_edit.insertPlainText(text)
        self.editor.text_edit.setFocus()

    def _outline_changed(self) -> None:
        self.editor.set_outline(self.outline_pane.outline())
        self.editor.mark_outline_changed()
        self._dirty_since_autosave = True

    def _show_stats(self, words: int, notes: int) -> None:
        self.words_label.setText(f"{words:,} word{'s' if words != 1 else ''}")
        self.notes_label.setText(f"{notes} note{'s' if notes != 1 else ''}")

    def _modification_changed(self, modified: bool) -> None:
        self.setWindowModified(modified)
        if modified:
            self._dirty_since_autosave = True

    def _mark_dirty(self) -> None:
        self._dirty_since_autosave = True

    def _update_title(self) -> None:
        name = self.essay_path.name if self.essay_path else "Untitled essay"
        self.setWindowTitle(f"{name}[*] — {APPLICATION}")

    def check_draft(self) -> None:
        self.check_dock.show()
        self.check_dock.raise_()
        self.check_pane.run_check()

    def _find_support(self, text: str) -> None:
        self.search_dock.show()
        self.search_dock.raise_()
        self.search_pane.show_results_for_text(text)

    def focus_search(self) -> None:
        self.search_dock.show()
        self.search_dock.raise_()
        self.search_pane.focus_query()

    def focus_builder(self) -> None:
        self.builder_dock.show()
        self.builder_dock.raise_()
        self.builder.focus_locator()

    def _anchor(self, anchor_id: str) -> Any:
        return next((a for a in self.editor.anchors() if a.id == anchor_id), None)

    def _open_note_passage(self, anchor_id: str) -> None:
        anchor = self._anchor(anchor_id)
        if anchor is not None and anchor.passage is not None:
            self._open_link(anchor.passage)

    def _edit_in_builder(self, anchor_id: str) -> None:
        anchor = self._anchor(anchor_id)
        if anchor is None:
            return
        number = self.editor.document.note_number(anchor_id) or 0
        if self.builder.load_note(anchor, number):
            self.builder_dock.show()
            self.builder_dock.raise_()
        else:
            self.statusBar().showMessage(
                "This note mixes commentary and citations: edit it in the notes strip (F2).", 6000
            )
            self.editor.notes_strip.edit_note(anchor_id)
            self.editor.notes_strip.focus_editor()

    def edit_note_at_cursor(self) -> None:
        anchor = self.editor.text_edit.anchor_near_cursor()
        if anchor is None:
            anchor = self._anchor(self.editor.notes_strip.current_anchor_id())
        if anchor is None:
            self.statusBar().showMessage("Put the cursor next to a note number first.", 5000)
            return
        self.editor.notes_strip.select_anchor(anchor.id)
        self._edit_in_builder(anchor.id)

    def show_help(self) -> None:
        messages.show_info(
            self,
            "Getting started",
            "1. Search your sources in the Search pane (Ctrl+K); Enter opens a hit in the Reader.\n"
            "2. Select the words you want to quote in the Reader.\n"
            "3. In the Footnote builder, add the page and press Insert note (Ctrl+Return): the "
            "note lands at the cursor, numbered, in Chicago style.\n"
            "4. File ▸ Export to Word… writes a .docx with real footnotes and a bibliography.\n\n"
            "Drop PDF, Word, Markdown or text files on the window to add them to the library.",
        )

    # --- the essay ---------------------------------------------------------------------------

    def current_essay(self) -> Essay:
        essay = self.editor.essay()
        essay.outline = self.outline_pane.outline()
        return essay

    def _default_outline(self) -> Any:
        from assistant.essay.outline import Outline, outline_from_markdown
        from assistant.essay.pandoc_ast import PandocError
        from assistant.paths import bundled_corpus_dir

        notes = self.controller.corpus_dir / READING_NOTES
        bundled = bundled_corpus_dir() / READING_NOTES
        for candidate in (notes, bundled):
            try:
                return outline_from_markdown(candidate.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, PandocError):
                continue
        return Outline()

    def _start_new_essay(self) -> None:
        essay = Essay(author=self.settings.author())
        essay.outline = self._default_outline()
        self._show_essay(essay, None)

    def _show_essay(self, essay: Essay, path: Path | None) -> None:
        from assistant.essay.outline import Outline

        self.editor.set_essay(essay)
        self.outline_pane.set_outline(essay.outline if essay.outline is not None else Outline())
        self.editor.set_outline(self.outline_pane.outline())
        self.essay_path = path
        self._dirty_since_autosave = False
        self._refresh_items()
        self.setWindowModified(False)
        self._update_title()
        self._show_stats(self.editor.word_count(), self.editor.note_count())

    def maybe_save(self) -> bool:
        """Before the essay is replaced or the window closes; False means "stay"."""
        if not self.editor.is_modified():
            return True
        name = self.essay_path.name if self.essay_path else "Untitled essay"
        choice = messages.ask_save_changes(self, name)
        if choice == "save":
            return self.save_essay()
        if choice == "discard":
            self._discard_autosave(self.essay_path)
            return True
        return False

    def new_essay(self) -> bool:
        if not self.maybe_save():
            return False
        self._start_new_essay()
        return True

    def open_essay_dialog(self) -> None:
        folder = str(self.essay_path.parent) if self.essay_path else str(Path.home())
        name, _ = QFileDialog.getOpenFileName(
            self, "Open essay", folder, "Essays (*.essay);;All files (*)"
        )
        if name and self.maybe_save():
            self.open_essay(Path(name))

    def open_essay(self, path: Path, *, ask_recovery: bool = True) -> bool:
        """Open an essay file; a damaged one offers its newest backup, and is never changed."""
        from assistant.essay.store import (
            CorruptEssayError,
            EssayFileError,
            NewerSchemaError,
            load_essay,
        )

        path = Path(path)
        try:
            essay = load_essay(path)
        except CorruptEssayError as error:
            backups = list(getattr(error, "backups", []) or [])
            if not backups:
                messages.show_error(
                    self, "Damaged essay file", f"{error}\n\nNo backup of it was found."
                )
                return False
            if not messages.ask_open_backup(self, path.name, str(error), backups[0].name):
                return False
            try:
                essay = load_essay(backups[0])
            except Exception as backup_error:
                messages.show_error(self, "Backup unreadable", str(backup_error))
                return False
            self._show_essay(essay, path)
            self.editor.set_modified(True)  # saving writes the recovered text over the damage
            self.statusBar().showMessage(f"Opened the backup {backups[0].name}: save to keep it.")
            return True
        except NewerSchemaError as error:
            messages.show_error(self, "Essay from a newer version", str(error))
            return False
        except EssayFileError as error:
            messages.show_error(self, "Could not open the essay", str(error))
            if not path.exists():
                self.settings.remove_recent(path)
            return False
        except (OSError, ValueError) as error:
            reason = getattr(error, "strerror", None) or str(error)
            messages.show_error(self, "Could not open the essay", f"{path}: {reason}")
            if isinstance(error, FileNotFoundError):
                self.settings.remove_recent(path)
            return False
        self._show_essay(essay, path)
        self.settings.add_recent(path)
        if ask_recovery:
            self.check_recovery()
        return True

    def save_essay(self, path: Path | None = None) -> bool:
        """Save to `path` (or the current file; untitled asks for a name). On failure the
        writer is told why, and the editor and the file on disk stay as they were."""
        from assistant.essay.store import EssaySaveError, save_essay

        target = Path(path) if path is not None else self.essay_path
        if target is None:
            return self.save_essay_as()
        target = _essay_file(target)
        essay = self.current_essay()
        try:
            save_essay(essay, target)
        except (EssaySaveError, OSError) as error:
            reason = getattr(error, "strerror", None) or str(error)
            messages.show_error(
                self,
                "Could not save the essay",
                f"{target}: {reason}\n\nNothing was lost: your text is still here, and the "
                "file on disk is as it was. Try File ▸ Save As… to another folder.",
            )
            return False
        previous = self.essay_path
        self.essay_path = target
        self.editor.set_modified(False)
        self.setWindowModified(False)
        self._dirty_since_autosave = False
        self._discard_autosave(target)
        if previous is None:
            self._discard_autosave(None)  # the untitled draft's autosave is now this file
        self.settings.add_recent(target)
        if essay.author:
            self.settings.set_author(essay.author)
        self._update_title()
        self.statusBar().showMessage(f"Saved {target.name}", 4000)
        self.essaySaved.emit(target)
        return True

    def save_essay_as(self) -> bool:
        folder = self.essay_path.parent if self.essay_path else Path.home()
        suggested = folder / (self.essay_path.name if self.essay_path else "essay.essay")
        name, _ = QFileDialog.getSaveFileName(
            self, "Save essay as", str(suggested), "Essays (*.essay)"
        )
        if not name:
            return False
        return self.save_essay(Path(name))

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = self.settings.recent_essays()
        if not recent:
            action = self.recent_menu.addAction("No recent essays")
            action.setEnabled(False)
            return
        for path in recent:
            action = self.recent_menu.addAction(path.name)
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
        if not self.editor.is_modified():
            return False
        from assistant.essay.store import write_autosave

        essay = self.current_essay()
        path = self.essay_path
        self._dirty_since_autosave = False
        self.autosave_label.setText("Autosaving…")

        def done(result: Any) -> None:
            self._autosave_task = None
            self.autosave_label.setStyleSheet("")
            self.autosave_label.setText(f"Autosaved {dt.datetime.now():%H:%M}")
            self.autosave_label.setToolTip(f"An automatic copy is in {result}")
            self.autosaved.emit(result)

        def failed(error: TaskError) -> None:
            self._autosave_task = None
            self._dirty_since_autosave = True  # try again next time
            self.autosave_label.setStyleSheet("color: #b00020;")
            self.autosave_label.setText("Autosave failed")
            self.autosave_label.setToolTip(error.message)
            log.warning("autosave failed: %s", error.traceback)
            self.autosaved.emit(error)

        self._autosave_task = run_task(
            lambda _task: write_autosave(essay, path), on_result=done, on_error=failed
        )
        return True

    def _discard_autosave(self, path: Path | None) -> None:
        from assistant.essay.store import discard_autosave

        try:
            discard_autosave(path)
        except OSError as error:
            log.warning("could not delete the autosave: %s", error)

    def _pending_autosave(self) -> tuple[Path | None, Path] | None:
        """(essay path, autosave) to offer: this essay's; or, in a window opened without an
        essay, the newest autosave of any essay (after a crash the app starts empty)."""
        from assistant.essay.store import find_autosave, list_autosaves

        found = find_autosave(self.essay_path)
        if found is not None:
            return self.essay_path, found
        if self.essay_path is not None or self.editor.is_modified():
            return None
        for info in list_autosaves():
            if info.essay_path is not None:
                found = find_autosave(info.essay_path)
                if found is not None:
                    return info.essay_path, found
        return None

    def check_recovery(self) -> str:
        """If an autosave newer than the saved essay exists (a crash), offer it.
        Returns what happened: "none", "recover", "discard" or "later"."""
        from assistant.essay.store import load_essay

        pending = self._pending_autosave()
        if pending is None:
            return "none"
        essay_path, autosave = pending
        when = dt.datetime.fromtimestamp(autosave.stat().st_mtime).strftime("%d %b %Y, %H:%M")
        name = essay_path.name if essay_path else "an untitled essay"
        choice = messages.ask_recover(self, name, when)
        if choice == "recover":
            try:
                essay = load_essay(autosave)
            except Exception as error:
                messages.show_error(
                    self, "Could not recover", f"The automatic copy cannot be read: {error}"
                )
                return "later"
            self._show_essay(essay, essay_path)
            self.editor.set_modified(True)
            self.setWindowModified(True)
            self._dirty_since_autosave = True
            self.statusBar().showMessage("Recovered the unsaved work: save it to keep it.", 8000)
        elif choice == "discard":
            self._discard_autosave(essay_path)
        return choice

    # --- import and export -------------------------------------------------------------------

    def _export_folder(self) -> Path:
        folder = self.settings.export_choices()["folder"]
        if folder and Path(folder).is_dir():
            return Path(folder)
        return self.essay_path.parent if self.essay_path else Path.home()

    def _export_stem(self) -> str:
        if self.essay_path:
            return self.essay_path.stem
        title = self.editor.title_edit.text().strip()
        return "".join(c for c in title if c.isalnum() or c in " -_").strip()[:60] or "essay"

    def export_docx_dialog(self) -> None:
        from assistant.export.docx import ExportOptions
        from assistant.ui.dialogs.export_options import ExportOptionsDialog

        choices = self.settings.export_choices()
        options = ExportOptions(
            title_page=choices["title_page"],
            include_bibliography=choices["include_bibliography"],
            ibid=choices["ibid"],
            course=choices["course"],
        )
        dialog = ExportOptionsDialog(
            self._export_folder() / f"{self._export_stem()}.docx",
            self.editor.title_edit.text(),
            self.editor.author_edit.text(),
            options,
            self,
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        if dialog.title() != self.editor.title_edit.text().strip():
            self.editor.title_edit.setText(dialog.title())
            self.editor.mark_outline_changed()
        if dialog.author() != self.editor.author_edit.text().strip():
            self.editor.author_edit.setText(dialog.author())
            self.editor.mark_outline_changed()
        chosen = dialog.options()
        self.settings.set_export_choices(
            title_page=chosen.title_page,
            include_bibliography=chosen.include_bibliography,
            ibid=chosen.ibid,
            course=chosen.course,
            folder=str(dialog.path().parent),
        )
        self.editor.set_ibid(chosen.ibid)
        self.export_docx(dialog.path(), chosen)

    def export_docx(self, path: Path, options: Any = None) -> bool:
        """Export the essay to Word in a worker; `exportFinished` reports the outcome."""
        from assistant.export.docx import ExportOptions, export_docx

        if self._export_task is not None:
            self.statusBar().showMessage("An export is already running.", 4000)
            return False
        essay = self.current_essay()
        items = self.editor.items()
        options = options or ExportOptions()
        path = Path(path)
        self.statusBar().showMessage(f"Exporting {path.name}…")

        def done(report: Any) -> None:
            self._export_task = None
            warnings = list(getattr(report, "warnings", []) or [])
            text = f"Exported {path.name}: {report.notes} notes"
            if warnings:
                text += f", {len(warnings)} warning(s): " + "; ".join(warnings[:3])
            self.statusBar().showMessage(text, 10000)
            self.exportFinished.emit(report)

        def failed(error: TaskError) -> None:
            self._export_task = None
            self.statusBar().clearMessage()
            messages.show_error(
                self,
                "Export failed",
                f"{path}: {error.message}\n\nYour essay is unchanged; any earlier file at "
                "that place was left as it was.",
            )
            self.exportFinished.emit(error)

        self._export_task = run_task(
            lambda _task: export_docx(essay, path, items=items, options=options),
            on_result=done,
            on_error=failed,
        )
        return True

    def export_markdown_dialog(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            "Export Markdown",
            str(self._export_folder() / f"{self._export_stem()}.md"),
            "Markdown (*.md)",
        )
        if name:
            self.export_markdown(Path(name))

    def export_markdown(self, path: Path) -> bool:
        """Pandoc Markdown (footnotes with [@id, page] citations), for Zettlr and Pandoc."""
        from assistant.export.markdown import export_markdown

        essay = self.current_essay()
        path = Path(path)

        def done(_result: Any) -> None:
            self.statusBar().showMessage(f"Exported {path.name}", 6000)
            self.exportFinished.emit(path)

        def failed(error: TaskError) -> None:
            messages.show_error(self, "Markdown export failed", f"{path}: {error.message}")
            self.exportFinished.emit(error)

        run_task(lambda _task: export_markdown(essay, path), on_result=done, on_error=failed)
        return True

    def import_markdown_dialog(self) -> None:
        folder = str(self.essay_path.parent) if self.essay_path else str(Path.home())
        name, _ = QFileDialog.getOpenFileName(
            self, "Import a Markdown draft", folder, "Markdown (*.md *.markdown *.txt)"
        )
        if name and self.maybe_save():
            self.import_markdown(Path(name))

    def import_markdown(self, path: Path) -> bool:
        """Open a Pandoc Markdown draft as a new, untitled essay (the file is not changed)."""
        from assistant.essay.markdown import PandocError, load_bibliographies, read_markdown

        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            reason = getattr(error, "strerror", None) or str(error)
            messages.show_error(self, "Could not import", f"{path}: {reason}")
            return False
        try:
            result = read_markdown(text, self.controller.items())
            if result.missing and result.bibliography:
                # As Pandoc does: the front matter's `bibliography:` files, next to the draft.
                extra, problems = load_bibliographies(path.parent, result.bibliography)
                if extra:
                    result = read_markdown(text, {**extra, **self.controller.items()})
                result.warnings.extend(problems)
        except PandocError as error:
            messages.show_error(self, "Could not import", f"{path}: {error}")
            return False
        essay = result.essay
        if essay.outline is None:
            essay.outline = self.outline_pane.outline()
        if not essay.title:
            essay.title = path.stem
        self._show_essay(essay, None)
        self.editor.set_modified(True)
        self.setWindowModified(True)
        if result.warnings:
            messages.show_info(
                self,
                "Imported with warnings",
                f"{path.name} was imported; check these places:\n\n"
                + "\n".join(f"• {w}" for w in result.warnings[:20]),
            )
        else:
            self.statusBar().showMessage(f"Imported {path.name}", 5000)
        return True

    # --- drops, close ------------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.drop_files(paths)

    def drop_files(self, paths: list[Path]) -> None:
        """An essay file opens; anything else goes to the library (problems are listed there)."""
        essays = [p for p in paths if p.suffix == ESSAY_SUFFIX]
        sources = [p for p in paths if p.suffix != ESSAY_SUFFIX]
        if essays and self.maybe_save():
            self.open_essay(essays[0])
        if sources:
            self.controller.add_files(sources)
            self.statusBar().showMessage(
                f"Adding {len(sources)} file{'s' if len(sources) != 1 else ''} to the library…",
                6000,
            )

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.maybe_save():
            event.ignore()
            return
        self._autosave_timer.stop()
        self.check_pane.shutdown()
        self.settings.save_window(self)
        for key, splitter in self._splitters().items():
            self.settings.set_value(f"window/{key}", splitter.saveState())
        self.settings.sync()
        event.accept()

    def open_url(self, url: str) -> None:
        QDesktopServices.openUrl(QUrl(url))
