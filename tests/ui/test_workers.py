"""Worker threads: results arrive on the GUI thread, errors become messages, stale results drop."""

from __future__ import annotations

import threading

from assistant.ui.workers import LatestOnly, Task, TaskError, make_pool, run_task


def test_task_result_arrives_on_gui_thread(qtbot):
    seen: list[tuple[str, str]] = []
    task = Task(lambda _t: threading.current_thread().name)
    task.finished.connect(lambda worker: seen.append((worker, threading.current_thread().name)))
    with qtbot.waitSignal(task.done, timeout=5000):
        task.start()
    assert seen[0][0] != threading.main_thread().name
    assert seen[0][1] == threading.main_thread().name


def test_task_error_is_delivered_as_message_not_raised(qtbot):
    def boom(_task):
        raise ValueError("index folder is read-only")

    errors: list[TaskError] = []
    with qtbot.waitSignal(run_task(boom, on_error=errors.append).done, timeout=5000):
        pass
    assert errors[0].message == "index folder is read-only"
    assert "ValueError" in errors[0].traceback


def test_task_progress_and_cancel(qtbot):
    release = threading.Event()
    progress: list[tuple[int, int, str]] = []
    results: list[object] = []

    def job(task: Task):
        for i in range(1, 1000):
            task.report(i, 1000, f"step {i}")
            if i == 3:
                release.wait(5)
            task.check_cancelled()
        return "completed"

    task = run_task(job, on_result=results.append, on_progress=lambda *a: progress.append(a))
    qtbot.waitUntil(lambda: len(progress) >= 3, timeout=5000)
    # Wait from before the cancel: a queued signal only reaches slots connected when emitted.
    with qtbot.waitSignal(task.cancelled, timeout=5000):
        task.cancel()
        release.set()
    assert results == []
    assert progress[0] == (1, 1000, "step 1")
    assert len(progress) < 1000


def test_latest_only_drops_the_slow_older_result(qtbot):
    """Two quick queries: the first finishes after the second; only the second is shown."""
    pool = make_pool(2)
    channel = LatestOnly(pool)
    shown: list[tuple[int, object]] = []
    dropped: list[int] = []
    channel.resultReady.connect(lambda g, r: shown.append((g, r)))
    channel.staleDropped.connect(dropped.append)

    first_started = threading.Event()
    release_first = threading.Event()

    def slow_first():
        first_started.set()
        release_first.wait(5)
        return "hits for Aches"

    g1 = channel.submit(slow_first)
    assert first_started.wait(5)
    g2 = channel.submit(lambda: "hits for Acheson")
    qtbot.waitUntil(lambda: shown == [(g2, "hits for Acheson")], timeout=5000)
    release_first.set()
    qtbot.waitUntil(lambda: dropped == [g1], timeout=5000)
    assert shown == [(g2, "hits for Acheson")]
    pool.waitForDone(5000)


def test_latest_only_generation_logic_is_deterministic(qtbot):
    """The stale check itself, without threads: an older generation is never delivered."""
    channel = LatestOnly()
    shown: list[object] = []
    channel.resultReady.connect(lambda _g, r: shown.append(r))
    channel._generation = 7  # as if seven requests had been submitted
    assert channel.deliver(6, "old") is False
    assert channel.deliver(7, "new") is True
    assert shown == ["new"]
    channel.invalidate()
    assert channel.deliver(8 - 1, "after clear") is False
    assert shown == ["new"]


def test_latest_only_skips_requests_that_went_stale_before_running(qtbot):
    pool = make_pool(1)
    channel = LatestOnly(pool)
    ran: list[str] = []
    gate = threading.Event()
    channel.submit(lambda: gate.wait(5))  # occupies the only thread
    channel.submit(lambda: ran.append("second"))
    g3 = channel.submit(lambda: ran.append("third") or "third")
    got: list[int] = []
    channel.resultReady.connect(lambda g, _r: got.append(g))
    gate.set()
    qtbot.waitUntil(lambda: got == [g3], timeout=5000)
    assert ran == ["third"]
    pool.waitForDone(5000)


def test_latest_only_error_for_current_request(qtbot):
    channel = LatestOnly()
    errors: list[TaskError] = []
    channel.errorRaised.connect(lambda _g, e: errors.append(e))

    def bad():
        raise RuntimeError("Unexpected end of query")

    channel.submit(bad)
    qtbot.waitUntil(lambda: len(errors) == 1, timeout=5000)
    assert errors[0].message == "Unexpected end of query"
    assert not channel.busy


def test_index_update_in_a_child_process_reports_progress(corpus_dir, tmp_path):
    from assistant.ui.index_process import update_in_process

    progress: list[tuple[int, int, str]] = []
    report, passages = update_in_process(
        corpus_dir, tmp_path / "index", progress=lambda *a: progress.append(a)
    )
    assert report.indexed == 3
    assert passages > 100
    assert progress[-1][:2] == (3, 3)
    # Unchanged corpus: nothing to do.
    report, again = update_in_process(corpus_dir, tmp_path / "index")
    assert (report.indexed, report.unchanged, again) == (0, 3, passages)


def test_index_process_failure_is_a_readable_error(corpus_dir, tmp_path):
    import pytest

    from assistant.ui.index_process import IndexProcessError, update_in_process

    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the index folder should be", encoding="utf-8")
    with pytest.raises(IndexProcessError) as caught:
        update_in_process(corpus_dir, blocker / "index")
    assert "not-a-folder" in str(caught.value)
    assert "Traceback" in caught.value.details


def test_a_channel_deleted_while_its_request_runs_drops_the_result_quietly(qtbot):
    """A pane closed mid-search: the late result must not reach the deleted channel.

    pytest-qt fails the test on any exception raised in the Qt event loop, which is what a
    delivery to the deleted channel raised ("Signal source has been deleted").
    """
    from shiboken6 import delete

    pool = make_pool(1)
    channel = LatestOnly(pool)
    started = threading.Event()
    release = threading.Event()
    finished = threading.Event()

    def slow():
        started.set()
        release.wait(5)
        finished.set()
        return "late hits"

    channel.submit(slow)
    assert started.wait(5)
    delete(channel)
    release.set()
    assert finished.wait(5)
    pool.waitForDone(5000)
    qtbot.wait(200)  # let the queued delivery run


def test_run_task_skips_the_callbacks_of_an_owner_that_is_gone(qtbot):
    """An export or autosave that ends after its window closed must not touch the window."""
    from PySide6.QtWidgets import QLabel
    from shiboken6 import delete

    label = QLabel()
    release = threading.Event()
    results: list[object] = []

    def done(result: object) -> None:
        label.setText(str(result))  # raises on a deleted label
        results.append(result)

    task = run_task(lambda _task: release.wait(5) and "saved", on_result=done, owner=label)
    delete(label)
    release.set()
    qtbot.waitUntil(lambda: task not in Task._live, timeout=5000)  # its outcome was delivered
    assert results == []

    kept = QLabel()
    task = run_task(lambda _task: "saved", on_result=lambda r: kept.setText(r), owner=kept)
    qtbot.waitUntil(lambda: kept.text() == "saved", timeout=5000)
