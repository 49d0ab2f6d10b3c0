"""The dictionaries headline-typed Romance titles need load on a worker thread, not on the
GUI thread that renders the notes."""

from __future__ import annotations

import threading

from assistant.cite import romance_case
from assistant.ui.window.title_dictionaries import TitleDictionaries

_SPANISH = {
    "deuda": {
        "id": "deuda",
        "type": "book",
        "title": "La Deuda Externa Y La Crisis Agraria",
        "language": "es",
    }
}
_ENGLISH = {"cold": {"id": "cold", "type": "book", "title": "The Cold War", "language": "en"}}


def test_dictionary_loads_off_the_gui_thread_then_signals(qtbot, monkeypatch):
    threads: list[str] = []
    # The load waits until the test has asked twice: an instant fake load could finish on
    # the worker between the two questions and make the second answer "ready" by chance.
    asked = threading.Event()

    def load(language: str) -> None:
        threads.append(threading.current_thread().name)
        asked.wait(5)

    monkeypatch.setattr(romance_case, "_loaded", {})
    monkeypatch.setattr(romance_case, "_load", load)
    dictionaries = TitleDictionaries()
    with qtbot.waitSignal(dictionaries.loaded, timeout=5000):
        assert not dictionaries.ready(_SPANISH)
        assert not dictionaries.ready(_SPANISH)  # one load, however often asked
        asked.set()
    assert threads and threads[0] != threading.main_thread().name
    assert len(threads) == 1
    assert dictionaries.ready(_SPANISH)


def test_a_library_without_such_titles_is_ready_at_once(qtbot, monkeypatch):
    monkeypatch.setattr(romance_case, "_loaded", {})
    assert TitleDictionaries().ready(_ENGLISH)
    assert romance_case.unloaded(["es"]) == {"es"}  # nothing was loaded for it


def test_a_failed_load_does_not_block_the_library(qtbot, monkeypatch):
    def broken(languages):
        raise OSError("dictionary file unreadable")

    monkeypatch.setattr(romance_case, "_loaded", {})
    monkeypatch.setattr(romance_case, "warm", broken)
    dictionaries = TitleDictionaries()
    with qtbot.waitSignal(dictionaries.loaded, timeout=5000):
        assert not dictionaries.ready(_SPANISH)
    assert dictionaries.ready(_SPANISH)
