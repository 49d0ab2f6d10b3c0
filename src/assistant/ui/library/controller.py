"""The UI's single handle on the corpus library and its search index.

Everything slow (importing files, updating the index) runs on one serial background thread, so
library changes and index updates never interleave, and the GUI thread only ever receives
signals. The index update itself runs in a child process driven from that thread
(`index_process`), so its CPU work never competes with the GUI thread for the GIL. Searches
use a separate pool (`search_pool`) so typing a query never waits behind an index update;
Whoosh commits are atomic, so a search during an update sees the old or the new index, never a
half-written one.
"""

from __future__ import annotations

import copy
import logging
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal

from assistant.library.corpus import Library
from assistant.library.model import ImportProblem
from assistant.library.ocr import OcrContext
from assistant.library.ocr.cache import cache_dir_for
from assistant.search.index import SearchIndex
from assistant.ui.index_process import update_in_process
from assistant.ui.workers import Task, TaskError, make_pool

log = logging.getLogger(__name__)

LINK_POLL_MS = 5000


class LibraryController(QObject):
    """Owns `Library` and `SearchIndex`; mutates them off the GUI thread and reports by signal."""

    indexProgress = Signal(int, int, str)  # done, total, source id
    indexFinished = Signal(object)  # IndexReport
    indexFailed = Signal(str)  # a readable message
    indexingChanged = Signal(bool)  # True while an update runs
    problemsChanged = Signal(list)  # list[ImportProblem], the full current list
    libraryChanged = Signal()
    statusChanged = Signal(str)  # "Indexing 2/3…", "Index ready: N passages", ...
    errorOccurred = Signal(str)  # a failed library operation, for a status message
    _onGuiThread = Signal(object, tuple)

    def __init__(self, corpus_dir: Path, index_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._onGuiThread.connect(self._fire)
        self._corpus_dir = Path(corpus_dir)
        self._index_dir = Path(index_dir)
        self._library = Library.open(self._corpus_dir)
        # The app reads recognised text from the cache only: OCR runs in the index process.
        self._library.ocr = OcrContext(cache_dir=cache_dir_for(self._index_dir), run=False)
        self._index = SearchIndex(self._index_dir, corpus_dir=self._corpus_dir)
        # One thread for all writes (imports, metadata files, index updates): they touch the same
        # files, so they must not overlap. Searches get their own thread.
        self._write_pool = make_pool(1)
        self.search_pool: QThreadPool = make_pool(1)
        self._index_task: Task | None = None
        self._reindex_queued: bool | None = None  # None, or the `rebuild` flag of a queued run
        self._add_problems: list[ImportProblem] = []
        self._index_problems: list[ImportProblem] = []
        self._pending_writes = 0
        self._status = ""
        self._passage_count: int | None = None
        self.last_report: Any = None
        self._set_status(self._initial_status())
        # Linked exports (a Better BibTeX auto-export...) are polled: a stat per file.
        self._link_timer = QTimer(self)
        self._link_timer.setInterval(LINK_POLL_MS)
        self._link_timer.timeout.connect(self.check_linked_exports)
        self._link_timer.start()

    # -- properties -------------------------------------------------------------------------

    @property
    def library(self) -> Library:
        return self._library

    @property
    def index(self) -> SearchIndex:
        return self._index

    @property
    def corpus_dir(self) -> Path:
        return self._corpus_dir

    @property
    def index_dir(self) -> Path:
        return self._index_dir

    @property
    def status_text(self) -> str:
        return self._status

    @property
    def is_indexing(self) -> bool:
        return self._index_task is not None

    @property
    def is_busy(self) -> bool:
        """True while an import, a metadata write or an index update is pending."""
        return self._index_task is not None or self._pending_writes > 0

    def items(self) -> dict[str, dict]:
        """CSL-JSON items by id (deep copies, safe to change)."""
        return self._library.items()

    def item(self, source_id: str) -> dict | None:
        """One source's CSL-JSON item (a copy), without copying the whole library."""
        source = self._library.get(source_id)
        return None if source is None else copy.deepcopy(source.item)

    def problems(self) -> list[ImportProblem]:
        seen: set[tuple[str, str]] = set()
        merged: list[ImportProblem] = []
        for problem in [*self._library.problems, *self._index_problems, *self._add_problems]:
            key = (problem.path, problem.message)
            if key not in seen:
                seen.add(key)
                merged.append(problem)
        return merged

    def clear_problems(self) -> None:
        """Forget the problems from adding files (the writer has read them)."""
        self._add_problems.clear()
        self.problemsChanged.emit(self.problems())

    # -- indexing ---------------------------------------------------------------------------

    def reindex(self, rebuild: bool = False) -> None:
        """Bring the index up to date in the background; a call during a run queues one more."""
        if self._index_task is not None:
            self._reindex_queued = bool(self._reindex_queued) or rebuild
            return
        corpus_dir, index_dir = self._corpus_dir, self._index_dir

        def job(task: Task) -> tuple[Any, int]:
            # In a child process: see index_process for why a thread is not enough.
            return update_in_process(
                corpus_dir,
                index_dir,
                rebuild=rebuild,
                progress=task.report,
                cancel=task.cancel_event,
            )

        task = Task(job)
        task.progress.connect(self._on_index_progress)
        task.finished.connect(self._on_index_finished)
        task.failed.connect(self._on_index_failed)
        task.cancelled.connect(self._on_index_cancelled)
        task.done.connect(self._on_index_done)
        self._index_task = task
        self.indexingChanged.emit(True)
        self._set_status("Rebuilding index…" if rebuild else "Checking index…")
        task.start(self._write_pool)

    def cancel_indexing(self) -> None:
        self._reindex_queued = None
        if self._index_task is not None:
            self._index_task.cancel()

    def _on_index_progress(self, done: int, total: int, source_id: str) -> None:
        label = f": {source_id}" if source_id else ""
        self._set_status(f"Indexing {done}/{total}…{label}")
        self.indexProgress.emit(done, total, source_id)

    def _on_index_finished(self, result: tuple[Any, int]) -> None:
        report, count = result
        self.last_report = report
        if index_changed(report):
            # A fresh SearchIndex object, so every thread opens a new searcher on what the
            # child process committed: a cached searcher that Whoosh merely refreshes can keep
            # seeing deleted passages (it reuses segment readers with their old deletions).
            self._index = SearchIndex(self._index_dir, corpus_dir=self._corpus_dir)
        self._passage_count = count
        self._index_problems = list(getattr(report, "problems", []) or [])
        reason = getattr(report, "rebuilt_reason", None)
        if getattr(report, "cancelled", False):
            self._set_status(f"Indexing stopped; the index holds {count:,} passages")
        elif reason and reason != "rebuilt on request":
            self._set_status(f"Index rebuilt: {reason}")
        elif reason:
            self._set_status(f"Index rebuilt: {count:,} passages")
        else:
            self._set_status(f"Index ready: {count:,} passages")
        self.problemsChanged.emit(self.problems())
        self.indexFinished.emit(report)

    def _on_index_failed(self, error: TaskError) -> None:
        log.error("index update failed:\n%s", error.traceback)
        self._set_status(f"Indexing failed: {error.message}")
        self.indexFailed.emit(error.message)

    def _on_index_cancelled(self) -> None:
        # Stopped before it began: the index is as it was.
        self._set_status("Indexing stopped before it began")

    def _on_index_done(self) -> None:
        self._index_task = None
        queued, self._reindex_queued = self._reindex_queued, None
        if queued is not None:
            self.reindex(rebuild=queued)
        else:
            self.indexingChanged.emit(False)

    # -- library changes --------------------------------------------------------------------

    def add_files(self, paths: Iterable[Path]) -> None:
        """Import files into the corpus in the background, then reindex.

        Each file is parsed before it is copied in, so an unreadable one is reported through
        `problemsChanged` and never enters the corpus; the others are added regardless.
        """
        paths = [Path(p) for p in paths]
        if not paths:
            return
        library = self._library

        def job(_task: Task) -> tuple[list[str], list[ImportProblem]]:
            added: list[str] = []
            problems: list[ImportProblem] = []
            for path in paths:
                try:
                    if path.is_dir():
                        raise ValueError("is a folder; add the files inside it instead")
                    if not path.is_file():
                        raise FileNotFoundError("no such file")
                    # Parses the file before copying it in: ImportFailed for a bad one.
                    source = library.add_file(path)
                except Exception as error:  # any failure is reported, never raised
                    # The library's messages may start with the file name; the path says it.
                    message = _message(error).removeprefix(f"{path.name}: ")
                    problems.append(ImportProblem(str(path), message))
                else:
                    added.append(source.id)
            return added, problems

        self._run_write(job, self._on_files_added)

    def _on_files_added(self, result: tuple[list[str], list[ImportProblem]]) -> None:
        added, problems = result
        self._add_problems.extend(problems)
        if problems:
            self.problemsChanged.emit(self.problems())
        if added:
            self.libraryChanged.emit()
            self.reindex()

    def import_metadata(self, path: Path, link: bool = False) -> None:
        """Import a Zotero export (CSL-JSON, BibTeX or RIS) in the background.

        The library's import rule applies (`assistant.library.importing`): records held back
        (duplicate ids, sources edited in the app) and a file that cannot be read are reported
        through `problemsChanged`; an unreadable file leaves sources.json exactly as it was.
        With `link`, the export is re-imported whenever the file changes.
        """
        self.import_source(path, link=link)

    def import_source(self, path: Path, collection: str | None = None, link: bool = False) -> None:
        """Import a Zotero data directory, zotero.sqlite or export file in the background."""
        path = Path(path)
        library = self._library

        def job(_task: Task) -> tuple[list[str], list[ImportProblem]]:
            from assistant.library.importing import import_source
            from assistant.library.linked import LinkedExports

            try:
                report = import_source(library, path, collection=collection)
                if link:
                    LinkedExports(library.corpus_dir).link(path)
            except Exception as error:  # reported, never raised into the GUI
                message = _message(error).removeprefix(f"{path.name}: ")
                return [], [ImportProblem(str(path), message)]
            held_back = [ImportProblem(report.source, m) for m in report.messages()]
            return report.added + report.updated + report.documents, held_back

        self._run_write(job, self._on_files_added)

    def check_linked_exports(self) -> None:
        """Re-import linked exports that changed (a timer calls this; only stats files)."""
        from assistant.library.linked import LinkedExports

        if self.is_busy or not LinkedExports(self._corpus_dir).changed():
            return
        library = self._library

        def job(_task: Task) -> tuple[list[str], list[ImportProblem]]:
            from assistant.library.linked import refresh_linked

            result = refresh_linked(library)
            changed = [i for r in result.reports for i in r.added + r.updated]
            problems = [ImportProblem(r.source, m) for r in result.reports for m in r.messages()]
            problems += [ImportProblem("linked export", p) for p in result.problems]
            return changed, problems

        self._run_write(job, self._on_files_added)

    def remove_source(self, source_id: str) -> None:
        """Take a source out of the library, then reindex.

        The file is moved to `<corpus>/.removed/`, never deleted (`Library.set_aside`).
        """
        library = self._library

        def job(_task: Task) -> str:
            library.set_aside(source_id)
            return source_id

        def done(_source_id: str) -> None:
            self.libraryChanged.emit()
            self.reindex()

        self._run_write(job, done)

    def update_item(self, item: dict) -> bool:
        """Save a source's edited metadata; False (and `errorOccurred`) if it could not be saved.

        When nothing else is writing, it is saved at once on the GUI thread (a small JSON write)
        so short citations shown elsewhere change immediately; otherwise it queues behind the
        running import or index update, which read the same library, and `libraryChanged`
        fires when it is saved.
        """
        item = dict(item)
        if self.is_busy:
            self._run_write(lambda _task: self._save_item(item), lambda _ok: None)
            return True
        return self._save_item(item)

    def _save_item(self, item: dict) -> bool:
        try:
            self._library.update_item(item)
        except Exception as error:
            message = f"Could not save the metadata of {item.get('id', '?')}: {_message(error)}"
            log.warning(message)
            self._emit_later(self.errorOccurred, message)
            return False
        self._emit_later(self.libraryChanged)
        return True

    def _emit_later(self, signal: Any, *args: Any) -> None:
        # _save_item may run on the write thread; going through a signal queues the follow-up
        # (and the reindex it triggers) onto the GUI thread.
        self._onGuiThread.emit(signal, args)

    def _fire(self, signal: Any, args: tuple) -> None:
        signal.emit(*args)
        if signal is self.libraryChanged:
            # The index may hold metadata (titles, authors) for filtering; an update is cheap.
            self.reindex()

    def _run_write(self, job, on_result) -> None:
        task = Task(job)
        task.finished.connect(on_result)
        task.failed.connect(self._on_write_failed)
        task.done.connect(self._on_write_done)
        self._pending_writes += 1
        task.start(self._write_pool)

    def _on_write_failed(self, error: TaskError) -> None:
        log.error("library operation failed:\n%s", error.traceback)
        self.errorOccurred.emit(error.message)
        self.problemsChanged.emit(self.problems())

    def _on_write_done(self) -> None:
        self._pending_writes -= 1

    # -- lifetime ---------------------------------------------------------------------------

    def shutdown(self, msecs: int = 10000) -> bool:
        """Cancel indexing and wait for the background threads (call before the app quits)."""
        self._link_timer.stop()
        self.cancel_indexing()
        ok = self._write_pool.waitForDone(msecs)
        return self.search_pool.waitForDone(msecs) and ok

    # -- helpers ----------------------------------------------------------------------------

    def _initial_status(self) -> str:
        try:
            if self._index.is_empty():
                return "Index empty: not built yet"
            return f"Index ready: {self._index.doc_count():,} passages"
        except Exception as error:
            return f"Index needs rebuilding: {_message(error)}"

    def _set_status(self, text: str) -> None:
        if text != self._status:
            self._status = text
            self.statusChanged.emit(text)


def index_changed(report: Any) -> bool:
    """Whether an index update changed what searches return (False for a no-op update)."""
    return bool(
        getattr(report, "indexed", 1) or getattr(report, "removed", 1) or report.rebuilt_reason
    )


def _message(error: BaseException) -> str:
    text = str(error).strip()
    if isinstance(error, FileNotFoundError) and not text:
        return "no such file"
    return text or type(error).__name__
