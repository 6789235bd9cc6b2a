"""What every wizard page shares: a heading with why it matters, fields with a message
line under each, and Next blocked only by checks that say so.

Pages do not use QWizard's field registry: each page reads a Case into its
widgets (`load`) and writes them back (`apply`). That keeps the data in one
object and sidesteps the registry's traps (a QComboBox field gives its index,
a QPlainTextEdit needs its property name).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from desktop.model import Case
from desktop.ui import theme
from desktop.ui.i18n import tr
from desktop.ui.signals import emit
from desktop.ui.widgets.accessible import label_field
from desktop.ui.widgets.field_message import NO_PROBLEM, Check, FieldMessage, Level
from desktop.ui.widgets.page_scroll import page_scroll
from desktop.wizard_flow import Step

if TYPE_CHECKING:
    from desktop.ui.wizard.case_wizard import CaseWizard

CheckFn = Callable[[], Check]


class StepPage(QWizardPage):
    step: ClassVar[Step]
    TITLE: ClassVar[str]
    WHY: ClassVar[str]

    edited = Signal()  # the user changed something on this page

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"page_{self.step.value}")
        self._checks: list[tuple[FieldMessage, CheckFn]] = []
        self._touched: set[str] = set()
        self._loading = False

        self.title_label = theme.heading(tr(self.TITLE), 1.55)
        self.title_label.setWordWrap(True)
        self.why_label = theme.muted(QLabel(tr(self.WHY)))
        self.why_label.setWordWrap(True)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(theme.SPACE_L, theme.SPACE_M + 4, theme.SPACE_M, 0)
        outer.setSpacing(theme.SPACE_S)
        outer.addWidget(self.title_label)
        outer.addWidget(self.why_label)
        outer.addSpacing(theme.SPACE_XL - theme.SPACE_S)
        # The fields scroll when they need more room than the window has (larger text,
        # longer languages) instead of being squeezed until their messages are cut off.
        content = QWidget()
        self.body = QVBoxLayout(content)
        self.body.setContentsMargins(0, 0, 0, 0)
        self.body.setSpacing(theme.SPACE_L)
        self.page_scroll = page_scroll(content, sideways=False)
        outer.addWidget(self.page_scroll, 1)

    # -- what subclasses implement ------------------------------------------

    def load(self, case: Case) -> None:
        """Fill the widgets from the case (called once, before the page is shown)."""

    def apply(self, case: Case) -> None:
        """Write the widgets' values into the case."""

    def enter(self, case: Case) -> None:
        """Adapt to answers on earlier pages each time the page is entered."""

    # -- building blocks ------------------------------------------------------

    @property
    def case_wizard(self) -> CaseWizard:
        from desktop.ui.wizard.case_wizard import CaseWizard

        wizard = self.wizard()
        assert isinstance(wizard, CaseWizard)
        return wizard

    def scrolling_body(self) -> QVBoxLayout:
        """A column that scrolls, for pages that grow (lists of programs, repairs, charges)."""
        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, theme.SPACE_M, theme.SPACE_M)
        column.setSpacing(theme.SPACE_L)
        scroll = page_scroll(content, sideways=False)
        self.body.addWidget(scroll, 1)
        return column

    def make_form(self) -> QFormLayout:
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        form.setHorizontalSpacing(theme.SPACE_L + theme.SPACE_S)
        form.setVerticalSpacing(theme.SPACE_L - 2)
        return form

    def add_field(
        self,
        form: QFormLayout,
        label: str,
        widget: QWidget,
        *,
        check: CheckFn | None = None,
        note: str = "",
        buddy: QWidget | None = None,
    ) -> FieldMessage:
        """A labelled row: the widget, an optional note under it, then its message line."""
        container = QWidget()
        column = QVBoxLayout(container)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(3)
        column.addWidget(widget)
        if note:
            note_label = theme.muted(QLabel(note))
            note_label.setWordWrap(True)
            column.addWidget(note_label)
        message = FieldMessage()
        column.addWidget(message)
        caption = label_field(QLabel(label), buddy or widget, note)
        message.describes(buddy or widget, note)
        # Line the caption up with the text inside the field, not with the message below.
        caption.setContentsMargins(0, 5, 0, 0)
        form.addRow(caption, container)
        if check is not None:
            self._checks.append((message, check))
        return message

    def add_check(self, message: FieldMessage, check: CheckFn) -> None:
        self._checks.append((message, check))

    def watch(self, signal: SignalInstance, key: str) -> None:
        """Mark `key` as touched by the user whenever `signal` fires (not while loading)."""
        signal.connect(lambda *_: self._on_user_edit(key))

    def require(self, key: str, value: Callable[[], str], hint: str, error: str) -> CheckFn:
        """A required text: a neutral hint until touched, then an error; both block Next."""

        def check() -> Check:
            if value().strip():
                return NO_PROBLEM
            if key in self._touched:
                return Check(Level.ERROR, tr(error))
            return Check(Level.HINT, tr(hint), blocking=True)

        return check

    def touched(self, key: str) -> bool:
        return key in self._touched

    def loading(self) -> _Loading:
        return _Loading(self)

    # -- state ------------------------------------------------------------------

    def refresh(self) -> None:
        for message, check in self._checks:
            message.show_check(check())
        emit(self.completeChanged)

    def problems(self) -> list[str]:
        """The texts of whatever blocks Next (for tests and for the review page)."""
        return [result.text for _, fn in self._checks if (result := fn()).blocks]

    def isComplete(self) -> bool:
        return not any(fn().blocks for _, fn in self._checks)

    def cleanupPage(self) -> None:
        # QWizard's default resets registered fields on Back; we keep what was typed.
        pass

    def initializePage(self) -> None:
        self.enter(self.case_wizard.case)
        self.refresh()

    def _on_user_edit(self, key: str) -> None:
        if self._loading:
            return
        self._touched.add(key)
        self.refresh()
        emit(self.edited)


class _Loading:
    """`with page.loading():` programmatic changes do not count as the user's edits."""

    def __init__(self, page: StepPage) -> None:
        self._page = page

    def __enter__(self) -> None:
        self._page._loading = True

    def __exit__(self, *exc: object) -> None:
        self._page._loading = False
