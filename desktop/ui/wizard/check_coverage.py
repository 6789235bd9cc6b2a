""" "Check coverage", honestly: Apple's page is behind a picture code (a captcha), so the app
does not look anything up. It copies the serial and opens the page in the browser."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QUrl
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.ui import icons, theme
from desktop.ui.i18n import N_, tr
from desktop.ui.widgets.field_message import Check, FieldMessage, Level

CHECK_COVERAGE_URL = "https://checkcoverage.apple.com"
TEXT_BUTTON = N_("Check coverage on Apple's site…")
TEXT_NOTE = N_(
    "Apple's coverage page asks you to type a code from a picture, so the app cannot look it "
    "up for you. The button copies your serial number and opens the page: paste it there."
)
TEXT_COPIED = N_("Serial number copied. Paste it into the page that opened in your browser.")
TEXT_NO_SERIAL = N_("The page is open; add the serial number in the Serial & IMEI step to copy it.")
TEXT_NO_BROWSER = N_("No browser answered. Open {url} yourself.")


class CheckCoverage(QWidget):
    """The button, a sentence on why it works this way, and what happened after a click."""

    def __init__(
        self,
        serial: Callable[[], str],
        open_url: Callable[[QUrl], bool],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._serial = serial
        self._open_url = open_url
        self.button = QPushButton(icons.icon("eye"), tr(TEXT_BUTTON))
        self.button.setObjectName("secondary")
        self.button.clicked.connect(self.check)
        note = theme.muted(QLabel(tr(TEXT_NOTE)))
        note.setWordWrap(True)
        self.message = FieldMessage()
        row = QHBoxLayout()
        row.addWidget(self.button)
        row.addStretch(1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(theme.SPACE_S + 2)
        column.addLayout(row)
        column.addWidget(note)
        column.addWidget(self.message)

    def check(self) -> None:
        serial = self._serial().strip()
        if serial:
            QGuiApplication.clipboard().setText(serial)
        if not self._open_url(QUrl(CHECK_COVERAGE_URL)):
            self.message.show_check(
                Check(Level.WARN, tr(TEXT_NO_BROWSER).format(url=CHECK_COVERAGE_URL))
            )
            return
        self.message.show_check(
            Check(Level.OK, tr(TEXT_COPIED)) if serial else Check(Level.HINT, tr(TEXT_NO_SERIAL))
        )
