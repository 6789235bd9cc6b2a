"""The right side of the window for the selected case: its header, then the tabs
Overview, Timeline, Details, Evidence and Dossier, all showing one CaseSession."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Signal, Slot
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from desktop.ui import i18n, icons
from desktop.ui.case_header import CaseHeader
from desktop.ui.case_session import CaseSession
from desktop.ui.coach import CoachCard
from desktop.ui.details_tab import DetailsTab
from desktop.ui.dossier_tab import DossierTab
from desktop.ui.evidence_tab import EvidenceTab
from desktop.ui.i18n import N_, tr
from desktop.ui.overview_tab import OverviewTab
from desktop.ui.timeline import TimelineEditor
from desktop.ui.widgets.accessible import mnemonics_when_shown

if TYPE_CHECKING:
    from desktop.casebook import CaseBook
    from desktop.vault import VaultState

TEXT_OVERVIEW = N_("Overview")
TEXT_TIMELINE = N_("Timeline")
TEXT_DETAILS = N_("Details")
TEXT_EVIDENCE = N_("Evidence")
TEXT_DOSSIER = N_("Dossier")


class CaseWorkspace(QWidget):
    copied = Signal(str)
    timeline_saved = Signal()  # the timeline editor saved the case itself

    def __init__(
        self,
        casebook: CaseBook,
        settings: QSettings,
        renditions_dir: Path | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session: CaseSession | None = None
        self.today = date.today
        self.vault_state: VaultState | None = None
        # The language of the core's words (advice, rule titles): the UI's language.
        self.language = i18n.current_language()  # the one installed, the system's if not chosen
        self.header = CaseHeader()
        self.coach = CoachCard()
        self.coach.language = self.language
        self.overview = OverviewTab(self.coach)
        self.overview.copied.connect(self.copied)
        self._idle_stack = _placeholder_stack(self)
        self.timeline = TimelineEditor(casebook, self._idle_stack)
        self.timeline.language = self.language
        self.timeline.case_changed.connect(self._on_timeline_saved)
        self.details = DetailsTab()
        self.evidence = EvidenceTab()
        self.dossier = DossierTab(settings, renditions_dir)
        self.dossier.today = lambda: self.today()

        self.tabs = QTabWidget()
        self.tabs.setObjectName("caseTabs")
        self.tabs.setDocumentMode(True)
        for widget, icon, text in (
            (self.overview, "shield", TEXT_OVERVIEW),
            (self.timeline, "list", TEXT_TIMELINE),
            (self.details, "edit", TEXT_DETAILS),
            (self.evidence, "image", TEXT_EVIDENCE),
            (self.dossier, "document", TEXT_DOSSIER),
        ):
            self.tabs.addTab(widget, icons.icon(icon), tr(text))
            widget.setAccessibleName(tr(text))  # a tab that takes the focus says which it is
            # Alt+letter on its buttons and captions when first shown, around the window's.
            mnemonics_when_shown(widget)
        mnemonics_when_shown(self.header)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.tabs, 1)

    def set_session(self, session: CaseSession | None, vault_state: VaultState | None) -> None:
        if self.session is not None and self.session is not session:
            self.details.flush()
            self.session.changed.disconnect(self.refresh)
        previous = self.session
        self.session = session
        self.vault_state = vault_state
        if session is not None and session is not previous:
            session.changed.connect(self.refresh)
        if session is not previous and hasattr(self.timeline, "set_undo_stack"):
            # With no case, the editor holds a stack that lives as long as this widget:
            # a session's stack goes when its case is forgotten or deleted.
            stack = session.undo_stack if session is not None else self._idle_stack
            self.timeline.set_undo_stack(stack)
        case = session.case if session is not None else None
        self.timeline.set_case(case)
        self.details.set_session(session)
        self.evidence.set_session(session)
        self.dossier.set_case(case, session.casebook.attachments_dir if session else None)
        self.refresh()

    @Slot()
    def refresh(self) -> None:
        session = self.session
        if session is None:
            return
        today = self.today()
        self.header.show_case(session.case, today)
        self.overview.show_case(session.case, self.vault_state, today, self.language)
        self.details.refresh()
        self.evidence.refresh()
        self.dossier.case_edited()

    def show_tab(self, widget: QWidget) -> None:
        self.tabs.setCurrentWidget(widget)

    @Slot()
    def _on_timeline_saved(self) -> None:
        if self.session is not None:
            self.session.notify_saved_elsewhere()


def _placeholder_stack(parent: QWidget) -> QUndoStack:
    """The editor's stack until a case is open (each case then brings its own)."""
    return QUndoStack(parent)
