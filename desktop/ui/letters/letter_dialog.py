"""A letter to Customer Relations or the executive team, drafted from the case.

The draft is editable (subject and body). The app sends nothing itself:
"Copy" puts the letter on the clipboard, "Open in mail app" hands a mailto
link to the system (when the letter is too long for a link, the link carries
the start and the full text goes to the clipboard, and the dialog says so),
and "Show dossier to attach" reveals the PDF in the file manager.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from PySide6.QtCore import QProcess, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.letters import Letter, customer_relations_letter, executive_letter, mailto_url
from desktop.model import Case, CaseType
from desktop.ui import dialogs, icons, theme
from desktop.ui.i18n import N_, tr
from desktop.ui.widgets.accessible import label_field, mnemonics_when_shown
from desktop.ui.widgets.field_message import NO_PROBLEM, Check, FieldMessage, Level

KINDS = ("executive", "customer_relations")
TEXT_TITLE = {
    "executive": N_("Letter to Apple's executive team"),
    "customer_relations": N_("Letter to Customer Relations"),
}
TEXT_INTRO = N_(
    "A draft from your case: facts, dates and case numbers, what you ask for, and your rights. "
    "Make it yours: change anything. Polite and specific works best. The app sends nothing itself."
)
TEXT_ASK = N_("What you ask for")
TEXT_ASK_NOTE = N_("Choosing another request rewrites the draft below.")
TEXT_TO = N_("To")
TEXT_TO_PLACEHOLDER = N_("The address Apple gave you, or leave empty and fill it in your mail app")
TEXT_SUBJECT = N_("Subject")
TEXT_BODY = N_("Letter")
TEXT_COPY = N_("Copy to clipboard")
TEXT_MAIL = N_("Open in mail app")
TEXT_DOSSIER = N_("Show dossier to attach")
TEXT_CLOSE = N_("Close")
TEXT_COPIED = N_("The subject and the letter are on the clipboard: paste them into your email.")
TEXT_OPENED = N_("Your mail app should now show the letter. Attach the dossier before sending.")
TEXT_SHORTENED = N_(
    "The letter is too long for a mail link, so the mail app gets the beginning. The whole "
    "letter is on the clipboard: select the text in the email and paste it over."
)
TEXT_NO_MAIL_APP = N_(
    "No mail app answered. The letter is on the clipboard: paste it into your email."
)
TEXT_NO_DOSSIER = N_("Create the dossier first (Create dossier…), then attach it to the email.")
TEXT_DOSSIER_GONE = N_("The dossier “{name}” is no longer there. Create it again.")
TEXT_REWRITE_TITLE = N_("Rewrite the draft?")
TEXT_REWRITE_QUESTION = N_("You have changed the letter. A new draft replaces your changes.")
TEXT_REWRITE = N_("Rewrite")
TEXT_KEEP = N_("Keep my text")

# What people ask for, in words that fit "I am asking for …". "" is the draft's own default.
ASKS: list[str] = [
    "",
    N_("a free repair under Apple's warranty or my legal guarantee"),
    N_("a CS code that covers the repair"),
    N_("the parts at no charge, even if I pay the labour"),
    N_("a replacement device"),
]
ACCOUNT_ASKS: list[str] = [
    N_("a refund of the charges I did not make"),
    N_("access to my Apple Account restored"),
]
TEXT_DEFAULT_ASK = N_("A free repair (the draft's wording)")


class LetterDialog(QDialog):
    def __init__(
        self,
        case: Case,
        kind: str,
        dossier_path: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        if kind not in KINDS:
            raise ValueError(f"kind must be one of {KINDS}, not {kind!r}")
        self.case = case
        self.kind = kind
        self.dossier_path = dossier_path
        self.today = date.today()
        self._drafted: Letter | None = None
        self.setWindowTitle(tr(TEXT_TITLE[kind]))
        self.setObjectName("letterDialog")

        title = theme.heading(tr(TEXT_TITLE[kind]), 1.4)
        intro = theme.muted(QLabel(tr(TEXT_INTRO)))
        intro.setWordWrap(True)

        self.ask_combo = QComboBox()
        self.ask_combo.setEditable(True)
        self.ask_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        asks = ASKS + (ACCOUNT_ASKS if case.case_type is CaseType.ACCOUNT else [])
        for ask in asks:
            self.ask_combo.addItem(tr(ask) if ask else tr(TEXT_DEFAULT_ASK), ask)
        self.ask_combo.setMinimumWidth(420)
        self.ask_combo.activated.connect(lambda *_: self.redraft())
        self.ask_combo.lineEdit().editingFinished.connect(self._typed_ask)
        ask_note = theme.muted(QLabel(tr(TEXT_ASK_NOTE)))
        self.to_edit = QLineEdit()
        self.to_edit.setPlaceholderText(tr(TEXT_TO_PLACEHOLDER))
        self.subject_edit = QLineEdit()
        self.subject_edit.setMaxLength(500)
        self.body_edit = QPlainTextEdit()
        self.body_edit.setTabChangesFocus(True)
        self.body_edit.setMinimumHeight(280)

        form = QFormLayout()
        form.setHorizontalSpacing(theme.SPACE_L)
        form.setVerticalSpacing(theme.SPACE_M + 2)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        ask_box = QWidget()
        ask_column = QVBoxLayout(ask_box)
        ask_column.setContentsMargins(0, 0, 0, 0)
        ask_column.setSpacing(3)
        ask_row = QHBoxLayout()
        ask_row.addWidget(self.ask_combo)
        ask_row.addStretch(1)
        ask_column.addLayout(ask_row)
        ask_column.addWidget(ask_note)
        for label, field in (
            (TEXT_ASK, ask_box),
            (TEXT_TO, self.to_edit),
            (TEXT_SUBJECT, self.subject_edit),
        ):
            caption = theme.muted(QLabel(tr(label)))
            caption.setContentsMargins(0, 5, 0, 0)
            if field is ask_box:
                label_field(caption, self.ask_combo, ask_note.text())
            else:
                label_field(caption, field)
            form.addRow(caption, field)

        self.copy_button = QPushButton(icons.icon("copy"), tr(TEXT_COPY))
        self.copy_button.setObjectName("secondary")
        self.copy_button.clicked.connect(self.copy_letter)
        self.mail_button = QPushButton(
            icons.icon("document", theme.colours().on_accent), tr(TEXT_MAIL)
        )
        self.mail_button.setObjectName("primary")
        self.mail_button.clicked.connect(self.open_in_mail_app)
        self.dossier_button = QPushButton(icons.icon("folder"), tr(TEXT_DOSSIER))
        self.dossier_button.setObjectName("secondary")
        self.dossier_button.clicked.connect(self.show_dossier)
        self.close_button = QPushButton(tr(TEXT_CLOSE))
        self.close_button.setObjectName("secondary")
        self.close_button.clicked.connect(self.accept)
        for button in (self.copy_button, self.mail_button, self.dossier_button, self.close_button):
            button.setAutoDefault(False)
        self.message = FieldMessage()
        buttons = QHBoxLayout()
        buttons.setSpacing(theme.SPACE_M)
        buttons.addWidget(self.mail_button)
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.dossier_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(theme.SPACE_XL, theme.SPACE_L + 4, theme.SPACE_XL, theme.SPACE_L)
        layout.setSpacing(theme.SPACE_M + 4)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addLayout(form)
        body_label = label_field(theme.muted(QLabel(tr(TEXT_BODY))), self.body_edit)
        layout.addWidget(body_label)
        layout.addWidget(self.body_edit, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.resize(900, 720)
        self.redraft(confirm=False)
        if dossier_path is None:
            self.dossier_button.setToolTip(tr(TEXT_NO_DOSSIER))
        mnemonics_when_shown(self)  # Alt+letter on each caption, in this window's letters

    # -- the draft ---------------------------------------------------------------------------

    def ask(self) -> str:
        text = self.ask_combo.currentText().strip()
        index = self.ask_combo.currentIndex()
        if index >= 0 and text == self.ask_combo.itemText(index):
            return str(self.ask_combo.itemData(index) or "")
        return text

    def draft(self) -> Letter:
        build = executive_letter if self.kind == "executive" else customer_relations_letter
        return build(self.case, self.today, self.ask())

    def redraft(self, *, confirm: bool = True) -> None:
        if confirm and self.is_edited() and not self._may_rewrite():
            return
        letter = self.draft()
        self._drafted = letter
        self.to_edit.setText(letter.to)
        self.subject_edit.setText(letter.subject)
        self.body_edit.setPlainText(letter.body)

    def _typed_ask(self) -> None:
        if self._drafted is not None and self.draft() != self._drafted:
            self.redraft()

    def is_edited(self) -> bool:
        drafted = self._drafted
        return drafted is not None and (
            self.subject_edit.text() != drafted.subject
            or self.body_edit.toPlainText() != drafted.body
        )

    def _may_rewrite(self) -> bool:
        Button = dialogs.Button
        answer = dialogs.ask(
            self,
            tr(TEXT_REWRITE_TITLE),
            tr(TEXT_REWRITE_QUESTION),
            {Button.Yes: tr(TEXT_REWRITE), Button.Cancel: tr(TEXT_KEEP)},
            default=Button.Cancel,
        )
        return answer == Button.Yes

    def letter(self) -> Letter:
        """The letter as it stands in the dialog, with the user's changes."""
        return Letter(
            to=self.to_edit.text().strip(),
            subject=self.subject_edit.text().strip(),
            body=self.body_edit.toPlainText(),
        )

    # -- actions -------------------------------------------------------------------------------

    def copy_letter(self) -> None:
        letter = self.letter()
        QGuiApplication.clipboard().setText(f"{letter.subject}\n\n{letter.body}")
        self.message.show_check(Check(Level.OK, tr(TEXT_COPIED)))

    def open_in_mail_app(self) -> None:
        letter = self.letter()
        url, shortened = mailto_url(letter)
        if shortened:
            QGuiApplication.clipboard().setText(letter.body)
        if not self.open_url(QUrl(url, QUrl.ParsingMode.StrictMode)):
            QGuiApplication.clipboard().setText(f"{letter.subject}\n\n{letter.body}")
            self.message.show_check(Check(Level.WARN, tr(TEXT_NO_MAIL_APP)))
            return
        self.message.show_check(
            Check(Level.WARN, tr(TEXT_SHORTENED)) if shortened else Check(Level.OK, tr(TEXT_OPENED))
        )

    def show_dossier(self) -> None:
        path = self.dossier_path
        if path is None:
            self.message.show_check(Check(Level.HINT, tr(TEXT_NO_DOSSIER)))
            return
        if not path.exists():
            self.message.show_check(Check(Level.WARN, tr(TEXT_DOSSIER_GONE).format(name=path.name)))
            return
        self.message.show_check(NO_PROBLEM)
        self.reveal_file(path)

    # -- the system (replaced in tests) --------------------------------------------------------

    def open_url(self, url: QUrl) -> bool:
        return QDesktopServices.openUrl(url)

    def reveal_file(self, path: Path) -> None:
        """Show the file selected in the file manager where the system can; else its folder."""
        if sys.platform == "darwin" and QProcess.startDetached("open", ["-R", str(path)]):
            return
        if sys.platform == "win32" and QProcess.startDetached("explorer", [f"/select,{path}"]):
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))
