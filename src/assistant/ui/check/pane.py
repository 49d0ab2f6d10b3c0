"""The Check dock: problems with the draft's quotations and citations, found off the GUI thread.

The list shows each problem the checker found (`assistant.check.audit.check_draft`) with its
paragraph and note number. Clicking one selects its text in the editor; quotations that fail are
underlined in the draft with extra selections (their cursors follow later edits until the next
check). A misquotation can be replaced by the source's words in one click, as an ordinary
(undoable) edit. "Find support" asks the Search pane for the passages that best back the
selected sentence.

Checks run again by themselves a moment after the writer stops typing, and whenever the library
or its index changes; the checker remembers its results per quotation, so a re-check costs only
the quotations that changed.
"""

from __future__ import annotations

import html
import re
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from assistant.check.audit import Problem, check_draft
from assistant.check.quotes import QuoteChecker
from assistant.check.sentences import sentence_at
from assistant.cite.model import Citation, Note
from assistant.essay.model import NoteAnchor
from assistant.ui import theme
from assistant.ui.editor.document import ANCHOR_CHAR
from assistant.ui.workers import LatestOnly, TaskError, make_pool

# Problems whose quotation is underlined in the draft.
MARK_LAYER = "quotations"
UNDERLINED = frozenset({"misquotation", "wrong-source", "quotation-not-found", "no-note"})
# Source wording used without quotation marks: its own layer and its own mark.
BORROWING_LAYER = "borrowings"
BORROWING = "unquoted-borrowing"
RECHECK_DELAY_MS = 1500
_SEVERITY_LABEL = {"error": "✖", "warning": "⚠", "info": "ℹ"}
_PROBLEM_ROLE = Qt.ItemDataRole.UserRole + 1


