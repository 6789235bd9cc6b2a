"""The device's identifiers and the Apple Account, masked, each with Show and Copy."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from desktop.model import Case
from desktop.ui import choices, theme
from desktop.ui.i18n import N_, tr
from desktop.ui.widgets.card import Card
from desktop.ui.widgets.masked_value import MaskedValue
from desktop.vault import VaultState

TEXT_TITLE = N_("Identifiers")
TEXT_SERIAL = N_("Serial number")
TEXT_IMEI = N_("IMEI")
TEXT_IMEI2 = N_("IMEI2")
TEXT_EID = N_("EID")
TEXT_APPLE_ID = N_("Apple Account")
TEXT_ORDER = N_("Order number")
TEXT_NEW_SERIAL = N_("New serial (replacement)")
TEXT_NOT_GIVEN = N_("Not given")
TEXT_LOCKED = N_("Locked: unlock the keychain to show it")
TEXT_SESSION_GONE = N_("None kept this session (no keychain)")

EMPTY_TEXTS = {
    VaultState.SECURE: TEXT_NOT_GIVEN,
    VaultState.LOCKED: TEXT_LOCKED,
    VaultState.UNAVAILABLE: TEXT_SESSION_GONE,
    None: TEXT_NOT_GIVEN,
}


def empty_secret_text(state: VaultState | None) -> str:
    return tr(EMPTY_TEXTS[state])


class IdentifiersCard(Card):
    copied = Signal(str)  # which field was copied (never the value)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(tr(TEXT_TITLE), parent)
        self.masked: dict[str, MaskedValue] = {}
        self._grid = QGridLayout()
        self._grid.setHorizontalSpacing(theme.SPACE_L)
        self._grid.setVerticalSpacing(theme.SPACE_S)
        self._grid.setColumnStretch(1, 1)
        self.body.addLayout(self._grid)
        self._rows: list[tuple[QLabel, MaskedValue]] = []
        for key, label in (
            ("serial", TEXT_SERIAL),
            ("imei", TEXT_IMEI),
            ("imei2", TEXT_IMEI2),
            ("eid", TEXT_EID),
            ("apple_id", TEXT_APPLE_ID),
            ("order_number", TEXT_ORDER),
            ("new_serial", TEXT_NEW_SERIAL),
        ):
            caption = theme.muted(QLabel(tr(label)))
            caption.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            value = MaskedValue(tr(label))
            value.copied.connect(self.copied)
            row = len(self._rows)
            self._grid.addWidget(caption, row, 0)
            self._grid.addWidget(value, row, 1)
            self._rows.append((caption, value))
            self.masked[key] = value

    def show_case(self, case: Case, vault_state: VaultState | None) -> None:
        empty = empty_secret_text(vault_state)
        values = {
            "serial": case.device.serial,
            "imei": case.device.imei,
            "imei2": case.device.imei2,
            "eid": case.device.eid,
            "apple_id": case.apple_id,
            "order_number": case.purchase.order_number,
            "new_serial": case.closure.new_serial,
        }
        has_imei = case.device.kind in choices.HAS_IMEI
        shown = {
            "serial": True,
            "imei": has_imei or bool(case.device.imei),
            "imei2": bool(case.device.imei2),
            "eid": bool(case.device.eid),
            "apple_id": True,
            "order_number": bool(case.purchase.order_number),
            "new_serial": bool(case.closure.new_serial),
        }
        for (caption, value), key in zip(self._rows, values, strict=True):
            if value.value() != values[key]:
                value.set_value(values[key], empty)
            elif not values[key]:
                value.set_value("", empty)
            caption.setVisible(shown[key])
            value.setVisible(shown[key])
