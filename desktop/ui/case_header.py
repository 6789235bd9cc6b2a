"""The strip above the case's tabs: device icon, title, "device · kind · status", and the
actions for the whole case (Create dossier, Log a call, Edit in wizard, Close / Reopen)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.model import Case, CaseStatus
from desktop.ui import choices, icons, theme
from desktop.ui.case_status import case_status_text
from desktop.ui.i18n import N_, tr
from desktop.ui.widgets.flow_layout import FlowLayout

TEXT_EDIT = N_("Edit in wizard")
TEXT_CONTINUE = N_("Continue the wizard")
TEXT_DOSSIER = N_("Create dossier")
TEXT_LOG_CALL = N_("Log a call")
TEXT_CLOSE_CASE = N_("Close case…")
TEXT_REOPEN = N_("Reopen")
TEXT_DRAFT_NOTE = N_("This case is a draft: the wizard was not finished.")
TEXT_UNTITLED = N_("Untitled case")


class CaseHeader(QWidget):
    dossier_requested = Signal()
    log_call_requested = Signal()
    edit_requested = Signal()
    close_requested = Signal()
    reopen_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.icon = QLabel()
        self.title_label = theme.heading("", 1.5)
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)
        self.subtitle_label = theme.muted(QLabel())
        self.subtitle_label.setTextFormat(Qt.TextFormat.PlainText)
        self.subtitle_label.setWordWrap(True)

        self.dossier_button = QPushButton(
            icons.icon("document", theme.colours().on_accent), tr(TEXT_DOSSIER)
        )
        self.dossier_button.setObjectName("primary")
        self.dossier_button.clicked.connect(self.dossier_requested)
        self.log_call_button = QPushButton(icons.icon("phone_call"), tr(TEXT_LOG_CALL))
        self.log_call_button.setObjectName("secondary")
        self.log_call_button.clicked.connect(self.log_call_requested)
        self.edit_button = QPushButton(icons.icon("edit"), tr(TEXT_EDIT))
        self.edit_button.setObjectName("secondary")
        self.edit_button.clicked.connect(self.edit_requested)
        self.close_button = QPushButton(icons.icon("archive"), tr(TEXT_CLOSE_CASE))
        self.close_button.setObjectName("secondary")
        self.close_button.clicked.connect(self.close_requested)
        self.reopen_button = QPushButton(icons.icon("reopen"), tr(TEXT_REOPEN))
        self.reopen_button.setObjectName("secondary")
        self.reopen_button.clicked.connect(self.reopen_requested)

        self.draft_note = QFrame()
        self.draft_note.setObjectName("helpBox")
        note_row = QHBoxLayout(self.draft_note)
        note_row.setContentsMargins(
            theme.SPACE_M + 4, theme.SPACE_S + 2, theme.SPACE_M + 4, theme.SPACE_S + 2
        )
        badge = QLabel()
        badge.setPixmap(icons.pixmap("info", 16, theme.colours().accent))
        note_row.addWidget(badge)
        draft_text = QLabel(tr(TEXT_DRAFT_NOTE))
        draft_text.setWordWrap(True)
        note_row.addWidget(draft_text, 1)

        # The buttons wrap to a second line when they do not fit (larger text, longer words).
        actions_row = QWidget()
        actions = FlowLayout(actions_row, spacing=theme.SPACE_M)
        for button in (
            self.dossier_button,
            self.log_call_button,
            self.edit_button,
            self.close_button,
            self.reopen_button,
        ):
            actions.addWidget(button)

        texts = QVBoxLayout()
        texts.setSpacing(2)
        texts.addWidget(self.title_label)
        texts.addWidget(self.subtitle_label)
        texts.addSpacing(theme.SPACE_M + 2)
        texts.addWidget(actions_row)
        texts.addWidget(self.draft_note)
        row = QHBoxLayout(self)
        row.setContentsMargins(theme.SPACE_XL, theme.SPACE_L + 4, theme.SPACE_XL, theme.SPACE_S)
        row.setSpacing(theme.SPACE_L)
        row.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(texts, 1)

    def show_case(self, case: Case, today: date) -> None:
        self.icon.setPixmap(icons.device_icon(case.device.kind).pixmap(40, 40))
        self.title_label.setText(case.title or tr(TEXT_UNTITLED))
        device = choices.device_name(case.device.kind, case.device.model_name)
        kind = tr(choices.CASE_TYPE_LABELS[case.case_type])
        status = case_status_text(case, today)
        self.subtitle_label.setText(f"{device}  ·  {kind}  ·  {status}")
        draft = case.status is CaseStatus.DRAFT
        closed = case.status is CaseStatus.CLOSED
        self.edit_button.setText(tr(TEXT_CONTINUE if draft else TEXT_EDIT))
        self.draft_note.setVisible(draft)
        self.close_button.setVisible(not closed and not draft)
        self.reopen_button.setVisible(closed)
        self.log_call_button.setVisible(not draft)
