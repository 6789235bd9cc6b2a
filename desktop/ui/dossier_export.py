"""From "Create dossier…" to a saved PDF: render off the GUI thread, then Save as,
then "Show in folder", all told in the dossier bar under the case.

The main window owns the outside world (`ask_save_path`, `show_in_folder`, so
tests can replace them) and the signals others listen to (`dossier_saved`,
`dossier_failed`); this controller owns the job and its steps.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot

from desktop.ui.choices import device_name
from desktop.ui.dossier_job import DossierJob
from desktop.ui.formatting import safe_file_name
from desktop.ui.i18n import N_, tr
from desktop.ui.signals import emit

if TYPE_CHECKING:
    from desktop.model import Case
    from desktop.ui.main_window import MainWindow

TEXT_DOSSIER_NAME = N_("Dossier - {device} - {date}.pdf")
TEXT_SAVED = N_("Dossier saved: {name} ({pages} pages)")
TEXT_NOT_SAVED = N_("The dossier was not saved.")
TEXT_CANCELLED = N_("Dossier cancelled.")
TEXT_MOVE_FAILED = N_("The dossier could not be saved there: {reason}. Try another folder.")

SETTINGS_DOSSIER_DIR = "mainWindow/lastDossierFolder"


def default_dossier_name(case: Case, today: date | None = None) -> str:
    """ "Dossier - iPhone 13 Pro - 2026-11-22.pdf": what the Save dialog offers."""
    device = device_name(case.device.kind, case.device.model_name)
    day = (today or date.today()).isoformat()
    return safe_file_name(tr(TEXT_DOSSIER_NAME).format(device=device, date=day))


class DossierExport(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._bar = window.dossier_bar
        self.job: DossierJob | None = None
        self._case: Case | None = None
        self.last_saved: Path | None = None
        self._bar.cancel_requested.connect(self.cancel)
        self._bar.show_requested.connect(self._show_last)

    def is_running(self) -> bool:
        return self.job is not None and self.job.is_running()

    def start(self, case: Case, attachments_dir: Path) -> None:
        if self.is_running():
            return
        job = DossierJob(case, attachments_dir, self)
        job.progressed.connect(self._bar.step)
        job.finished.connect(self._on_rendered)
        job.failed.connect(self._on_failed)
        job.cancelled.connect(self._on_cancelled)
        self.job, self._case = job, case
        self._bar.working()
        job.start()

    @Slot()
    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()

    def shutdown(self) -> None:
        """The window closes: stop the render and leave no temporary PDF behind."""
        if self.job is not None and self.job.is_running():
            self.job.cancel()
            self.job.wait()
            self.job.discard()

    @Slot(str, int)
    def _on_rendered(self, rendered: str, pages: int) -> None:
        job, window = self.job, self._window
        assert job is not None and self._case is not None
        window.refresh_actions()
        target = window.ask_save_path(default_dossier_name(self._case))
        try:
            if target is None:
                self._bar.problem(tr(TEXT_NOT_SAVED))
                return
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(rendered, target)
        except OSError as exc:
            message = tr(TEXT_MOVE_FAILED).format(reason=exc.strerror or type(exc).__name__)
            self._bar.problem(message)
            emit(window.dossier_failed, message)
            return
        finally:
            job.discard()
        window.settings.setValue(SETTINGS_DOSSIER_DIR, str(target.parent))
        self.last_saved = target
        self._bar.done(tr(TEXT_SAVED).format(name=target.name, pages=pages))
        emit(window.dossier_saved, str(target))

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self._bar.problem(message)
        self._window.refresh_actions()
        emit(self._window.dossier_failed, message)

    @Slot()
    def _on_cancelled(self) -> None:
        self._bar.problem(tr(TEXT_CANCELLED))
        self._window.refresh_actions()

    @Slot()
    def _show_last(self) -> None:
        if self.last_saved is not None:
            self._window.show_in_folder(self.last_saved)
