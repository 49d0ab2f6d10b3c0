"""Run work off the GUI thread and deliver results by signal, dropping stale ones.

Two pieces:

- `Task`: one callable run on a `QThreadPool`; its result, error and progress arrive as signals
  on the GUI thread (the signal carrier is a QObject created on the GUI thread, so Qt queues the
  emissions from the worker thread). A task carries a `threading.Event` for cooperative
  cancellation, which long jobs such as `SearchIndex.update` poll.
- `LatestOnly`: a request channel for things like search-as-you-type. Every `submit` bumps a
  generation counter; a result is delivered only if it belongs to the newest generation, so a
  slow old query can never overwrite the hits of a newer one. Requests that became stale before
  a thread picked them up are skipped without running.

The generation check happens on the GUI thread (in the slot that receives the result), which
makes it race-free without locks: the counter is only ever written there.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot
from shiboken6 import isValid


@dataclass(frozen=True, slots=True)
class TaskError:
    """An exception raised in a worker, carried to the GUI thread with its traceback text."""

    exception: BaseException
    traceback: str

    @property
    def message(self) -> str:
        text = str(self.exception).strip()
        return text or type(self.exception).__name__

    def __str__(self) -> str:
        return self.message


class Cancelled(Exception):
    """Raised by a task's callable (or `Task.check_cancelled`) to stop early on request."""


class _Runnable(QRunnable):
    def __init__(self, task: Task) -> None:
        super().__init__()
        self._task = task
        # The task keeps us alive until run() ends; Qt must not delete a Python-owned object.
        self.setAutoDelete(False)

    def run(self) -> None:
        self._task._run_in_worker()


