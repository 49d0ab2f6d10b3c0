"""UI fixtures: an indexed private corpus, a controller on it, isolated QSettings."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import NamedTuple

import pytest

BUNDLED_CORPUS = Path(__file__).resolve().parents[2] / "resources" / "corpus"


class IndexedCorpus(NamedTuple):
    corpus_dir: Path
    index_dir: Path


@pytest.fixture(scope="module")
def _module_indexed_corpus(tmp_path_factory: pytest.TempPathFactory) -> IndexedCorpus:
    """The bundled corpus indexed once per test module (indexing is the slow part)."""
    from assistant.library.corpus import Library
    from assistant.search.index import SearchIndex

    base = tmp_path_factory.mktemp("indexed")
    corpus = base / "corpus"
    shutil.copytree(BUNDLED_CORPUS, corpus)
    index_dir = base / "index"
    SearchIndex(index_dir).update(Library.open(corpus))
    return IndexedCorpus(corpus, index_dir)


@pytest.fixture
def indexed_corpus(_module_indexed_corpus: IndexedCorpus, tmp_path: Path) -> IndexedCorpus:
    """A private, writable copy of the bundled corpus and its ready index (per test)."""
    corpus = tmp_path / "corpus"
    index_dir = tmp_path / "index"
    # copytree keeps modification times, so the copied index still matches the copied files.
    shutil.copytree(_module_indexed_corpus.corpus_dir, corpus)
    shutil.copytree(_module_indexed_corpus.index_dir, index_dir)
    return IndexedCorpus(corpus, index_dir)


@pytest.fixture
def controller(indexed_corpus: IndexedCorpus, qtbot):
    """A LibraryController on the indexed copy; background threads are joined at teardown."""
    from assistant.ui.library.controller import LibraryController

    ctl = LibraryController(indexed_corpus.corpus_dir, indexed_corpus.index_dir)
    yield ctl
    ctl.shutdown()


@pytest.fixture(autouse=True)
def _isolated_qsettings(tmp_path_factory: pytest.TempPathFactory):
    """Keep window state and preferences written by tests out of the real user's config."""
    from PySide6.QtCore import QSettings

    folder = tmp_path_factory.mktemp("qsettings")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.SystemScope, str(folder))
    yield


class DialogRecorder:
    """What the main window asked or told the writer (D1's tests): no modal box ever opens."""

    def __init__(self) -> None:
        self.errors: list[tuple[str, str]] = []
        self.infos: list[tuple[str, str]] = []
        self.questions: list[tuple[str, str]] = []
        self.save_answer = "discard"
        self.recover_answer = "recover"
        self.backup_answer = True
        self.locked_answer = True
        self.import_answer = True
        self.overwrite_answer = False


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> DialogRecorder:
    from assistant.ui.dialogs import messages

    recorder = DialogRecorder()

    def ask_save(_parent, name):
        recorder.questions.append(("save", name))
        return recorder.save_answer

    def ask_recover(_parent, name, when):
        recorder.questions.append(("recover", f"{name} {when}"))
        return recorder.recover_answer

    def ask_backup(_parent, name, problem, backup):
        recorder.questions.append(("backup", f"{name}: {problem} -> {backup}"))
        return recorder.backup_answer

    monkeypatch.setattr(
        messages,
        "show_error",
        lambda _p, title, text, details="": recorder.errors.append((title, text)),
    )
    monkeypatch.setattr(
        messages, "show_info", lambda _p, title, text: recorder.infos.append((title, text))
    )
    monkeypatch.setattr(messages, "ask_save_changes", ask_save)
    monkeypatch.setattr(messages, "ask_recover", ask_recover)
    monkeypatch.setattr(messages, "ask_open_backup", ask_backup)

    def ask_locked(_parent, name, holder):
        recorder.questions.append(("locked", f"{name}: {holder}"))
        return recorder.locked_answer

    def ask_import(_parent, name, kind):
        recorder.questions.append(("import", f"{name}: {kind}"))
        return recorder.import_answer

    monkeypatch.setattr(messages, "ask_open_locked", ask_locked)
    monkeypatch.setattr(messages, "ask_import_instead", ask_import)

    def ask_overwrite(_parent, sentence):
        recorder.questions.append(("overwrite", sentence))
        return recorder.overwrite_answer

    monkeypatch.setattr(messages, "ask_overwrite_open", ask_overwrite)
    return recorder


@pytest.fixture
def window(controller, qtbot, dialogs):
    """The real main window on the indexed corpus copy, shown offscreen (D1's tests)."""
    from assistant.ui.window.main_window import MainWindow

    main = MainWindow(controller, check_recovery=False)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    # A new essay's reading-notes outline is read in a worker (Pandoc): tests start once it is in.
    qtbot.waitUntil(lambda: not main.session.default_outline_pending, timeout=30000)
    return main
