"""Run `SearchIndex.update` in a child process, relaying progress and honouring cancel.

Why a process and not just a thread: indexing is CPU-bound Python, and Whoosh spends long
stretches inside single C calls (sorting and serialising postings) that never release the GIL,
so an indexing *thread* can freeze the GUI thread for hundreds of milliseconds at a time. A
child process has its own interpreter and GIL. Whoosh commits atomically, so the app's
searches see the old index until the child commits, then the new one.

This module imports no Qt: the child process (started with "spawn", which is safe in a
multi-threaded Qt program, unlike fork) imports only the core packages.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import queue as queue_module
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any


class IndexProcessError(RuntimeError):
    """The indexing process failed; the message is the writer-facing reason."""

    def __init__(self, message: str, details: str = "") -> None:
        super().__init__(message)
        self.details = details


def _child(corpus_dir: str, index_dir: str, rebuild: bool, messages: Any, cancel: Any) -> None:
    if hasattr(os, "nice"):
        # Background work: when the CPUs are busy, the app's GUI thread goes first. Whoosh's
        # own worker processes inherit this.
        with contextlib.suppress(OSError):
            os.nice(10)
    try:
        from assistant.library.corpus import Library
        from assistant.library.ocr import OcrContext
        from assistant.library.ocr.cache import cache_dir_for
        from assistant.search.index import SearchIndex

        current = [0, 0, ""]  # the source being indexed, for OCR's page-by-page progress

        def source_progress(done: int, total: int, source: str) -> None:
            current[:] = [done, total, source]
            messages.put(("progress", done, total, source))

        def ocr_progress(page: int, pages: int) -> None:
            done, total, source = current
            label = f"{source} (OCR page {min(page + 1, pages)} of {pages})"
            messages.put(("progress", done, total, label))

        library = Library.open(Path(corpus_dir))
        # Scanned pages are recognised here, in the background process, and cached beside
        # the index; cancel also stops a Tesseract run mid-page.
        library.ocr = OcrContext(
            cache_dir=cache_dir_for(Path(index_dir)), progress=ocr_progress, cancel=cancel
        )
        index = SearchIndex(Path(index_dir))
        report = index.update(library, progress=source_progress, cancel=cancel, rebuild=rebuild)
        messages.put(("done", report, index.doc_count()))
    except BaseException as error:  # every failure must reach the app as a message
        text = str(error).strip() or type(error).__name__
        messages.put(("error", text, traceback.format_exc()))


def update_in_process(
    corpus_dir: Path,
    index_dir: Path,
    *,
    rebuild: bool = False,
    progress: Callable[[int, int, str], None] | None = None,
    cancel: threading.Event | None = None,
    poll_seconds: float = 0.1,
) -> tuple[Any, int]:
    """Update the index of `corpus_dir` in a child process; return (IndexReport, passages).

    Blocks the calling (worker) thread while waiting, but only in calls that release the GIL.
    Raises IndexProcessError if the child fails or dies.
    """
    context = multiprocessing.get_context("spawn")
    messages = context.Queue()
    child_cancel = context.Event()
    process = context.Process(
        target=_child,
        args=(str(corpus_dir), str(index_dir), rebuild, messages, child_cancel),
        name="assistant-indexer",
        # Not a daemon: Whoosh builds a large index with worker processes of its own, which a
        # daemon may not have. The finally clause below still ends it if it outlives us.
        daemon=False,
    )
    if cancel is not None and cancel.is_set():
        child_cancel.set()
    process.start()
    try:
        while True:
            if cancel is not None and cancel.is_set():
                child_cancel.set()
            try:
                message = messages.get(timeout=poll_seconds)
            except queue_module.Empty:
                if not process.is_alive():
                    # It may have put its last message just before exiting.
                    try:
                        message = messages.get(timeout=poll_seconds)
                    except queue_module.Empty:
                        raise IndexProcessError(
                            f"The indexing process stopped unexpectedly (exit code "
                            f"{process.exitcode}); the previous index is still in place."
                        ) from None
                else:
                    continue
            kind = message[0]
            if kind == "progress":
                if progress is not None:
                    progress(message[1], message[2], message[3])
            elif kind == "done":
                return message[1], message[2]
            else:
                raise IndexProcessError(message[1], message[2])
    finally:
        process.join(timeout=10)
        if process.is_alive():
            process.terminate()
            process.join(timeout=5)
        messages.close()
