"""Spelling as you type: a wavy underline under unknown words, suggestions on right-click.

The judging is `check.spelling`'s; this module only paints and offers. The dictionary loads
on a worker (about a second), and so does the list of the library's own words; until both are
in, nothing is marked. The underline is the usual spelling squiggle, in the scheme's spelling
colour; failing quotations have a tint and a dashed line of their own (the Check dock's).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QMenu

from assistant.check.spelling import (
    WORD_RE,
    Speller,
    personal_dictionary_path,
    read_personal,
    words_of,
    write_personal,
)
from assistant.ui import theme
from assistant.ui.workers import TaskError, run_task

log = logging.getLogger(__name__)

FIRST_LOAD_DELAY_MS = 1500
_IN_QUOTATION = 1  # block state: a quotation opened in this paragraph runs on into the next


class SpellHighlighter(QSyntaxHighlighter):
    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self.speller: Speller | None = None
        self.enabled = True
        self._format = QTextCharFormat()
        self.restyle()

    def restyle(self) -> None:
        self._format = QTextCharFormat()
        self._format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
        self._format.setUnderlineColor(QColor(theme.scheme().spelling))

    def highlightBlock(self, text: str) -> None:
        speller = self.speller
        if speller is None or not self.enabled:
            self.setCurrentBlockState(0)
            return
        inside = self.previousBlockState() == _IN_QUOTATION
        spans, still_open = speller.misspelled(text, inside)
        for start, end in spans:
            self.setFormat(start, end - start, self._format)
        self.setCurrentBlockState(_IN_QUOTATION if still_open else 0)

    def misspelled_at(self, block_text: str, offset: int, inside: bool) -> tuple[int, int] | None:
        if self.speller is None or not self.enabled:
            return None
        spans, _open = self.speller.misspelled(block_text, inside)
        return next(((a, b) for a, b in spans if a <= offset <= b), None)


class SpellingControl(QObject):
    """Loads the speller for the essay's language and keeps the highlighter fed."""

    ready = Signal(str)  # the language now checked
    failed = Signal(str)

    def __init__(self, text_edit: Any, folder: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._text_edit = text_edit
        self._folder = folder
        self.highlighter = SpellHighlighter(text_edit.document())
        self._library_words: set[str] = set()
        self._language = ""
        self._loading = ""
        self._tasks: list[Any] = []
        self._first_delay_ms = FIRST_LOAD_DELAY_MS
        text_edit.context_menu_providers.append(self._context_menu)
        theme.notifier().changed.connect(self._restyle)

    def _alive(self) -> bool:
        return shiboken6.isValid(self) and shiboken6.isValid(self.highlighter)

    @property
    def speller(self) -> Speller | None:
        return self.highlighter.speller

    def language(self) -> str:
        return self._language

    def set_enabled(self, enabled: bool) -> None:
        self.highlighter.enabled = enabled
        self.highlighter.rehighlight()

    def set_language(self, language: str) -> None:
        """Check in `language` from now on (the dictionary loads in the background). The
        first load waits until the window is up and idle: decompressing a dictionary holds
        the interpreter for a while, and start-up should not pay for it."""
        if language in (self._language, self._loading):
            return
        self._loading = language
        delay, self._first_delay_ms = self._first_delay_ms, 0
        QTimer.singleShot(delay, self, lambda: self._load(language))

    def _load(self, language: str) -> None:
        if self._loading != language:
            return
        folder = self._folder

        def load(_task: Any) -> Speller:
            speller = Speller.load(language)
            speller.set_personal(read_personal(personal_dictionary_path(folder, language)))
            return speller

        def done(speller: Speller) -> None:
            if not self._alive():
                return  # the window closed while the dictionary loaded
            if self._loading != language:
                return  # another language was asked for meanwhile
            self._loading = ""
            self._language = language
            speller.add_known(self._library_words)
            self.highlighter.speller = speller
            self.highlighter.rehighlight()
            self.ready.emit(language)

        def failed(error: TaskError) -> None:
            if not self._alive():
                return
            self._loading = ""
            log.warning("spelling dictionary for %s: %s", language, error.message)
            self.failed.emit(error.message)

        self._tasks.append(run_task(load, on_result=done, on_error=failed))

    def set_library_texts(self, texts: Callable[[], list[str]]) -> None:
        """The library's own words are never flagged; `texts` runs on a worker."""

        def collect(_task: Any) -> set[str]:
            words: set[str] = set()
            for text in texts():
                words |= words_of(text)
            return words

        def done(words: set[str]) -> None:
            if not self._alive():
                return
            self._library_words = words
            if self.speller is not None:
                self.speller.add_known(words)
                self.highlighter.rehighlight()

        self._tasks.append(run_task(collect, on_result=done))

    def add_to_dictionary(self, word: str) -> None:
        speller = self.speller
        if speller is None:
            return
        speller.add_personal(word)
        try:
            write_personal(
                personal_dictionary_path(self._folder, speller.language), speller.personal_words()
            )
        except OSError as error:
            self.failed.emit(f"the word list could not be saved: {error.strerror or error}")
        self.highlighter.rehighlight()

    def _restyle(self) -> None:
        self.highlighter.restyle()
        self.highlighter.rehighlight()

    def _context_menu(self, menu: QMenu, position: int) -> None:
        """Suggestions and "Add to dictionary" above the usual entries, on a flagged word."""
        document = self._text_edit.document()
        block = document.findBlock(position)
        previous = block.previous()
        inside = previous.isValid() and previous.userState() == _IN_QUOTATION
        span = self.highlighter.misspelled_at(block.text(), position - block.position(), inside)
        if span is None or self.speller is None:
            return
        start, end = block.position() + span[0], block.position() + span[1]
        word = block.text()[span[0] : span[1]]
        first = menu.actions()[0] if menu.actions() else None
        suggestions = self.speller.suggestions(word)
        for suggestion in suggestions:
            action = menu.addAction(suggestion)
            action.setObjectName("spellingSuggestion")
            action.triggered.connect(lambda _c=False, s=suggestion: self._replace(start, end, s))
            menu.insertAction(first, action)
        if not suggestions:
            none = menu.addAction("No suggestions")
            none.setEnabled(False)
            menu.insertAction(first, none)
        add = menu.addAction(f"Add “{word}” to the dictionary")
        add.setObjectName("spellingAdd")
        add.triggered.connect(lambda _c=False: self.add_to_dictionary(word))
        menu.insertAction(first, add)
        menu.insertSeparator(first)

    def _replace(self, start: int, end: int, text: str) -> None:
        cursor = QTextCursor(self._text_edit.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(text)


__all__ = ["WORD_RE", "SpellHighlighter", "SpellingControl"]
