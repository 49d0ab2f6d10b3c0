"""The spelling dictionaries that headline-typed Spanish, Portuguese, Italian, French and
Dutch titles need (cite.romance_case), loaded on a worker thread when a library brings such
titles: a dictionary takes one to five seconds to load, and the notes are rendered on the GUI
thread."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QObject, Signal

from assistant.ui.workers import TaskError, run_task


class TitleDictionaries(QObject):
    """`ready(items)` tells whether the items' titles can be rendered without a wait; when
    not, it starts the load, and `loaded` fires once the dictionaries are in memory."""

    loaded = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._loading = False
        self._failed = False

    def ready(self, items: Mapping[str, Mapping[str, Any]]) -> bool:
        from assistant.cite import romance_case
        from assistant.cite.titles import dictionary_languages

        if self._failed:
            return True  # a load that failed is not retried: titles render as they are
        pending = romance_case.unloaded(dictionary_languages(items.values()))
        if not pending:
            return True
        if not self._loading:
            self._loading = True
            run_task(
                lambda task: romance_case.warm(pending),
                on_result=self._done,
                on_error=self._error,
                owner=self,
            )
        return False

    def _done(self, _result: object = None) -> None:
        self._loading = False
        self.loaded.emit()

    def _error(self, _error: TaskError) -> None:
        self._failed = True
        self._done()
