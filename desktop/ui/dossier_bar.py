"""The strip under the case that shows a dossier being made, then where it was saved."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from desktop.ui import icons, theme
from desktop.ui.i18n import N_, tr

TEXT_WORKING = N_("Creating the dossier…")
TEXT_CANCEL = N_("Cancel")
TEXT_SHOW = N_("Show in folder")
TEXT_CLOSE = N_("Close")


class DossierBar(QFrame):
    cancel_requested = Signal()
    show_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("helpBox")
        self.badge = QLabel()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(240)
        self.progress.setTextVisible(True)
        self.cancel_button = QPushButton(tr(TEXT_CANCEL))
        self.cancel_button.clicked.connect(self.cancel_requested)
        self.show_button = QPushButton(icons.icon("folder"), tr(TEXT_SHOW))
        self.show_button.clicked.connect(self.show_requested)
        self.close_button = QPushButton(tr(TEXT_CLOSE))
        self.close_button.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(theme.SPACE_L, theme.SPACE_M, theme.SPACE_L, theme.SPACE_M)
        layout.setSpacing(theme.SPACE_M + 4)
        layout.addWidget(self.badge)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.cancel_button)
        layout.addWidget(self.show_button)
        layout.addWidget(self.close_button)
        self.setVisible(False)

    def working(self) -> None:
        self.badge.setPixmap(icons.pixmap("document", 18, theme.colours().accent))
        self.message.setText(tr(TEXT_WORKING))
        self.progress.setRange(0, 0)  # busy until the first step arrives
        self._show_parts(progress=True)

    def step(self, step: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(step)

    def done(self, message: str) -> None:
        self.badge.setPixmap(icons.pixmap("tick", 18, theme.colours().ok))
        self.message.setText(message)
        self._show_parts(result=True)

    def problem(self, message: str) -> None:
        self.badge.setPixmap(icons.pixmap("warn", 18, theme.colours().warn))
        self.message.setText(message)
        self._show_parts()

    def _show_parts(self, *, progress: bool = False, result: bool = False) -> None:
        self.progress.setVisible(progress)
        self.cancel_button.setVisible(progress)
        self.show_button.setVisible(result)
        self.close_button.setVisible(not progress)
        self.setVisible(True)
