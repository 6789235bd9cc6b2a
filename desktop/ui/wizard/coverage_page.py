"""Coverage: an AppleCare plan (kind, start, term) and the repair programs that may apply
to this kind of device, each with what it covers; and "Check coverage" on Apple's site."""

from __future__ import annotations

import html
from itertools import pairwise

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop.model import Case, PlanKind
from desktop.reference import Program, programs
from desktop.ui import theme
from desktop.ui.choices import PLAN_LABELS
from desktop.ui.i18n import N_, Plural, current_language, tr, tr_count
from desktop.ui.text_metrics import text_px
from desktop.ui.widgets.card import Card
from desktop.ui.widgets.code_combo import CodeCombo
from desktop.ui.widgets.optional_date import OptionalDateEdit
from desktop.ui.widgets.wrapping_check import wrapping_check
from desktop.ui.wizard.check_coverage import CheckCoverage
from desktop.ui.wizard.page import StepPage
from desktop.wizard_flow import Step

TEXT_TITLE = N_("Coverage beyond the warranty")
TEXT_WHY = N_(
    "AppleCare and Apple's repair programs can cover what the one-year warranty no longer does."
)
TEXT_PLAN = N_("AppleCare")
TEXT_PLAN_KIND = N_("Plan")
TEXT_PLAN_START = N_("Started on")
TEXT_PLAN_START_NOTE = N_("Usually the purchase date. Leave it unset if it is the same.")
TEXT_PLAN_TERM = N_("Term")
TERMS: list[tuple[int | None, str]] = [
    (None, N_("The usual term for this device (or monthly while paid)")),
    (12, N_("1 year")),
    (24, N_("2 years")),
    (36, N_("3 years")),
]
TEXT_MONTHS = Plural("{count} month", "{count} months")
TEXT_PROGRAMS = N_("Repair programs")
TEXT_PROGRAMS_NOTE = N_(
    "Tick a program only if your device and its fault match what it covers. Apple's list at "
    "support.apple.com/service-programs is the authority."
)
TEXT_NO_PROGRAMS = N_(
    "The app knows no repair program for this kind of device. Apple's own list: "
    "support.apple.com/service-programs."
)
TEXT_YEARS = N_("{years} years from the first retail sale")
TEXT_NO_END = N_("no stated end")
TEXT_SOURCE = N_("Source: {source}")
TEXT_NOT_VERIFIED = N_("not verified")
TEXT_CHECK = N_("Check with Apple")


