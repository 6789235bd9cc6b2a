"""The coverage layers in a few lines: what, until when, its status in words, doubtful
figures marked, and the strongest argument in one sentence on top."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from desktop.coverage import LayerState, coverage_layers, strongest_argument
from desktop.i18n import SOURCE_LANGUAGE
from desktop.model import Case
from desktop.ui import icons, theme
from desktop.ui.formatting import format_date
from desktop.ui.i18n import N_, tr

TEXT_UNTIL = N_("until {date}")
TEXT_NO_END = N_("no fixed end")
TEXT_UNCERTAIN = N_("figure not verified")
TEXT_NONE = N_("Add the purchase date (Receipt step) to see what you are still entitled to.")

_STATE = {
    LayerState.ACTIVE: ("tick", "ok"),
    LayerState.ENDED: ("error", "muted"),
    LayerState.NOT_STARTED: ("pending", "muted"),
}


class CoverageSummary(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lines: list[str] = []
        self.argument_label = QLabel()
        self.argument_label.setWordWrap(True)
        self.argument_label.setTextFormat(Qt.TextFormat.PlainText)
        self.argument_label.setFont(theme.scaled_font(self.argument_label, 1.0, bold=True))
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(theme.SPACE_M + 4)
        self.grid.setVerticalSpacing(theme.SPACE_S + 2)
        self.grid.setColumnStretch(1, 1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(theme.SPACE_M + 2)
        column.addWidget(self.argument_label)
        column.addLayout(self.grid)

    def show_case(self, case: Case, today: date, language: str = SOURCE_LANGUAGE) -> None:
        layers = coverage_layers(case, language)
        argument = strongest_argument(case, today, language) if layers else tr(TEXT_NONE)
        self.argument_label.setText(argument)
        self.lines = [argument]
        c = theme.colours()
        for row, layer in enumerate(layers):
            state = layer.state(today)
            icon_name, colour = _STATE[state]
            badge = QLabel()
            badge.setPixmap(icons.pixmap(icon_name, 16, getattr(c, colour)))
            title = QLabel(layer.title)
            title.setTextFormat(Qt.TextFormat.PlainText)
            title.setWordWrap(True)
            until = (
                tr(TEXT_UNTIL).format(date=format_date(layer.end)) if layer.end else tr(TEXT_NO_END)
            )
            status = layer.status_text(today, language)
            if layer.uncertain:
                status += f" ({tr(TEXT_UNCERTAIN)})"
            when = QLabel(f"{until} · {status}")
            when.setTextFormat(Qt.TextFormat.PlainText)
            when.setWordWrap(True)  # longer languages and larger text: wrap, never cut
            if state is LayerState.ACTIVE:
                theme.with_colour(when, c.ok)
            else:
                theme.muted(when)
            self.grid.addWidget(badge, row, 0, Qt.AlignmentFlag.AlignTop)
            self.grid.addWidget(title, row, 1)
            self.grid.addWidget(when, row, 2, Qt.AlignmentFlag.AlignTop)
            self.lines.append(f"{layer.title}: {until} · {status}")
