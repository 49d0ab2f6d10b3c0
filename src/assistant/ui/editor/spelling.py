"""Spelling as you type: a wavy underline under unknown words, suggestions on right-click.

The judging is `check.spelling`'s (the writer's words) and `check.quoted_spelling`'s (a
quotation's, in its source's language); this module only paints and offers. The dictionaries
load on a worker (about a second each; a quoted language's when a quotation first needs it),
and so does the list of the library's own words and languages; until they are in, nothing is
marked. The underline is the usual spelling squiggle, in the scheme's spelling
colour; failing quotations have a tint and a dashed line of their own (the Check dock's).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QSyntaxHighlighter,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QMenu

from assistant.check.quoted_spelling import Flag, Paragraph, QuotationSpelling, source_language
from assistant.check.spelling import (
    LANGUAGES,
    WORD_RE,
    Speller,
    personal_dictionary_path,
    read_personal,
    words_of,
    write_personal,
)
from assistant.essay.model import NoteAnchor
from assistant.ui import theme
from assistant.ui.editor.document import (
    ANCHOR_CHAR,
    NOTE_KEY_PROPERTY,
    NOTE_OBJECT_TYPE,
    DraftDocument,
)
from assistant.ui.editor.textedit import block_kind
from assistant.ui.workers import TaskError, run_task

log = logging.getLogger(__name__)

FIRST_LOAD_DELAY_MS = 1500
MAX_BLOCK_QUOTE_PARAGRAPHS = 50  # how far a block quotation's note is looked for
_IN_QUOTATION = 1  # block state: a quotation opened in this paragraph runs on into the next


class SpellHighlighter(QSyntaxHighlighter):
    """Marks a paragraph's unknown words: the writer's in the essay's language, a quotation's
    in its source's (`check.quoted_spelling`)."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self.speller: Speller | None = None
        self.quotations = QuotationSpelling()
        self.enabled = True
        # Called with a language a quotation needs whose dictionary is not loaded yet.
        self.on_wanted: Callable[[str], None] | None = None
        self._format = QTextCharFormat()
        self.restyle()

    def restyle(self) -> None:
        self._format = QTextCharFormat()
        self._format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
        self._format.setUnderlineColor(QColor(theme.scheme().spelling))

    def paragraph(self, block: QTextBlock, inside: bool) -> Paragraph | None:
        """What spelling finds in `block` (a quotation open before it when `inside`)."""
        speller = self.speller
        if speller is None or not self.enabled:
            return None
        kind, _level = block_kind(block.blockFormat())
        if kind == "code":
            return Paragraph([], False)
        block_quote = _block_quote_cited(block) if kind == "blockquote" else None
        paragraph = self.quotations.check(
            speller,
            block.text(),
            inside and block_quote is None,
            _anchors_in(block),
            block_quote,
        )
        if paragraph.wanted and self.on_wanted is not None:
            for language in paragraph.wanted:
                self.on_wanted(language)
        return paragraph

    def highlightBlock(self, text: str) -> None:
        paragraph = self.paragraph(self.currentBlock(), self.previousBlockState() == _IN_QUOTATION)
        if paragraph is None:
            self.setCurrentBlockState(0)
            return
        for flag in paragraph.flags:
            self.setFormat(flag.start, flag.end - flag.start, self._format)
        self.setCurrentBlockState(_IN_QUOTATION if paragraph.still_open else 0)

    def flag_at(self, block: QTextBlock, offset: int) -> Flag | None:
        previous = block.previous()
        inside = previous.isValid() and previous.userState() == _IN_QUOTATION
        paragraph = self.paragraph(block, inside)
        if paragraph is None:
            return None
        return next((f for f in paragraph.flags if f.start <= offset <= f.end), None)


