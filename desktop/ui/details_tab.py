"""The Details tab: everything the wizard asked, editable in place.

Every field checks as you type (desktop.identifiers' verdicts for serial, IMEI,
EID and Apple Account, in words under the field) and saves itself: text when
typing pauses or the field is left, choices and dates at once. Each save is one
undoable command on the case's undo stack. "Edit in wizard" re-runs the wizard.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop import identifiers
from desktop.model import CaseType, DeviceKind, PlanKind
from desktop.ui import choices, icons, theme
from desktop.ui.case_commands import SetValues
from desktop.ui.case_session import CaseSession
from desktop.ui.field_binding import (
    Commit,
    FieldBinding,
    Invalid,
    combo_data,
    line_text,
    plain_text,
    set_combo_data,
)
from desktop.ui.i18n import N_, current_language, tr, tr_count
from desktop.ui.program_checks import ProgramChecks
from desktop.ui.text_metrics import text_px
from desktop.ui.widgets.accessible import label_field, mnemonics_when_shown
from desktop.ui.widgets.card import Card
from desktop.ui.widgets.code_combo import CodeCombo
from desktop.ui.widgets.field_message import NO_PROBLEM, Check, Level
from desktop.ui.widgets.optional_date import OptionalDateEdit
from desktop.ui.wizard.charges_page import ChargeRow
from desktop.ui.wizard.coverage_page import TERMS, TEXT_MONTHS
from desktop.ui.wizard.identifier_checks import as_message, normalized
from desktop.ui.wizard.money import format_price, parse_price
from desktop.ui.wizard.repairs_page import RepairRow
from desktop.ui.wizard.row_list import RowList
from desktop.wizard_flow import Step, steps_for

TEXT_INTRO = N_("Changes are saved as you type. Undo takes them back one by one.")
TEXT_WIZARD = N_("Edit in wizard")
TEXT_CHANGE = N_("Change “{field}”")
TEXT_CASE = N_("The case")
TEXT_TITLE = N_("Name of the case")
TEXT_KIND = N_("Kind of case")
TEXT_DEVICE = N_("Device")
TEXT_DEVICE_KIND = N_("Device")
TEXT_MODEL = N_("Model name")
TEXT_SERIAL = N_("Serial number")
TEXT_IMEI = N_("IMEI")
TEXT_IMEI2 = N_("IMEI2")
TEXT_EID = N_("EID")
TEXT_APPLE_ID = N_("Apple Account")
TEXT_OWNER = N_("Your details")
TEXT_NAME = N_("Full name")
TEXT_EMAIL = N_("Email for replies")
TEXT_EMAIL_ODD = N_("An email address has an @ and a domain, like name@example.com.")
TEXT_PHONE = N_("Callback phone")
TEXT_ADDRESS = N_("Postal address")
TEXT_COUNTRY = N_("Country")
TEXT_CHOOSE_COUNTRY = N_("Choose a country…")
TEXT_TIME_ZONE = N_("Time zone")
TEXT_TIME_ZONE_ERROR = N_(
    "This is not a time zone we know. Pick one from the list, e.g. Europe/Berlin."
)
TEXT_LANGUAGE = N_("Dossier language")
TEXT_PURCHASE = N_("Purchase")
TEXT_DATE = N_("Purchase date")
TEXT_SELLER = N_("Bought from")
TEXT_PURCHASE_COUNTRY = N_("Country of purchase")
TEXT_ORDER = N_("Order or invoice number")
TEXT_PRICE = N_("Price paid")
TEXT_PRICE_ERROR = N_("Write the price as a number, for example 1299.00 or 1.299,00.")
TEXT_CURRENCY = N_("Currency")
TEXT_CURRENCY_ERROR = N_("A currency is three letters, for example EUR or USD.")
TEXT_COVERAGE = N_("Coverage beyond the warranty")
TEXT_APPLECARE = N_("AppleCare plan")
TEXT_PLAN_START = N_("Plan started")
TEXT_PLAN_TERM = N_("Term")
TEXT_PROGRAMS = N_("Repair programs")
TEXT_PROGRAMS_NOTE = N_(
    "Tick a program only if your device and its fault match what it covers. Apple's list at "
    "support.apple.com/service-programs is the authority."
)
TEXT_REPAIRS = N_("Earlier repairs")
TEXT_ADD_REPAIR = N_("Add a repair")
TEXT_NO_REPAIRS = N_("No earlier repair. A repair Apple did carries its own warranty.")
TEXT_CHARGES = N_("The charges you dispute")
TEXT_ADD_CHARGE = N_("Add a charge")
TEXT_NO_CHARGES = N_("No charge listed yet.")
TEXT_SYMPTOMS = N_("What is wrong")
TEXT_DESCRIPTION = N_("Description")
TEXT_FIRST_NOTICED = N_("First noticed")
TEXT_FREQUENCY = N_("How often")
TEXT_TRIED = N_("What you tried")
TEXT_ERRORS = N_("Error messages")
TEXT_SECRET_NOTE = N_("Kept in your system's keychain, not in a file.")
TEXT_LOCKED_FIELD = N_("The keychain is locked: unlock it to see and change this.")


FIELD_WIDTH = 420


class DetailsTab(QScrollArea):
    edit_in_wizard_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        # Sideways only when the content cannot fit (larger text, a narrow window): never cut.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.session: CaseSession | None = None
        self.bindings: dict[str, FieldBinding] = {}
        self.rows: dict[str, QWidget] = {}
        self.cards: dict[str, Card] = {}

        intro = theme.muted(QLabel(tr(TEXT_INTRO)))
        intro.setWordWrap(True)
        self.wizard_button = QPushButton(icons.icon("edit"), tr(TEXT_WIZARD))
        self.wizard_button.setObjectName("secondary")
        self.wizard_button.clicked.connect(self.edit_in_wizard_requested)
        top = QHBoxLayout()
        top.addWidget(intro, 1)
        top.addWidget(self.wizard_button)

        content = QWidget()
        self._column = QVBoxLayout(content)
        self._column.setContentsMargins(
            theme.SPACE_XL, theme.SPACE_L, theme.SPACE_XL, theme.SPACE_XL
        )
        self._column.setSpacing(theme.SPACE_L)
        self._column.addLayout(top)
        self._build_case()
        self._build_device()
        self._build_owner()
        self._build_purchase()
        self._build_coverage()
        self._build_symptoms()
        self._build_history()
        self._column.addStretch(1)
        self.setWidget(content)
        mnemonics_when_shown(self)  # Alt+letter on each caption, in this window's letters

    # -- building ------------------------------------------------------------------------

    def _card(self, title: str) -> QFormLayout:
        card = Card(tr(title))
        self.cards[title] = card
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        form.setHorizontalSpacing(theme.SPACE_L + theme.SPACE_S)
        form.setVerticalSpacing(theme.SPACE_M + 2)
        card.body.addLayout(form)
        self._column.addWidget(card)
        return form

    def _add(
        self,
        form: QFormLayout,
        path: str,
        label: str,
        widget: QWidget,
        read: Callable[[], Any],
        write: Callable[[Any], None],
        *,
        check: Callable[[], Check] | None = None,
        typed: bool = False,
        note: str = "",
    ) -> FieldBinding:
        binding = FieldBinding(
            path,
            tr(label),
            widget,
            read,
            write,
            self._commit,
            check=check,
            typed=typed,
            parent=self,
        )
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        column.addWidget(binding.message)
        if note:
            hint = theme.muted(QLabel(tr(note)))
            hint.setWordWrap(True)
            hint.setFont(theme.scaled_font(hint, 0.92))
            column.addWidget(hint)
        caption = label_field(QLabel(tr(label)), widget, tr(note) if note else "")
        binding.message.describes(widget, tr(note) if note else "")
        caption.setMinimumWidth(150)
        form.addRow(caption, holder)
        self.bindings[path] = binding
        self.rows[path] = holder
        return binding

    def _line(self, form: QFormLayout, path: str, label: str, **kwargs: Any) -> QLineEdit:
        edit = QLineEdit()
        edit.setMaximumWidth(FIELD_WIDTH)
        edit.setMaxLength(kwargs.pop("max_length", 500))
        binding = self._add(
            form, path, label, edit, line_text(edit), edit.setText, typed=True, **kwargs
        )
        edit.textEdited.connect(binding.typing)
        edit.editingFinished.connect(binding.edited)
        return edit

    def _identifier(
        self, form: QFormLayout, path: str, label: str, check: Callable[..., identifiers.Check]
    ) -> QLineEdit:
        edit = QLineEdit()
        edit.setMaximumWidth(FIELD_WIDTH)
        edit.setMaxLength(48)

        def read() -> str:
            return normalized(check, edit.text())

        binding = self._add(
            form,
            path,
            label,
            edit,
            read,
            edit.setText,
            check=lambda: as_message(check(edit.text(), current_language())),
            typed=True,
        )
        edit.textEdited.connect(binding.typing)
        edit.editingFinished.connect(binding.edited)
        return edit

    def _text_box(
        self, form: QFormLayout, path: str, label: str, lines: int, **kwargs: Any
    ) -> QPlainTextEdit:
        box = QPlainTextEdit()
        box.setTabChangesFocus(True)
        box.setFixedHeight(box.fontMetrics().lineSpacing() * lines + 14)
        box.setMaximumWidth(FIELD_WIDTH + 180)
        binding = self._add(
            form, path, label, box, plain_text(box), box.setPlainText, typed=True, **kwargs
        )
        box.textChanged.connect(binding.typing)
        return box

    def _combo(
        self, form: QFormLayout, path: str, label: str, items: list[tuple[Enum, str]], **kwargs: Any
    ) -> QComboBox:
        combo = QComboBox()
        for value, text in items:
            combo.addItem(text, value.value)
        combo.setMaximumWidth(FIELD_WIDTH)
        kind = type(items[0][0])
        binding = self._add(
            form, path, label, combo, combo_data(combo, kind), set_combo_data(combo), **kwargs
        )
        combo.activated.connect(binding.edited)
        return combo

    def _code_combo(
        self, form: QFormLayout, path: str, label: str, combo: CodeCombo, **kwargs: Any
    ) -> CodeCombo:
        combo.setMaximumWidth(FIELD_WIDTH)
        binding = self._add(form, path, label, combo, combo.code, combo.set_code, **kwargs)
        combo.activated.connect(binding.edited)
        return combo

    def _date(self, form: QFormLayout, path: str, label: str) -> OptionalDateEdit:
        edit = OptionalDateEdit()
        binding = self._add(form, path, label, edit, edit.value, edit.set_value)
        edit.changed.connect(binding.edited)
        return edit

    def _build_case(self) -> None:
        form = self._card(TEXT_CASE)
        self.title_edit = self._line(form, "title", TEXT_TITLE, max_length=200)
        self._combo(
            form,
            "case_type",
            TEXT_KIND,
            [(kind, tr(label)) for kind, label in choices.CASE_TYPE_LABELS.items()],
        )

    def _build_device(self) -> None:
        form = self._card(TEXT_DEVICE)
        self._combo(
            form,
            "device.kind",
            TEXT_DEVICE_KIND,
            [(kind, tr(label)) for kind, label in choices.DEVICE_KIND_LABELS.items()],
        )
        self._line(form, "device.model_name", TEXT_MODEL, max_length=200)
        self.serial_edit = self._identifier(
            form, "device.serial", TEXT_SERIAL, identifiers.check_serial
        )
        self._identifier(form, "device.imei", TEXT_IMEI, identifiers.check_imei)
        self._identifier(form, "device.imei2", TEXT_IMEI2, identifiers.check_imei)
        self._identifier(form, "device.eid", TEXT_EID, identifiers.check_eid)
        self._identifier(form, "apple_id", TEXT_APPLE_ID, identifiers.check_apple_id)

    def _build_coverage(self) -> None:
        form = self._card(TEXT_COVERAGE)
        self._combo(
            form,
            "applecare.kind",
            TEXT_APPLECARE,
            [(kind, tr(label)) for kind, label in choices.PLAN_LABELS.items()],
        )
        self._date(form, "applecare.start", TEXT_PLAN_START)
        term = QComboBox()
        for months, label in TERMS:
            term.addItem(tr(label), months)
        term.setMaximumWidth(FIELD_WIDTH)

        def write_term(months: Any) -> None:
            index = term.findData(months)
            if index < 0 and months is not None:
                term.addItem(tr_count(TEXT_MONTHS, months), months)
                index = term.count() - 1
            term.setCurrentIndex(max(index, 0))

        binding = self._add(
            form, "applecare.months", TEXT_PLAN_TERM, term, term.currentData, write_term
        )
        term.activated.connect(binding.edited)
        self.programs = ProgramChecks()
        binding = self._add(
            form,
            "repair_programs",
            TEXT_PROGRAMS,
            self.programs,
            self.programs.value,
            self.programs.set_value,
            note=TEXT_PROGRAMS_NOTE,
        )
        self.programs.changed.connect(binding.edited)

    def _build_history(self) -> None:
        self._row_list(TEXT_REPAIRS, "repairs", RepairRow, TEXT_ADD_REPAIR, TEXT_NO_REPAIRS)
        self._row_list(TEXT_CHARGES, "charges", ChargeRow, TEXT_ADD_CHARGE, TEXT_NO_CHARGES)

    def _row_list(
        self, title: str, path: str, make_row: Callable[[], QWidget], add: str, empty: str
    ) -> None:
        card = Card(tr(title))
        self.cards[title] = card
        rows = RowList(make_row, tr(add), tr(empty))

        def read() -> list[Any]:
            # Rows left completely empty are not entries (as in the wizard).
            return [item for item in rows.values() if _filled(item)]

        binding = FieldBinding(
            path, tr(title), rows, read, rows.set_items, self._commit, typed=True, parent=self
        )
        rows.changed.connect(binding.typing)
        card.body.addWidget(rows)
        card.body.addWidget(binding.message)
        self.bindings[path] = binding
        self.rows[path] = rows
        self._column.addWidget(card)

    def _build_owner(self) -> None:
        form = self._card(TEXT_OWNER)
        self._line(form, "owner.name", TEXT_NAME, max_length=200)
        email = QLineEdit()
        self._email = email
        self._line_with_check(form, "owner.email", TEXT_EMAIL, email, self._check_email)
        self._line(form, "owner.phone", TEXT_PHONE, note=TEXT_SECRET_NOTE)
        self._text_box(form, "owner.postal_address", TEXT_ADDRESS, 3)
        self._code_combo(
            form,
            "owner.country",
            TEXT_COUNTRY,
            CodeCombo(choices.countries(), placeholder=tr(TEXT_CHOOSE_COUNTRY)),
        )
        zone = QComboBox()
        zone.setEditable(True)
        zone.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        zone.addItems(["", *choices.time_zones()])
        completer = QCompleter(choices.time_zones(), zone)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        zone.setCompleter(completer)
        zone.setMaximumWidth(FIELD_WIDTH)

        self._editable_combo(
            form,
            "owner.time_zone",
            TEXT_TIME_ZONE,
            zone,
            normalise=str.strip,
            is_valid=choices.is_time_zone,
            problem=lambda: Check(Level.ERROR, tr(TEXT_TIME_ZONE_ERROR)),
        )
        self._code_combo(
            form, "owner.dossier_language", TEXT_LANGUAGE, CodeCombo(choices.LANGUAGES)
        )

    def _line_with_check(
        self,
        form: QFormLayout,
        path: str,
        label: str,
        edit: QLineEdit,
        check: Callable[[], Check],
    ) -> None:
        edit.setMaximumWidth(FIELD_WIDTH)
        binding = self._add(
            form, path, label, edit, line_text(edit), edit.setText, check=check, typed=True
        )
        edit.textEdited.connect(binding.typing)
        edit.editingFinished.connect(binding.edited)

    def _check_email(self) -> Check:
        value = self._email.text().strip()
        if value and ("@" not in value or "." not in value.rsplit("@", 1)[-1]):
            return Check(Level.WARN, tr(TEXT_EMAIL_ODD))
        return NO_PROBLEM

    def _build_purchase(self) -> None:
        form = self._card(TEXT_PURCHASE)
        self._date(form, "purchase.date", TEXT_DATE)
        self._line(form, "purchase.seller", TEXT_SELLER, max_length=200)
        self._code_combo(
            form,
            "purchase.country",
            TEXT_PURCHASE_COUNTRY,
            CodeCombo(choices.countries(), placeholder=tr(TEXT_CHOOSE_COUNTRY)),
        )
        self._line(form, "purchase.order_number", TEXT_ORDER, note=TEXT_SECRET_NOTE)
        price = QLineEdit()
        price.setMaximumWidth(text_px(160))

        def read_price() -> Any:
            try:
                return parse_price(price.text())
            except ValueError:
                raise Invalid(price.text()) from None

        def check_price() -> Check:
            try:
                parse_price(price.text())
            except ValueError:
                return Check(Level.ERROR, tr(TEXT_PRICE_ERROR))
            return NO_PROBLEM

        binding = self._add(
            form,
            "purchase.price",
            TEXT_PRICE,
            price,
            read_price,
            lambda value: price.setText(format_price(value)),
            check=check_price,
            typed=True,
        )
        price.textEdited.connect(binding.typing)
        price.editingFinished.connect(binding.edited)
        currency = QComboBox()
        currency.setEditable(True)
        currency.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        currency.addItems(["", *choices.COMMON_CURRENCIES])
        currency.setMaximumWidth(text_px(110))

        self._editable_combo(
            form,
            "purchase.currency",
            TEXT_CURRENCY,
            currency,
            normalise=lambda text: text.strip().upper(),
            is_valid=lambda code: len(code) == 3,
            problem=lambda: Check(Level.WARN, tr(TEXT_CURRENCY_ERROR)),
        )

    def _editable_combo(
        self,
        form: QFormLayout,
        path: str,
        label: str,
        combo: QComboBox,
        *,
        normalise: Callable[[str], str],
        is_valid: Callable[[str], bool],
        problem: Callable[[], Check],
    ) -> None:
        """An editable combo (time zone, currency): saved when picked or left, checked."""

        def read() -> str:
            value = normalise(combo.currentText())
            if value and not is_valid(value):
                raise Invalid(value)
            return value

        def check() -> Check:
            value = normalise(combo.currentText())
            return problem() if value and not is_valid(value) else NO_PROBLEM

        binding = self._add(form, path, label, combo, read, combo.setCurrentText, check=check)
        combo.activated.connect(binding.edited)
        combo.lineEdit().editingFinished.connect(binding.edited)

    def _build_symptoms(self) -> None:
        form = self._card(TEXT_SYMPTOMS)
        self._text_box(form, "symptoms.description", TEXT_DESCRIPTION, 5)
        self._date(form, "symptoms.first_noticed", TEXT_FIRST_NOTICED)
        frequency = QComboBox()
        frequency.setEditable(True)
        frequency.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        frequency.addItems(["", *(tr(text) for text in choices.FREQUENCIES)])
        frequency.setMaximumWidth(FIELD_WIDTH)
        frequency.setMinimumWidth(FIELD_WIDTH - 100)
        binding = self._add(
            form,
            "symptoms.frequency",
            TEXT_FREQUENCY,
            frequency,
            lambda: frequency.currentText().strip(),
            frequency.setCurrentText,
        )
        frequency.activated.connect(binding.edited)
        frequency.lineEdit().editingFinished.connect(binding.edited)
        self._text_box(form, "symptoms.tried", TEXT_TRIED, 2)
        self._line(form, "symptoms.error_messages", TEXT_ERRORS)

    # -- the case --------------------------------------------------------------------------

    def set_session(self, session: CaseSession | None) -> None:
        self.flush()
        self.session = session
        self.refresh()

    def refresh(self) -> None:
        """Show the case's values (after an edit elsewhere, an undo, a redo)."""
        from desktop.ui.case_paths import get_value

        session = self.session
        if session is None:
            return
        case = session.case
        unreadable = session.casebook.unreadable_secrets(case.id)
        for path, binding in self.bindings.items():
            binding.show(get_value(case, path))
            locked = path in unreadable
            binding.widget.setEnabled(not locked)
            if locked:
                binding.message.show_check(Check(Level.HINT, tr(TEXT_LOCKED_FIELD)))
        has_imei = case.device.kind in choices.HAS_IMEI
        for path in ("device.imei", "device.imei2", "device.eid"):
            self._set_row_visible(path, has_imei or bool(getattr(case.device, path.split(".")[1])))
        no_device = case.case_type is CaseType.ACCOUNT and case.device.kind is DeviceKind.OTHER
        self._set_row_visible("device.serial", not no_device or bool(case.device.serial))
        has_plan = case.applecare.kind is not PlanKind.NONE
        self._set_row_visible("applecare.start", has_plan)
        self._set_row_visible("applecare.months", has_plan)
        self.programs.show_for(case.device.kind.value)
        steps = steps_for(case)
        self.cards[TEXT_COVERAGE].setVisible(Step.COVERAGE in steps or has_plan)
        self.cards[TEXT_REPAIRS].setVisible(Step.REPAIRS in steps or bool(case.repairs))
        self.cards[TEXT_CHARGES].setVisible(Step.CHARGES in steps or bool(case.charges))

    def flush(self) -> None:
        """Commit what is being typed (before undo, switching cases, closing)."""
        for binding in self.bindings.values():
            if binding.pending:
                binding.commit()

    def _set_row_visible(self, path: str, visible: bool) -> None:
        holder = self.rows[path]
        for layout in self.findChildren(QFormLayout):
            if layout.indexOf(holder) >= 0:
                layout.setRowVisible(holder, visible)
                return

    def _commit(self, commit: Commit) -> None:
        from desktop.ui.case_paths import get_value

        session = self.session
        if session is None:
            return
        if get_value(session.case, commit.path) == commit.value:
            return
        text = tr(TEXT_CHANGE).format(field=commit.label)
        session.push(SetValues(session, text, {commit.path: commit.value}))


def _filled(item: Any) -> bool:
    """A repair or charge row with anything in it (the id alone does not count)."""
    return any(value not in (None, "") for name, value in vars(item).items() if name != "id")