class Task(QObject):
    """A callable running on a thread pool. Create and start it from the GUI thread.

    `fn` receives the task itself so it can report progress (`task.report(done, total, label)`)
    and look at `task.cancel_event`. Exactly one of `finished`/`failed`/`cancelled` is emitted,
    then `done`. `cancelled` means the callable raised `Cancelled` or never started.
    """

    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(object)  # TaskError
    cancelled = Signal()
    done = Signal()  # after any of the three above

    # Tasks that have been started and not yet reported back; keeps the Python objects alive
    # even if the caller drops its reference while the worker still runs.
    _live: ClassVar[set[Task]] = set()

    def __init__(
        self,
        fn: Callable[[Task], Any],
        *,
        skip_if: Callable[[], bool] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._fn = fn
        self._skip_if = skip_if
        self.cancel_event = threading.Event()
        self._runnable: _Runnable | None = None
        self.running = False
        self.is_done = False

    def start(self, pool: QThreadPool | None = None) -> Task:
        if self._runnable is not None:
            raise RuntimeError("a Task can only be started once")
        self._runnable = _Runnable(self)
        # Connected last, so `done` follows every slot the caller connected to the outcome.
        self.finished.connect(self._after)
        self.failed.connect(self._after)
        self.cancelled.connect(self._after)
        Task._live.add(self)
        self.running = True
        (pool or QThreadPool.globalInstance()).start(self._runnable)
        return self

    def cancel(self) -> None:
        self.cancel_event.set()

    def is_cancelled(self) -> bool:
        return self.cancel_event.is_set()

    def check_cancelled(self) -> None:
        if self.cancel_event.is_set():
            raise Cancelled()

    def report(self, done: int, total: int, label: str = "") -> None:
        """Progress from the worker thread; delivered queued to the GUI thread."""
        self.progress.emit(int(done), int(total), str(label))

    def _run_in_worker(self) -> None:
        if self.cancel_event.is_set() or (self._skip_if is not None and self._skip_if()):
            self.cancelled.emit()
            return
        try:
            result = self._fn(self)
        except Cancelled:
            self.cancelled.emit()
        except BaseException as error:
            self.failed.emit(TaskError(error, traceback.format_exc()))
        else:
            # A job that honoured the cancel request by returning early (as SearchIndex.update
            # does, with report.cancelled) still delivers what it did.
            self.finished.emit(result)

    @Slot()
    def _after(self, *_args: object) -> None:
        self.running = False
        self.is_done = True
        Task._live.discard(self)
        self.done.emit()


def run_task(
    fn: Callable[[Task], Any],
    *,
    on_result: Callable[[Any], None] | None = None,
    on_error: Callable[[TaskError], None] | None = None,
    on_progress: Callable[[int, int, str], None] | None = None,
    pool: QThreadPool | None = None,
    parent: QObject | None = None,
    owner: QObject | None = None,
) -> Task:
    """Start `fn(task)` off the GUI thread with optional callbacks, which run on the GUI thread.

    Callbacks are closures Qt cannot disconnect for us: with `owner` given they are skipped once
    that widget is gone (a window closed while its export or autosave still ran).
    """
    task = Task(fn, parent=parent)
    for signal, callback in (
        (task.finished, on_result),
        (task.failed, on_error),
        (task.progress, on_progress),
    ):
        if callback is not None:
            signal.connect(callback if owner is None else _while_alive(owner, callback))
    return task.start(pool)


def _while_alive(owner: QObject, callback: Callable[..., None]) -> Callable[..., None]:
    def guarded(*args: Any) -> None:
        if isValid(owner):
            callback(*args)

    return guarded


def make_pool(max_threads: int = 1) -> QThreadPool:
    """A private pool, so searches never queue behind a long index update (and vice versa)."""
    pool = QThreadPool()
    pool.setMaxThreadCount(max_threads)
    return pool


class LatestOnly(QObject):
    """Deliver only the newest request's result; older ones are dropped as stale.

    `submit(fn, *args)` returns the request's generation. `resultReady(generation, result)` and
    `errorRaised(generation, TaskError)` fire only for the current generation; `staleDropped`
    fires for every result thrown away (useful for tests and diagnostics). `invalidate()` makes
    every pending request stale, e.g. when the query box is cleared.
    """

    resultReady = Signal(int, object)
    errorRaised = Signal(int, object)
    staleDropped = Signal(int)
    busyChanged = Signal(bool)

    def __init__(self, pool: QThreadPool | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = pool
        self._generation = 0
        self._pending: dict[int, Task] = {}

    @property
    def generation(self) -> int:
        return self._generation

    @property
    def busy(self) -> bool:
        return self._generation in self._pending

    def is_current(self, generation: int) -> bool:
        return generation == self._generation

    def submit(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> int:
        was_busy = self.busy
        self._generation += 1
        generation = self._generation
        # The worker reads _generation without a lock: an int read is atomic under the GIL and a
        # wrong guess only means running (then dropping) one request that just went stale.
        task = Task(
            lambda _task: fn(*args, **kwargs),
            skip_if=lambda: generation != self._generation,
            parent=None,
        )
        # Lambdas are not disconnected when this channel is destroyed (a pane closed while its
        # search still runs), so each one checks that the channel is still alive.
        task.finished.connect(
            lambda result, g=generation: isValid(self) and self.deliver(g, result)
        )
        task.failed.connect(
            lambda error, g=generation: isValid(self) and self.deliver_error(g, error)
        )
        task.cancelled.connect(
            lambda g=generation: isValid(self) and self._forget(g, delivered=False)
        )
        self._pending[generation] = task
        task.start(self._pool)
        if not was_busy:
            self.busyChanged.emit(True)
        return generation

    def invalidate(self) -> None:
        was_busy = self.busy
        self._generation += 1
        if was_busy:
            self.busyChanged.emit(False)

    def deliver(self, generation: int, result: Any) -> bool:
        """Pass a result on if it is current; return whether it was. Runs on the GUI thread."""
        current = self._forget(generation, delivered=True)
        if current:
            self.resultReady.emit(generation, result)
        return current

    def deliver_error(self, generation: int, error: TaskError) -> bool:
        current = self._forget(generation, delivered=True)
        if current:
            self.errorRaised.emit(generation, error)
        return current

    def _forget(self, generation: int, *, delivered: bool) -> bool:
        self._pending.pop(generation, None)
        current = generation == self._generation
        if not current and delivered:
            self.staleDropped.emit(generation)
        if current:
            self.busyChanged.emit(False)
        return current

    def wait(self, msecs: int = 5000) -> bool:
        """Block until this channel's pool is idle (tests and shutdown only, never in the GUI)."""
        pool = self._pool or QThreadPool.globalInstance()
        return pool.waitForDone(msecs)
