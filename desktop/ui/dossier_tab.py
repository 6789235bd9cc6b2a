"""The Dossier tab: choose full or redacted and the paper size, Create (off the GUI
thread, with progress and Cancel), look at the result right here, then Print,
Save as, and Show in folder.

The rendered PDF lives in a private temporary folder until it is saved; it
holds the identifiers, so it is removed when a new one is made, the case
changes, or the window closes.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.model import Case
from desktop.ui import icons, preferences, theme
from desktop.ui.dossier_job import DossierJob, DossierOptions
from desktop.ui.dossier_names import default_dossier_name
from desktop.ui.i18n import N_, tr
from desktop.ui.signals import emit
from desktop.ui.text_metrics import text_px
from desktop.ui.widgets.accessible import label_field
from desktop.ui.widgets.field_message import NO_PROBLEM, Check, FieldMessage, Level
from desktop.ui.widgets.page_scroll import page_scroll

if TYPE_CHECKING:
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtPrintSupport import QPrinter

TEXT_HEADING = N_("Dossier")
TEXT_INTRO = N_(
    "A PDF with everything Apple asks for: the device, the purchase, the fault, every contact "
    "and your files as exhibits. Print it for a store visit or attach it to an email."
)
TEXT_FULL = N_("Full, for Apple")
TEXT_REDACTED = N_("Redacted, for sharing")
TEXT_REDACTED_NOTE = N_(
    "Identifiers are shortened to their last characters; the address shows only the city. "
    "Receipts are left out: they may show the order number."
)
TEXT_RECEIPTS = N_("Include the receipts anyway")
TEXT_PAPER = N_("Paper")
TEXT_CREATE = N_("Create dossier")
TEXT_CREATE_AGAIN = N_("Create again")
TEXT_CANCEL = N_("Cancel")
TEXT_PRINT = N_("Print…")
TEXT_SAVE = N_("Save as…")
TEXT_SHOW = N_("Show in folder")
TEXT_WORKING = N_("Creating the dossier…")
TEXT_READY = N_("Ready: {pages} pages. Look it over, then print it or save it.")
TEXT_READY_REDACTED = N_("Redacted copy ready: {pages} pages. Look it over, then save it.")
TEXT_SAVED = N_("Saved as “{name}”.")
TEXT_NOT_SAVED = N_("The dossier could not be saved there: {reason}. Try another folder.")
TEXT_CANCELLED = N_("Stopped. Nothing was saved.")
TEXT_PRINTED = N_("Sent {pages} pages to the printer.")
TEXT_PRINT_FAILED = N_("The printer did not accept the dossier. Check that it is ready.")
TEXT_EMPTY = N_("Create the dossier to see it here before you print or save it.")
TEXT_STALE = N_("The case changed since this dossier was made: create it again to include it.")
TEXT_SAVE_DIALOG = N_("Save the dossier")
TEXT_PDF_FILTER = N_("PDF documents (*.pdf)")
TEXT_PRINT_DIALOG = N_("Print the dossier")
TEXT_PAPER_NAMES = {"A4": N_("A4"), "Letter": N_("US Letter")}


@dataclass
class DossierHandOver:
    """The Dossier tab's choices and finished dossier, from one tab to its replacement."""

    redacted: bool
    receipts: bool
    paper: str
    last_saved: Path | None
    job: DossierJob | None = None
    pdf_path: Path | None = None
    pages: int = 0


