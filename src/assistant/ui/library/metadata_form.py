"""A form for a source's citation metadata (CSL-JSON), with readable validation messages.

The conversions between form text and CSL-JSON are plain functions so they can be tested
without a dialog. Fields the form does not show are kept untouched in the item.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from assistant.library.pdf.document import PAGE_OFFSET_KEY
from assistant.ui import theme

# CSL types a historian cites most, with the words the form shows for them.
SOURCE_TYPES: tuple[tuple[str, str], ...] = (
    ("book", "Book"),
    ("chapter", "Chapter in an edited book"),
    ("article-journal", "Journal article"),
    ("article-magazine", "Magazine article"),
    ("article-newspaper", "Newspaper article"),
    ("thesis", "Thesis or dissertation"),
    ("report", "Report"),
    ("manuscript", "Manuscript or archival document"),
    ("document", "Document"),
    ("interview", "Interview"),
    ("personal_communication", "Letter or personal communication"),
    ("webpage", "Web page"),
    ("speech", "Speech or lecture"),
    ("entry-encyclopedia", "Encyclopedia entry"),
)

# (CSL key, label) for the single-line text fields, in form order.
TEXT_FIELDS: tuple[tuple[str, str], ...] = (
    ("title", "Title"),
    ("title-short", "Short title"),
    ("container-title", "Journal / book / site"),
    ("volume", "Volume"),
    ("issue", "Issue"),
    ("page", "Pages"),
    ("publisher", "Publisher"),
    ("publisher-place", "Place"),
    ("URL", "URL"),
    ("DOI", "DOI"),
)

_DATE = re.compile(r"^\s*(\d{1,4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?\s*$")


class MetadataError(ValueError):
    """The form holds something that cannot be saved; the message says what and where."""


def names_to_text(names: list[dict[str, Any]] | None) -> str:
    """One author per line, "Family, Given" (or the literal name)."""
    lines = []
    for name in names or []:
        if name.get("literal"):
            lines.append(str(name["literal"]))
        elif name.get("given"):
            lines.append(f"{name.get('family', '')}, {name['given']}")
        else:
            lines.append(str(name.get("family", "")))
    return "\n".join(lines)


def text_to_names(text: str, previous: list[dict[str, Any]] | None = None) -> list[dict[str, Any]]:
    """Parse the author lines; extra keys of an unchanged name (static-ordering...) are kept."""
    kept = {
        (n.get("family", ""), n.get("given", "")): n for n in previous or [] if not n.get("literal")
    }
    names: list[dict[str, Any]] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = " ".join(raw.split())
        if not line:
            continue
        if line.count(",") > 1:
            raise MetadataError(
                f"Author line {number} (“{line}”) has more than one comma: write “Family, Given”."
            )
        if "," in line:
            family, given = (part.strip() for part in line.split(",", 1))
            if not family:
                raise MetadataError(
                    f"Author line {number} (“{line}”) has no family name before the comma."
                )
            name = dict(kept.get((family, given), {}))
            name["family"] = family
            if given:
                name["given"] = given
            else:
                name.pop("given", None)
            names.append(name)
        else:
            # One word: a family name; several without a comma: an institution or a pen name.
            names.append({"family": line} if " " not in line else {"literal": line})
    return names


def date_to_text(issued: dict[str, Any] | None) -> str:
    if not issued:
        return ""
    parts = issued.get("date-parts") or []
    if parts and parts[0]:
        first = [int(p) for p in parts[0] if str(p).strip().lstrip("-").isdigit()]
        if first:
            return "-".join([str(first[0])] + [f"{p:02d}" for p in first[1:]])
    return str(issued.get("raw") or issued.get("literal") or "")


def text_to_date(text: str) -> dict[str, Any] | None:
    """ "1996", "1950-01" or "1950-01-12" to CSL date-parts; None for an empty field."""
    text = text.strip()
    if not text:
        return None
    match = _DATE.match(text)
    if not match:
        raise MetadataError(
            f"Date “{text}” is not a year (1996), year-month (1950-01) or full date (1950-01-12)."
        )
    year, month, day = match.groups()
    parts = [int(year)]
    if month:
        if not 1 <= int(month) <= 12:
            raise MetadataError(f"Date “{text}”: month {month} is not between 1 and 12.")
        parts.append(int(month))
    if day:
        if not 1 <= int(day) <= 31:
            raise MetadataError(f"Date “{text}”: day {day} is not between 1 and 31.")
        parts.append(int(day))
    return {"date-parts": [parts]}


def form_to_item(original: dict[str, Any], values: dict[str, str]) -> dict[str, Any]:
    """Merge form values (keys: type, authors, date and the TEXT_FIELDS keys) into the item."""
    item = dict(original)
    title = values.get("title", "").strip()
    if not title:
        raise MetadataError("A source needs a title.")
    item["type"] = values.get("type") or original.get("type") or "document"
    for key, _label in TEXT_FIELDS:
        value = " ".join(values.get(key, "").split())
        if value:
            item[key] = value
        else:
            item.pop(key, None)
    authors = text_to_names(values.get("authors", ""), original.get("author"))
    if authors:
        item["author"] = authors
    else:
        item.pop("author", None)
    # How the document file is read (only when the form shows these fields).
    if "language" in values:
        language = values["language"].strip()
        if language:
            item["language"] = language
        else:
            item.pop("language", None)
    offset = values.get(PAGE_OFFSET_KEY, "").strip()
    if PAGE_OFFSET_KEY not in values:
        pass
    elif offset:
        try:
            item[PAGE_OFFSET_KEY] = int(offset.replace("−", "-"))
        except ValueError:
            raise MetadataError(
                f"PDF page offset “{offset}” must be a whole number: the printed page minus the "
                "PDF page (210 when PDF page 1 is printed page 211)."
            ) from None
    else:
        item.pop(PAGE_OFFSET_KEY, None)
    issued = text_to_date(values.get("date", ""))
    if issued is None:
        item.pop("issued", None)
    else:
        item["issued"] = issued
    return item


class MetadataDialog(QDialog):
    """Edit one source's metadata; `item()` is the edited CSL-JSON once accepted."""

    def __init__(self, item: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("metadataDialog")
        self._original = dict(item)
        self._result: dict[str, Any] | None = None
        self.setWindowTitle(f"Source details — {item.get('id', '')}")
        self.setMinimumWidth(520)

        self.type_combo = QComboBox(self)
        for csl, label in SOURCE_TYPES:
            self.type_combo.addItem(label, csl)
        current = item.get("type", "book")
        if self.type_combo.findData(current) < 0:
            self.type_combo.addItem(current, current)  # keep a type the form does not list
        self.type_combo.setCurrentIndex(self.type_combo.findData(current))

        self.fields: dict[str, QLineEdit] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow("Type", self.type_combo)
        self.authors_edit = QPlainTextEdit(self)
        self.authors_edit.setPlaceholderText("One per line: Family, Given")
        self.authors_edit.setPlainText(names_to_text(item.get("author")))
        self.authors_edit.setTabChangesFocus(True)
        self.authors_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.date_edit = QLineEdit(date_to_text(item.get("issued")), self)
        self.date_edit.setPlaceholderText("1996, 1950-01 or 1950-01-12")
        for key, label in TEXT_FIELDS:
            edit = QLineEdit(str(item.get(key, "")), self)
            edit.setObjectName(f"field-{key}")
            self.fields[key] = edit
            form.addRow(label, edit)
            if key == "title-short":
                form.addRow("Authors", self.authors_edit)
                form.addRow("Date", self.date_edit)

        offset = item.get(PAGE_OFFSET_KEY)
        self.offset_edit = QLineEdit("" if offset is None else str(offset), self)
        self.offset_edit.setObjectName("field-page-offset")
        self.offset_edit.setPlaceholderText("found from the printed page numbers")
        self.offset_edit.setToolTip(
            "For a PDF whose hits show the wrong page: the printed page minus the PDF page "
            "(210 when PDF page 1 is printed page 211). Leave blank to use the page numbers "
            "printed on the pages."
        )
        self.language_edit = QLineEdit(str(item.get("language", "")), self)
        self.language_edit.setObjectName("field-language")
        self.language_edit.setPlaceholderText("en, ru, zh-CN… (also the OCR language of scans)")
        form.addRow("Language", self.language_edit)
        form.addRow("PDF page offset", self.offset_edit)

        self.error_label = QLabel(self)
        self.error_label.setObjectName("metadataError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(f"color:{theme.scheme().error}")
        self.error_label.hide()

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons

        layout = QVBoxLayout(self)
        id_label = QLabel(f"Citation key: <b>{item.get('id', '')}</b>", self)
        id_label.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(id_label)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

    def values(self) -> dict[str, str]:
        values = {key: edit.text() for key, edit in self.fields.items()}
        values["type"] = self.type_combo.currentData()
        values["authors"] = self.authors_edit.toPlainText()
        values["date"] = self.date_edit.text()
        values["language"] = self.language_edit.text()
        values[PAGE_OFFSET_KEY] = self.offset_edit.text()
        return values

    def item(self) -> dict[str, Any]:
        """The edited item (raises MetadataError if the form holds something invalid)."""
        return form_to_item(self._original, self.values())

    def accept(self) -> None:
        try:
            self._result = self.item()
        except MetadataError as error:
            # Stay open with the message: the writer's typing is not thrown away.
            self.error_label.setText(str(error))
            self.error_label.show()
            return
        super().accept()

    def result_item(self) -> dict[str, Any] | None:
        return self._result