def _anchors_in(block: QTextBlock) -> list[tuple[int, NoteAnchor]]:
    """The notes of a paragraph, as (offset in the paragraph, anchor)."""
    document = block.document()
    if not isinstance(document, DraftDocument):
        return []
    found = []
    it = block.begin()
    while not it.atEnd():
        fragment = it.fragment()
        fmt = fragment.charFormat()
        if fragment.isValid() and fmt.objectType() == NOTE_OBJECT_TYPE:
            anchor = document.anchor_for_key(fmt.stringProperty(NOTE_KEY_PROPERTY))
            if anchor is not None:
                start = fragment.position() - block.position()
                found.extend(
                    (start + i, anchor)
                    for i, char in enumerate(fragment.text())
                    if char == ANCHOR_CHAR
                )
        it += 1
    return found


def _block_quote_cited(block: QTextBlock) -> list[str]:
    """The sources a block quotation cites: its last paragraph's last note (as the quote
    checker reads it), looked for in the paragraphs of the quotation from this one on."""
    cited: list[str] = []
    for _ in range(MAX_BLOCK_QUOTE_PARAGRAPHS):
        anchors = _anchors_in(block)
        if anchors:
            cited = list(dict.fromkeys(c.item_id for c in anchors[-1][1].note.citations))
        following = block.next()
        if not following.isValid() or block_kind(following.blockFormat())[0] != "blockquote":
            break
        block = following
    return cited


