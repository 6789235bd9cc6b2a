"""Rendering the dossier off the GUI thread, with progress and cancel.

The worker lives in its own QThread. Its signals are connected to slots of
`DossierJob`, a QObject on the GUI thread, so Qt queues them to the GUI
thread. (A lambda connected to a worker signal would run in the worker
thread: never do that here.) reportlab is imported inside the worker only.
"""

from __future__ import annotations

import copy
import logging
import shutil
import tempfile
import threading
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal, Slot

from desktop.model import Case
from desktop.ui.gc_pause import pause_garbage_collection, resume_garbage_collection
from desktop.ui.i18n import N_, tr
from desktop.ui.signals import emit

log = logging.getLogger(__name__)

TEXT_NOT_INSTALLED = N_("Creating dossiers is not available in this installation.")
TEXT_WRITE_FAILED = N_("The dossier could not be written: {reason}.")
TEXT_FAILED = N_(
    "Something went wrong while laying out the dossier ({kind}). Your case is unchanged; "
    "please try again, and report the problem if it stays."
)


@dataclass(frozen=True)
class DossierOptions:
    """What the user chose on the Dossier tab; passed through to render_dossier."""

    page_size: str = "auto"  # "A4", "Letter" or "auto" (from the case's country)
    redacted: bool = False
    include_receipts_in_redacted: bool = False
    renditions_dir: Path | None = None
    prepared_on: date | None = None


class _RenderWorker(QObject):
    progressed = Signal(int, int)
    rendered = Signal(int)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(
        self, case: Case, out_path: Path, attachments_dir: Path | None, options: DossierOptions
    ) -> None:
        super().__init__()
        self._case = case
        self._out_path = out_path
        self._attachments_dir = attachments_dir
        self._options = options
        self.stop = threading.Event()

    @Slot()
    def run(self) -> None:
        try:
            self._render()
        finally:
            # End the thread's event loop from inside, so wait() never depends on the GUI thread.
            self.thread().quit()

    def _render(self) -> None:
        try:
            from desktop.dossier import RenderCancelled, render_dossier
        except ImportError:
            emit(self.failed, tr(TEXT_NOT_INSTALLED))
            return
        try:
            pages = render_dossier(
                self._case,
                self._out_path,
                attachments_dir=self._attachments_dir,
                prepared_on=self._options.prepared_on,
                page_size=self._options.page_size,
                redacted=self._options.redacted,
                include_receipts_in_redacted=self._options.include_receipts_in_redacted,
                renditions_dir=self._options.renditions_dir,
                progress=lambda step, total: emit(self.progressed, step, total),
                cancelled=self.stop.is_set,
            )
        except RenderCancelled:
            emit(self.cancelled)
        except OSError as exc:
            emit(
                self.failed, tr(TEXT_WRITE_FAILED).format(reason=exc.strerror or type(exc).__name__)
            )
        except Exception as exc:  # any layout bug must reach the user, not kill the thread
            # Only the type: the message could quote case text (identifiers are secrets).
            log.error("dossier rendering failed: %s", type(exc).__name__)
            emit(self.failed, tr(TEXT_FAILED).format(kind=type(exc).__name__))
        else:
            emit(self.rendered, pages)


class DossierJob(QObject):
    """One dossier rendering: start(), then exactly one of finished/failed/cancelled."""

    progressed = Signal(int, int)  # step, total
    finished = Signal(str, int)  # the rendered (temporary) PDF, page count
    failed = Signal(str)  # a sentence for the user
    cancelled = Signal()

    def __init__(
        self,
        case: Case,
        attachments_dir: Path | None,
        parent: QObject | None = None,
        options: DossierOptions | None = None,
    ) -> None:
        super().__init__(parent)
        self.options = options or DossierOptions()
        self._folder = Path(tempfile.mkdtemp(prefix="case-dossier-"))
        self.pdf_path = self._folder / "dossier.pdf"
        # The worker gets its own copy: the user may go on editing while it renders.
        self._worker = _RenderWorker(
            copy.deepcopy(case), self.pdf_path, attachments_dir, self.options
        )
        self._thread = QThread()
        self._thread.setObjectName("dossier-render")
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progressed.connect(self._on_progress)
        self._worker.rendered.connect(self._on_rendered)
        self._worker.failed.connect(self._on_failed)
        self._worker.cancelled.connect(self._on_cancelled)
        self._running = False

    def start(self) -> None:
        self._running = True
        pause_garbage_collection()
        self._thread.start()

    def cancel(self) -> None:
        self._worker.stop.set()

    def is_running(self) -> bool:
        return self._running

    def discard(self) -> None:
        """Remove the temporary folder (the PDF holds identifiers: do not leave it lying about)."""
        shutil.rmtree(self._folder, ignore_errors=True)

    @Slot(int, int)
    def _on_progress(self, step: int, total: int) -> None:
        emit(self.progressed, step, total)

    @Slot(int)
    def _on_rendered(self, pages: int) -> None:
        self._end()
        emit(self.finished, str(self.pdf_path), pages)

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self._end()
        self.discard()
        emit(self.failed, message)

    @Slot()
    def _on_cancelled(self) -> None:
        self._end()
        self.discard()
        emit(self.cancelled)

    def wait(self, timeout_ms: int = 10_000) -> bool:
        """Block until the thread has ended (used when the window closes)."""
        ended = self._thread.wait(timeout_ms)
        if ended and self._running:
            self._end()
        return ended

    def _end(self) -> None:
        if not self._running:
            return
        self._running = False
        self._thread.wait()  # the worker has quit its loop already: this returns at once
        resume_garbage_collection()
