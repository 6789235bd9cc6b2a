"""The "Where do I find it?" panel beside the identifier fields."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop.model import DeviceKind
from desktop.ui import icons, theme
from desktop.ui.i18n import N_, tr

TEXT_HEADING = N_("Where do I find it?")

# One short line per place, most convenient first.
WHERE_TO_FIND: dict[DeviceKind, list[str]] = {
    DeviceKind.IPHONE: [
        N_("On the iPhone: Settings > General > About. Touch and hold a number to copy it."),
        N_("Dial *#06# to show the IMEI, IMEI2 and EID."),
        N_("On the original box, on the barcode label."),
        N_("If the iPhone does not start: on the SIM tray of many models."),
    ],
    DeviceKind.IPAD: [
        N_("On the iPad: Settings > General > About."),
        N_("On the original box, on the barcode label."),
        N_("On the back of the iPad, in small print (older models)."),
    ],
    DeviceKind.MAC: [
        N_("Apple menu > About This Mac shows the serial number."),
        N_("Or System Settings > General > About."),
        N_("On the underside of a MacBook, in small print, or on the box."),
    ],
    DeviceKind.WATCH: [
        N_("On the watch: Settings > General > About."),
        N_("On the paired iPhone: Watch app > General > About."),
        N_("Engraved on the back of the case, or on the box."),
    ],
    DeviceKind.AIRPODS: [
        N_("On the paired iPhone: Settings > [your AirPods name]."),
        N_("Inside the lid of the charging case, or on the box."),
    ],
    DeviceKind.OTHER: [
        N_("In the device's settings, under About or General."),
        N_("On the original box, or on the invoice."),
    ],
}


class WhereToFind(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("helpBox")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(
            theme.SPACE_L, theme.SPACE_M + 4, theme.SPACE_L, theme.SPACE_L
        )
        self._layout.setSpacing(theme.SPACE_M)
        head = QHBoxLayout()
        head.setSpacing(theme.SPACE_M)
        badge = QLabel()
        badge.setPixmap(icons.pixmap("info", 18, theme.colours().accent))
        title = QLabel(tr(TEXT_HEADING))
        title.setFont(theme.scaled_font(title, 1.0, bold=True))
        head.addWidget(badge)
        head.addWidget(title, 1)
        self._layout.addLayout(head)
        self._lines = QLabel()
        self._lines.setWordWrap(True)
        self._lines.setTextFormat(Qt.TextFormat.RichText)
        self._layout.addWidget(self._lines)
        self._layout.addStretch(1)
        self._plain = ""

    def show_for(self, kind: DeviceKind) -> None:
        # A two-column table gives the bullets a hanging indent when a line wraps.
        rows = "".join(
            f'<tr><td style="padding-right:8px">•</td><td style="padding-bottom:6px">'
            f"{html.escape(tr(line))}</td></tr>"
            for line in WHERE_TO_FIND[kind]
        )
        self._lines.setText(f"<table>{rows}</table>")
        self._plain = "\n".join(tr(line) for line in WHERE_TO_FIND[kind])

    def text(self) -> str:
        return self._plain