class SpellingControl(QObject):
    """Loads the spellers (the essay's language, and each quoted source's as a quotation
    needs it) and keeps the highlighter fed."""

    ready = Signal(str)  # the language now checked
    failed = Signal(str)

    def __init__(self, text_edit: Any, folder: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._text_edit = text_edit
        self._folder = folder
        self.highlighter = SpellHighlighter(text_edit.document())
        self.highlighter.on_wanted = self._want
        self._library_words: set[str] = set()
        self._language = ""
        self._loading = ""
        self._quoted_loading: set[str] = set()
        self._quoted_failed: set[str] = set()
        self._tasks: list[Any] = []
        self._first_delay_ms = FIRST_LOAD_DELAY_MS
        text_edit.context_menu_providers.append(self._context_menu)
        text_edit.hover_providers.append(self.explain)
        theme.notifier().changed.connect(self._restyle)
        document = text_edit.document()
        if isinstance(document, DraftDocument):
            document.anchorsChanged.connect(self._notes_changed)

    def explain(self, position: int) -> str | None:
        """What the pointer resting on a word flagged in a quotation says: which dictionary it
        was looked up in, and why that one."""
        block = self._text_edit.document().findBlock(position)
        flag = self.highlighter.flag_at(block, position - block.position())
        if flag is None or not flag.quoted:
            return None
        language = LANGUAGES.get(flag.language, flag.language)
        return (
            f"Not in the {language} dictionary nor in the library's texts: this quotation is "
            f"spelt in the language of the source it quotes ({language})."
        )

    def _notes_changed(self) -> None:
        """A note came or went: the block quotation it ends may have a new language, and its
        earlier paragraphs are not re-checked by the edit itself."""
        block = self._text_edit.textCursor().block()
        for _ in range(MAX_BLOCK_QUOTE_PARAGRAPHS):
            block = block.previous()
            if not block.isValid() or block_kind(block.blockFormat())[0] != "blockquote":
                break
            self.highlighter.rehighlightBlock(block)

    def _alive(self) -> bool:
        return shiboken6.isValid(self) and shiboken6.isValid(self.highlighter)

    @property
    def speller(self) -> Speller | None:
        return self.highlighter.speller

    @property
    def quotations(self) -> QuotationSpelling:
        return self.highlighter.quotations

    def language(self) -> str:
        return self._language

    def speller_for(self, language: str) -> Speller | None:
        if self.speller is not None and self.speller.language == language:
            return self.speller
        return self.quotations.spellers.get(language)

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

    def _load_task(self, language: str) -> Callable[[Any], Speller]:
        folder = self._folder

        def load(_task: Any) -> Speller:
            speller = Speller.load(language)
            speller.set_personal(read_personal(personal_dictionary_path(folder, language)))
            return speller

        return load

    def _load(self, language: str) -> None:
        if self._loading != language:
            return

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

        self._tasks.append(run_task(self._load_task(language), on_result=done, on_error=failed))

    def _want(self, language: str) -> None:
        """A quotation needs `language`'s dictionary: load it once, then check again."""
        if language in self._quoted_loading or language in self._quoted_failed:
            return
        self._quoted_loading.add(language)

        def done(speller: Speller) -> None:
            if not self._alive():
                return
            self._quoted_loading.discard(language)
            speller.add_known(self._library_words)
            self.quotations.spellers[language] = speller
            self.highlighter.rehighlight()
            self.ready.emit(language)

        def failed(error: TaskError) -> None:
            if not self._alive():
                return
            self._quoted_loading.discard(language)
            self._quoted_failed.add(language)  # never asked again: its quotations stay as they are
            log.warning("spelling dictionary for %s: %s", language, error.message)

        # Not from inside the highlighter's pass: start the worker once it is over.
        QTimer.singleShot(
            0,
            self,
            lambda: self._tasks.append(
                run_task(self._load_task(language), on_result=done, on_error=failed)
            ),
        )

    def set_library(self, sources: Callable[[], list[tuple[str, dict, str]]]) -> None:
        """The library's sources as (id, CSL item, text); `sources` runs on a worker. Their
        words are never flagged, and their languages are the languages of their quotations."""

        def collect(_task: Any) -> tuple[set[str], dict[str, str]]:
            words: set[str] = set()
            languages: dict[str, str] = {}
            for source_id, item, text in sources():
                words |= words_of(text)
                languages[source_id] = source_language(item, text)
            return words, languages

        def done(result: tuple[set[str], dict[str, str]]) -> None:
            if not self._alive():
                return
            words, languages = result
            self._library_words = words
            # Cited works without a text keep the language their CSL item gave them.
            self.quotations.languages = {**self.quotations.languages, **languages}
            for speller in (self.speller, *self.quotations.spellers.values()):
                if speller is not None:
                    speller.add_known(words)
            self.highlighter.rehighlight()

        self._tasks.append(run_task(collect, on_result=done))

    def set_items(self, items: dict[str, dict]) -> None:
        """Cited works the library has no text for: their CSL language still counts."""
        languages = self.quotations.languages
        changed = False
        for item_id, item in items.items():
            if item_id not in languages:
                languages[item_id] = source_language(item, "")
                changed = changed or bool(languages[item_id])
        if changed:
            self.highlighter.rehighlight()

    def set_found_in(self, found_in: dict[str, str]) -> None:
        """Quotations the quote checker found word for word in a source other than the cited
        one (normalised quotation -> source id): spelt in that source's language."""
        if found_in != self.quotations.found_in:
            self.quotations.found_in = dict(found_in)
            self.highlighter.rehighlight()

    def add_to_dictionary(self, word: str, language: str = "") -> None:
        speller = self.speller_for(language) if language else self.speller
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
        flag = self.highlighter.flag_at(block, position - block.position())
        speller = self.speller_for(flag.language) if flag is not None else None
        if flag is None or speller is None:
            return
        start, end = block.position() + flag.start, block.position() + flag.end
        word = block.text()[flag.start : flag.end]
        first = menu.actions()[0] if menu.actions() else None
        suggestions = speller.suggestions(word)
        for suggestion in suggestions:
            action = menu.addAction(suggestion)
            action.setObjectName("spellingSuggestion")
            action.triggered.connect(lambda _c=False, s=suggestion: self._replace(start, end, s))
            menu.insertAction(first, action)
        if not suggestions:
            none = menu.addAction("No suggestions")
            none.setEnabled(False)
            menu.insertAction(first, none)
        label = f"Add “{word}” to the dictionary"
        if speller is not self.speller:
            label = f"Add “{word}” to the {LANGUAGES.get(flag.language, flag.language)} dictionary"
        add = menu.addAction(label)
        add.setObjectName("spellingAdd")
        add.triggered.connect(lambda _c=False: self.add_to_dictionary(word, flag.language))
        menu.insertAction(first, add)
        menu.insertSeparator(first)

    def _replace(self, start: int, end: int, text: str) -> None:
        cursor = QTextCursor(self._text_edit.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(text)


__all__ = ["WORD_RE", "SpellHighlighter", "SpellingControl"]