class DossierTab(QWidget):
    ready = Signal(str, int)  # the rendered (temporary) PDF, pages
    saved = Signal(str)  # where it was saved
    failed = Signal(str)  # the sentence shown
    running_changed = Signal(bool)

    def __init__(
        self,
        settings: QSettings,
        renditions_dir: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.renditions_dir = renditions_dir
        self.attachments_dir: Path | None = None
        self.case: Case | None = None
        self.today = date.today
        self.job: DossierJob | None = None
        self._shown_job: DossierJob | None = None
        self.pdf_path: Path | None = None
        self.page_count = 0
        self.last_saved: Path | None = None
        self._document: QPdfDocument | None = None
        self._view: QWidget | None = None

        heading = theme.heading(tr(TEXT_HEADING), 1.15)
        intro = theme.muted(QLabel(tr(TEXT_INTRO)))
        intro.setWordWrap(True)

        self.full_radio = QRadioButton(tr(TEXT_FULL))
        self.redacted_radio = QRadioButton(tr(TEXT_REDACTED))
        self.full_radio.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.full_radio)
        group.addButton(self.redacted_radio)
        self.receipts_box = QCheckBox(tr(TEXT_RECEIPTS))
        self.redacted_note = theme.muted(QLabel(tr(TEXT_REDACTED_NOTE)))
        self.redacted_note.setWordWrap(True)
        self.redacted_radio.toggled.connect(self._on_variant)
        self.paper_combo = QComboBox()
        for size in ("A4", "Letter"):
            self.paper_combo.addItem(tr(TEXT_PAPER_NAMES[size]), size)
        self.paper_combo.setCurrentIndex(
            self.paper_combo.findData(preferences.default_paper(settings))
        )
        paper_caption = label_field(QLabel(tr(TEXT_PAPER)), self.paper_combo)

        self.create_button = QPushButton(
            icons.icon("document", theme.colours().on_accent), tr(TEXT_CREATE)
        )
        self.create_button.setObjectName("primary")
        self.create_button.clicked.connect(self.create)
        self.progress = QProgressBar()
        self.cancel_button = QPushButton(tr(TEXT_CANCEL))
        self.cancel_button.clicked.connect(self.cancel)
        self.print_button = QPushButton(icons.icon("printer"), tr(TEXT_PRINT))
        self.print_button.clicked.connect(self.print_dossier)
        self.save_button = QPushButton(icons.icon("save"), tr(TEXT_SAVE))
        self.save_button.clicked.connect(self.save_as)
        self.show_button = QPushButton(icons.icon("folder"), tr(TEXT_SHOW))
        self.show_button.clicked.connect(self.show_saved)
        self.message = FieldMessage()

        self.preview_stack = QStackedWidget()
        self.empty_label = theme.muted(QLabel(tr(TEXT_EMPTY)))
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        empty = QFrame()
        empty.setObjectName("previewEmpty")
        empty_layout = QVBoxLayout(empty)
        empty_layout.addWidget(self.empty_label)
        self.preview_stack.addWidget(empty)

        # Left: what to make and what to do with it; right: the preview, full height.
        self.redacted_note.setContentsMargins(theme.SPACE_XL, 0, 0, 0)
        self.receipts_box.setStyleSheet(f"margin-left: {theme.SPACE_XL - 2}px;")
        paper_row = QHBoxLayout()
        paper_row.setSpacing(theme.SPACE_M)
        paper_row.addWidget(paper_caption)
        paper_row.addWidget(self.paper_combo, 1)
        running_row = QHBoxLayout()
        running_row.setSpacing(theme.SPACE_M)
        running_row.addWidget(self.progress, 1)
        running_row.addWidget(self.cancel_button)
        after_row = QHBoxLayout()
        after_row.setSpacing(theme.SPACE_M)
        after_row.addWidget(self.print_button, 1)
        after_row.addWidget(self.save_button, 1)

        side = QWidget()
        column = QVBoxLayout(side)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(theme.SPACE_M)
        column.addWidget(heading)
        column.addWidget(intro)
        column.addSpacing(theme.SPACE_S)
        column.addWidget(self.full_radio)
        column.addWidget(self.redacted_radio)
        column.addWidget(self.redacted_note)
        column.addWidget(self.receipts_box)
        column.addSpacing(theme.SPACE_S)
        column.addLayout(paper_row)
        column.addSpacing(theme.SPACE_M)
        column.addWidget(self.create_button)
        column.addLayout(running_row)
        column.addWidget(self.message)
        column.addSpacing(theme.SPACE_S)
        column.addLayout(after_row)
        column.addWidget(self.show_button)
        column.addStretch(1)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(theme.SPACE_XL, theme.SPACE_L, theme.SPACE_XL, theme.SPACE_L)
        layout.setSpacing(theme.SPACE_XL)
        # The choices scroll when the window is too short for them (larger text).
        side_scroll = page_scroll(side, sideways=False)
        side_scroll.setMinimumWidth(300)  # wider with larger text, if the window has room
        side_scroll.setMaximumWidth(
            text_px(300) + side_scroll.verticalScrollBar().sizeHint().width()
        )
        layout.addWidget(side_scroll)
        layout.addWidget(self.preview_stack, 1)
        self._on_variant()
        self._show_buttons()

    # -- options ----------------------------------------------------------------------

    def options(self) -> DossierOptions:
        redacted = self.redacted_radio.isChecked()
        return DossierOptions(
            page_size=str(self.paper_combo.currentData()),
            redacted=redacted,
            include_receipts_in_redacted=redacted and self.receipts_box.isChecked(),
            renditions_dir=self.renditions_dir,
            prepared_on=self.today(),
        )

    def set_redacted(self, redacted: bool) -> None:
        (self.redacted_radio if redacted else self.full_radio).setChecked(True)

    def _on_variant(self, *_: object) -> None:
        redacted = self.redacted_radio.isChecked()
        self.receipts_box.setEnabled(redacted)
        self.redacted_note.setEnabled(redacted)

    # -- the case ---------------------------------------------------------------------

    def set_case(self, case: Case | None, attachments_dir: Path | None) -> None:
        if case is not self.case:
            self.cancel()
            self._clear_preview()
            self.message.show_check(NO_PROBLEM)
            self.last_saved = None
        self.case = case
        self.attachments_dir = attachments_dir
        self._show_buttons()

    def case_edited(self) -> None:
        """The case changed: a dossier on screen is now older than the case."""
        if self.pdf_path is not None and not self.is_running():
            self.message.show_check(Check(Level.HINT, tr(TEXT_STALE)))

    def hand_over(self) -> DossierHandOver:
        """What this tab shows, for the tab that replaces it (the window is built again in
        another language): the choices, and the dossier made, whose temporary PDF then
        belongs to the new tab. Not while one is being made (the window waits for it)."""
        assert not self.is_running()
        state = DossierHandOver(
            redacted=self.redacted_radio.isChecked(),
            receipts=self.receipts_box.isChecked(),
            paper=str(self.paper_combo.currentData()),
            last_saved=self.last_saved,
        )
        if self._shown_job is not None and self.pdf_path is not None:
            state.job, state.pdf_path, state.pages = self._shown_job, self.pdf_path, self.page_count
            self._shown_job = None  # clearing this tab must not remove the file
            if self._document is not None:
                self._document.close()
            self.pdf_path = None
        return state

    def take_over(self, state: DossierHandOver) -> None:
        """Show what the tab this one replaces showed (`hand_over`)."""
        self.set_redacted(state.redacted)
        self.receipts_box.setChecked(state.receipts)
        self.paper_combo.setCurrentIndex(max(self.paper_combo.findData(state.paper), 0))
        job, path = state.job, state.pdf_path
        if job is not None and path is not None:
            if self.case is None:  # nowhere to show it: it must not stay on disk
                job.discard()
                return
            self.last_saved = state.last_saved
            job.setParent(self)
            self._shown_job = job
            self.pdf_path = path
            self.page_count = state.pages
            self._show_pdf(path)
            text = TEXT_READY_REDACTED if job.options.redacted else TEXT_READY
            self.message.show_check(Check(Level.OK, tr(text).format(pages=state.pages)))
        elif self.case is not None:
            self.last_saved = state.last_saved
        self._show_buttons()

    # -- creating ---------------------------------------------------------------------

    def is_running(self) -> bool:
        return self.job is not None and self.job.is_running()

    @Slot()
    def create(self) -> None:
        if self.case is None or self.is_running():
            return
        job = DossierJob(self.case, self.attachments_dir, self, self.options())
        job.progressed.connect(self._on_progress)
        job.finished.connect(self._on_rendered)
        job.failed.connect(self._on_failed)
        job.cancelled.connect(self._on_cancelled)
        self.job = job
        self.progress.setRange(0, 0)  # busy until the first step arrives
        self.message.show_check(Check(Level.HINT, tr(TEXT_WORKING)))
        job.start()
        self._show_buttons()
        emit(self.running_changed, True)

    @Slot()
    def cancel(self) -> None:
        if self.job is not None and self.job.is_running():
            self.job.cancel()

    def shutdown(self) -> None:
        """The window closes: stop a render and leave no temporary PDF behind."""
        if self.job is not None and self.job.is_running():
            self.job.cancel()
            self.job.wait()
            self.job.discard()
        self._clear_preview()

    @Slot(int, int)
    def _on_progress(self, step: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(step)

    @Slot(str, int)
    def _on_rendered(self, path: str, pages: int) -> None:
        job = self.job
        self._clear_preview()
        self._shown_job = job
        self.pdf_path = Path(path)
        self.page_count = pages
        self._show_pdf(self.pdf_path)
        redacted = job is not None and job.options.redacted
        text = TEXT_READY_REDACTED if redacted else TEXT_READY
        self.message.show_check(Check(Level.OK, tr(text).format(pages=pages)))
        self._show_buttons()
        emit(self.running_changed, False)
        emit(self.ready, path, pages)

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self.message.show_check(Check(Level.ERROR, message))
        self._show_buttons()
        emit(self.running_changed, False)
        emit(self.failed, message)

    @Slot()
    def _on_cancelled(self) -> None:
        self.message.show_check(Check(Level.HINT, tr(TEXT_CANCELLED)))
        self._show_buttons()
        emit(self.running_changed, False)

    # -- the preview ------------------------------------------------------------------

    def _show_pdf(self, path: Path) -> None:
        """One QPdfDocument and one QPdfView for the tab's life: each new dossier is
        loaded into the same document (QtPdf is imported only now, not at start-up)."""
        from PySide6.QtPdf import QPdfDocument
        from PySide6.QtPdfWidgets import QPdfView

        if self._view is None or self._document is None:
            document = QPdfDocument(self)
            view = QPdfView(self)
            view.setObjectName("dossierPreview")
            view.setPageMode(QPdfView.PageMode.MultiPage)
            view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
            view.setPageSpacing(theme.SPACE_L)
            view.setDocumentMargins(_margins(theme.SPACE_L))
            view.setDocument(document)
            self._document, self._view = document, view
            self.preview_stack.addWidget(view)
        self._document.load(str(path))
        self.preview_stack.setCurrentWidget(self._view)

    @property
    def document(self) -> QPdfDocument | None:
        return self._document if self.pdf_path is not None else None

    def _clear_preview(self) -> None:
        if self._document is not None:
            self._document.close()  # lets go of the file before it is removed
        if self._shown_job is not None:
            self._shown_job.discard()
            self._shown_job = None
        self.pdf_path = None
        self.page_count = 0
        self.preview_stack.setCurrentIndex(0)
        self._show_buttons()

    # -- print, save, show --------------------------------------------------------------

    @Slot()
    def print_dossier(self) -> None:
        if self.document is None:
            return
        printer = self.ask_printer()
        if printer is None:
            return
        self.print_to(printer)

    def ask_printer(self) -> QPrinter | None:
        """The system print dialog (replaced in tests)."""
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(tr(TEXT_PRINT_DIALOG))
        dialog.setMinMax(1, max(self.page_count, 1))
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return None
        return printer

    def print_to(self, printer: QPrinter) -> int:
        from PySide6.QtGui import QGuiApplication

        from desktop.ui.dossier_printing import print_document

        if self.document is None:
            return 0
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            pages = print_document(self._document, printer)  # type: ignore[arg-type]
        finally:
            QGuiApplication.restoreOverrideCursor()
        if pages:
            self.message.show_check(Check(Level.OK, tr(TEXT_PRINTED).format(pages=pages)))
        else:
            self.message.show_check(Check(Level.ERROR, tr(TEXT_PRINT_FAILED)))
        return pages

    def default_name(self) -> str:
        assert self.case is not None
        redacted = self._shown_job is not None and self._shown_job.options.redacted
        return default_dossier_name(self.case, self.today(), redacted=redacted)

    @Slot()
    def save_as(self) -> Path | None:
        if self.pdf_path is None or self.case is None:
            return None
        target = self.ask_save_path(self.default_name())
        if target is None:
            return None
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(self.pdf_path, target)
        except OSError as exc:
            message = tr(TEXT_NOT_SAVED).format(reason=exc.strerror or type(exc).__name__)
            self.message.show_check(Check(Level.ERROR, message))
            emit(self.failed, message)
            return None
        preferences.remember_dossier_folder(self.settings, target.parent)
        self.last_saved = target
        self.message.show_check(Check(Level.OK, tr(TEXT_SAVED).format(name=target.name)))
        self._show_buttons()
        emit(self.saved, str(target))
        return target

    def ask_save_path(self, default_name: str) -> Path | None:
        """The system's Save dialog (replaced in tests)."""
        from PySide6.QtWidgets import QFileDialog

        start = preferences.dossier_folder(self.settings) / default_name
        name, _ = QFileDialog.getSaveFileName(
            self, tr(TEXT_SAVE_DIALOG), str(start), tr(TEXT_PDF_FILTER)
        )
        if not name:
            return None
        path = Path(name)
        return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")

    @Slot()
    def show_saved(self) -> None:
        if self.last_saved is not None:
            self.show_in_folder(self.last_saved)

    def show_in_folder(self, path: Path) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))

    # -- buttons ----------------------------------------------------------------------

    def _show_buttons(self) -> None:
        running = self.is_running()
        has_pdf = self.pdf_path is not None
        self.create_button.setEnabled(self.case is not None and not running)
        self.create_button.setText(tr(TEXT_CREATE_AGAIN if has_pdf else TEXT_CREATE))
        self.progress.setVisible(running)
        self.cancel_button.setVisible(running)
        self.print_button.setEnabled(has_pdf and not running)
        self.save_button.setEnabled(has_pdf and not running)
        self.show_button.setVisible(self.last_saved is not None)


def _margins(size: int) -> object:
    from PySide6.QtCore import QMargins

    return QMargins(size, size, size, size)
