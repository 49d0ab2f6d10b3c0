"""How the window keeps spelling informed: the essay's language, the library's sources (their
words are never flagged, their languages are their quotations'), the works the essay cites,
and the quote checker's findings of where a quotation really comes from."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer

from assistant.check.quoted_spelling import normalise_quotation
from assistant.paths import user_data_dir
from assistant.ui.editor.spelling import SpellingControl

if TYPE_CHECKING:
    from assistant.ui.window.main_window import MainWindow

LIBRARY_DELAY_MS = 1500  # the library's words are read once the window is up


def found_in(problems: list[Any]) -> dict[str, str]:
    """Quotation -> the source the quote checker found it in, word for word, when that is not
    the source its note cites."""
    found: dict[str, str] = {}
    for problem in problems:
        check = getattr(problem, "check", None)
        if check is not None and check.found_in:
            found[normalise_quotation(check.quotation.text)] = check.found_in
    return found


class SpellingWiring:
    def __init__(self, window: MainWindow) -> None:
        self._window = window
        self.control = SpellingControl(window.editor.text_edit, user_data_dir(), window)
        controller = window.controller
        self.control.failed.connect(lambda text: window.report_problem("Spelling", text))
        controller.libraryChanged.connect(self.library_changed)
        controller.indexFinished.connect(lambda _report: self.library_changed())
        window.check_pane.checkFinished.connect(
            lambda problems: self.control.set_found_in(found_in(problems))
        )
        window.editor.notesRendered.connect(lambda: self.control.set_items(window.editor.items()))
        QTimer.singleShot(LIBRARY_DELAY_MS, window, self.library_changed)

    def library_changed(self) -> None:
        library = self._window.controller.library
        items = self._window.controller.items()

        def sources() -> list[tuple[str, dict, str]]:
            found = []
            for source in library.sources:
                try:
                    text = library.document(source.id).text
                except Exception:  # an unreadable source is the library's to report
                    continue
                found.append((source.id, dict(items.get(source.id) or {}), text))
            return found

        self.control.set_library(sources)

    def essay_shown(self) -> None:
        self.control.set_language(self._window.editor.language())
        self._update_language_menu()

    def set_essay_language(self, language: str) -> None:
        self._window.editor.set_language(language)
        self.control.set_language(language)
        self._update_language_menu()

    def _update_language_menu(self) -> None:
        action = self._window.actions.language_actions.get(self._window.editor.language())
        if action is not None:
            action.setChecked(True)
