"""An identifier shown masked (•••••••X4PQ), with Show/Hide and Copy buttons.

Serials and account names are not passwords, but they should not be readable
over a shoulder or in a screen share by default.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from desktop.ui import icons, theme
from desktop.ui.i18n import N_, tr
from desktop.ui.signals import emit

TEXT_SHOW = N_("Show")
TEXT_HIDE = N_("Hide")
TEXT_COPY = N_("Copy")
# What a screen reader says for the buttons: five rows of "Show" and "Copy" need their field.
TEXT_SHOW_NAMED = N_("Show {name}")
TEXT_HIDE_NAMED = N_("Hide {name}")
TEXT_COPY_NAMED = N_("Copy {name}")

MASK_CHAR = "•"
KEEP = 4


def mask(value: str) -> str:
    """Seven dots and the last four characters, whatever the length (the length is a hint too)."""
    if len(value) <= KEEP:
        return MASK_CHAR * len(value)
    return MASK_CHAR * 7 + value[-KEEP:]


class MaskedValue(QWidget):
    copied = Signal(str)  # the field's label, never the value

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._name = name
        self._value = ""
        self.label = QLabel()
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # Fixed-width digits and letters: 0 and O, 1 and I are easier to tell apart.
        self._mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self._plain = self.label.font()
        self.label.setAccessibleName(name)
        self.reveal_button = QToolButton()
        self.reveal_button.setCheckable(True)
        self.reveal_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.reveal_button.toggled.connect(self._refresh)
        self.reveal_button.setAutoRaise(True)
        self.copy_button = QToolButton()
        self.copy_button.setText(tr(TEXT_COPY))
        self.copy_button.setIcon(icons.icon("copy"))
        self.copy_button.setAccessibleName(tr(TEXT_COPY_NAMED).format(name=name))
        self.copy_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.copy_button.setAutoRaise(True)
        self.copy_button.clicked.connect(self._copy)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(theme.SPACE_S)
        layout.addWidget(self.label)
        layout.addSpacing(theme.SPACE_M)
        layout.addWidget(self.reveal_button)
        layout.addWidget(self.copy_button)
        layout.addStretch(1)
        self._refresh()

    def set_value(self, value: str, empty_text: str) -> None:
        self._value = value
        self._empty_text = empty_text
        self.reveal_button.setChecked(False)
        self._refresh()

    def value(self) -> str:
        return self._value

    def shown_text(self) -> str:
        return self.label.text()

    def _refresh(self) -> None:
        has_value = bool(self._value)
        self.reveal_button.setVisible(has_value)
        self.copy_button.setVisible(has_value)
        if not has_value:
            self.label.setText(getattr(self, "_empty_text", ""))
            self.label.setFont(self._plain)
            theme.muted(self.label)
            return
        self.label.setPalette(self.palette())
        self.label.setFont(self._mono)
        revealed = self.reveal_button.isChecked()
        self.label.setText(self._value if revealed else mask(self._value))
        self.reveal_button.setText(tr(TEXT_HIDE) if revealed else tr(TEXT_SHOW))
        named = TEXT_HIDE_NAMED if revealed else TEXT_SHOW_NAMED
        self.reveal_button.setAccessibleName(tr(named).format(name=self._name))
        self.reveal_button.setIcon(icons.icon("eye_off" if revealed else "eye"))

    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(self._value)
        emit(self.copied, self._name)