class CoveragePage(StepPage):
    step = Step.COVERAGE
    TITLE = TEXT_TITLE
    WHY = TEXT_WHY

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._kind = ""
        self._chosen: set[str] = set()
        self.program_boxes: dict[str, QCheckBox] = {}

        self.plan_combo = CodeCombo([(k.value, tr(label)) for k, label in PLAN_LABELS.items()])
        self.plan_combo.setMaximumWidth(text_px(560))  # room for the longest choice in ru, fr
        self.start_edit = OptionalDateEdit()
        self.start_edit.unknown_box.hide()
        self.term_combo = QComboBox()
        for months, label in TERMS:
            self.term_combo.addItem(tr(label), months)
        self.term_combo.setMaximumWidth(text_px(560))
        for combo in (self.plan_combo, self.term_combo):
            # Narrower than the longest choice when the page has no room (the list shows it whole).
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(12)
        plan_card = Card(tr(TEXT_PLAN))
        form = self.make_form()
        self.add_field(form, tr(TEXT_PLAN_KIND), self.plan_combo)
        self.add_field(form, tr(TEXT_PLAN_START), self.start_edit, note=tr(TEXT_PLAN_START_NOTE))
        self.add_field(form, tr(TEXT_PLAN_TERM), self.term_combo)
        plan_card.body.addLayout(form)

        self.programs_card = Card(tr(TEXT_PROGRAMS))
        note = theme.muted(QLabel(tr(TEXT_PROGRAMS_NOTE)))
        note.setWordWrap(True)
        self.programs_card.body.addWidget(note)
        self._programs_box = QVBoxLayout()
        self._programs_box.setSpacing(theme.SPACE_M + 2)
        self.programs_card.body.addLayout(self._programs_box)

        check_card = Card(tr(TEXT_CHECK))
        wizard_url = lambda url: self.case_wizard.open_url(url)  # noqa: E731
        self.check_coverage = CheckCoverage(lambda: self.case_wizard.case.device.serial, wizard_url)
        check_card.body.addWidget(self.check_coverage)

        # Full width: a maximum width would make the scroll area misjudge wrapped heights.
        column = self.scrolling_body()
        for card in (plan_card, self.programs_card, check_card):
            column.addWidget(card)
        column.addStretch(1)
        self.watch(self.plan_combo.activated, "plan")
        self.watch(self.start_edit.changed, "plan_start")
        self.watch(self.term_combo.activated, "plan_term")
        self.plan_combo.currentIndexChanged.connect(lambda *_: self._follow_plan())

    def _follow_plan(self) -> None:
        has_plan = self.plan_combo.code() not in ("", PlanKind.NONE.value)
        self.start_edit.setEnabled(has_plan)
        self.term_combo.setEnabled(has_plan)

    def _show_programs(self, kind: str) -> None:
        self._kind = kind
        while self._programs_box.count():
            widget = self._programs_box.takeAt(0).widget()
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        self.program_boxes = {}
        matching = [p for p in programs() if kind in p.device_kinds]
        if not matching:
            empty = theme.muted(QLabel(tr(TEXT_NO_PROGRAMS)))
            empty.setWordWrap(True)
            self._programs_box.addWidget(empty)
        for program in matching:
            self._programs_box.addWidget(self._program_row(program))
        # Rows built after the page: Tab still goes plan, programs, then "Check with Apple".
        chain = [self.term_combo, *self.program_boxes.values(), self.check_coverage.button]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _program_row(self, program: Program) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        language = current_language()
        check, _title, titled = wrapping_check(program.title_in(language))  # wraps, never cut
        check.setChecked(program.id in self._chosen)
        check.toggled.connect(lambda on: self._toggle_program(program.id, on))
        self.program_boxes[program.id] = check
        years = tr(TEXT_YEARS).format(years=program.years) if program.years else tr(TEXT_NO_END)
        source = tr(TEXT_SOURCE).format(source=program.source)
        if program.uncertain:
            source += f" ({tr(TEXT_NOT_VERIFIED)})"
        details = QLabel(
            f"{html.escape(program.scope_in(language))}<br><span>{html.escape(years)} · "
            f"{html.escape(source)}</span>"
        )
        details.setTextFormat(Qt.TextFormat.RichText)
        details.setWordWrap(True)
        theme.muted(details)
        indented = QHBoxLayout()  # under the text, not under the box (a margin would clip it)
        indented.setContentsMargins(0, 0, 0, 0)
        indented.addSpacing(26)
        indented.addWidget(details, 1)
        column.addLayout(titled)
        column.addLayout(indented)
        return box

    def _toggle_program(self, program_id: str, on: bool) -> None:
        if on:
            self._chosen.add(program_id)
        else:
            self._chosen.discard(program_id)
        self._on_user_edit("programs")

    def chosen_programs(self) -> set[str]:
        return set(self._chosen)

    def enter(self, case: Case) -> None:
        kind = case.device.kind.value
        if kind != self._kind:
            with self.loading():
                self._show_programs(kind)

    def load(self, case: Case) -> None:
        plan = case.applecare
        with self.loading():
            self.plan_combo.set_code(plan.kind.value)
            self.start_edit.set_value(plan.start)
            index = self.term_combo.findData(plan.months)
            if index < 0 and plan.months is not None:
                self.term_combo.addItem(tr_count(TEXT_MONTHS, plan.months), plan.months)
                index = self.term_combo.count() - 1
            self.term_combo.setCurrentIndex(max(index, 0))
            self._chosen = set(case.repair_programs)
            self._kind = ""
            self._show_programs(case.device.kind.value)
        self._follow_plan()

    def apply(self, case: Case) -> None:
        plan = case.applecare
        plan.kind = PlanKind(self.plan_combo.code() or PlanKind.NONE.value)
        has_plan = plan.kind is not PlanKind.NONE
        plan.start = self.start_edit.value() if has_plan else None
        plan.months = self.term_combo.currentData() if has_plan else None
        # Programs of another device kind (ticked before the kind changed) are not kept.
        known = {p.id for p in programs() if case.device.kind.value in p.device_kinds}
        case.repair_programs = sorted(self._chosen & known)
