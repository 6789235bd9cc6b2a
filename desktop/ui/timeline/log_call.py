""" "Log a call": an entry stamped now, a running timer, the case's key facts, notes focused.

The dialog is not modal: during a long call the user can look at the coach
card or the case. Stop fills the duration; Save adds the contact to the
timeline (through the editor, as an undoable command).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.escalation import Rung, recommend
from desktop.i18n import SOURCE_LANGUAGE
from desktop.model import Case, Channel, ContactEntry, Tier
from desktop.ui import dialogs, icons, theme
from desktop.ui.i18n import N_, tr
from desktop.ui.signals import emit
from desktop.ui.timeline.entry_form import EntryForm
from desktop.ui.timeline.when import clock_text, duration_text
from desktop.ui.widgets.accessible import mnemonics_when_shown
from desktop.ui.widgets.masked_value import MaskedValue

TEXT_TITLE = N_("Log a call")
TEXT_RUNNING = N_("Call running since {time} ({zone})")
TEXT_STOPPED = N_("Call ended. Duration: {duration}")
TEXT_STOP = N_("Stop timer")
TEXT_SAVE = N_("Save to timeline")
TEXT_CANCEL = N_("Cancel")
TEXT_FACTS = N_("Have these ready")
TEXT_DEVICE = N_("Device")
TEXT_SERIAL = N_("Serial number")
TEXT_NO_SERIAL = N_("Not given: Settings > General > About")
TEXT_LAST_CASE = N_("Last case number")
TEXT_NO_CASE = N_("None yet: ask for one and write it down")
TEXT_ASK = N_("Your ask")
TEXT_TIP = N_("Ask for the advisor's name and the case number early. Stay calm and polite.")
TEXT_DISCARD_TITLE = N_("Discard this call?")
TEXT_DISCARD_QUESTION = N_("What you noted about this call will be lost.")
TEXT_DISCARD = N_("Discard")
TEXT_KEEP = N_("Keep it")

# Whom a call to the recommended rung reaches.
_TIER_OF_RUNG = {
    Rung.SERVICE_PROVIDER: Tier.SERVICE_PROVIDER,
    Rung.APPLE_STORE: Tier.APPLE_STORE,
    Rung.APPLECARE: Tier.APPLECARE,
    Rung.SENIOR_ADVISOR: Tier.SENIOR_ADVISOR,
    Rung.CUSTOMER_RELATIONS: Tier.CUSTOMER_RELATIONS,
    Rung.EXECUTIVE_RELATIONS: Tier.EXECUTIVE_RELATIONS,
}


def the_ask(case: Case, today: date, language: str = SOURCE_LANGUAGE) -> str:
    """The recommended step and the specific remedy to ask for, in one line each."""
    rec = recommend(case, today, language)
    # escalation.talking_points: politeness, loyalty, the facts (with a purchase date), the ask.
    index = 3 if case.purchase.date else 2
    asks = rec.talking_points[index : index + 1]
    return "\n".join([rec.headline, *asks])


class LogCallDialog(QDialog):
    logged = Signal(object)  # the ContactEntry to add

    def __init__(
        self,
        case: Case,
        clock: Callable[[], datetime],
        zone: str,
        parent: QWidget | None = None,
        language: str = SOURCE_LANGUAGE,
    ) -> None:
        super().__init__(parent)
        self.language = language
        self.setWindowTitle(tr(TEXT_TITLE))
        self.setObjectName("logCallDialog")
        self.case = case
        self.clock = clock
        self.zone = zone
        self.started = clock().astimezone(ZoneInfo(zone))
        self.ended: datetime | None = None
        today = self.started.date()
        rec = recommend(case, today, language)
        numbers = case.case_numbers()
        tier = _TIER_OF_RUNG.get(rec.target or Rung.APPLECARE, Tier.APPLECARE)
        self.entry = ContactEntry(
            at=self.started,
            time_zone=zone,
            channel=Channel.PHONE,
            tier=tier,
            case_number=numbers[-1] if numbers else "",
        )

        self.timer_label = QLabel(clock_text(0))
        self.timer_label.setFont(theme.scaled_font(self.timer_label, 2.2, bold=True))
        self.timer_label.setAccessibleName(tr(TEXT_TITLE))
        self.state_label = theme.muted(
            QLabel(tr(TEXT_RUNNING).format(time=f"{self.started:%H:%M}", zone=zone))
        )
        self.stop_button = QPushButton(tr(TEXT_STOP))
        self.stop_button.setObjectName("secondary")
        self.stop_button.clicked.connect(self.stop)
        head = QHBoxLayout()
        head.setSpacing(theme.SPACE_L)
        phone = QLabel()
        phone.setPixmap(icons.pixmap("phone_call", 30, theme.colours().accent))
        head.addWidget(phone, 0, Qt.AlignmentFlag.AlignVCenter)
        clock_column = QVBoxLayout()
        clock_column.setSpacing(0)
        clock_column.addWidget(self.timer_label)
        clock_column.addWidget(self.state_label)
        head.addLayout(clock_column, 1)
        head.addWidget(self.stop_button, 0, Qt.AlignmentFlag.AlignVCenter)

        self.form = EntryForm(compact=True)
        self.form.load(self.entry)

        self.save_button = QPushButton(tr(TEXT_SAVE))
        self.save_button.setObjectName("primary")
        self.save_button.setDefault(False)
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        self.cancel_button = QPushButton(tr(TEXT_CANCEL))
        self.cancel_button.setObjectName("secondary")
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        self.stop_button.setAutoDefault(False)
        foot = QHBoxLayout()
        foot.addStretch(1)
        foot.addWidget(self.cancel_button)
        foot.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(theme.SPACE_XL, theme.SPACE_L, theme.SPACE_XL, theme.SPACE_L)
        layout.setSpacing(theme.SPACE_L)
        layout.addLayout(head)
        layout.addWidget(self._facts(case, today))
        layout.addWidget(self.form, 1)
        layout.addLayout(foot)
        self.resize(940, 640)
        mnemonics_when_shown(self)  # Alt+letter on its buttons and captions

        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self.tick)
        self._timer.start()

    def _facts(self, case: Case, today: date) -> QFrame:
        box = QFrame()
        box.setObjectName("helpBox")
        grid = QGridLayout(box)
        grid.setContentsMargins(theme.SPACE_L, theme.SPACE_M + 2, theme.SPACE_L, theme.SPACE_M + 2)
        grid.setHorizontalSpacing(theme.SPACE_L + 4)
        grid.setVerticalSpacing(theme.SPACE_S + 2)
        title = QLabel(tr(TEXT_FACTS))
        title.setFont(theme.scaled_font(title, 1.0, bold=True))
        grid.addWidget(title, 0, 0, 1, 2)
        self.serial_value = MaskedValue(tr(TEXT_SERIAL))
        self.serial_value.set_value(case.device.serial, tr(TEXT_NO_SERIAL))
        if case.device.serial:
            self.serial_value.reveal_button.setChecked(True)  # read it out on the phone
        numbers = case.case_numbers()
        self.case_number_label = _value(numbers[-1] if numbers else tr(TEXT_NO_CASE))
        self.ask_label = _value(the_ask(case, today, self.language))
        device = case.device.model_name or case.title
        rows: list[tuple[str, QWidget]] = [
            (TEXT_DEVICE, _value(device)),
            (TEXT_SERIAL, self.serial_value),
            (TEXT_LAST_CASE, self.case_number_label),
            (TEXT_ASK, self.ask_label),
        ]
        for row, (caption, widget) in enumerate(rows, start=1):
            label = theme.muted(QLabel(tr(caption)))
            label.setMinimumWidth(120)
            # Beside a row of buttons the caption is centred; beside wrapped text, on top.
            beside_buttons = isinstance(widget, MaskedValue)
            vertical = (
                Qt.AlignmentFlag.AlignVCenter if beside_buttons else Qt.AlignmentFlag.AlignTop
            )
            grid.addWidget(label, row, 0, Qt.AlignmentFlag.AlignLeft | vertical)
            grid.addWidget(widget, row, 1)
        tip = theme.muted(QLabel(tr(TEXT_TIP)))
        tip.setWordWrap(True)
        grid.addWidget(tip, len(rows) + 1, 0, 1, 2)
        grid.setColumnStretch(1, 1)
        return box

    # -- the timer ----------------------------------------------------------------------

    def notes_focus(self) -> None:
        self.form.notes_edit.setFocus()

    def elapsed_seconds(self) -> int:
        end = self.ended or self.clock()
        return max(int((end - self.started).total_seconds()), 0)

    def is_running(self) -> bool:
        return self.ended is None

    def tick(self) -> None:
        self.timer_label.setText(clock_text(self.elapsed_seconds()))

    def stop(self) -> None:
        if self.ended is not None:
            return
        self.ended = self.clock()
        self._timer.stop()
        self.tick()
        self.entry.duration_seconds = self.elapsed_seconds()
        self.state_label.setText(
            tr(TEXT_STOPPED).format(duration=duration_text(self.entry.duration_seconds))
        )
        self.stop_button.setEnabled(False)

    # -- ending ---------------------------------------------------------------------------

    def built_entry(self) -> ContactEntry | None:
        entry = self.form.entry()
        if entry is None:
            return None
        entry.duration_seconds = self.entry.duration_seconds
        return entry

    def save(self) -> None:
        self.stop()
        problems = self.form.problems()
        entry = self.built_entry()
        if problems or entry is None:
            self.form.refresh()
            return
        emit(self.logged, entry)
        self._timer.stop()
        self.done(QDialog.DialogCode.Accepted)

    def reject(self) -> None:
        if self.form.is_dirty():
            Button = dialogs.Button
            answer = dialogs.ask(
                self,
                tr(TEXT_DISCARD_TITLE),
                tr(TEXT_DISCARD_QUESTION),
                {Button.Discard: tr(TEXT_DISCARD), Button.Cancel: tr(TEXT_KEEP)},
                default=Button.Cancel,
            )
            if answer != Button.Discard:
                return
        self._timer.stop()
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        # Closing the window mid-call is a Cancel: it asks before losing notes.
        event.ignore()
        self.reject()


def _value(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label
