"""The case wizard: one topic a page, page order decided by desktop.wizard_flow.

The wizard edits one Case object. Finish marks it OPEN and saves it; closing
the window mid-way saves what is there (a new case stays a DRAFT that the case
list can resume); Cancel asks before throwing anything away.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QCloseEvent, QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget, QWizard

from desktop.casebook import CaseBook
from desktop.codec import case_to_dict
from desktop.model import Case, CaseStatus
from desktop.store import StoreError
from desktop.ui import dialogs, icons
from desktop.ui.i18n import N_, current_language, tr
from desktop.ui.signals import emit
from desktop.ui.widgets.accessible import assign_mnemonics
from desktop.ui.wizard.apple_id_page import AppleIdPage
from desktop.ui.wizard.case_type_page import CaseTypePage
from desktop.ui.wizard.charges_page import ChargesPage
from desktop.ui.wizard.coverage_page import CoveragePage
from desktop.ui.wizard.device_page import DevicePage
from desktop.ui.wizard.identifiers_page import IdentifiersPage
from desktop.ui.wizard.owner_page import OwnerPage
from desktop.ui.wizard.page import StepPage
from desktop.ui.wizard.receipt_page import ReceiptPage
from desktop.ui.wizard.repairs_page import RepairsPage
from desktop.ui.wizard.review_page import ReviewPage
from desktop.ui.wizard.step_checklist import StepChecklist
from desktop.ui.wizard.symptoms_page import SymptomsPage
from desktop.vault import VaultError
from desktop.wizard_flow import ALL_STEPS, Step, next_step, steps_for

TEXT_NEW_TITLE = N_("New case")
TEXT_EDIT_TITLE = N_("Edit case: {title}")
TEXT_NEXT = N_("Next")
TEXT_BACK = N_("Back")
TEXT_FINISH = N_("Save case")
TEXT_CANCEL = N_("Cancel")
TEXT_ASK_TITLE = N_("Discard this case?")
TEXT_ASK_NEW = N_("You have started a new case. Keep it as a draft to finish later?")
TEXT_ASK_EDIT = N_("You have changed this case. Save the changes?")
TEXT_DISCARD = N_("Discard")
TEXT_KEEP_DRAFT = N_("Keep as draft")
TEXT_SAVE_CHANGES = N_("Save changes")
TEXT_CONTINUE = N_("Continue editing")
TEXT_SAVE_FAILED_TITLE = N_("The case could not be saved")

PAGE_CLASSES: dict[Step, type[StepPage]] = {
    Step.CASE_TYPE: CaseTypePage,
    Step.DEVICE: DevicePage,
    Step.IDENTIFIERS: IdentifiersPage,
    Step.APPLE_ID: AppleIdPage,
    Step.CHARGES: ChargesPage,
    Step.OWNER: OwnerPage,
    Step.RECEIPT: ReceiptPage,
    Step.COVERAGE: CoveragePage,
    Step.SYMPTOMS: SymptomsPage,
    Step.REPAIRS: RepairsPage,
    Step.REVIEW: ReviewPage,
}


def page_id(step: Step) -> int:
    return ALL_STEPS.index(step)


def step_of(page_id: int) -> Step | None:
    return ALL_STEPS[page_id] if 0 <= page_id < len(ALL_STEPS) else None


class CaseWizard(QWizard):
    case_saved = Signal(str)  # the case id, after every successful save (draft or finished)

    def __init__(
        self, casebook: CaseBook, case: Case | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.casebook = casebook
        self.case = case if case is not None else Case()
        # The language of the core's texts on the review page: the UI's.
        self.language = current_language()
        self._closing = False
        self._finished = False
        self.setObjectName("caseWizard")
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)  # the side panel shows everywhere
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.NoDefaultButton, False)
        self.setWindowIcon(icons.app_icon())
        for button, text in (
            (QWizard.WizardButton.NextButton, TEXT_NEXT),
            (QWizard.WizardButton.BackButton, TEXT_BACK),
            (QWizard.WizardButton.FinishButton, TEXT_FINISH),
            (QWizard.WizardButton.CancelButton, TEXT_CANCEL),
        ):
            self.setButtonText(button, tr(text))
        self.pages: dict[Step, StepPage] = {}
        for step in ALL_STEPS:
            page = PAGE_CLASSES[step]()
            self.setPage(page_id(step), page)
            self.pages[step] = page
            page.load(self.case)
            page.edited.connect(self._on_edited)
        self.setStartId(page_id(ALL_STEPS[0]))

        self.checklist = StepChecklist()
        self.checklist.step_clicked.connect(self.go_back_to)
        self.setSideWidget(self.checklist)
        self.currentIdChanged.connect(self._on_page_changed)

        self.apply_all()
        self._saved_fingerprint = self._fingerprint()
        self._update_title()
        self.resize(1000, 720)
        # Enter is Next, except in a box of several lines: Ctrl+Enter is Next from anywhere.
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.next_or_finish)

    # -- navigation ---------------------------------------------------------------

    def nextId(self) -> int:
        step = step_of(self.currentId())
        if step is None:
            return -1
        self.pages[step].apply(self.case)
        following = next_step(step, self.case)
        return page_id(following) if following is not None else -1

    def next_or_finish(self) -> None:
        for which in (QWizard.WizardButton.NextButton, QWizard.WizardButton.FinishButton):
            button = self.button(which)
            if button.isVisible() and button.isEnabled():
                button.click()
                return

    def current_step(self) -> Step | None:
        return step_of(self.currentId())

    def current_page(self) -> StepPage:
        step = self.current_step()
        assert step is not None
        return self.pages[step]

    def go_back_to(self, step: Step) -> None:
        """Go back to an earlier step (checklist click, review's "Go to"); never forward."""
        if page_id(step) not in self.visitedIds():
            return
        while self.current_step() is not step and self.currentId() != self.startId():
            self.back()

    def _on_page_changed(self, _page_id: int) -> None:
        self.apply_all()
        self._update_checklist()
        # A page that builds its content on entry (Review) shows it only once the event
        # loop runs, after QWizard looked for a widget to focus: check again then.
        QTimer.singleShot(0, self, self._after_page_shown)

    def _after_page_shown(self) -> None:
        page = self.currentPage()
        if page is not None:
            assign_mnemonics(page)  # captions reset on entry (serial's) get theirs again
        self._keep_focus_on_page()

    def _keep_focus_on_page(self) -> None:
        """Keyboard and screen-reader users must never be left with the focus nowhere."""
        focused = QApplication.focusWidget()
        if focused is not None and self.isAncestorOf(focused) and focused.isVisible():
            return
        page = self.currentPage()
        if page is None:
            return
        widget = page.nextInFocusChain()
        while widget is not None and widget is not page:
            if (
                page.isAncestorOf(widget)
                and widget.isVisible()
                and widget.isEnabled()
                and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            ):
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
                return
            widget = widget.nextInFocusChain()
        for which in (QWizard.WizardButton.FinishButton, QWizard.WizardButton.NextButton):
            button = self.button(which)
            if button.isVisible() and button.isEnabled():
                button.setFocus(Qt.FocusReason.OtherFocusReason)
                return

    def _on_edited(self) -> None:
        # The answers so far can change which steps the case needs (see wizard_flow).
        self.apply_all()
        self._update_checklist()

    def _update_checklist(self) -> None:
        current = self.current_step()
        if current is None:
            return
        steps = steps_for(self.case)
        before = steps[: steps.index(current)] if current in steps else []
        done = {step for step in before if self.pages[step].isComplete()}
        self.checklist.show_steps(steps, current, done)

    # -- the case -------------------------------------------------------------------

    def apply_all(self) -> None:
        """Write every page into the case, in step order (later pages read earlier answers)."""
        for step in ALL_STEPS:
            self.pages[step].apply(self.case)

    def _fingerprint(self) -> str:
        data = case_to_dict(self.case, include_secrets=True)
        data.pop("updated_at", None)
        return json.dumps(data, sort_keys=True, default=str)

    def is_dirty(self) -> bool:
        self.apply_all()
        return self._fingerprint() != self._saved_fingerprint

    def save_progress(self) -> bool:
        """Save what is there without finishing (a new case stays a draft)."""
        self.apply_all()
        return self._save()

    def _save(self) -> bool:
        try:
            self.casebook.save(self.case)
        except (VaultError, StoreError, OSError) as exc:
            dialogs.tell(self, tr(TEXT_SAVE_FAILED_TITLE), str(exc), warning=True)
            return False
        self._saved_fingerprint = self._fingerprint()
        self._update_title()
        emit(self.case_saved, self.case.id)
        return True

    def _update_title(self) -> None:
        if self.case.status is CaseStatus.DRAFT and not self.case.title:
            self.setWindowTitle(tr(TEXT_NEW_TITLE))
        else:
            self.setWindowTitle(tr(TEXT_EDIT_TITLE).format(title=self.case.title))

    # -- ending ---------------------------------------------------------------------

    def accept(self) -> None:
        self.apply_all()
        previous = self.case.status
        if previous is CaseStatus.DRAFT:
            self.case.status = CaseStatus.OPEN
        if not self._save():
            self.case.status = previous
            return
        self._finished = True
        super().accept()

    def reject(self) -> None:
        """Cancel or Escape: ask before discarding anything typed."""
        if self._closing or self._finished or not self.is_dirty():
            super().reject()
            return
        is_new = self.case.status is CaseStatus.DRAFT
        Button = dialogs.Button
        answer = dialogs.ask(
            self,
            tr(TEXT_ASK_TITLE),
            tr(TEXT_ASK_NEW if is_new else TEXT_ASK_EDIT),
            {
                Button.Discard: tr(TEXT_DISCARD),
                Button.Save: tr(TEXT_KEEP_DRAFT if is_new else TEXT_SAVE_CHANGES),
                Button.Cancel: tr(TEXT_CONTINUE),
            },
            default=Button.Cancel,
        )
        if answer == Button.Discard or (answer == Button.Save and self.save_progress()):
            self._finished = True
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closing the window mid-way keeps the work: a draft for a new case."""
        if not self._finished and self.is_dirty() and not self.save_progress():
            event.ignore()
            return
        self._closing = True  # QDialog.closeEvent calls reject(): do not ask again
        super().closeEvent(event)
        self._closing = False
        self._finished = True

    # -- the outside world (overridden in tests) --------------------------------------

    def today(self) -> date:
        """ "Today" for the coverage shown on the review page."""
        return date.today()

    def open_url(self, url: QUrl) -> bool:
        return QDesktopServices.openUrl(url)

    def ask_files(self, title: str, name_filter: str) -> list[Path]:
        start = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.PicturesLocation)
        names, _ = QFileDialog.getOpenFileNames(self, title, start, name_filter)
        return [Path(name) for name in names]
