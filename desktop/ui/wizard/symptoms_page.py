"""Step 7: what is wrong, since when, how often, what was tried, and pictures of it."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget

from desktop.model import AttachmentRole, Case
from desktop.ui import choices
from desktop.ui.i18n import N_, tr
from desktop.ui.text_metrics import text_px
from desktop.ui.widgets.optional_date import OptionalDateEdit
from desktop.ui.wizard.attachment_list import AttachmentList
from desktop.ui.wizard.page import StepPage
from desktop.wizard_flow import Step, wants_photos

TEXT_TITLE = N_("What is wrong?")
TEXT_WHY = N_(
    "A clear description, with when it started and what you tried, "
    "saves repeating it on every call."
)
TEXT_DESCRIPTION = N_("Description")
TEXT_DESCRIPTION_PLACEHOLDER = N_(
    "What happens, what you were doing, what you expected. Plain sentences are best."
)
TEXT_DESCRIPTION_HINT = N_("Needed to continue: a few sentences on what happens.")
TEXT_DESCRIPTION_ERROR = N_(
    "Please describe the problem in a few words, for example “The screen goes black”."
)
TEXT_FIRST_NOTICED = N_("First noticed")
TEXT_FREQUENCY = N_("How often")
TEXT_FREQUENCY_PLACEHOLDER = N_("Choose or type…")
TEXT_TRIED = N_("What you tried")
TEXT_TRIED_PLACEHOLDER = N_("Restarted, updated, reset settings, another cable…")
TEXT_ERRORS = N_("Error messages")
TEXT_ERRORS_PLACEHOLDER = N_("Exactly as shown on screen, if there were any")
TEXT_PHOTOS = N_("Photos")
TEXT_ADD = N_("Add photo or screenshot…")
TEXT_DIALOG = N_("Choose photos or screenshots")
TEXT_FILTER = N_("Images (*.png *.jpg *.jpeg *.heic *.webp *.gif);;Videos and other files (*)")


def _text_box(lines: int, placeholder: str) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setPlaceholderText(placeholder)
    box.setFixedHeight(box.fontMetrics().lineSpacing() * lines + 14)
    return box


class SymptomsPage(StepPage):
    step = Step.SYMPTOMS
    TITLE = TEXT_TITLE
    WHY = TEXT_WHY

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.description_edit = _text_box(4, tr(TEXT_DESCRIPTION_PLACEHOLDER))
        self.first_noticed_edit = OptionalDateEdit()
        self.frequency_combo = QComboBox()
        self.frequency_combo.setEditable(True)
        self.frequency_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.frequency_combo.addItems([tr(text) for text in choices.FREQUENCIES])
        self.frequency_combo.setCurrentText("")
        self.frequency_combo.lineEdit().setPlaceholderText(tr(TEXT_FREQUENCY_PLACEHOLDER))
        self.frequency_combo.setMaximumWidth(text_px(300))
        self.tried_edit = _text_box(2, tr(TEXT_TRIED_PLACEHOLDER))
        self.errors_edit = QLineEdit()
        self.errors_edit.setPlaceholderText(tr(TEXT_ERRORS_PLACEHOLDER))
        self.photos = AttachmentList(
            AttachmentRole.PHOTO, tr(TEXT_ADD), tr(TEXT_DIALOG), tr(TEXT_FILTER)
        )

        form = self.make_form()
        self.description_message = self.add_field(
            form,
            tr(TEXT_DESCRIPTION),
            self.description_edit,
            check=self.require(
                "description",
                self.description_edit.toPlainText,
                TEXT_DESCRIPTION_HINT,
                TEXT_DESCRIPTION_ERROR,
            ),
        )
        self.add_field(form, tr(TEXT_FIRST_NOTICED), self.first_noticed_edit)
        self.add_field(form, tr(TEXT_FREQUENCY), self.frequency_combo)
        self.add_field(form, tr(TEXT_TRIED), self.tried_edit)
        self.add_field(form, tr(TEXT_ERRORS), self.errors_edit)
        self.add_field(form, tr(TEXT_PHOTOS), self.photos)
        self.form = form
        self.body.addLayout(form)
        self.body.addStretch(1)

        self.watch(self.description_edit.textChanged, "description")
        self.watch(self.first_noticed_edit.changed, "first_noticed")
        self.watch(self.frequency_combo.editTextChanged, "frequency")
        self.watch(self.tried_edit.textChanged, "tried")
        self.watch(self.errors_edit.textEdited, "error_messages")
        self.watch(self.photos.changed, "photos")

    def enter(self, case: Case) -> None:
        # An account or billing case has no fault to photograph (files already added stay).
        self.form.setRowVisible(
            self.photos.parentWidget(), wants_photos(case) or bool(case.symptoms.photos)
        )

    def load(self, case: Case) -> None:
        symptoms = case.symptoms
        with self.loading():
            self.description_edit.setPlainText(symptoms.description)
            self.first_noticed_edit.set_value(symptoms.first_noticed)
            self.frequency_combo.setCurrentText(symptoms.frequency)
            self.tried_edit.setPlainText(symptoms.tried)
            self.errors_edit.setText(symptoms.error_messages)
        wizard = self.case_wizard
        # Looked up at each click, so a replaced ask_files (tests) is the one used.
        self.photos.bind(case, wizard.casebook.add_attachment, lambda *a: wizard.ask_files(*a))
        self.enter(case)

    def apply(self, case: Case) -> None:
        symptoms = case.symptoms
        symptoms.description = self.description_edit.toPlainText().strip()
        symptoms.first_noticed = self.first_noticed_edit.value()
        symptoms.frequency = self.frequency_combo.currentText().strip()
        symptoms.tried = self.tried_edit.toPlainText().strip()
        symptoms.error_messages = self.errors_edit.text().strip()
