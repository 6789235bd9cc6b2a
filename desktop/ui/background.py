"""Short jobs off the GUI thread (print renditions of photos, warming up the renderer).

`BackgroundTasks.run(work, on_done)` runs the plain Python callable `work` in
its own QThread and calls `on_done(result)` back on the GUI thread. Automatic
garbage collection is paused while any task runs (see gc_pause.py). The worker
reports to `_Task`, a QObject living on the GUI thread, through queued signals:
never connect a worker signal to a lambda, it would run in the worker thread.

A failure is logged by its type only (a message might quote case text) and
reported to `on_failed` if given; a task never takes the app down.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

from desktop.ui.gc_pause import pause_garbage_collection, resume_garbage_collection
from desktop.ui.signals import emit

log = logging.getLogger(__name__)


class _Worker(QObject):
    succeeded = Signal(object)
    failed = Signal(str)

    def __init__(self, work: Callable[[], Any]) -> None:
        super().__init__()
        self._work = work

    @Slot()
    def run(self) -> None:
        try:
            result = self._work()
        except Exception as exc:  # reported, never raised into Qt
            log.warning("background task failed: %s", type(exc).__name__)
            emit(self.failed, type(exc).__name__)
        else:
            emit(self.succeeded, result)
        finally:
            self.thread().quit()


class _Task(QObject):
    ended = Signal(object)  # the task itself, once its callback has run

    def __init__(
        self,
        name: str,
        work: Callable[[], Any],
        on_done: Callable[[Any], None] | None,
        on_failed: Callable[[str], None] | None,
        parent: QObject,
    ) -> None:
        super().__init__(parent)
        self._on_done = on_done
        self._on_failed = on_failed
        self._worker = _Worker(work)
        self._thread = QThread()
        self._thread.setObjectName(name)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.succeeded.connect(self._succeeded)
        self._worker.failed.connect(self._failed)
        self._running = False

    def start(self) -> None:
        self._running = True
        pause_garbage_collection()
        self._thread.start()

    @Slot(object)
    def _succeeded(self, result: object) -> None:
        self._end()
        if self._on_done is not None:
            self._on_done(result)
        emit(self.ended, self)

    @Slot(str)
    def _failed(self, kind: str) -> None:
        self._end()
        if self._on_failed is not None:
            self._on_failed(kind)
        emit(self.ended, self)

    def wait(self, timeout_ms: int) -> bool:
        ended = self._thread.wait(timeout_ms)
        if ended:
            self._end()
            self._on_done = self._on_failed = None  # the window is going: no callbacks now
        return ended

    def _end(self) -> None:
        if not self._running:
            return
        self._running = False
        self._thread.wait()  # the worker has quit its loop already: returns at once
        resume_garbage_collection()


class BackgroundTasks(QObject):
    """Owns the running tasks, so none is collected mid-flight, and waits for them on exit."""

    all_done = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tasks: list[_Task] = []

    def run(
        self,
        name: str,
        work: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        on_failed: Callable[[str], None] | None = None,
    ) -> None:
        task = _Task(name, work, on_done, on_failed, self)
        task.ended.connect(self._forget)
        self._tasks.append(task)
        task.start()

    def running(self) -> int:
        return len(self._tasks)

    def wait_all(self, timeout_ms: int = 30_000) -> bool:
        """Block until every thread has ended (the window is closing); callbacks are dropped."""
        ended = all(task.wait(timeout_ms) for task in list(self._tasks))
        if ended:
            self._tasks.clear()
        return ended

    @Slot(object)
    def _forget(self, task: _Task) -> None:
        if task in self._tasks:
            self._tasks.remove(task)
        task.deleteLater()
        if not self._tasks:
            emit(self.all_done)
