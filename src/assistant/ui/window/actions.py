"""The window's menus and toolbar, assembled from each pane's own actions.

Each pane package owns the actions that act on it (`editor.actions`, `search.actions`,
`builder.actions`, `library.actions`, `check.actions`, `outline.actions`); this module adds
the window-wide ones (File, View, Help) and lays them all out in menus.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QActionGroup, QKeySequence

from assistant.check.spelling import LANGUAGES
from assistant.ui.actions import make_action
from assistant.ui.builder.actions import BuilderActions
from assistant.ui.check.actions import CheckActions
from assistant.ui.editor.actions import EditorActions
from assistant.ui.library.actions import LibraryActions
from assistant.ui.outline.actions import OutlineActions
from assistant.ui.search.actions import SearchActions

if TYPE_CHECKING:
    from assistant.ui.window.main_window import MainWindow

Key = QKeySequence.StandardKey


class WindowActions:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        session, exports = window.session, window.exports
        self.editor = EditorActions(window.editor)
        self.library = LibraryActions(window.library_dock, window.controller)
        self.check = CheckActions(window.check_pane, window.check_draft)
        self.outline = OutlineActions(window.outline_pane)
        w = window
        self.new = make_action(w, "&New", session.new_essay, Key.New)
        self.open = make_action(w, "&Open…", session.open_essay_dialog, Key.Open)
        self.save = make_action(w, "&Save", session.save_essay, Key.Save)
        self.save_as = make_action(w, "Save &As…", session.save_essay_as, Key.SaveAs)
        self.snapshots = make_action(
            w, "Snapshots…", session.show_snapshots, "Ctrl+Alt+S", "Named versions of the essay"
        )
        self.import_markdown = make_action(w, "&Import Markdown…", session.import_markdown_dialog)
        self.import_docx = make_action(
            w,
            "Import &Word…",
            session.import_docx_dialog,
            tip="A .docx as a new essay, its notes and citations read back",
        )
        self.export_markdown = make_action(w, "Export &Markdown…", exports.export_markdown_dialog)
        self.export_docx = make_action(
            w,
            "Export to &Word…",
            exports.export_docx_dialog,
            "Ctrl+Shift+W",
            "Write a .docx with real footnotes and a bibliography",
        )
        self.quit = make_action(w, "&Quit", w.close, Key.Quit)
        panes = (w.editor, w.reader_pane, w.outline_pane, w.builder, w.library_dock)
        self.search_pane = SearchActions(w, w.focus_search, panes)
        self.search = self.search_pane.search
        self.builder = BuilderActions(w, w.focus_builder, w.edit_note_at_cursor)
        self.new_note, self.edit_note = self.builder.new_note, self.builder.edit_note
        self.reset_layout = make_action(w, "&Reset layout", w.reset_layout)
        self.focus_mode = make_action(
            w, "&Focus mode", w.toggle_focus_mode, "F11", "Only the draft on screen"
        )
        self.focus_mode.setCheckable(True)
        window.addAction(self.focus_mode)  # works with every dock (and the menu bar) hidden
        self.messages = make_action(w, "&Messages…", w.show_messages, name="showMessages")
        self.help = make_action(w, "&Getting started", w.show_help)
        self.shortcuts = make_action(w, "&Keyboard shortcuts", w.show_shortcuts, "F1")
        self.about = make_action(w, "&About", w.show_about)
        self._build_menus()
        self._build_toolbar()

    def _build_menus(self) -> None:
        window = self.window
        bar = window.menuBar()
        file_menu = bar.addMenu("&File")
        file_menu.addActions([self.new, self.open])
        self.recent_menu = file_menu.addMenu("Open &Recent")
        self.recent_menu.aboutToShow.connect(
            lambda: window.session.fill_recent_menu(self.recent_menu)
        )
        file_menu.addSeparator()
        file_menu.addActions([self.save, self.save_as, self.snapshots])
        file_menu.addSeparator()
        file_menu.addActions(
            [self.import_markdown, self.import_docx, self.export_markdown, self.export_docx]
        )
        file_menu.addSeparator()
        file_menu.addAction(self.quit)

        edit = self.editor
        edit_menu = bar.addMenu("&Edit")
        edit_menu.addActions([edit.undo, edit.redo])
        edit_menu.addSeparator()
        edit_menu.addActions(edit.clipboard)
        edit_menu.addSeparator()
        edit_menu.addActions([edit.find, edit.replace, edit.find_next, edit.find_previous])
        edit_menu.addSeparator()
        edit_menu.addAction(self.search)
        edit_menu.addActions([self.new_note, self.edit_note])
        edit_menu.addSeparator()
        edit_menu.addActions([self.check.check, self.check.support])
        window.addActions([self.check.check, self.check.support])

        format_menu = bar.addMenu("F&ormat")
        format_menu.addActions([edit.bold, edit.italic])
        format_menu.addSeparator()
        format_menu.addActions([*edit.headings, edit.paragraph, edit.quote])
        format_menu.addSeparator()
        format_menu.addAction(edit.smart_punctuation)
        self.word_target = format_menu.addAction("Word &target…")
        self.word_target.triggered.connect(lambda _c=False: window.set_word_target_dialog())
        self.spell_check = format_menu.addAction("Check &spelling as you type")
        self.spell_check.setCheckable(True)
        self.spell_check.setChecked(True)
        self.spell_check.toggled.connect(window.spelling.set_enabled)
        language_menu = format_menu.addMenu("Essay &language")
        languages = QActionGroup(window)
        self.language_actions: dict[str, QAction] = {}
        for code, name in LANGUAGES.items():
            action = language_menu.addAction(name)
            action.setCheckable(True)
            action.triggered.connect(lambda _c=False, c=code: window.set_essay_language(c))
            languages.addAction(action)
            self.language_actions[code] = action

        library_menu = bar.addMenu("&Library")
        library_menu.addActions([*self.library.all(), self.outline.import_markdown])
        self.library_menu = library_menu

        self.view_menu = bar.addMenu("&View")
        for dock in window.docks():
            self.view_menu.addAction(dock.toggleViewAction())
        self.view_menu.addSeparator()
        self.view_menu.addActions([edit.zoom_in, edit.zoom_out, edit.zoom_reset])
        self.view_menu.addSeparator()
        self.view_menu.addActions([self.focus_mode, self.reset_layout, self.messages])
        self.view_menu.addSeparator()
        appearance = self.view_menu.addMenu("&Appearance")
        group = QActionGroup(window)
        self.theme_actions = {}
        for value, label in (
            ("system", "Follow the &system"),
            ("light", "&Light"),
            ("dark", "&Dark"),
        ):
            action = appearance.addAction(label)
            action.setCheckable(True)
            action.setChecked(window.settings.theme() == value)
            action.triggered.connect(lambda _c=False, v=value: window.set_theme(v))
            group.addAction(action)
            self.theme_actions[value] = action

        help_menu = bar.addMenu("&Help")
        help_menu.addActions([self.help, self.shortcuts])
        help_menu.addSeparator()
        help_menu.addAction(self.about)
        self.help_menu = help_menu

    def _build_toolbar(self) -> None:
        """The draft's actions with short labels: the shortcuts are in the tooltips."""
        edit = self.editor
        toolbar = self.window.addToolBar("Format")
        toolbar.setObjectName("formatToolBar")
        toolbar.setMovable(True)
        self.toolbar = toolbar
        for action, label in (
            (edit.undo, "Undo"),
            (edit.redo, "Redo"),
            (None, ""),
            (edit.bold, "B"),
            (edit.italic, "I"),
            (edit.headings[0], "H1"),
            (edit.headings[1], "H2"),
            (edit.headings[2], "H3"),
            (edit.paragraph, "¶"),
            (edit.quote, "“Quote”"),
            (None, ""),
            (self.new_note, "Insert note…"),
            (self.edit_note, "Edit note"),
        ):
            if action is None:
                toolbar.addSeparator()
                continue
            button = QAction(label, self.window)
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

    def shortcut_rows(self) -> list[tuple[str, str, str]]:
        """(menu, action, keys) for every menu action with a shortcut, for the reference."""
        rows: list[tuple[str, str, str]] = []
        for menu_action in self.window.menuBar().actions():
            menu = menu_action.menu()
            if menu is None:
                continue
            title = menu.title().replace("&", "")
            for action in menu.actions():
                keys = ", ".join(
                    s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts()
                )
                if keys:
                    rows.append((title, action.text().replace("&", ""), keys))
        return rows
