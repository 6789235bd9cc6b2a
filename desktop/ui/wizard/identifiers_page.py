"""Step 3: serial number, and for devices with a SIM the IMEI, IMEI2 and EID.

These are identifiers, not passwords: plain visible fields. They are kept in
the system keychain by the vault and must never be logged.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QFormLayout, QLabel, QLayout, QLineEdit, QWidget

from desktop import identifiers
from desktop.model import Case, DeviceKind
from desktop.ui import theme
from desktop.ui.choices import HAS_IMEI, SERIAL_REQUIRED, device_label
from desktop.ui.i18n import N_, current_language, tr
from desktop.ui.text_metrics import text_px
from desktop.ui.widgets.accessible import label_field
from desktop.ui.widgets.field_message import NO_PROBLEM, Check, Level
from desktop.ui.wizard.help_box import WhereToFind
from desktop.ui.wizard.identifier_checks import as_message, normalized
from desktop.ui.wizard.page import StepPage
from desktop.wizard_flow import Step

TEXT_TITLE = N_("Serial number and IMEI")
TEXT_WHY = N_(
    "Apple asks for the serial number first: it tells them the model and the warranty dates."
)
TEXT_SERIAL = N_("Serial number")
TEXT_SERIAL_OPTIONAL = N_("Serial number (if you have it)")
TEXT_SERIAL_HINT = N_("Needed to continue: Apple looks up the {device} by its serial number.")
TEXT_SERIAL_ERROR = N_(
    "Please enter the serial number. It has 10 to 12 letters and digits, for example C02XK1ABJGH5."
)
TEXT_IMEI = N_("IMEI")
TEXT_IMEI2 = N_("IMEI2")
TEXT_EID = N_("EID")
TEXT_OPTIONAL_NOTE = N_("Optional. Useful for carriers and for repairs.")
TEXT_PLACEHOLDER_SERIAL = N_("10 or 12 characters")
TEXT_PLACEHOLDER_IMEI = N_("15 digits")
TEXT_PLACEHOLDER_EID = N_("32 digits")
TEXT_KEYCHAIN_NOTE = N_("Kept in your system's keychain, not in a file.")


class IdentifiersPage(StepPage):
    step = Step.IDENTIFIERS
    TITLE = TEXT_TITLE
    WHY = TEXT_WHY

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._kind = DeviceKind.IPHONE
        self.serial_edit = self._identifier_edit(TEXT_PLACEHOLDER_SERIAL, 20)
        self.imei_edit = self._identifier_edit(TEXT_PLACEHOLDER_IMEI, 20)
        self.imei2_edit = self._identifier_edit(TEXT_PLACEHOLDER_IMEI, 20)
        self.eid_edit = self._identifier_edit(TEXT_PLACEHOLDER_EID, 40)

        self.form = self.make_form()
        self.serial_message = self.add_field(
            self.form, tr(TEXT_SERIAL), self.serial_edit, check=self._check_serial
        )
        self.add_field(
            self.form,
            tr(TEXT_IMEI),
            self.imei_edit,
            note=tr(TEXT_OPTIONAL_NOTE),
            check=self._checker(identifiers.check_imei, self.imei_edit),
        )
        self.add_field(
            self.form,
            tr(TEXT_IMEI2),
            self.imei2_edit,
            check=self._checker(identifiers.check_imei, self.imei2_edit),
        )
        self.add_field(
            self.form,
            tr(TEXT_EID),
            self.eid_edit,
            check=self._checker(identifiers.check_eid, self.eid_edit),
        )
        keychain = theme.muted(QLabel(tr(TEXT_KEYCHAIN_NOTE)))
        self.form.addRow("", keychain)

        self.help = WhereToFind()
        self.help.setMinimumWidth(text_px(250))
        self.help.setMaximumWidth(text_px(320))
        row = _BesideOrBelow(self.form, self.help)
        self.body.addWidget(row)
        self.body.addStretch(1)

        self.watch(self.serial_edit.textEdited, "serial")
        self.watch(self.imei_edit.textEdited, "imei")
        self.watch(self.imei2_edit.textEdited, "imei2")
        self.watch(self.eid_edit.textEdited, "eid")

    def _identifier_edit(self, placeholder: str, max_length: int) -> QLineEdit:
        edit = QLineEdit()
        edit.setPlaceholderText(tr(placeholder))
        edit.setMaxLength(max_length + 8)  # room for spaces and dashes as printed on boxes
        edit.setMaximumWidth(text_px(360))
        return edit

    def serial_required(self) -> bool:
        return self._kind in SERIAL_REQUIRED

    def _checker(
        self, check: Callable[..., identifiers.Check], edit: QLineEdit
    ) -> Callable[[], Check]:
        def run() -> Check:
            if not edit.isVisibleTo(self) and edit is not self.serial_edit:
                return NO_PROBLEM  # hidden for this kind of device: not saved, not checked
            return as_message(check(edit.text(), current_language()))

        return run

    def _check_serial(self) -> Check:
        if self.serial_edit.text().strip():
            language = current_language()  # the checks speak the UI's language
            return as_message(identifiers.check_serial(self.serial_edit.text(), language))
        if not self.serial_required():
            return NO_PROBLEM
        if self.touched("serial"):
            return Check(Level.ERROR, tr(TEXT_SERIAL_ERROR))
        hint = tr(TEXT_SERIAL_HINT).format(device=device_label(self._kind))
        return Check(Level.HINT, hint, blocking=True)

    def enter(self, case: Case) -> None:
        self._kind = case.device.kind
        has_imei = self._kind in HAS_IMEI
        for edit in (self.imei_edit, self.imei2_edit, self.eid_edit):
            self.form.setRowVisible(edit.parentWidget(), has_imei)
        self.form.invalidate()  # QFormLayout keeps stale wrapped heights after rows come back
        caption = self.form.labelForField(self.serial_edit.parentWidget())
        if isinstance(caption, QLabel):
            caption.setText(tr(TEXT_SERIAL if self.serial_required() else TEXT_SERIAL_OPTIONAL))
            label_field(caption, self.serial_edit)  # the name a screen reader says follows it
        self.help.show_for(self._kind)

    def load(self, case: Case) -> None:
        with self.loading():
            self.serial_edit.setText(case.device.serial)
            self.imei_edit.setText(case.device.imei)
            self.imei2_edit.setText(case.device.imei2)
            self.eid_edit.setText(case.device.eid)
        self.enter(case)

    def apply(self, case: Case) -> None:
        case.device.serial = normalized(identifiers.check_serial, self.serial_edit.text())
        # Hidden fields keep their text (the kind may be switched back) but are not saved.
        has_imei = case.device.kind in HAS_IMEI
        imei, imei2, eid = (
            normalized(identifiers.check_imei, self.imei_edit.text()),
            normalized(identifiers.check_imei, self.imei2_edit.text()),
            normalized(identifiers.check_eid, self.eid_edit.text()),
        )
        case.device.imei = imei if has_imei else ""
        case.device.imei2 = imei2 if has_imei else ""
        case.device.eid = eid if has_imei else ""


QWIDGETSIZE_MAX = (1 << 24) - 1  # Qt's 'no maximum'


class _BesideOrBelow(QWidget):
    """The fields with the help beside them, or below them when the page is too narrow
    for both (larger text, longer languages): nothing is squeezed until it is cut off."""

    def __init__(self, form: QFormLayout, side: QWidget) -> None:
        super().__init__()
        self._side = side
        self._side_maximum = side.maximumWidth()
        self._form = form
        self._row = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._row.setContentsMargins(0, 0, 0, 0)
        self._row.setSpacing(theme.SPACE_XL)
        self._row.addLayout(form, 3)
        self._row.addWidget(side, 2, Qt.AlignmentFlag.AlignTop)
        # The narrowest is one above the other: the row never asks for both side by side.
        self._row.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)

    def _side_width(self) -> int:
        return self._side.minimumSizeHint().expandedTo(self._side.minimumSize()).width()

    def minimumSizeHint(self) -> QSize:
        width = max(self._form.minimumSize().width(), self._side_width())
        return QSize(width, self._row.minimumSize().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        needed = self._form.minimumSize().width() + self._row.spacing() + self._side_width()
        beside = event.size().width() >= needed
        wanted = QBoxLayout.Direction.LeftToRight if beside else QBoxLayout.Direction.TopToBottom
        if self._row.direction() != wanted:
            self._row.setDirection(wanted)
            # Below, the help spans the width: a narrower maximum would make the layout
            # judge its wrapped height at the wrong width and cut its last lines off.
            self._side.setMaximumWidth(self._side_maximum if beside else QWIDGETSIZE_MAX)
        super().resizeEvent(event)
