"""The window autosaves a set delay after the last keystroke (the delay is a setting)."""

from __future__ import annotations

import time
from pathlib import Path

from assistant.essay import store


def test_autosave_follows_the_last_edit(controller, qtbot, dialogs) -> None:  # type: ignore[no-untyped-def]
    from assistant.ui.settings import Settings
    from assistant.ui.window.main_window import MainWindow

    settings = Settings()
    settings.set_autosave_delay(1)
    window = MainWindow(controller, settings=settings, check_recovery=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.editor.text_edit.setFocus()
    saves: list[object] = []
    saved_at: list[float] = []
    window.session.autosaved.connect(saves.append)
    window.session.autosaved.connect(lambda _result: saved_at.append(time.monotonic()))

    for word in ("Kim ", "asked ", "Stalin ", "again."):
        qtbot.keyClicks(window.editor.text_edit, word)
        qtbot.wait(300)  # pauses shorter than the delay: no save yet
    assert saves == []
    last_key = time.monotonic() - 0.3
    qtbot.waitUntil(lambda: len(saves) == 1, timeout=10_000)
    assert saved_at[0] - last_key >= 0.9  # the delay is counted from the last keystroke
    assert isinstance(saves[0], Path)
    assert store.load_essay(saves[0]).blocks[0].text == "Kim asked Stalin again."
    qtbot.wait(1500)
    assert len(saves) == 1  # nothing new, nothing written
