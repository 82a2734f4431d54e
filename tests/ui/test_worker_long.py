"""Long computations off the single writer (``DatabaseWorker.submit_long``): the data is
read on the database thread, computed on a compute thread, progress reaches the GUI
thread, cancel stops the computation, and other database jobs are not held up."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import select

from secretariat.model import Forum
from ui.worker import DatabaseWorker, JobCancelled

WAIT_MS = 10_000


@pytest.fixture
def worker(qapp, forum_store):
    worker = DatabaseWorker(forum_store)
    yield worker
    worker.shutdown()


def read_forum_name(session) -> str:
    return session.scalar(select(Forum.name_en))


def test_reads_on_the_worker_computes_elsewhere_and_reports_progress(qtbot, worker):
    threads, progress, done = {}, [], []

    def read(session):
        threads["read"] = threading.current_thread()
        return read_forum_name(session)

    def compute(name, report):
        threads["compute"] = threading.current_thread()
        for step in range(3):
            report.report(step, 3, f"step {step}")
        return name.upper()

    worker.submit_long(read, compute, lambda *args: progress.append(args), done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=WAIT_MS)

    assert done == ["TEST FORUM"]
    assert progress == [(0, 3, "step 0"), (1, 3, "step 1"), (2, 3, "step 2")]
    assert threads["read"] is not threads["compute"]
    assert threads["compute"] is not threading.main_thread()


def test_cancel_stops_the_computation_at_its_next_report(qtbot, worker):
    steps, done, errors, cancelled = [], [], [], []
    first_report = threading.Event()

    def compute(_name, report):
        for step in range(10_000):
            report.report(step, 10_000)
            steps.append(step)
            first_report.set()
            threading.Event().wait(0.005)
        return "finished"

    handle = worker.submit_long(read_forum_name, compute, None, done.append, errors.append,
                                on_cancelled=lambda: cancelled.append(True))
    qtbot.waitUntil(first_report.is_set, timeout=WAIT_MS)
    handle.cancel()
    qtbot.waitUntil(lambda: bool(cancelled), timeout=WAIT_MS)

    assert done == [] and errors == []
    assert len(steps) < 10_000
    assert handle.finished and handle.cancelled


def test_a_job_cancelled_before_its_read_never_computes(qtbot, worker):
    gate = threading.Event()
    worker.submit(lambda _s: gate.wait(WAIT_MS / 1000))  # holds the writer for a moment
    computed, cancelled = [], []
    handle = worker.submit_long(read_forum_name, lambda data, _p: computed.append(data),
                                on_cancelled=lambda: cancelled.append(True))
    handle.cancel()
    gate.set()
    qtbot.waitUntil(lambda: bool(cancelled), timeout=WAIT_MS)
    assert computed == []


def test_other_database_jobs_run_while_a_computation_runs(qtbot, worker):
    release, started, done, answers = threading.Event(), threading.Event(), [], []

    def compute(name, _report):
        started.set()
        assert release.wait(WAIT_MS / 1000), "the test never released the computation"
        return name

    worker.submit_long(read_forum_name, compute, None, done.append)
    qtbot.waitUntil(started.is_set, timeout=WAIT_MS)
    worker.submit(read_forum_name, answers.append)  # would wait forever on a busy writer
    qtbot.waitUntil(lambda: answers == ["Test Forum"], timeout=WAIT_MS)
    assert done == []  # the computation is still running
    release.set()
    qtbot.waitUntil(lambda: done == ["Test Forum"], timeout=WAIT_MS)


def test_failures_of_the_read_or_the_computation_reach_on_error(qtbot, worker):
    errors, computed = [], []

    def bad_read(_session):
        raise ValueError("cannot read")

    worker.submit_long(bad_read, lambda data, _p: computed.append(data), None, None,
                       errors.append)

    def bad_compute(_data, _progress):
        raise RuntimeError("cannot compute")

    worker.submit_long(read_forum_name, bad_compute, None, None, errors.append)
    qtbot.waitUntil(lambda: len(errors) == 2, timeout=WAIT_MS)
    assert sorted(type(e).__name__ for e in errors) == ["RuntimeError", "ValueError"]
    assert computed == []
    assert not any(isinstance(e, JobCancelled) for e in errors)


# --- The editor's PDF export uses it ---------------------------------------------

def test_the_agenda_pdf_renders_off_the_database_thread(qtbot, editor, tmp_path, monkeypatch):
    from ui.meeting_editor import export as export_module

    threads = {}
    real_write = export_module.write_agenda_pdf

    def spy_write(data, out, **options):
        threads["render"] = threading.current_thread()
        real_write(data, out, **options)

    monkeypatch.setattr(export_module, "write_agenda_pdf", spy_write)
    db_threads = []
    editor.worker.submit(lambda _s: db_threads.append(threading.current_thread()))
    out = tmp_path / "agenda.pdf"
    with qtbot.waitSignal(editor.exported, timeout=30000):
        dialog = editor.exporter.export("agenda", out, language="en", offer_open=False)
    assert out.read_bytes().startswith(b"%PDF")
    assert dialog.job.finished and not dialog.job.cancelled
    assert threads["render"] is not db_threads[0]
    assert threads["render"] is not threading.main_thread()


def test_cancelling_the_export_dialog_stops_the_export_quietly(qtbot, editor, tmp_path, monkeypatch):
    from ui.meeting_editor import export as export_module

    gate = threading.Event()
    real_write = export_module.write_agenda_pdf

    def slow_write(data, out, **options):
        gate.wait(10)
        real_write(data, out, **options)

    monkeypatch.setattr(export_module, "write_agenda_pdf", slow_write)
    exported = []
    editor.exported.connect(exported.append)
    out = tmp_path / "agenda.pdf"
    dialog = editor.exporter.export("agenda", out, language="en", offer_open=False)
    qtbot.waitUntil(lambda: dialog.maximum() == 1, timeout=30000)  # the first report came
    job = dialog.job
    dialog.canceled.emit()  # what its Cancel button does
    gate.set()
    qtbot.waitUntil(lambda: job.finished, timeout=30000)
    assert job.cancelled and exported == [] and editor.errors_shown == []
    # The render stops at its next report; a PDF already being built is finished, but
    # neither the editor nor the clerk is told of it.
