"""The draft editor: a QTextEdit page whose footnote anchors renumber live, and the notes strip."""

from assistant.ui.editor.convert import document_to_essay, essay_to_document
from assistant.ui.editor.document import DraftDocument
from assistant.ui.editor.notes_strip import NotesStrip, note_from_source, note_to_source
from assistant.ui.editor.textedit import DraftTextEdit
from assistant.ui.editor.widget import DraftEditor

__all__ = [
    "DraftDocument",
    "DraftEditor",
    "DraftTextEdit",
    "NotesStrip",
    "document_to_essay",
    "essay_to_document",
    "note_from_source",
    "note_to_source",
]
