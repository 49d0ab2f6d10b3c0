"""Start the desktop app: `assistant` with no arguments lands here."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from assistant.ui.settings import APPLICATION, ORGANIZATION


def make_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication, with the names QSettings files are kept under."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(APPLICATION)
    return app  # type: ignore[return-value]


def build_window(
    corpus: str | Path | None = None,
    index: str | Path | None = None,
    essay: str | Path | None = None,
):  # -> MainWindow (imported lazily so `make_application` stays cheap)
    """The controller on the corpus and the main window on it, not yet shown."""
    from assistant.paths import bundled_corpus_dir, default_index_dir
    from assistant.ui.library.controller import LibraryController
    from assistant.ui.window.main_window import MainWindow

    corpus_dir = Path(corpus).expanduser() if corpus else bundled_corpus_dir()
    index_dir = Path(index).expanduser() if index else default_index_dir(corpus_dir)
    controller = LibraryController(corpus_dir, index_dir)
    window = MainWindow(controller, Path(essay).expanduser() if essay else None)
    controller.setParent(window)
    return window


def run_app(
    corpus: str | Path | None = None,
    index: str | Path | None = None,
    essay: str | Path | None = None,
) -> int:
    """Open the main window on `corpus` (default: the bundled sample corpus) and run until it
    closes. The window shows at once; the index is brought up to date in the background."""
    app = make_application()
    if corpus and not Path(corpus).expanduser().is_dir():
        print(f"assistant: the corpus folder {corpus} does not exist", file=sys.stderr)
        return 2
    _sweep_litter(essay)
    window = build_window(corpus, index, essay)
    sys.excepthook = failure_hook(window, sys.excepthook)
    window.show()
    controller = window.controller
    QTimer.singleShot(0, controller.reindex)
    status = app.exec()
    controller.shutdown()
    return int(status)


def _sweep_litter(essay: str | Path | None) -> None:
    """Temporary files of saves killed by a crash: in the autosave folder and beside the essay
    (the corpus folder's are swept when the library opens, the index's by every index run)."""
    from assistant.atomic import sweep_temporaries
    from assistant.essay.autosave import autosave_path
    from assistant.essay.store import ESSAY_SUFFIX

    sweep_temporaries(autosave_path(None).parent)
    if essay:
        folder = Path(essay).expanduser().parent
        sweep_temporaries(folder, suffixes=(ESSAY_SUFFIX, ".docx", ".md"))


def failure_hook(parent: QWidget, previous: Callable[..., Any]) -> Callable[..., None]:
    """An excepthook (PySide6 hands it exceptions escaping slots): a full disk, a read-only
    folder, too-deep input or exhausted memory is shown in a dialog worded as the command line
    words it; the traceback still goes to `previous` for a bug report."""
    from assistant.failures import SYSTEM_FAILURES, describe

    def hook(kind: type[BaseException], error: BaseException, traceback: Any) -> None:
        if isinstance(error, SYSTEM_FAILURES):
            QMessageBox.warning(parent, APPLICATION, describe(error))
        previous(kind, error, traceback)

    return hook