class CheckPane(QWidget):
    """See the module docstring. `checkFinished(list[Problem])` fires after each check."""

    checkFinished = Signal(list)
    supportRequested = Signal(str)  # the selected sentence: the Search pane finds support
    passageRequested = Signal(str, int)  # (source id, character offset): show it in the Reader

    def __init__(self, controller: Any, editor: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checkPane")
        self._controller = controller
        self._editor = editor
        self._checker: QuoteChecker | None = None
        self._problems: list[Problem] = []
        self._stale = True  # the draft or library changed since the last check
        self._selections: list[QTextEdit.ExtraSelection] = []
        self._borrowed: list[QTextEdit.ExtraSelection] = []
        self._marked: list[tuple[int, int, Problem]] = []
        editor.text_edit.hover_providers.append(self.explain)
        self._pool = make_pool(1)
        self._channel = LatestOnly(self._pool, self)
        self._channel.resultReady.connect(self._on_results)
        self._channel.errorRaised.connect(self._on_error)

        self.check_button = QPushButton("Check draft", self)
        self.check_button.setToolTip(
            "Compare every cited quotation with its source and audit the notes"
        )
        self.auto_box = QCheckBox("As I write", self)
        self.auto_box.setChecked(True)
        self.auto_box.setToolTip("Check again a moment after you stop typing")
        self.support_button = QPushButton("Find support", self)
        self.support_button.setToolTip(
            "Search the corpus for passages that support the selected sentence"
        )
        self.status_label = QLabel(
            "Check draft (F7) compares every cited quotation with its source and audits the notes.",
            self,
        )
        self.status_label.setWordWrap(True)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.check_button)
        top.addWidget(self.auto_box)
        top.addStretch(1)
        top.addWidget(self.support_button)

        self.problem_list = QListWidget(self)
        self.problem_list.setObjectName("checkProblems")
        self.problem_list.setWordWrap(False)
        self.problem_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.problem_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.problem_list.setUniformItemSizes(False)
        # Small minimums: the dock shares its column with others and must not force the window
        # taller than a laptop screen.
        self.problem_list.setMinimumHeight(40)
        self.details = QTextBrowser(self)
        self.details.setObjectName("checkDetails")
        self.details.setOpenLinks(False)
        self.details.setMinimumHeight(30)
        self.fix_button = QPushButton("Use the source's words", self)
        self.fix_button.setToolTip("Replace the quotation with the source's wording")
        self.fix_button.setEnabled(False)
        self.open_source_button = QPushButton("Open in Reader", self)
        self.open_source_button.setToolTip("Show the source's passage in the Reader")
        self.open_source_button.setVisible(False)
        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.details, 1)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.fix_button)
        buttons.addWidget(self.open_source_button)
        lower_layout.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.problem_list)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.status_label)
        layout.addWidget(splitter, 1)

        self._recheck = QTimer(self)
        self._recheck.setSingleShot(True)
        self._recheck.setInterval(RECHECK_DELAY_MS)
        self._recheck.timeout.connect(self.run_check)

        self.check_button.clicked.connect(self.run_check)
        self.support_button.clicked.connect(self.request_support)
        self.fix_button.clicked.connect(self.apply_fix)
        self.open_source_button.clicked.connect(self.open_source)
        self.problem_list.currentItemChanged.connect(self._show_details)
        self.problem_list.itemActivated.connect(self._activate)
        self.problem_list.itemClicked.connect(self._activate)
        editor.document.contentsChanged.connect(self._draft_changed)
        for name in ("libraryChanged", "indexFinished"):
            signal = getattr(controller, name, None)
            if signal is not None:
                signal.connect(self._library_changed)

    # --- running -----------------------------------------------------------------------------

    @property
    def problems(self) -> list[Problem]:
        return list(self._problems)

    def is_busy(self) -> bool:
        return self._channel.busy

    def run_check(self) -> None:
        """Check the draft as it is now; the result arrives in `checkFinished`."""
        self._recheck.stop()
        self._stale = False
        essay = self._editor.essay()
        items = self._editor.items()
        if self._checker is None:
            self._checker = QuoteChecker.for_library(
                self._controller.library, index=self._controller.index, items=items
            )
        checker = self._checker
        self.status_label.setText("Checking…")
        self._channel.submit(check_draft, essay, checker, items)

    def _draft_changed(self) -> None:
        # Only while the dock is on screen: a hidden pane checks when it is shown again.
        self._stale = True
        if self.auto_box.isChecked() and self.isVisible():
            self._recheck.start()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self._stale and self.auto_box.isChecked():
            self._recheck.start()

    def _library_changed(self, *_args: object) -> None:
        # Sources were added, edited or re-indexed: results remembered for the old texts and the
        # old index no longer hold.
        self._checker = None
        self._stale = True
        if self.auto_box.isChecked() and self.isVisible():
            self._recheck.start()

    def _on_error(self, _generation: int, error: TaskError) -> None:
        self.status_label.setText(f"The check failed: {error.message}")

    def _on_results(self, _generation: int, problems: list[Problem]) -> None:
        self._problems = list(problems)
        current = self.problem_list.currentRow()
        self.problem_list.clear()
        for problem in problems:
            # Two short lines per problem: the dock is a narrow column and the details pane
            # below shows the whole message.
            label = f"{_SEVERITY_LABEL[problem.severity]} {problem.headline()}\n{problem.message}"
            item = QListWidgetItem(label)
            item.setData(_PROBLEM_ROLE, problem)
            item.setToolTip(problem.message)
            self.problem_list.addItem(item)
        failing = [p for p in problems if p.severity != "info"]
        notes = len(problems) - len(failing)
        if not problems:
            self.status_label.setText("No problems: every cited quotation matches its source.")
        else:
            text = f"{len(failing)} problem{'s' if len(failing) != 1 else ''}"
            if notes:
                text += f", {notes} note{'s' if notes != 1 else ''}"
            self.status_label.setText(text)
        if problems:
            self.problem_list.setCurrentRow(min(max(current, 0), len(problems) - 1))
        else:
            self._show_details(None, None)
        self._underline(problems)
        self.checkFinished.emit(self._problems)

    # --- the editor --------------------------------------------------------------------------

    def cursor_for(self, problem: Problem) -> QTextCursor | None:
        """A cursor selecting the problem's text in the draft, or None if it is gone."""
        if problem.block is None:
            return None
        start = self._position(problem.block, problem.start)
        end = self._position(
            problem.end_block if problem.end_block is not None else problem.block, problem.end
        )
        if start is None or end is None:
            return None
        cursor = QTextCursor(self._editor.document)
        cursor.setPosition(start)
        cursor.setPosition(max(start, end), QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def _position(self, block_index: int, offset: int) -> int | None:
        """The document position of `offset` in the essay's block `block_index`.

        The essay skips the document's empty paragraphs and has no character for a note
        anchor, which the document holds as one object character: both are accounted for.
        """
        block = self._editor.document.begin()
        seen = -1
        while block.isValid():
            text = block.text()
            if text.strip() or ANCHOR_CHAR in text:
                seen += 1
                if seen == block_index:
                    counted = 0
                    for index, char in enumerate(text):
                        if counted == offset and char != ANCHOR_CHAR:
                            return block.position() + index
                        if char != ANCHOR_CHAR:
                            counted += 1
                    return block.position() + len(text) if counted >= offset else None
            block = block.next()
        return None

    def _underline(self, problems: list[Problem]) -> None:
        """Mark failing quotations with a tint and a dashed underline, and borrowed wording
        with a dotted one in its own colour: neither is the wavy line of a spelling mistake,
        and resting the pointer on either says what is wrong."""
        colours = theme.scheme()
        self._marked = []
        self._selections = self._marks(
            [p for p in problems if p.kind in UNDERLINED],
            QTextCharFormat.UnderlineStyle.DashUnderline,
            colours.quote_problem,
            colours.quote_problem_bg,
        )
        self._editor.text_edit.set_marks(MARK_LAYER, self._selections)
        self._borrowed = self._marks(
            [p for p in problems if p.kind == BORROWING and p.note is None],
            QTextCharFormat.UnderlineStyle.DotLine,
            colours.borrowing,
            colours.borrowing_bg,
        )
        self._editor.text_edit.set_marks(BORROWING_LAYER, self._borrowed)

    def _marks(
        self,
        problems: list[Problem],
        style: QTextCharFormat.UnderlineStyle,
        colour: str,
        background: str,
    ) -> list[QTextEdit.ExtraSelection]:
        fmt = QTextCharFormat()
        fmt.setUnderlineStyle(style)
        fmt.setUnderlineColor(QColor(colour))
        fmt.setBackground(QColor(background))
        marks = []
        for problem in problems:
            cursor = self.cursor_for(problem)
            if cursor is None or not cursor.hasSelection():
                continue
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor
            selection.format = fmt
            marks.append(selection)
            self._marked.append((cursor.selectionStart(), cursor.selectionEnd(), problem))
        return marks

    def explain(self, position: int) -> str | None:
        """The tooltip over a marked quotation: what the check found and how to fix it."""
        for start, end, problem in self._marked:
            if start <= position <= end:
                if problem.kind == BORROWING:
                    return (
                        f"Borrowing guard: {problem.message}\n"
                        "Open the Check dock (F7) to see the source's wording and quote it."
                    )
                return (
                    f"Quotation check: {problem.message}\n"
                    "Open the Check dock (F7) to see the source's wording and fix it."
                )
        return None

    def borrowed(self) -> list[str]:
        """The draft's text under each borrowing mark (for tests)."""
        return [s.cursor.selectedText() for s in self._borrowed]

    def underlined(self) -> list[str]:
        """The draft's text under each failing-quotation underline (for tests and tooltips)."""
        return [s.cursor.selectedText() for s in self._selections]

    def _activate(self, item: QListWidgetItem) -> None:
        problem = item.data(_PROBLEM_ROLE) if item is not None else None
        if problem is not None:
            self.select_problem(problem)

    def select_problem(self, problem: Problem) -> bool:
        """Select the problem's text in the editor and show it; False if it is gone."""
        cursor = self.cursor_for(problem)
        if cursor is None:
            return False
        text_edit = self._editor.text_edit
        text_edit.setTextCursor(cursor)
        text_edit.ensureCursorVisible()
        text_edit.setFocus()
        return True

    def _show_details(self, item: QListWidgetItem | None, _previous: Any) -> None:
        problem = item.data(_PROBLEM_ROLE) if item is not None else None
        kind = problem.kind if problem is not None else ""
        if kind == BORROWING:
            self.fix_button.setText("Quote the source")
            self.fix_button.setToolTip(
                "Put the source's exact words in quotation marks, with a note citing it"
            )
            self.fix_button.setEnabled(problem is not None and problem.note is None)
        elif kind == "hand-written-citation":
            self.fix_button.setText("Make it a citation")
            self.fix_button.setToolTip("Replace the typed note with a citation of the source")
            self.fix_button.setEnabled(True)
        else:
            self.fix_button.setText("Use the source's words")
            self.fix_button.setToolTip("Replace the quotation with the source's wording")
            self.fix_button.setEnabled(
                problem is not None
                and problem.check is not None
                and problem.check.corrected_quotation() is not None
            )
        self.open_source_button.setVisible(kind == BORROWING)
        self.details.setHtml(problem_html(problem) if problem is not None else "")

    def current_problem(self) -> Problem | None:
        item = self.problem_list.currentItem()
        return item.data(_PROBLEM_ROLE) if item is not None else None

    def apply_fix(self) -> bool:
        """The one-click fix of the current problem, as one undoable edit: a misquotation gets
        the source's words, borrowed wording becomes a quotation with a note, a typed note
        becomes the citation it spells out."""
        problem = self.current_problem()
        if problem is not None and problem.kind == BORROWING:
            return self.quote_borrowing(problem)
        if problem is not None and problem.kind == "hand-written-citation":
            return self.make_citation(problem)
        if problem is None or problem.check is None:
            return False
        correction = problem.check.corrected_quotation()
        if correction is None:
            return False
        cursor = self.cursor_for(problem)
        selected = cursor.selectedText() if cursor is not None else None
        if selected is None or not _same_words(selected, problem.check.quotation.text):
            # The draft changed since the check: do not overwrite the wrong words.
            self.status_label.setText("The quotation changed since the check; checking again.")
            self.run_check()
            return False
        cursor.beginEditBlock()
        cursor.insertText(correction)
        cursor.endEditBlock()
        self.fix_button.setEnabled(False)
        self.run_check()
        return True

    def quote_borrowing(self, problem: Problem) -> bool:
        """Replace borrowed wording with the source's exact words in quotation marks, and a
        note citing the source at its page when the sentence does not cite it already."""
        borrowing = problem.borrowing
        cursor = self.cursor_for(problem)
        if borrowing is None or cursor is None or problem.note is not None:
            return False
        if not _same_words(cursor.selectedText(), borrowing.text):
            self.status_label.setText("The text changed since the check; checking again.")
            self.run_check()
            return False
        text_edit = self._editor.text_edit
        cursor.beginEditBlock()
        cursor.removeSelectedText()
        text_edit.setTextCursor(cursor)
        if borrowing.cited_here:
            cursor.insertText(f"\u201c{borrowing.source_wording}\u201d")
        else:
            citation = Citation(borrowing.source_id, borrowing.page or "")
            text_edit.insert_note(NoteAnchor(Note.of(citation)), borrowing.source_wording)
        cursor.endEditBlock()
        self.fix_button.setEnabled(False)
        self.run_check()
        return True

    def make_citation(self, problem: Problem) -> bool:
        """Turn a typed note that cites a library item into that citation."""
        anchors = self._editor.anchors()
        if problem.suggestion is None or problem.note is None or problem.note > len(anchors):
            return False
        anchor = anchors[problem.note - 1]
        if anchor.note.citations:  # changed since the check
            self.run_check()
            return False
        self._editor.update_note(anchor.id, Note.of(problem.suggestion))
        self.fix_button.setEnabled(False)
        self.run_check()
        return True

    def open_source(self) -> None:
        problem = self.current_problem()
        if problem is not None and problem.borrowing is not None:
            self.passageRequested.emit(problem.borrowing.source_id, problem.borrowing.source_start)

    def request_support(self) -> None:
        """Ask for passages supporting the selected text (or the sentence at the cursor)."""
        cursor = self._editor.text_edit.textCursor()
        if cursor.hasSelection():
            text = cursor.selectedText()
        else:
            block = cursor.block()
            text = sentence_at(block.text(), cursor.position() - block.position())
        text = " ".join(text.replace("\u2029", " ").replace(ANCHOR_CHAR, " ").split())
        if text:
            self.supportRequested.emit(text)

    def shutdown(self) -> None:
        self._recheck.stop()
        self._channel.invalidate()
        self._pool.waitForDone(5000)


def _same_words(selected: str, quotation: str) -> bool:
    """Whether the editor's selection still holds the checked quotation (paragraph and line
    separators, spacing and the marks around a block quotation aside)."""

    def words(text: str) -> str:
        return " ".join(text.replace(ANCHOR_CHAR, " ").split()).strip('“”" ')

    return words(selected) == words(quotation)


def problem_html(problem: Problem) -> str:
    """The problem for the details view: message, the source's wording with the differing
    words marked, and where in the source it is."""
    parts = [f"<p><b>{html.escape(problem.location())}</b>: {html.escape(problem.message)}</p>"]
    borrowing = problem.borrowing
    if borrowing is not None:
        mark = f"background-color:{theme.scheme().borrowing_bg}; text-decoration: underline;"
        pieces = re.split(r"(\[\[.*?\]\])", borrowing.marked_wording)
        marked = "".join(
            f'<span style="{mark}">{html.escape(piece[2:-2])}</span>'
            if piece.startswith("[[")
            else html.escape(piece)
            for piece in pieces
        )
        parts.append(f"<p>The source reads: “{marked}”</p>")
        if borrowing.place:
            parts.append(f"<p><i>{html.escape(borrowing.place)}</i></p>")
    check = problem.check
    if check is not None and check.source_wording and problem.kind != "unverifiable":
        mark = f"background-color:{theme.scheme().quote_problem_bg}; text-decoration: underline;"
        marked = "".join(
            f'<span style="{mark}">{html.escape(text)}</span>' if differs else html.escape(text)
            for text, differs in check.source_wording
        )
        lead = "The other source reads" if check.status == "wrong-source" else "The source reads"
        parts.append(f"<p>{lead}: “{marked}”</p>")
        if check.place():
            parts.append(f"<p><i>{html.escape(check.place())}</i></p>")
        correction = check.corrected_quotation()
        if correction is not None:
            parts.append(f"<p>Corrected: “{html.escape(correction)}”</p>")
    return "".join(parts)
