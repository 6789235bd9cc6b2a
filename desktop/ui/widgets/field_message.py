"""The line under a field that says, in words, what is right or wrong with it.

Colour is a second signal only: every message has an icon and a sentence.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum

from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QWidget

from desktop.ui import icons, theme
from desktop.ui.widgets.accessible import describe


class Level(IntEnum):
    NONE = 0  # nothing to say: the line is hidden
    HINT = 1  # neutral guidance, e.g. "Needed to continue"
    OK = 2  # a green tick with a short confirmation
    WARN = 3  # an amber doubt: allowed, but worth a look
    ERROR = 4  # blocks Next


@dataclass(frozen=True)
class Check:
    level: Level = Level.NONE
    text: str = ""
    # A required field left empty blocks Next even while it is only shown as a hint
    # (before the user has touched it, a red error would be a reproach).
    blocking: bool = False

    @property
    def blocks(self) -> bool:
        return self.blocking or self.level is Level.ERROR


NO_PROBLEM = Check()

_ICON = {Level.HINT: "info", Level.OK: "tick", Level.WARN: "warn", Level.ERROR: "error"}


class FieldMessage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._check = NO_PROBLEM
        self._field: QWidget | None = None
        self._note = ""
        self._icon = QLabel()
        self._icon.setFixedSize(16, 16)
        self._text = QLabel()
        self._text.setWordWrap(True)
        self._text.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 0)
        layout.setSpacing(theme.SPACE_S + 2)
        layout.addWidget(self._icon, 0)
        layout.addWidget(self._text, 1)
        self.setVisible(False)

    @property
    def check(self) -> Check:
        return self._check

    def text(self) -> str:
        return self._text.text()

    def describes(self, field: QWidget, note: str = "") -> None:
        """Say this line with the field: a screen reader reads the field's description when
        it gets the focus, so the note and the current check become that description."""
        self._field = field
        self._note = note
        self._describe()

    def _describe(self) -> None:
        if self._field is None:
            return
        parts = [self._note, self._check.text if self._check.level is not Level.NONE else ""]
        describe(self._field, " ".join(part for part in parts if part))

    def show_check(self, check: Check) -> None:
        if check == self._check:
            return
        self._check = check
        self._describe()
        if check.level is Level.NONE or not check.text:
            self.setVisible(False)
            self._text.clear()
            return
        c = theme.colours()
        colour = {
            Level.HINT: c.muted,
            Level.OK: c.ok,
            Level.WARN: c.warn,
            Level.ERROR: c.error,
        }[check.level]
        self._icon.setPixmap(icons.pixmap(_ICON[check.level], 16, colour))
        theme.with_colour(self._text, colour)
        self._text.setText(check.text)
        self._text.setAccessibleName(check.text)
        # Only show it once the widget is in a window: avoids a flash of a lone top-level label.
        self.setVisible(True)
