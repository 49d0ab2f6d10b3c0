"""`assistant` with no arguments opens the main window; `run_app` runs it until it closes."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from assistant import cli
from assistant.ui import app as app_module
from assistant.ui.window.main_window import MainWindow


def test_assistant_without_arguments_opens_the_app(monkeypatch):
    calls = []
    monkeypatch.setattr(app_module, "run_app", lambda **kwargs: calls.append(kwargs) or 0)
    assert cli.main([]) == 0
    assert calls == [{"corpus": None, "index": None, "essay": None}]
    assert cli.main(["draft.essay"]) == 0
    assert calls[-1]["essay"] == "draft.essay"


def test_run_app_shows_the_window_indexes_in_the_background_and_returns_on_close(
    indexed_corpus, qtbot, dialogs, tmp_path
):
    seen: dict[str, object] = {}

    def close_when_ready() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        if not windows:
            QTimer.singleShot(20, close_when_ready)
            return
        window = windows[0]
        if "shown" not in seen:
            seen["shown"] = window.isVisible()
            seen["title"] = window.windowTitle()
            seen["corpus"] = window.controller.corpus_dir
        if window.controller.is_busy:
            QTimer.singleShot(20, close_when_ready)  # the background reindex is still running
            return
        seen["index"] = window.index_label.text()
        window.close()

    QTimer.singleShot(0, close_when_ready)
    status = app_module.run_app(corpus=indexed_corpus.corpus_dir, index=indexed_corpus.index_dir)
    assert status == 0
    assert seen["shown"] is True
    assert "Untitled essay" in str(seen["title"])
    assert seen["corpus"] == indexed_corpus.corpus_dir
    assert str(seen["index"]).startswith("Index ready")


def test_run_app_refuses_a_missing_corpus_folder(tmp_path, capsys):
    assert app_module.run_app(corpus=tmp_path / "nowhere") == 2
    assert "does not exist" in capsys.readouterr().err
