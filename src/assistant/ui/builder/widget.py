"""The footnote builder: compose a note from one or more citations and see it as Chicago prints it.

Prefilled from what the writer is looking at (the selected search hit, the words selected in
the reader); the preview shows the full note (first citation of a source), the short note
(later citations) and the bibliography entry, rendered by the same engine as the notes strip
and the Word export, so what the writer sees here is what the essay gets.
"""

from __future__ import annotations

from collections.abc import Mapping
from html import escape
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from assistant.cite.model import LOCATOR_LABELS, Citation, Note
from assistant.essay.model import NoteAnchor, PassageLink
from assistant.ui import theme

# The labels the builder offers first, in the order writers reach for them.
BUILDER_LABELS = ("page", "chapter", "section", "paragraph", "note", "line", "volume", "figure")


def _engine(items: Mapping[str, dict[str, Any]]) -> Any:
    from assistant.cite.engine import ChicagoEngine

    return ChicagoEngine(items)


def source_label(engine: Any, item_id: str) -> str:
    """How a source reads in the combo: its short note without a locator."""
    from assistant.cite.labels import short_label

    return short_label(item_id, engine)


class CitationRow(QGroupBox):
    """One citation: source, locator and label, prefix and suffix."""

    changed = Signal()
    removeRequested = Signal(object)
    submitRequested = Signal()

    def __init__(self, number: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.source_combo = QComboBox()
        self.source_combo.setObjectName("citationSource")
        self.source_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.source_combo.setMinimumContentsLength(18)
        self.label_combo = QComboBox()
        self.label_combo.setObjectName("citationLabel")
        for label in BUILDER_LABELS + tuple(x for x in LOCATOR_LABELS if x not in BUILDER_LABELS):
            self.label_combo.addItem(label, label)
        self.locator_edit = QLineEdit()
        self.locator_edit.setObjectName("citationLocator")
        self.locator_edit.setPlaceholderText("e.g. 52 or 33–35")
        self.prefix_edit = QLineEdit()
        self.prefix_edit.setObjectName("citationPrefix")
        self.prefix_edit.setPlaceholderText("see, cf.")
        self.suffix_edit = QLineEdit()
        self.suffix_edit.setObjectName("citationSuffix")
        self.suffix_edit.setPlaceholderText("emphasis added")
        self.remove_button = QToolButton()
        self.remove_button.setText("Remove")
        self.remove_button.setToolTip("Remove this citation from the note")
        self.remove_button.clicked.connect(lambda: self.removeRequested.emit(self))

        locator_row = QHBoxLayout()
        locator_row.setContentsMargins(0, 0, 0, 0)
        locator_row.addWidget(self.label_combo)
        locator_row.addWidget(self.locator_edit, 1)
        source_row = QHBoxLayout()
        source_row.setContentsMargins(0, 0, 0, 0)
        source_row.addWidget(self.source_combo, 1)
        source_row.addWidget(self.remove_button)
        form = QFormLayout(self)
        form.setContentsMargins(6, 6, 6, 6)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow("Source", source_row)
        form.addRow("Locator", locator_row)
        affixes = QHBoxLayout()
        affixes.setContentsMargins(0, 0, 0, 0)
        affixes.addWidget(self.prefix_edit, 1)
        affixes.addWidget(QLabel("Suffix"))
        affixes.addWidget(self.suffix_edit, 1)
        form.addRow("Prefix", affixes)
        self.set_number(number)

        self.source_combo.currentIndexChanged.connect(self.changed)
        self.label_combo.currentIndexChanged.connect(self.changed)
        for edit in (self.locator_edit, self.prefix_edit, self.suffix_edit):
            edit.textChanged.connect(self.changed)
            # Enter in a one-line field means "done": insert the note (Zotero's dialog too).
            edit.returnPressed.connect(self.submitRequested)

    def set_number(self, number: int) -> None:
        self.setTitle(f"Citation {number}")

    def set_sources(self, labels: list[tuple[str, str]]) -> None:
        current = self.source_id()
        self.source_combo.blockSignals(True)
        self.source_combo.clear()
        self.source_combo.addItem("Choose a source…", "")
        for item_id, label in labels:
            self.source_combo.addItem(label, item_id)
            self.source_combo.setItemData(
                self.source_combo.count() - 1, item_id, Qt.ItemDataRole.ToolTipRole
            )
        self.source_combo.blockSignals(False)
        self.set_source(current)

    def set_source(self, item_id: str) -> None:
        index = self.source_combo.findData(item_id)
        if index < 0 and item_id:
            # A source the library no longer has (an old note): keep it choosable by id.
            self.source_combo.addItem(f"{item_id} (not in the library)", item_id)
            index = self.source_combo.count() - 1
        self.source_combo.setCurrentIndex(max(0, index))

    def source_id(self) -> str:
        return str(self.source_combo.currentData() or "")

    def citation(self) -> Citation | None:
        if not self.source_id():
            return None
        return Citation(
            self.source_id(),
            locator=self.locator_edit.text().strip(),
            label=str(self.label_combo.currentData() or "page"),
            prefix=self.prefix_edit.text().strip(),
            suffix=self.suffix_edit.text().strip(),
        )

    def set_citation(self, citation: Citation) -> None:
        self.set_source(citation.item_id)
        self.label_combo.setCurrentIndex(max(0, self.label_combo.findData(citation.label)))
        self.locator_edit.setText(citation.locator)
        self.prefix_edit.setText(citation.prefix)
        self.suffix_edit.setText(citation.suffix)


class FootnoteBuilder(QWidget):
    """Builds a `NoteAnchor` and asks for it to be inserted (`insertRequested(anchor,
    quotation)`, quotation "" when the writer does not want it in the text), or, in edit mode,
    rewrites an existing note (`updateRequested(anchor_id, note)`)."""

    insertRequested = Signal(object, str)
    dismissRequested = Signal()  # Escape: the writer is not citing after all
    updateRequested = Signal(str, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("footnoteBuilder")
        self._items: dict[str, dict[str, Any]] = {}
        self._labels: list[tuple[str, str]] = []
        self._passage: PassageLink | None = None
        self._editing = ""
        self.rows: list[CitationRow] = []

        self.origin_label = QLabel(
            "Select a search hit or words in the Reader: the builder fills in the source and "
            "the quotation. Add the page, then Insert note."
        )
        self.origin_label.setObjectName("builderOrigin")
        self.origin_label.setWordWrap(True)
        self.quotation_edit = QPlainTextEdit()
        self.quotation_edit.setObjectName("builderQuotation")
        self.quotation_edit.setPlaceholderText("Quotation (the words selected in the Reader)")
        self.quotation_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 2 + 14)
        # Short: the builder shares a 380-pixel column, where a longer label was cut off.
        self.quote_check = QCheckBox("Also quote it in the text, in “marks”")
        self.quote_check.setToolTip(
            "Insert the quotation at the cursor in curly quotation marks, then its note"
        )
        self.quote_check.setObjectName("builderQuoteCheck")
        self.rows_box = QVBoxLayout()
        self.rows_box.setContentsMargins(0, 0, 0, 0)
        self.add_button = QPushButton("Add another citation")
        self.add_button.setObjectName("builderAddCitation")
        self.add_button.clicked.connect(lambda: self.add_row())
        self.commentary_edit = QLineEdit()
        self.commentary_edit.setObjectName("builderCommentary")
        self.commentary_edit.setPlaceholderText("Commentary after the citations (optional)")
        self.preview = QTextBrowser()
        self.preview.setObjectName("builderPreview")
        self.preview.setOpenLinks(False)
        self.preview.setMinimumHeight(90)
        self.preview.setFrameShape(QFrame.Shape.StyledPanel)
        self.insert_button = QPushButton("Insert note")
        self.insert_button.setObjectName("builderInsert")
        self.insert_button.setDefault(True)
        self.insert_button.setToolTip("Insert the note at the cursor in the draft (Ctrl+Return)")
        self.insert_button.clicked.connect(self.submit)
        self.cancel_button = QPushButton("Cancel edit")
        self.cancel_button.clicked.connect(self.cancel_edit)
        self.cancel_button.hide()
        self.clear_button = QPushButton("Clear")
        self.clear_button.clicked.connect(self.clear)

        # The form scrolls; the preview and the Insert button stay in view below it, in a
        # splitter, so a note with several citations never pushes the preview out of sight.
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.origin_label)
        layout.addWidget(self.quotation_edit)
        layout.addWidget(self.quote_check)
        layout.addLayout(self.rows_box)
        layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.commentary_edit)
        layout.addStretch(1)
        self.form_scroll = QScrollArea()
        self.form_scroll.setWidgetResizable(True)
        self.form_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.form_scroll.setWidget(content)
        self.form_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(6, 0, 6, 6)
        preview_title = QLabel("Preview")
        preview_title.setStyleSheet("font-weight: bold;")
        bottom_layout.addWidget(preview_title)
        bottom_layout.addWidget(self.preview, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.clear_button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.insert_button)
        bottom_layout.addLayout(buttons)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("builderSplitter")
        self.splitter.addWidget(self.form_scroll)
        self.splitter.addWidget(bottom)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([320, 170])
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.splitter)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)

        shortcut = QShortcut(QKeySequence("Ctrl+Return"), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.submit)
        escape = QShortcut(QKeySequence("Escape"), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.dismissRequested)
        self.quotation_edit.textChanged.connect(self._quotation_changed)
        self.commentary_edit.textChanged.connect(self.update_preview)
        self.add_row()

    # --- sources -----------------------------------------------------------------------------

    def set_items(self, items: Mapping[str, dict[str, Any]]) -> None:
        self._items = {str(k): dict(v) for k, v in items.items()}
        engine = _engine(self._items)
        labels = [(item_id, source_label(engine, item_id)) for item_id in self._items]
        self._labels = sorted(labels, key=lambda pair: pair[1].casefold())
        for row in self.rows:
            row.set_sources(self._labels)
        self.update_preview()

    # --- rows --------------------------------------------------------------------------------

    def add_row(self, citation: Citation | None = None) -> CitationRow:
        row = CitationRow(len(self.rows) + 1)
        row.set_sources(self._labels)
        if citation is not None:
            row.set_citation(citation)
        row.changed.connect(self.update_preview)
        row.removeRequested.connect(self.remove_row)
        row.submitRequested.connect(self.submit)
        self.rows.append(row)
        self.rows_box.addWidget(row)
        self._renumber_rows()
        self.update_preview()
        return row

    def remove_row(self, row: CitationRow) -> None:
        if len(self.rows) == 1:
            row.set_citation(Citation(""))  # the last row is cleared, not removed
        else:
            self.rows.remove(row)
            row.setParent(None)
            row.deleteLater()
        self._renumber_rows()
        self.update_preview()

    def _renumber_rows(self) -> None:
        for number, row in enumerate(self.rows, start=1):
            row.set_number(number)
            row.remove_button.setVisible(len(self.rows) > 1)

    # --- prefill -----------------------------------------------------------------------------

    def prefill(
        self,
        source_id: str,
        locator: str = "",
        quotation: str = "",
        passage: PassageLink | None = None,
        origin: str = "",
    ) -> None:
        """Start a new note on `source_id` (a hit or passage the writer picked)."""
        if self._editing:
            self.cancel_edit()
        while len(self.rows) > 1:
            self.remove_row(self.rows[-1])
        self.rows[0].set_citation(Citation(source_id, locator=locator or ""))
        self._passage = passage
        self.quotation_edit.setPlainText(quotation)
        self.commentary_edit.clear()
        label = source_label(_engine(self._items), source_id) if source_id else ""
        self.origin_label.setText(
            f"From <b>{escape(label)}</b>{' — ' + escape(origin) if origin else ''}"
            if label
            else self.origin_label.text()
        )
        self.update_preview()

    def prefill_from_hit(self, hit: Any, query: str = "") -> None:
        page = getattr(hit, "page", None) or ""
        passage = PassageLink(hit.source_id, int(hit.ordinal), getattr(hit, "page", None))
        self.prefill(hit.source_id, page, "", passage, getattr(hit, "section", "") or "")

    def set_quotation(self, text: str, passage: Any | None = None) -> None:
        """The words selected in the reader; `passage` (a Passage) switches the source to it."""
        if passage is not None and not self._editing:
            link = PassageLink(passage.source_id, passage.ordinal, passage.page)
            if self.rows[0].source_id() != passage.source_id or self._passage != link:
                self.prefill(passage.source_id, passage.page or "", text, link, passage.section)
                return
        self.quotation_edit.setPlainText(text)

    def _quotation_changed(self) -> None:
        self.quote_check.setChecked(bool(self.quotation()))
        self.quote_check.setEnabled(bool(self.quotation()))

    def quotation(self) -> str:
        return " ".join(self.quotation_edit.toPlainText().split())

    # --- the note ----------------------------------------------------------------------------

    def citations(self) -> list[Citation]:
        return [c for c in (row.citation() for row in self.rows) if c is not None]

    def note(self) -> Note | None:
        """The note as built, or None when it has neither a source nor commentary."""
        citations = self.citations()
        commentary = self.commentary_edit.text().strip()
        segments: list[str | tuple[Citation, ...]] = []
        if citations:
            segments.append(tuple(citations))
        if commentary:
            if citations and commentary[0] not in ".,;:":
                commentary = ". " + commentary
            elif citations:
                commentary = commentary[0] + " " + commentary[1:].lstrip()
            segments.append(commentary)
        return Note(tuple(segments)) if segments else None

    def update_preview(self) -> None:
        note = self.note()
        self.insert_button.setEnabled(note is not None)
        if note is None:
            self.preview.setHtml(
                f"<p style='color:{theme.scheme().muted}'>Choose a source (or pick a search "
                "hit) to see the note as it will print: the full form, the short form used "
                "after the first citation, and the bibliography entry.</p>"
            )
            return
        engine = _engine(self._items)
        full, short = engine.render_notes([note, note])
        parts = [
            f"<p><b>Full note</b> (first citation)<br>{full.html()}</p>",
            f"<p><b>Short note</b> (later citations)<br>{short.html()}</p>",
        ]
        ids = list(dict.fromkeys(c.item_id for c in note.citations))
        if ids:
            hanging = "<p style='margin-left:2em; text-indent:-2em'>{}</p>"
            entries = "".join(hanging.format(engine.bibliography_entry(i).html()) for i in ids)
            parts.append(f"<p><b>Bibliography</b></p>{entries}")
        warnings = list(dict.fromkeys(full.warnings + short.warnings + self._shared(ids)))
        if warnings:
            parts.append(
                f"<p style='color:{theme.scheme().error}'>"
                + "<br>".join(escape(w) for w in warnings)
                + "</p>"
            )
        self.preview.setHtml("".join(parts))

    def _shared(self, ids: list[str]) -> list[str]:
        """Sources whose short note would read like another library item's (CMOS 14.30)."""
        out = []
        for item_id in ids:
            label = dict(self._labels).get(item_id)
            others = [i for i, other in self._labels if other == label and i != item_id]
            if label and others:
                out.append(
                    f"“{label}” is also the short note of {', '.join(others)}: give one a "
                    "short title (title-short) in its metadata"
                )
        return out

    def preview_text(self) -> str:
        return self.preview.toPlainText()

    def submit(self) -> bool:
        note = self.note()
        if note is None:
            return False
        if self._editing:
            anchor_id = self._editing
            self.cancel_edit()
            self.updateRequested.emit(anchor_id, note)
            return True
        anchor = NoteAnchor(note, passage=self._passage)
        quotation = self.quotation() if self.quote_check.isChecked() else ""
        self.insertRequested.emit(anchor, quotation)
        return True

    # --- editing an existing note --------------------------------------------------------------

    def load_note(self, anchor: NoteAnchor, number: int) -> bool:
        """Edit an existing note in the builder; False when its shape (commentary between
        several citation groups) only fits the notes strip's text editor."""
        segments = anchor.note.segments
        groups = [s for s in segments if isinstance(s, tuple)]
        if len(groups) > 1 or (segments and isinstance(segments[0], str) and groups):
            return False
        while len(self.rows) > 1:
            self.remove_row(self.rows[-1])
        citations = list(groups[0]) if groups else []
        self.rows[0].set_citation(citations[0] if citations else Citation(""))
        for citation in citations[1:]:
            self.add_row(citation)
        commentary = "".join(s for s in segments if isinstance(s, str))
        if groups and commentary.startswith(". "):
            commentary = commentary[2:]
        self.commentary_edit.setText(commentary)
        self.quotation_edit.clear()
        self._editing = anchor.id
        self._passage = anchor.passage
        self.insert_button.setText(f"Update note {number}")
        self.cancel_button.show()
        self.origin_label.setText(f"Editing note {number}")
        self.update_preview()
        return True

    def editing(self) -> str:
        return self._editing

    def cancel_edit(self) -> None:
        self._editing = ""
        self.insert_button.setText("Insert note")
        self.cancel_button.hide()
        self.origin_label.setText("New note")

    def clear(self) -> None:
        self.cancel_edit()
        while len(self.rows) > 1:
            self.remove_row(self.rows[-1])
        self.rows[0].set_citation(Citation(""))
        self.quotation_edit.clear()
        self.commentary_edit.clear()
        self._passage = None
        self.update_preview()

    def focus_locator(self) -> None:
        self.rows[0].locator_edit.setFocus()
        self.rows[0].locator_edit.selectAll()
        # Once the dock has its size (it is often still growing when the builder is called
        # up), from the top and no further than the page field needs: scrolled while the dock
        # was small, the form stayed scrolled and cut the passage's name in half.
        QTimer.singleShot(0, self, self._show_locator)

    def _show_locator(self) -> None:
        self.form_scroll.verticalScrollBar().setValue(0)
        self.form_scroll.ensureWidgetVisible(self.rows[0].locator_edit, 10, 8)
