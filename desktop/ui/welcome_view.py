"""First start, no case yet: one big action, the sample case to look around, two lines on
what the app does, and where the secrets go."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.ui import icons, theme
from desktop.ui.i18n import N_, tr
from desktop.ui.widgets.accessible import mnemonics_when_shown
from desktop.vault import VaultState

TEXT_HEADING = N_("Get ready for your Apple support case")
TEXT_LINE_1 = N_(
    "Case Dossier gathers your device's details, the receipt and every call in one place."
)
TEXT_LINE_2 = N_(
    "It turns them into a tidy dossier to have at hand on the phone or bring to the store."
)
TEXT_PREPARE = N_("Prepare a case")
TEXT_SAMPLE = N_("Open the sample case")
TEXT_SAMPLE_NOTE = N_("A fictional iPhone case, to look around first. Delete it whenever you like.")
TEXT_KEYCHAIN = N_(
    "Serial numbers and your Apple ID are kept in your system's keychain, never in plain files."
)
TEXT_NO_KEYCHAIN = N_(
    "Serial numbers and your Apple ID belong in your system's keychain, never in plain files. "
    "No keychain is available right now: see the note above."
)
TEXT_LOCKED_KEYCHAIN = N_(
    "Serial numbers and your Apple ID belong in your system's keychain, never in plain files. "
    "The keychain is locked right now: see the note above."
)
TEXT_INDEPENDENT = N_("Case Dossier is independent and not affiliated with Apple Inc.")


class WelcomeView(QWidget):
    prepare_requested = Signal()
    sample_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        logo = QLabel()
        logo.setPixmap(icons.app_icon().pixmap(88, 88))
        logo.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        heading = theme.heading(tr(TEXT_HEADING), 1.8)
        heading.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        lines = QLabel(f"{tr(TEXT_LINE_1)}\n{tr(TEXT_LINE_2)}")
        lines.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        lines.setWordWrap(True)
        lines.setFont(theme.scaled_font(lines, 1.1))
        self.prepare_button = QPushButton(tr(TEXT_PREPARE))
        self.prepare_button.setObjectName("bigPrimary")
        self.prepare_button.setFont(theme.scaled_font(self.prepare_button, 1.2, bold=True))
        self.prepare_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.prepare_button.clicked.connect(self.prepare_requested)
        self.prepare_button.setDefault(True)
        self.sample_button = QPushButton(tr(TEXT_SAMPLE))
        self.sample_button.setObjectName("secondary")
        self.sample_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.sample_button.clicked.connect(self.sample_requested)
        sample_note = theme.muted(QLabel(tr(TEXT_SAMPLE_NOTE)))
        sample_note.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        sample_note.setWordWrap(True)

        self.keychain_icon = QLabel()
        self.keychain_note = theme.muted(QLabel(tr(TEXT_KEYCHAIN)))
        self.keychain_note.setWordWrap(True)
        self.keychain_note.setMinimumWidth(580)
        self.keychain_note.setMaximumWidth(640)
        note_row = QHBoxLayout()
        note_row.setSpacing(theme.SPACE_M)
        note_row.addStretch(1)
        note_row.addWidget(self.keychain_icon, 0, Qt.AlignmentFlag.AlignTop)
        note_row.addWidget(self.keychain_note)
        note_row.addStretch(1)
        independent = theme.muted(QLabel(tr(TEXT_INDEPENDENT)))
        independent.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        independent.setFont(theme.scaled_font(independent, 0.9))

        button_row = QHBoxLayout()
        button_row.addStretch(1)
        button_row.addWidget(self.prepare_button)
        button_row.addStretch(1)
        sample_row = QHBoxLayout()
        sample_row.addStretch(1)
        sample_row.addWidget(self.sample_button)
        sample_row.addStretch(1)

        column = QVBoxLayout()
        column.setSpacing(theme.SPACE_L)
        column.addStretch(3)
        column.addWidget(logo)
        column.addSpacing(theme.SPACE_S)
        column.addWidget(heading)
        column.addWidget(lines)
        column.addSpacing(theme.SPACE_L)
        column.addLayout(button_row)
        column.addSpacing(theme.SPACE_S)
        column.addLayout(sample_row)
        column.addWidget(sample_note)
        column.addSpacing(theme.SPACE_L)
        column.addLayout(note_row)
        column.addStretch(4)
        column.addWidget(independent)

        outer = QHBoxLayout(self)
        outer.setContentsMargins(
            theme.PAGE_MARGIN, theme.PAGE_MARGIN, theme.PAGE_MARGIN, theme.SPACE_L
        )
        outer.addStretch(1)
        outer.addLayout(column, 6)
        outer.addStretch(1)
        self.show_keychain(VaultState.SECURE)
        mnemonics_when_shown(self)  # Alt+letter on its buttons, around the menus'

    def show_keychain(self, state: VaultState) -> None:
        """The note under the button tells the truth about where secrets are kept now."""
        c = theme.colours()
        secure = state is VaultState.SECURE
        self.keychain_icon.setPixmap(icons.pixmap("lock", 16, c.muted if secure else c.warn))
        text = {
            VaultState.SECURE: TEXT_KEYCHAIN,
            VaultState.LOCKED: TEXT_LOCKED_KEYCHAIN,
            VaultState.UNAVAILABLE: TEXT_NO_KEYCHAIN,
        }[state]
        self.keychain_note.setText(tr(text))
