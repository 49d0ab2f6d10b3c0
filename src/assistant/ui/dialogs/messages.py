"""Every question and error message the main window puts to the writer, in one place.

The window calls these through the module (`messages.show_error(...)`), so tests replace them
with monkeypatch and never block on a modal box.
"""

from __future__ import annotations

from typing import Literal

from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

SaveChoice = Literal["save", "discard", "cancel"]
RecoveryChoice = Literal["recover", "discard", "later"]


def show_error(parent: QWidget | None, title: str, text: str, details: str = "") -> None:
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    if details:
        box.setDetailedText(details)
    box.exec()


def show_info(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)


def ask_save_changes(parent: QWidget | None, name: str) -> SaveChoice:
    answer = QMessageBox.question(
        parent,
        "Unsaved changes",
        f"Save the changes to “{name}” before closing it?",
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Save,
    )
    if answer == QMessageBox.StandardButton.Save:
        return "save"
    if answer == QMessageBox.StandardButton.Discard:
        return "discard"
    return "cancel"


def ask_recover(parent: QWidget | None, name: str, when: str) -> RecoveryChoice:
    """After a crash: offer the autosave, newer than the saved file."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle("Recover unsaved work?")
    box.setText(
        f"The app closed without saving “{name}”. An automatic copy from {when} has changes "
        "the saved file does not."
    )
    box.setInformativeText(
        "Recover opens that copy (save it to keep it). Discard deletes the copy and keeps the "
        "saved file as it is."
    )
    recover = box.addButton("Recover", QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton("Discard", QMessageBox.ButtonRole.DestructiveRole)
    box.addButton("Decide later", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(recover)
    box.exec()
    clicked = box.clickedButton()
    if clicked is recover:
        return "recover"
    if clicked is discard:
        return "discard"
    return "later"


def ask_open_backup(parent: QWidget | None, name: str, problem: str, backup: str) -> bool:
    answer = QMessageBox.question(
        parent,
        "Damaged essay file",
        f"“{name}” cannot be read: {problem}\n\nThe file is left untouched. Open the newest "
        f"good backup ({backup}) instead?",
        QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Open,
    )
    return answer == QMessageBox.StandardButton.Open


def ask_import_instead(parent: QWidget | None, name: str, kind: str) -> bool:
    """A draft in another format was opened as an essay: say what it is, offer the import."""
    answer = QMessageBox.question(
        parent,
        "Import this draft?",
        f"“{name}” is {kind}, not an essay file. Import it as a new essay? The file itself "
        "is not changed; save the essay to keep your work.",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes,
    )
    return answer == QMessageBox.StandardButton.Yes


def show_about(parent: QWidget | None, text: str) -> None:
    QMessageBox.about(parent, "About", text)


def ask_word_target(parent: QWidget | None, current: int) -> int | None:
    """The essay's word target (0 for none); None when the writer cancels."""
    value, ok = QInputDialog.getInt(
        parent,
        "Word target",
        "Words to aim for in this essay (0 for no target):",
        current,
        0,
        1_000_000,
        500,
    )
    return value if ok else None


def ask_open_locked(parent: QWidget | None, name: str, holder: str) -> bool:
    """The essay is open in another window: warn before two windows save over each other."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("Already open")
    box.setText(f"“{name}” is already open in {holder}.")
    box.setInformativeText(
        "If both windows save, the later save replaces the other's changes. Open it here anyway?"
    )
    box.addButton("Open anyway", QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.exec()
    return box.clickedButton() is not cancel


def ask_overwrite_open(parent: QWidget | None, sentence: str) -> bool:
    """The export's target is open in Word or LibreOffice: overwriting loses its unsaved edits."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("Open in another program")
    box.setText(sentence[:1].upper() + sentence[1:] + ".")
    box.setInformativeText(
        "Close it there first, or the edits not saved there are lost. Overwrite it anyway?"
    )
    box.addButton("Overwrite", QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.exec()
    return box.clickedButton() is not cancel
