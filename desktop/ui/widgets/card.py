"""A titled, rounded panel: the building block of the case view and the review page."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from desktop.ui import theme


class Card(QFrame):
    def __init__(self, title: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(
            theme.SPACE_L + 2, theme.SPACE_L, theme.SPACE_L + 2, theme.SPACE_L
        )
        self.body.setSpacing(theme.SPACE_M)
        self.title_label = QLabel(title)
        self.title_label.setFont(theme.scaled_font(self.title_label, 1.1, bold=True))
        self.body.addWidget(self.title_label)
        # Only once it has a parent: shown before, it would flash up as a window of its own
        # and take the keyboard focus away from the window the user is in.
        self.title_label.setVisible(bool(title))
