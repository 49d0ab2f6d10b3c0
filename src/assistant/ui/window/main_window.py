"""The main window: the draft in the centre, research docks around it, status and messages.

The window owns the panes and lays them out; its menus come from `actions`, the essay's file
life from `session` (open/save/autosave/recovery) and exports from `exports`. Nothing here
blocks on slow work: indexing belongs to the LibraryController's threads, searches to the
SearchPane's, and exports and autosaves run as worker tasks.

The docks' layout, focus mode and the footnote builder's coming and going are the `desk`'s;
the spelling's feeds are `spelling_wiring`'s.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, QTimer, QUrl
from PySide6.QtGui import QCloseEvent, QDesktopServices, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QToolButton,
)

from assistant.ui import theme
from assistant.ui.builder import FootnoteBuilder
from assistant.ui.check.pane import CheckPane
from assistant.ui.dialogs import messages
from assistant.ui.editor import DraftEditor
from assistant.ui.library.controller import LibraryController
from assistant.ui.library.library_panel import LibraryDock
from assistant.ui.outline.pane import OutlinePane
from assistant.ui.reader.pane import ReaderPane
from assistant.ui.search.pane import SearchPane
from assistant.ui.settings import Settings
from assistant.ui.window.actions import WindowActions
from assistant.ui.window.desk import Desk
from assistant.ui.window.exports import ExportControl
from assistant.ui.window.message_log import MessageLog
from assistant.ui.window.session import ESSAY_SUFFIX, EssaySession
from assistant.ui.window.spelling_wiring import SpellingWiring
from assistant.ui.window.title_dictionaries import TitleDictionaries

log = logging.getLogger(__name__)

DEFAULT_SIZE = QSize(1280, 800)
NOTICE_MS = 5000


class MainWindow(QMainWindow):
    """See the module docstring."""

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
        app = QApplication.instance()
        if isinstance(app, QApplication):
            theme.apply(app, self.settings.theme())
        self._session_words = 0

        self.editor = DraftEditor()
        self.setCentralWidget(self.editor)
        self.search_pane = SearchPane(controller)
        self.reader_pane = ReaderPane(controller)
        self.outline_pane = OutlinePane(controller)
        self.builder = FootnoteBuilder()
        self.library_dock = LibraryDock(controller, self)
        self.check_pane = CheckPane(controller, self.editor)
        self.search_dock: QDockWidget
        self.outline_dock: QDockWidget
        self.reader_dock: QDockWidget
        self.builder_dock: QDockWidget
        self.check_dock: QDockWidget
        self.desk = Desk(self)  # makes the docks above and lays them out

        self.message_log = MessageLog(self)
        self.session = EssaySession(self)
        self.exports = ExportControl(self)
        self._build_status_bar()
        self.spelling_wiring = SpellingWiring(self)
        self.spelling = self.spelling_wiring.control
        self.actions = WindowActions(self)
        self._connect()
        self.setAcceptDrops(True)
        self.session.start()

        # The strip shows notes as the Word export will print them, ibid. included if chosen.
        self.editor.set_ibid(self.settings.export_choices()["ibid"])
        self.editor.text_edit.set_zoom(self.settings.zoom())
        self.title_dictionaries = TitleDictionaries(self)
        self.title_dictionaries.loaded.connect(self._refresh_items)
        self._refresh_items()
        self.resize(DEFAULT_SIZE)
        self.settings.restore_window(self)
        self.desk.restore_splitters()
        if essay_path is None or not self.session.open_essay(Path(essay_path), ask_recovery=False):
            self.session.start_new_essay()
        if check_recovery:
            # After the window is up: the question needs a visible parent.
            QTimer.singleShot(0, self.session.check_recovery)

    # --- construction ------------------------------------------------------------------------

    def docks(self) -> list[QDockWidget]:
        return self.desk.docks()

    def reset_layout(self) -> None:
        self.desk.reset()

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.words_label = QPushButton("0 words")
        self.words_label.setObjectName("wordCount")
        self.words_label.setFlat(True)
        self.words_label.clicked.connect(self.set_word_target_dialog)
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
        self.messages_button = QToolButton()
        self.messages_button.setObjectName("messagesButton")
        self.messages_button.setAutoRaise(True)
        self.messages_button.clicked.connect(self.show_messages)
        # Appearing must not make the status bar taller than its labels keep it.
        self.messages_button.setMaximumHeight(self.words_label.sizeHint().height())
        self.messages_button.hide()
        # Wide enough for large counts: a permanent label does not grow once the bar is laid out.
        metrics = self.words_label.fontMetrics()
        self.words_label.setMinimumWidth(
            metrics.horizontalAdvance("88,888 / 88,888 words (100 %) · +8,888 this session") + 16
        )
        self.notes_label.setMinimumWidth(metrics.horizontalAdvance("8,888 notes") + 8)
        for widget in (self.words_label, self.notes_label, self.autosave_label):
            bar.addPermanentWidget(widget)
        bar.addPermanentWidget(self.index_progress)
        bar.addPermanentWidget(self.index_label)
        bar.addPermanentWidget(self.messages_button)
        self.message_log.changed.connect(self._messages_changed)

    def _connect(self) -> None:
        controller = self.controller
        controller.libraryChanged.connect(self._refresh_items)
        controller.statusChanged.connect(self.index_label.setText)
        controller.indexProgress.connect(self._index_progress)
        controller.indexingChanged.connect(self._indexing_changed)
        controller.errorOccurred.connect(lambda text: self.report_problem("Library", text))

        self.search_pane.hitActivated.connect(self._open_hit)
        self.search_pane.hitSelected.connect(self._hit_selected)
        self.reader_pane.selectionChanged.connect(self._reader_selection)
        self.reader_pane.citeRequested.connect(self._cite_passage)
        self.builder.insertRequested.connect(self._insert_note)
        self.check_pane.supportRequested.connect(self._find_support)
        self.check_pane.passageRequested.connect(self._open_source_at)
        self.builder.updateRequested.connect(self._update_note)
        self.builder.dismissRequested.connect(self.desk.builder_dismissed)
        self.outline_pane.openPassage.connect(self._open_link)
        self.outline_pane.insertTextRequested.connect(self._insert_text)
        self.outline_pane.outlineChanged.connect(self._outline_changed)

        self.editor.text_edit.hitDropped.connect(self._hit_dropped)
        self.editor.cite_completer.citeRequested.connect(self._cite_typed)
        self.editor.notes_strip.passageRequested.connect(self._open_note_passage)
        self.editor.notes_strip.builderEditRequested.connect(self._edit_in_builder)
        self.editor.statsChanged.connect(self._show_stats)
        self.session.essayShown.connect(self._essay_shown)

    # --- the essay and its file (the session does the work) ---------------------------------

    @property
    def essay_path(self) -> Path | None:
        return self.session.path

    def set_word_target_dialog(self) -> None:
        target = messages.ask_word_target(self, self.editor.word_target())
        if target is not None:
            self.editor.set_word_target(target)

    def _essay_shown(self) -> None:
        self._session_words = self.editor.word_count()
        self.spelling_wiring.essay_shown()
        self._refresh_items()
        self._show_stats(self.editor.word_count(), self.editor.note_count())

    def maybe_save(self) -> bool:
        return self.session.maybe_save()

    # --- status and messages -----------------------------------------------------------------

    def notify(self, text: str, timeout: int = NOTICE_MS) -> None:
        """A passing one-line notice; anything longer or lasting goes to the message log."""
        self.statusBar().showMessage(text, timeout)

    def report_problem(self, where: str, text: str) -> None:
        """A problem the writer should be able to read in full later: logged, and counted in
        the status bar (the bar itself never grows with it)."""
        if self.message_log.add(where, text):
            self.notify(f"{where}: {text.splitlines()[0][:120]}")

    def log_messages(self, where: str, lines: list[str]) -> None:
        for line in lines:
            self.message_log.add(where, line)

    def _messages_changed(self) -> None:
        count = len(self.message_log.entries())
        self.messages_button.setVisible(count > 0)
        self.messages_button.setText(f"⚠ {count} message{'s' if count != 1 else ''}")
        self.messages_button.setToolTip("Open the message log")

    def show_messages(self) -> None:
        self.message_log.show_dialog(self)

    # --- wiring ------------------------------------------------------------------------------

    def _refresh_items(self) -> None:
        from assistant.cite.engine import ChicagoEngine
        from assistant.ui.builder.widget import source_label

        items = self.controller.items()
        if not self.title_dictionaries.ready(items):
            return  # they load off the GUI thread, and `loaded` refreshes again
        self.editor.set_library_items(items)
        self.builder.set_items({**self.editor.items(), **items})
        engine = ChicagoEngine(items)
        labels = {}
        for item_id, item in items.items():
            year = ((item.get("issued") or {}).get("date-parts") or [[""]])[0][:1]
            suffix = f" ({year[0]})" if year and year[0] else ""
            labels[item_id] = source_label(engine, item_id) + suffix
        self.editor.cite_completer.set_items(items, labels)

    def _cite_typed(self, item_id: str) -> None:
        """An @-citation picked in the draft: the note goes in where the @ was, as Zettlr puts
        the citation there, and the builder opens on it, page field first (Enter adds the page;
        Escape leaves the note as it is)."""
        from assistant.cite.model import Citation, Note
        from assistant.essay.model import NoteAnchor

        anchor = NoteAnchor(Note.of(Citation(item_id)))
        self.editor.insert_note(anchor)
        number = self.editor.document.note_number(anchor.id) or 0
        if self.builder.load_note(anchor, number):
            self.focus_builder()

    def set_essay_language(self, language: str) -> None:
        self.spelling_wiring.set_essay_language(language)

    def _index_progress(self, done: int, total: int, _source_id: str) -> None:
        self.index_progress.setMaximum(max(1, total))
        self.index_progress.setValue(done)
        self.index_progress.setFormat(f"Indexing {done}/{total}")
        self.index_progress.show()

    def _indexing_changed(self, running: bool) -> None:
        self.index_progress.setVisible(running)

    def _open_hit(self, hit: Any, query: str) -> None:
        self.reader_pane.show_hit(hit, query)
        self.desk.show_dock(self.reader_dock)
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
        self.notify(f"Inserted note {self.editor.document.note_number(anchor.id)}")
        self.desk.builder_done()

    def _update_note(self, anchor_id: str, note: Any) -> None:
        if not self.editor.update_note(anchor_id, note):
            messages.show_error(
                self, "Note not found", "That note is no longer in the text (it was deleted)."
            )
            return
        self.desk.builder_done()

    def _hit_dropped(self, hit: dict) -> None:
        """A hit dragged into the text: build a note on it at the drop point."""
        from assistant.essay.model import PassageLink

        link = PassageLink(hit["source_id"], hit["ordinal"], hit.get("page"))
        self.builder.prefill(hit["source_id"], hit.get("page") or "", "", link)
        self.reader_pane.show_passage(hit["source_id"], hit["ordinal"])
        self.focus_builder()
        self.notify("Add the page and press Insert note.")

    def _open_link(self, link: Any) -> None:
        self.reader_pane.show_passage(link.source_id, link.ordinal)
        self.desk.show_dock(self.reader_dock)

    def _open_source_at(self, source_id: str, offset: int) -> None:
        """Show the passage of `source_id` holding character `offset` (a borrowing's source)."""
        try:
            passages = self.controller.library.document(source_id).passages
        except Exception as error:  # the file went away since the check
            self.notify(f"Cannot open {source_id}: {error}")
            return
        ordinal = next((p.ordinal for p in passages if p.start <= offset < p.end), 0)
        self.reader_pane.show_passage(source_id, ordinal)
        self.desk.show_dock(self.reader_dock)

    def _insert_text(self, text: str) -> None:
        self.editor.text_edit.insertPlainText(text)
        self.editor.text_edit.setFocus()

    def _outline_changed(self) -> None:
        self.editor.set_outline(self.outline_pane.outline())
        self.editor.mark_outline_changed()
        self.session.mark_dirty()

    def _show_stats(self, words: int, notes: int) -> None:
        from assistant.essay.progress import WordProgress

        progress = WordProgress(words, self.editor.word_target(), self._session_words)
        self.words_label.setText(progress.label())
        self.words_label.setToolTip("Click to set a word target for this essay")
        self.notes_label.setText(f"{notes} note{'s' if notes != 1 else ''}")

    def check_draft(self) -> None:
        self.desk.show_dock(self.check_dock)
        self.check_pane.run_check()

    def _find_support(self, text: str) -> None:
        self.desk.show_dock(self.search_dock)
        self.search_pane.show_results_for_text(text)

    def focus_search(self) -> None:
        self.desk.show_dock(self.search_dock)
        self.search_pane.focus_query()

    def focus_builder(self) -> None:
        self.desk.show_builder()
        self.builder.focus_locator()

    def set_theme(self, value: str) -> None:
        """Light, dark or the system's scheme, now and at the next start."""
        self.settings.set_theme(value)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            theme.apply(app, self.settings.theme())  # type: ignore[arg-type]
        self.actions.theme_actions[self.settings.theme()].setChecked(True)

    def toggle_focus_mode(self) -> None:
        self.desk.toggle_focus_mode()

    def in_focus_mode(self) -> bool:
        return self.desk.in_focus_mode()

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
            self.desk.show_builder()
        else:
            self.notify(
                "This note mixes commentary and citations: edit it in the notes strip (F2)."
            )
            self.editor.notes_strip.edit_note(anchor_id)
            self.editor.notes_strip.focus_editor()

    def edit_note_at_cursor(self) -> None:
        anchor = self.editor.text_edit.anchor_near_cursor()
        if anchor is None:
            anchor = self._anchor(self.editor.notes_strip.current_anchor_id())
        if anchor is None:
            self.notify("Put the cursor next to a note number first.")
            return
        self.editor.notes_strip.select_anchor(anchor.id)
        self._edit_in_builder(anchor.id)

    # --- help --------------------------------------------------------------------------------

    def show_help(self) -> None:
        messages.show_info(
            self,
            "Getting started",
            "1. Search your sources in the Search pane (Ctrl+K); Enter opens a hit in the Reader.\n"
            "2. Select the words you want to quote in the Reader and press Cite… (Ctrl+Return), "
            "or type @ in the draft and pick a source.\n"
            "3. In the Footnote builder, give the page and press Enter: the note lands at the "
            "cursor, numbered, in Chicago style, and the builder steps aside.\n"
            "4. File ▸ Export to Word… writes a .docx with real footnotes and a bibliography.\n\n"
            "Drop PDF, Word, Markdown or text files on the window to add them to the library.\n"
            "Help ▸ Keyboard shortcuts (F1) lists every key.",
        )

    def show_shortcuts(self) -> None:
        from assistant.ui.dialogs.shortcuts import ShortcutsDialog

        ShortcutsDialog(self.actions.shortcut_rows(), self).exec()

    def show_about(self) -> None:
        from assistant.ui.dialogs.shortcuts import about_text

        messages.show_about(self, about_text())

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
        if essays and self.session.maybe_save():
            self.session.open_essay(essays[0])
        if sources:
            self.controller.add_files(sources)
            self.notify(
                f"Adding {len(sources)} file{'s' if len(sources) != 1 else ''} to the library…"
            )

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.session.maybe_save():
            event.ignore()
            return
        self.session.stop()
        self.check_pane.shutdown()
        self.desk.save()
        self.settings.set_zoom(self.editor.text_edit.zoom())
        self.settings.sync()
        event.accept()

    def open_url(self, url: str) -> None:
        QDesktopServices.openUrl(QUrl(url))
