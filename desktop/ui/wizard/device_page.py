"""Step 2: which device, and its model name."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop import mac_info
from desktop.model import Case, DeviceKind
from desktop.ui import icons, theme
from desktop.ui.choices import device_label
from desktop.ui.i18n import N_, tr
from desktop.ui.signals import emit
from desktop.ui.text_metrics import text_px
from desktop.ui.widgets.accessible import describe
from desktop.ui.widgets.field_message import Check, FieldMessage, Level
from desktop.ui.widgets.flow_layout import FlowLayout
from desktop.ui.widgets.masked_value import mask
from desktop.ui.wizard.page import StepPage
from desktop.wizard_flow import Step

TEXT_TITLE = N_("Which device is it?")
TEXT_WHY = N_("Apple's answers depend on the device, and its name goes on the dossier's cover.")
TEXT_MODEL = N_("Model name")
TEXT_MODEL_NOTE = N_("As shown under Model Name in Settings > General > About, or on the box.")
TEXT_KIND_NOTE = N_("For an account or billing problem with no device involved, choose Other.")
TEXT_THIS_MAC = N_("Use this Mac")
TEXT_THIS_MAC_NOTE = N_("Is the case about the Mac you are using? Fill in its model and serial.")
TEXT_THIS_MAC_DONE = N_("Filled in from this Mac: {model}, serial number {serial}.")
TEXT_THIS_MAC_FAILED = N_(
    "This Mac's details could not be read. Apple menu > About This Mac shows them; type them in."
)

MODEL_PLACEHOLDERS: dict[DeviceKind, str] = {
    DeviceKind.IPHONE: N_("For example: iPhone 13 Pro"),
    DeviceKind.IPAD: N_("For example: iPad Air (5th generation)"),
    DeviceKind.MAC: N_("For example: MacBook Air (M2, 2022)"),
    DeviceKind.WATCH: N_("For example: Apple Watch Series 8"),
    DeviceKind.AIRPODS: N_("For example: AirPods Pro (2nd generation)"),
    DeviceKind.OTHER: N_("For example: HomePod mini"),
}
MODEL_NOTES: dict[DeviceKind, str] = {
    DeviceKind.MAC: N_("As shown in Apple menu > About This Mac, or on the box."),
    DeviceKind.AIRPODS: N_("As shown in Settings > [your AirPods] on the paired iPhone."),
    DeviceKind.OTHER: N_("As printed on the box or the invoice."),
}


class DevicePage(StepPage):
    step = Step.DEVICE
    TITLE = TEXT_TITLE
    WHY = TEXT_WHY

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.kind_buttons: dict[DeviceKind, QToolButton] = {}
        # Wraps to a second line rather than eliding the names (larger text, Russian).
        kinds = QWidget()
        row = FlowLayout(kinds, spacing=theme.SPACE_M + 2)
        for kind in DeviceKind:
            button = QToolButton()
            button.setObjectName("deviceChoice")
            button.setText(device_label(kind))
            button.setIcon(icons.device_icon(kind))
            button.setIconSize(QSize(36, 36))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
            button.setCheckable(True)
            button.setMinimumSize(QSize(96, 84))
            button.setAccessibleName(device_label(kind))
            self.group.addButton(button)
            self.kind_buttons[kind] = button
            row.addWidget(button)
        self.body.addWidget(kinds)
        kind_note = theme.muted(QLabel(tr(TEXT_KIND_NOTE)))
        kind_note.setWordWrap(True)
        self.body.addWidget(kind_note)
        self.body.addWidget(self._this_mac_row())

        self.model_edit = QLineEdit()
        self.model_edit.setMaxLength(120)
        self.model_edit.setMaximumWidth(text_px(420))
        # Where to read the model name depends on the kind, so the note under the field follows it.
        self.model_note = theme.muted(QLabel())
        self.model_note.setWordWrap(True)
        model_box = QWidget()
        column = QVBoxLayout(model_box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(3)
        column.addWidget(self.model_edit)
        column.addWidget(self.model_note)
        form = self.make_form()
        self.add_field(form, tr(TEXT_MODEL), model_box, buddy=self.model_edit)
        self.body.addSpacing(theme.SPACE_M)
        self.body.addLayout(form)
        self.body.addStretch(1)
        self.watch(self.model_edit.textEdited, "model_name")
        self.watch(self.group.buttonToggled, "kind")
        self.group.buttonToggled.connect(lambda *_: self._follow_kind())

    def _this_mac_row(self) -> QWidget:
        """ "Use this Mac": only on macOS, where system_profiler can tell."""
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(3)
        row = QHBoxLayout()
        row.setSpacing(theme.SPACE_M)
        self.this_mac_button = QPushButton(icons.icon("mac"), tr(TEXT_THIS_MAC))
        self.this_mac_button.setObjectName("secondary")
        self.this_mac_button.clicked.connect(self.use_this_mac)
        row.addWidget(self.this_mac_button)
        row.addWidget(theme.muted(QLabel(tr(TEXT_THIS_MAC_NOTE))), 1)
        column.addLayout(row)
        self.this_mac_message = FieldMessage()
        column.addWidget(self.this_mac_message)
        box.setVisible(mac_info.is_mac())
        self.this_mac_box = box
        return box

    def use_this_mac(self) -> None:
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            info = mac_info.read_this_mac()
        finally:
            QApplication.restoreOverrideCursor()
        if info is None:
            self.this_mac_message.show_check(Check(Level.WARN, tr(TEXT_THIS_MAC_FAILED)))
            return
        self.kind_buttons[DeviceKind.MAC].setChecked(True)
        if info.display_model:
            self.model_edit.setText(info.display_model)
            emit(self.model_edit.textEdited, info.display_model)  # counts as the user's edit
        if info.serial:
            ids = self.case_wizard.pages[Step.IDENTIFIERS]
            serial_edit = ids.serial_edit  # type: ignore[attr-defined]
            serial_edit.setText(info.serial)
            emit(serial_edit.textEdited, info.serial)
        self.this_mac_message.show_check(
            Check(
                Level.OK,
                tr(TEXT_THIS_MAC_DONE).format(
                    model=info.model_name or info.display_model, serial=mask(info.serial)
                ),
            )
        )

    def selected_kind(self) -> DeviceKind:
        for kind, button in self.kind_buttons.items():
            if button.isChecked():
                return kind
        return DeviceKind.IPHONE

    def load(self, case: Case) -> None:
        with self.loading():
            self.kind_buttons[case.device.kind].setChecked(True)
            self.model_edit.setText(case.device.model_name)
        self._follow_kind()

    def apply(self, case: Case) -> None:
        case.device.kind = self.selected_kind()
        case.device.model_name = self.model_edit.text().strip()

    def _follow_kind(self) -> None:
        kind = self.selected_kind()
        self.model_edit.setPlaceholderText(tr(MODEL_PLACEHOLDERS[kind]))
        self.model_note.setText(tr(MODEL_NOTES.get(kind, TEXT_MODEL_NOTE)))
        describe(self.model_edit, self.model_note.text())
