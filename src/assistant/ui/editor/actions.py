"""The draft's own actions: undo/redo, the clipboard, character and paragraph formats.

Their keys work while the draft has focus, never from another pane (Ctrl+V in the outline must
not paste into the page out of sight).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QKeySequence

from assistant.ui.actions import local_to, make_action

if TYPE_CHECKING:
    from assistant.ui.editor.widget import DraftEditor

Key = QKeySequence.StandardKey


class EditorActions:
    def __init__(self, editor: DraftEditor) -> None:
        text = editor.text_edit
        self.undo = make_action(editor, "&Undo", text.undo, Key.Undo)
        self.redo = make_action(editor, "&Redo", text.redo, Key.Redo)
        self.undo.setEnabled(False)
        self.redo.setEnabled(False)
        text.undoAvailable.connect(self.undo.setEnabled)
        text.redoAvailable.connect(self.redo.setEnabled)
        self.cut = make_action(editor, "Cu&t", text.cut, Key.Cut)
        self.copy = make_action(editor, "&Copy", text.copy, Key.Copy)
        self.paste = make_action(editor, "&Paste", text.paste, Key.Paste)
        self.bold = make_action(editor, "&Bold", text.toggle_bold, Key.Bold)
        self.italic = make_action(editor, "&Italic", text.toggle_italic, Key.Italic)
        self.headings = [
            make_action(
                editor, f"Heading {level}", lambda lv=level: text.set_heading(lv), f"Ctrl+{level}"
            )
            for level in (1, 2, 3)
        ]
        self.paragraph = make_action(editor, "&Paragraph", text.set_paragraph, "Ctrl+0")
        self.quote = make_action(editor, "Block &quotation", text.toggle_blockquote, "Ctrl+Shift+Q")
        self.smart_punctuation = make_action(
            editor,
            "S&mart punctuation",
            lambda: setattr(text, "smart_typing", self.smart_punctuation.isChecked()),
            tip="Curly quotes and apostrophes, dashes from -- and 52-55, as you type",
        )
        self.smart_punctuation.setCheckable(True)
        self.smart_punctuation.setChecked(text.smart_typing)
        bar = editor.find_bar
        self.find = make_action(editor, "&Find…", bar.open_find, Key.Find)
        self.replace = make_action(editor, "&Replace…", bar.open_replace, "Ctrl+H")
        self.find_next = make_action(editor, "Find &next", bar.find_next, Key.FindNext)
        self.find_previous = make_action(
            editor, "Find pre&vious", bar.find_previous, Key.FindPrevious
        )
        self.zoom_in = make_action(editor, "Zoom &in", text.zoom_in, [Key.ZoomIn, "Ctrl+="])
        self.zoom_out = make_action(editor, "Zoom &out", text.zoom_out, Key.ZoomOut)
        self.zoom_reset = make_action(editor, "&Actual size", text.zoom_reset, "Ctrl+Alt+0")
        local_to(
            editor,
            self.undo,
            self.redo,
            self.cut,
            self.copy,
            self.paste,
            self.bold,
            self.italic,
            *self.headings,
            self.paragraph,
            self.quote,
            self.zoom_in,
            self.zoom_out,
            self.zoom_reset,
            self.find,
            self.replace,
            self.find_next,
            self.find_previous,
        )

    @property
    def clipboard(self) -> list:
        return [self.cut, self.copy, self.paste]

    @property
    def formats(self) -> list:
        return [self.bold, self.italic, *self.headings, self.paragraph, self.quote]
