"""The app shows a system failure escaping a slot as the command line words it."""

from __future__ import annotations

import errno

from PySide6.QtWidgets import QMessageBox, QWidget

from assistant.failures import describe
from assistant.ui.app import failure_hook


def test_failure_hook_shows_the_cli_message(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    parent = QWidget()
    qtbot.addWidget(parent)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: shown.append(text))
    passed_on: list[type] = []
    hook = failure_hook(parent, lambda kind, error, tb: passed_on.append(kind))

    error = OSError(errno.ENOSPC, "No space left on device", "/data/index")
    hook(OSError, error, None)
    hook(RecursionError, RecursionError("maximum recursion depth exceeded"), None)
    hook(KeyError, KeyError("a bug"), None)  # a bug: no dialog, the traceback goes on

    assert shown == [
        "cannot write in /data: the disk is full; free some space and try again.",
        describe(RecursionError()),
    ]
    assert passed_on == [OSError, RecursionError, KeyError]
