"""The form for one contact: every field of it, with checks in words under the fields.

`load(entry)` fills it, `entry()` gives a new ContactEntry with what is typed
(same id), `problems()` lists what blocks saving. The compact variant (for
"Log a call") leaves out the time, channel, duration and files: the call
dialog stamps and times those itself.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, QTime, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.codec import contact_to_dict
from desktop.model import Channel, ContactEntry, Outcome, Tier
from desktop.ui import choices, theme
from desktop.ui.i18n import N_, tr
from desktop.ui.signals import emit
from desktop.ui.text_metrics import text_px
from desktop.ui.timeline import checks
from desktop.ui.timeline.contact_files import ContactFiles
from desktop.ui.timeline.fields import DueDateEdit, date_edit, time_zone_combo
from desktop.ui.timeline.when import noted_time
from desktop.ui.widgets.accessible import (
    TEXT_CURRENCY,
    TEXT_TIME,
    label_field,
    mnemonics_when_shown,
    name_companion,
)
from desktop.ui.widgets.adaptive_row import AdaptiveRow
from desktop.ui.widgets.code_combo import CodeCombo
from desktop.ui.widgets.field_message import Check, FieldMessage
from desktop.ui.wizard.money import format_price, parse_price

TEXT_WHEN = N_("Date and time")
TEXT_ZONE = N_("Time zone")
TEXT_CHANNEL = N_("How")
TEXT_TIER = N_("Whom")
TEXT_WHO = N_("Name")
TEXT_WHO_PLACEHOLDER = N_("The person's name, as they gave it")
TEXT_ADVISOR = N_("Advisor ID")
TEXT_ADVISOR_PLACEHOLDER = N_("If they gave one")
TEXT_CASE = N_("Case number")
TEXT_CASE_PLACEHOLDER = N_("From Apple's email or the advisor")
TEXT_CS = N_("CS code")
TEXT_CS_PLACEHOLDER = N_("Only if they gave one")
TEXT_CS_AMOUNT = N_("CS amount")
TEXT_NOTES = N_("What they said or promised")
TEXT_NOTES_PLACEHOLDER = N_(
    "In their words where you can: what they checked, what they offered, what they promised "
    "and by when."
)
TEXT_OUTCOME = N_("Outcome")
TEXT_NEXT = N_("Next step")
TEXT_NEXT_PLACEHOLDER = N_("For example: Senior advisor calls back")
TEXT_DUE = N_("Due")
TEXT_DURATION = N_("Duration")
TEXT_NOT_NOTED = N_("Not noted")
TEXT_MINUTES = N_(" min")
TEXT_FILES = N_("Files")

CheckFn = Callable[[], Check]


def _combo(labels: dict, values: list) -> CodeCombo:  # type: ignore[type-arg]
    return CodeCombo([(v.value, tr(labels[v])) for v in values])


class EntryForm(QWidget):
    changed = Signal()

    def __init__(self, *, compact: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.compact = compact
        self._base: ContactEntry | None = None
        self._loaded: dict[str, object] = {}
        self._loading = False
        self._edited = False
        self.default_zone = ""  # used for contacts noted before the time zone was kept
        self._checks: list[tuple[FieldMessage, CheckFn]] = []
        self.now: Callable[[], datetime] = lambda: datetime.now().astimezone()

        self.date_edit = date_edit()
        self.time_edit = QTimeEdit()
        self.time_edit.setDisplayFormat("HH:mm")
        name_companion(self.time_edit, tr(TEXT_TIME))
        self.zone_combo = time_zone_combo()
        self.zone_combo.setMinimumWidth(160)
        self.channel_combo = _combo(choices.CHANNEL_LABELS, list(Channel))
        self.tier_combo = _combo(choices.TIER_LABELS, list(Tier))
        self.who_edit = self._line(TEXT_WHO_PLACEHOLDER)
        self.advisor_edit = self._line(TEXT_ADVISOR_PLACEHOLDER)
        self.case_number_edit = self._line(TEXT_CASE_PLACEHOLDER)
        self.cs_code_edit = self._line(TEXT_CS_PLACEHOLDER)
        self.cs_amount_edit = QLineEdit()
        self.cs_amount_edit.setMaxLength(20)
        self.cs_amount_edit.setPlaceholderText("0.00")
        self.cs_amount_edit.setMaximumWidth(text_px(110))
        self.cs_currency_combo = QComboBox()
        self.cs_currency_combo.setEditable(True)
        self.cs_currency_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.cs_currency_combo.addItems(choices.COMMON_CURRENCIES)
        self.cs_currency_combo.setMaximumWidth(text_px(90))
        name_companion(self.cs_currency_combo, tr(TEXT_CURRENCY))
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setPlaceholderText(tr(TEXT_NOTES_PLACEHOLDER))
        self.notes_edit.setMinimumHeight(self.notes_edit.fontMetrics().lineSpacing() * 5 + 14)
        self.outcome_combo = _combo(choices.OUTCOME_LABELS, list(Outcome))
        self.next_step_edit = self._line(TEXT_NEXT_PLACEHOLDER)
        self.due_edit = DueDateEdit()
        self.duration_spin = QSpinBox()
        self.duration_spin.setRange(-1, 24 * 60)
        self.duration_spin.setSpecialValueText(tr(TEXT_NOT_NOTED))
        self.duration_spin.setSuffix(tr(TEXT_MINUTES))
        self.duration_spin.setMaximumWidth(text_px(130))
        self.files = ContactFiles()

        left, right = self._form(), self._form()
        lines = self.notes_edit.fontMetrics().lineSpacing()
        if compact:
            # During a call the notes matter most: captions above, a big notes box.
            right.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
            self.notes_edit.setMinimumHeight(lines * 9 + 14)
        else:
            self.notes_edit.setMaximumHeight(lines * 8 + 14)
            # In a narrow tab a long caption goes above its field rather than squeeze it.
            right.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        if not compact:
            when = QHBoxLayout()
            when.setSpacing(theme.SPACE_M)
            when.addWidget(self.date_edit)
            when.addWidget(self.time_edit)
            when.addStretch(1)
            self.when_message = self._row(
                left, TEXT_WHEN, when, self._check_when, buddy=self.date_edit
            )
            self.zone_message = self._row(
                left, TEXT_ZONE, self.zone_combo, lambda: checks.check_zone(self.zone_text())
            )
            self._row(left, TEXT_CHANNEL, self.channel_combo)
        self._row(left, TEXT_TIER, self.tier_combo)
        self._row(left, TEXT_WHO, self.who_edit)
        self._row(left, TEXT_ADVISOR, self.advisor_edit)
        self.case_number_message = self._row(
            left,
            TEXT_CASE,
            self.case_number_edit,
            lambda: checks.check_case_number(self.case_number_edit.text()),
        )
        self._row(left, TEXT_CS, self.cs_code_edit)
        amount_row = QHBoxLayout()
        amount_row.setSpacing(theme.SPACE_M)
        amount_row.addWidget(self.cs_amount_edit)
        amount_row.addWidget(self.cs_currency_combo)
        amount_row.addStretch(1)
        self.cs_message = self._row(
            left, TEXT_CS_AMOUNT, amount_row, self._check_cs, buddy=self.cs_amount_edit
        )
        if not compact:
            self._row(left, TEXT_DURATION, self.duration_spin)

        self.notes_message = self._row(
            right, TEXT_NOTES, self.notes_edit, lambda: checks.check_length(self.notes_text())
        )
        self._row(right, TEXT_OUTCOME, self.outcome_combo)
        self._row(right, TEXT_NEXT, self.next_step_edit)
        self.due_message = self._row(
            right, TEXT_DUE, self.due_edit, self._check_due, buddy=self.due_edit.check
        )
        if not compact:
            self._row(right, TEXT_FILES, self.files)

        # Two columns side by side, or one under the other when narrow (larger text).
        columns = AdaptiveRow(text_px(640), theme.SPACE_XL + theme.SPACE_M)
        # Each column in its own widget: a box layout then asks each for its height at the
        # column's real width, so wrapped messages under the fields are never cut short.
        for form in (left, right):
            column = QWidget()
            column.setLayout(form)
            columns.box.addWidget(column, 1, Qt.AlignmentFlag.AlignTop)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(columns)

        for signal in (
            self.date_edit.dateChanged,
            self.time_edit.timeChanged,
            self.zone_combo.editTextChanged,
            self.channel_combo.currentIndexChanged,
            self.tier_combo.currentIndexChanged,
            self.who_edit.textChanged,
            self.advisor_edit.textChanged,
            self.case_number_edit.textChanged,
            self.cs_code_edit.textChanged,
            self.cs_amount_edit.textChanged,
            self.cs_currency_combo.editTextChanged,
            self.notes_edit.textChanged,
            self.outcome_combo.currentIndexChanged,
            self.next_step_edit.textChanged,
            self.due_edit.changed,
            self.duration_spin.valueChanged,
            self.files.changed,
        ):
            signal.connect(self._on_edit)
        # In the window it is shown in (Timeline tab or Log a call), after its menus took theirs
        # and after the window's own call, which gives the buttons theirs first.
        mnemonics_when_shown(self, defer=True)

    # -- building -----------------------------------------------------------------------

    @staticmethod
    def _line(placeholder: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setMaxLength(checks.MAX_LINE)
        edit.setPlaceholderText(tr(placeholder))
        return edit

    @staticmethod
    def _form() -> QFormLayout:
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setHorizontalSpacing(theme.SPACE_L)
        form.setVerticalSpacing(theme.SPACE_M + 2)
        return form

    def _row(
        self,
        form: QFormLayout,
        label: str,
        field: QWidget | QHBoxLayout,
        check: CheckFn | None = None,
        *,
        buddy: QWidget | None = None,
    ) -> FieldMessage:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(3)
        if isinstance(field, QWidget):
            column.addWidget(field)
        else:
            column.addLayout(field)
        message = FieldMessage()
        column.addWidget(message)
        caption = theme.muted(QLabel(tr(label)))
        caption.setContentsMargins(0, 5, 0, 0)
        target = buddy or (field if isinstance(field, QWidget) else None)
        if target is not None:
            label_field(caption, target)
            message.describes(target)
        form.addRow(caption, box)
        if check is not None:
            self._checks.append((message, check))
        return message

    # -- values ---------------------------------------------------------------------------

    def zone_text(self) -> str:
        return self.zone_combo.currentText().strip()

    def notes_text(self) -> str:
        return self.notes_edit.toPlainText()

    def moment(self) -> datetime | None:
        """The date and time typed, in the zone chosen; None while the zone is not known."""
        if self.compact:
            return self._base.at if self._base is not None else None
        zone = self.zone_text()
        if not choices.is_time_zone(zone):
            return None
        day: date = self.date_edit.date().toPython()
        clock: time = self.time_edit.time().toPython()
        return datetime.combine(day, clock.replace(second=0, microsecond=0), ZoneInfo(zone))

    def load(self, entry: ContactEntry) -> None:
        self._loading = True
        try:
            self._base = copy.deepcopy(entry)
            zone = entry.time_zone or self._matching_default_zone(entry.at)
            moment = noted_time(entry)
            if zone and not entry.time_zone:
                moment = entry.at.astimezone(ZoneInfo(zone))
            self.date_edit.setDate(moment.date())
            self.time_edit.setTime(QTime(moment.hour, moment.minute))
            self.zone_combo.setCurrentText(zone)
            self.channel_combo.set_code(entry.channel.value)
            self.tier_combo.set_code(entry.tier.value)
            self.who_edit.setText(entry.who)
            self.advisor_edit.setText(entry.advisor_id)
            self.case_number_edit.setText(entry.case_number)
            self.cs_code_edit.setText(entry.cs_code)
            self.cs_amount_edit.setText(format_price(entry.cs_amount))
            self.cs_currency_combo.setCurrentText(entry.cs_currency)
            self.notes_edit.setPlainText(entry.notes)
            self.outcome_combo.set_code(entry.outcome.value)
            self.next_step_edit.setText(entry.next_step)
            self.due_edit.set_value(entry.next_step_due, fallback=moment.date())
            seconds = entry.duration_seconds
            self.duration_spin.setValue(-1 if seconds is None else round(seconds / 60))
            self.files.set_files(entry.attachments)
        finally:
            self._loading = False
        self._edited = False
        built = self.entry()
        self._loaded = contact_to_dict(built) if built is not None else {}
        self.refresh()

    def entry(self) -> ContactEntry | None:
        """What is typed, as a contact with the loaded one's id; None while the time is unclear."""
        if self._base is None:
            return None
        at = self.moment()
        if at is None:
            return None
        entry = copy.deepcopy(self._base)
        entry.at = at
        if not self.compact:
            entry.time_zone = self.zone_text()
            entry.channel = Channel(self.channel_combo.code())
            minutes = self.duration_spin.value()
            base_seconds = self._base.duration_seconds
            if minutes < 0:
                entry.duration_seconds = None
            elif base_seconds is None or round(base_seconds / 60) != minutes:
                entry.duration_seconds = minutes * 60
            entry.attachments = list(self.files.files)
        entry.tier = Tier(self.tier_combo.code())
        entry.who = self.who_edit.text().strip()
        entry.advisor_id = self.advisor_edit.text().strip()
        entry.case_number = self.case_number_edit.text().strip()
        entry.cs_code = self.cs_code_edit.text().strip()
        try:
            entry.cs_amount = parse_price(self.cs_amount_edit.text())
        except ValueError:
            entry.cs_amount = None
        currency = self.cs_currency_combo.currentText().strip().upper()
        entry.cs_currency = currency if entry.cs_amount is not None else ""
        entry.notes = self.notes_text().strip()
        entry.outcome = Outcome(self.outcome_combo.code())
        entry.next_step = self.next_step_edit.text().strip()
        entry.next_step_due = self.due_edit.value()
        return entry

    def _matching_default_zone(self, at: datetime) -> str:
        """The default zone, if it had the contact's offset then (so the time reads the same)."""
        zone = self.default_zone
        if (
            zone
            and choices.is_time_zone(zone)
            and at.astimezone(ZoneInfo(zone)).utcoffset() == (at.utcoffset())
        ):
            return zone
        return ""

    def is_dirty(self) -> bool:
        if self._base is None or not self._edited:
            return False
        built = self.entry()
        return built is None or contact_to_dict(built) != self._loaded

    def problems(self) -> list[str]:
        return [result.text for _, fn in self._checks if (result := fn()).blocks]

    def is_valid(self) -> bool:
        return not self.problems()

    def refresh(self) -> None:
        for message, check in self._checks:
            message.show_check(check())

    # -- checks -----------------------------------------------------------------------------

    def _check_when(self) -> Check:
        return checks.check_when(self.moment(), self.now())

    def _check_cs(self) -> Check:
        return checks.check_cs(
            self.cs_code_edit.text(),
            self.cs_amount_edit.text(),
            self.cs_currency_combo.currentText() if self.cs_amount_edit.text().strip() else "",
        )

    def _check_due(self) -> Check:
        moment = self.moment()
        return checks.check_due(self.due_edit.value(), moment.date() if moment else None)

    def _on_edit(self, *_: object) -> None:
        if self._loading:
            return
        self._edited = True
        self.refresh()
        emit(self.changed)
