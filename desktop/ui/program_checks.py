"""The repair programs for a kind of device as check boxes, each with what it covers.

`value()` is the sorted ids ticked; `set_value(ids)` ticks them; `show_for(kind)`
lists the programs of that device kind (a ticked program of another kind stays
in the value until the user unticks it, so changing the kind by mistake loses
nothing). `changed` is emitted on every tick.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop.reference import Program, programs
from desktop.ui import theme
from desktop.ui.i18n import N_, current_language, tr
from desktop.ui.signals import emit
from desktop.ui.widgets.wrapping_check import wrapping_check

TEXT_NONE = N_(
    "The app knows no repair program for this kind of device. Apple's own list: "
    "support.apple.com/service-programs."
)
TEXT_YEARS = N_("{years} years from the first retail sale")
TEXT_NO_END = N_("no stated end")
TEXT_NOT_VERIFIED = N_("not verified")


class ProgramChecks(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._kind: str | None = None
        self._chosen: set[str] = set()
        self.boxes: dict[str, QCheckBox] = {}
        self._column = QVBoxLayout(self)
        self._column.setContentsMargins(0, 0, 0, 0)
        self._column.setSpacing(theme.SPACE_M)

    def value(self) -> list[str]:
        return sorted(self._chosen)

    def set_value(self, ids: list[str]) -> None:
        self._chosen = set(ids)
        for program_id, box in self.boxes.items():
            box.blockSignals(True)
            box.setChecked(program_id in self._chosen)
            box.blockSignals(False)

    def show_for(self, kind: str) -> None:
        if kind == self._kind:
            return
        self._kind = kind
        while self._column.count():
            widget = self._column.takeAt(0).widget()
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        self.boxes = {}
        matching = [p for p in programs() if kind in p.device_kinds]
        if not matching:
            empty = theme.muted(QLabel(tr(TEXT_NONE)))
            empty.setWordWrap(True)
            self._column.addWidget(empty)
        for program in matching:
            self._column.addWidget(self._row(program))

    def _row(self, program: Program) -> QWidget:
        language = current_language()
        box, _title, titled = wrapping_check(program.title_in(language))  # wraps, never cut
        program_id = program.id
        box.setChecked(program_id in self._chosen)
        box.toggled.connect(lambda on: self._toggle(program_id, on))
        self.boxes[program_id] = box
        years = program.years
        when = tr(TEXT_YEARS).format(years=years) if years else tr(TEXT_NO_END)
        if program.uncertain:
            when += f" ({tr(TEXT_NOT_VERIFIED)})"
        details = QLabel(f"{html.escape(program.scope_in(language))}<br>{html.escape(when)}")
        details.setTextFormat(Qt.TextFormat.RichText)
        details.setWordWrap(True)
        theme.muted(details)
        row = QWidget()
        column = QVBoxLayout(row)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        indented = QHBoxLayout()
        indented.setContentsMargins(0, 0, 0, 0)
        indented.addSpacing(26)
        indented.addWidget(details, 1)
        column.addLayout(titled)
        column.addLayout(indented)
        return row

    def _toggle(self, program_id: str, on: bool) -> None:
        if on:
            self._chosen.add(program_id)
        else:
            self._chosen.discard(program_id)
        emit(self.changed)
