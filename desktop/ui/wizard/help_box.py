"""The "Where do I find it?" panel beside the identifier fields: for the chosen device
kind, where each identifier is written, most convenient place first."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop.model import DeviceKind
from desktop.ui import icons, theme
from desktop.ui.i18n import N_, tr

TEXT_HEADING = N_("Where do I find it?")
TEXT_SERIAL = N_("Serial number")
TEXT_SERIAL_IMEI = N_("Serial number, IMEI and EID")
TEXT_CELLULAR = N_("IMEI and EID (Wi-Fi + Cellular models)")
TEXT_IF_DEAD = N_("If it does not start")

_ACCOUNT_LIST = N_(
    "On another device or at account.apple.com: Devices, then this device, shows its serial."
)

# For each kind: sections of (heading, places), one short line per place.
WHERE_TO_FIND: dict[DeviceKind, list[tuple[str, list[str]]]] = {
    DeviceKind.IPHONE: [
        (
            TEXT_SERIAL_IMEI,
            [
                N_(
                    "On the iPhone: Settings > General > About. Touch and hold a number to copy it."
                ),
                N_("Dial *#06# to show the IMEI, IMEI2 and EID."),
            ],
        ),
        (
            TEXT_IF_DEAD,
            [
                N_("On the SIM tray of many models (the IMEI), or on the back of older ones."),
                N_("On the original box, on the barcode label."),
                _ACCOUNT_LIST,
            ],
        ),
    ],
    DeviceKind.IPAD: [
        (
            TEXT_SERIAL,
            [
                N_("On the iPad: Settings > General > About."),
                N_("On the original box, on the barcode label."),
                N_("On the back of the iPad, in small print (older models)."),
            ],
        ),
        (
            TEXT_CELLULAR,
            [
                N_("Settings > General > About, further down the list."),
                N_("On the SIM tray of models that have one."),
            ],
        ),
        (TEXT_IF_DEAD, [_ACCOUNT_LIST]),
    ],
    DeviceKind.MAC: [
        (
            TEXT_SERIAL,
            [
                N_("Apple menu > About This Mac shows the serial number."),
                N_("Or System Settings > General > About."),
                N_("Or hold Option: Apple menu > System Information > Hardware."),
            ],
        ),
        (
            TEXT_IF_DEAD,
            [
                N_("On the underside of a MacBook or Mac mini, in small print."),
                N_("On the stand or underside of an iMac, or on the box."),
                _ACCOUNT_LIST,
            ],
        ),
    ],
    DeviceKind.WATCH: [
        (
            TEXT_SERIAL,
            [
                N_("On the watch: Settings > General > About."),
                N_("On the paired iPhone: Watch app > General > About."),
            ],
        ),
        (
            TEXT_IF_DEAD,
            [
                N_("Engraved in the band slot (take the band off) or on the back of the case."),
                N_("On the original box."),
                _ACCOUNT_LIST,
            ],
        ),
    ],
    DeviceKind.AIRPODS: [
        (
            TEXT_SERIAL,
            [
                N_("On the paired iPhone, while connected: Settings > [your AirPods name]."),
                N_("Printed inside the lid of the charging case."),
                N_("AirPods Max: under the left ear cushion."),
            ],
        ),
        (TEXT_IF_DEAD, [N_("On the original box, on the barcode label."), _ACCOUNT_LIST]),
    ],
    DeviceKind.OTHER: [
        (
            TEXT_SERIAL,
            [
                N_("In the device's settings, under About or General."),
                N_("On the original box, or on the invoice."),
                _ACCOUNT_LIST,
            ],
        ),
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
        parts, plain = [], []
        for heading, places in WHERE_TO_FIND[kind]:
            rows = "".join(
                f'<tr><td style="padding-right:8px">•</td><td style="padding-bottom:5px">'
                f"{html.escape(tr(line))}</td></tr>"
                for line in places
            )
            title = html.escape(tr(heading))
            parts.append(
                f'<p style="margin-top:6px; margin-bottom:3px"><b>{title}</b></p>'
                f"<table>{rows}</table>"
            )
            plain += [tr(heading), *(tr(line) for line in places)]
        self._lines.setText("".join(parts))
        self._plain = "\n".join(plain)

    def text(self) -> str:
        return self._plain
