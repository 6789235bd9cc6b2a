"""The coverage layers as horizontal bars on a time axis, with a line for today.

Each layer gets a row: its title and its status in words above a bar from its
start to its last covered day (an open end fades out to the right). Ended
layers are grey; layers whose figures are not verified are hatched and say so
in words. Hovering a bar shows what the layer covers and where the rule is from.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, QEvent, QLocale, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QLinearGradient,
    QPainter,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from desktop.coverage import Layer, LayerKind, LayerState
from desktop.ui import theme
from desktop.ui.i18n import N_, tr

TEXT_TODAY = N_("Today")
TEXT_NOT_VERIFIED = N_("figure not verified")
TEXT_ACCESSIBLE = N_("Coverage over time")

ROW_HEIGHT = 44
BAR_HEIGHT = 12
TOP = 24  # room for the "Today" label
AXIS = 26  # room for the month labels
SIDE = 8


def layer_label(layer: Layer, today: date, language: str = "en") -> str:
    """ "EU legal guarantee: active, 302 days left (figure not verified)"."""
    text = f"{layer.title}: {layer.status_text(today, language)}"
    return f"{text} ({tr(TEXT_NOT_VERIFIED)})" if layer.uncertain else text


class CoverageChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layers: list[Layer] = []
        self._today = date.today()
        self._language = "en"
        self._bars: list[tuple[QRectF, Layer]] = []
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        policy.setHeightForWidth(True)  # a label takes two lines when narrow (larger text)
        self.setSizePolicy(policy)
        self.setMouseTracking(True)
        self.setAccessibleName(tr(TEXT_ACCESSIBLE))

    def set_layers(self, layers: list[Layer], today: date, language: str = "en") -> None:
        """The layers (from coverage_layers in `language`, the language of their words)."""
        self._layers = list(layers)
        self._today = today
        self._language = language
        self.updateGeometry()
        self.setAccessibleDescription("; ".join(self.labels()))
        self.update()

    def labels(self) -> list[str]:
        return [layer_label(layer, self._today, self._language) for layer in self._layers]

    def sizeHint(self) -> QSize:
        return QSize(560, self.heightForWidth(560))

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        rows = self._row_height(width) * max(len(self._layers), 1)
        return round(self._top() + rows + self._axis())

    # -- sizes that grow with the text ---------------------------------------------------

    def _small_font(self, *, bold: bool = False) -> QFont:
        small = QFont(self.font())
        small.setBold(bold)
        small.setPointSizeF(max(small.pointSizeF() * 0.85, 7.5))
        return small

    def _top(self) -> float:
        """Room for the "Today" label."""
        return max(TOP, QFontMetricsF(self._small_font(bold=True)).height() + 8)

    def _axis(self) -> float:
        """Room for the month labels."""
        return max(AXIS, QFontMetricsF(self._small_font()).height() + 10)

    def _two_lines(self, width: int) -> bool:
        """Whether a title and its status do not fit on one line: then each has one."""
        bold = QFont(self.font())
        bold.setBold(True)
        titles, statuses = QFontMetricsF(bold), QFontMetricsF(self.font())
        room = width - 2 * SIDE
        return any(
            titles.horizontalAdvance(layer.title)
            + statuses.horizontalAdvance(" · " + self._status(layer))
            > room
            for layer in self._layers
        )

    def _row_height(self, width: int) -> float:
        lines = 2 if self._two_lines(width) else 1
        line = QFontMetricsF(self.font()).lineSpacing()
        return max(ROW_HEIGHT, 6 + lines * line + 6 + BAR_HEIGHT + 8)

    def _status(self, layer: Layer) -> str:
        status = layer.status_text(self._today, self._language)
        return f"{status} ({tr(TEXT_NOT_VERIFIED)})" if layer.uncertain else status

    # -- time to x ---------------------------------------------------------------------

    def _span(self) -> tuple[date, date]:
        starts = [layer.start for layer in self._layers] + [self._today]
        ends = [layer.end for layer in self._layers if layer.end is not None] + [self._today]
        first, last = min(starts), max(ends)
        pad = max((last - first).days // 12, 20)
        return first - timedelta(days=pad), last + timedelta(days=pad)

    def _x(self, day: date, first: date, last: date) -> float:
        width = self.width() - 2 * SIDE
        total = max((last - first).days, 1)
        x = SIDE + width * (day - first).days / total
        return self.width() - x if self.isRightToLeft() else x  # time runs leftwards

    # -- painting ----------------------------------------------------------------------

    def paintEvent(self, _event: object) -> None:
        if not self._layers:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        c = theme.colours(self.palette())
        first, last = self._span()
        self._draw_axis(painter, first, last, c)
        self._bars = []
        for row, layer in enumerate(self._layers):
            self._draw_layer(painter, row, layer, first, last, c)
        self._draw_today(painter, first, last, c)
        painter.end()

    def _draw_axis(self, painter: QPainter, first: date, last: date, c: theme.Colours) -> None:
        bottom = self.height() - self._axis() + 4
        painter.setPen(QPen(QColor(c.border), 1))
        painter.drawLine(QPointF(SIDE, bottom), QPointF(self.width() - SIDE, bottom))
        painter.setFont(self._small_font())
        metrics = painter.fontMetrics()
        step = _month_step(
            first, last, self.width() - 2 * SIDE, metrics.horizontalAdvance("MMM 0000") + 16
        )
        locale = QLocale()
        for tick in _month_ticks(first, last, step):
            x = self._x(tick, first, last)
            painter.setPen(QPen(QColor(c.border), 1))
            painter.drawLine(QPointF(x, self._top() - 2), QPointF(x, bottom + 3))
            label = locale.toString(QDate(tick), "MMM yyyy")
            painter.setPen(QColor(c.muted))
            w = metrics.horizontalAdvance(label)
            left = min(max(x - w / 2, 0), self.width() - w)
            painter.drawText(QPointF(left, bottom + 4 + metrics.ascent()), label)

    def _draw_layer(
        self,
        painter: QPainter,
        row: int,
        layer: Layer,
        first: date,
        last: date,
        c: theme.Colours,
    ) -> None:
        row_height = self._row_height(self.width())
        top = self._top() + row * row_height
        state = layer.state(self._today)
        colour = QColor(_kind_colour(layer.kind, c))
        if state is LayerState.ENDED:
            colour = QColor(c.muted)
            colour.setAlphaF(0.55)
        x0 = self._x(layer.start, first, last)
        x1 = self._x(layer.end or last, first, last)
        x0, x1 = min(x0, x1), max(x0, x1)
        bar = QRectF(x0, top + row_height - BAR_HEIGHT - 8, max(x1 - x0, 3), BAR_HEIGHT)
        self._bars.append((bar, layer))

        if layer.end is None:  # no fixed end: fade out to the right
            start, end = bar.topLeft(), bar.topRight()
            if self.isRightToLeft():
                start, end = end, start
            fill = QLinearGradient(start, end)
            fill.setColorAt(0.0, colour)
            fill.setColorAt(0.75, colour)
            faded = QColor(colour)
            faded.setAlphaF(0.0)
            fill.setColorAt(1.0, faded)
            brush = QBrush(fill)
        else:
            brush = QBrush(colour)
        painter.setPen(Qt.PenStyle.NoPen)
        if state is LayerState.NOT_STARTED:
            painter.setPen(QPen(colour, 1.5))
            painter.setBrush(Qt.BrushStyle.NoBrush)
        else:
            painter.setBrush(brush)
        painter.drawRoundedRect(bar, BAR_HEIGHT / 2, BAR_HEIGHT / 2)
        if layer.uncertain:  # hatched, and the label says it in words
            hatch = QColor(theme.colours(self.palette()).card)
            hatch.setAlphaF(0.75)
            painter.setBrush(QBrush(hatch, Qt.BrushStyle.BDiagPattern))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawRoundedRect(bar, BAR_HEIGHT / 2, BAR_HEIGHT / 2)

        # The label: title in the text colour, status muted, never wider than the row.
        metrics = painter.fontMetrics()
        bold = QFont(self.font())
        bold.setBold(True)
        painter.setFont(bold)
        bold_metrics = painter.fontMetrics()
        width = self.width() - 2 * SIDE
        baseline = bar.top() - 6
        two_lines = self._two_lines(self.width())
        title_width = width if two_lines else int(width * 0.6)
        title = bold_metrics.elidedText(layer.title, Qt.TextElideMode.ElideRight, title_width)
        painter.setPen(self.palette().color(self.foregroundRole()))
        line = painter.fontMetrics().lineSpacing()
        self._draw_text(painter, SIDE, baseline - (line if two_lines else 0), title)
        used = 0 if two_lines else bold_metrics.horizontalAdvance(title)
        painter.setFont(self.font())
        metrics = painter.fontMetrics()
        status = self._status(layer) if two_lines else " · " + self._status(layer)
        rest = metrics.elidedText(status, Qt.TextElideMode.ElideRight, int(width - used))
        painter.setPen(QColor(c.warn if layer.uncertain else c.muted))
        self._draw_text(painter, SIDE + used, baseline, rest)

    def _draw_text(self, painter: QPainter, x: float, baseline: float, text: str) -> None:
        """`text` from `x` on; right to left, mirrored: from the right edge leftwards."""
        if self.isRightToLeft():
            x = self.width() - x - painter.fontMetrics().horizontalAdvance(text)
        painter.drawText(QPointF(x, baseline), text)

    def _draw_today(self, painter: QPainter, first: date, last: date, c: theme.Colours) -> None:
        x = self._x(self._today, first, last)
        colour = QColor(c.error)
        painter.setPen(QPen(colour, 1.6, Qt.PenStyle.SolidLine))
        top = self._top()
        painter.drawLine(QPointF(x, top - 4), QPointF(x, self.height() - self._axis() + 6))
        label = tr(TEXT_TODAY)
        painter.setFont(self._small_font(bold=True))
        w = painter.fontMetrics().horizontalAdvance(label)
        left = min(max(x - w / 2, 0), self.width() - w)
        painter.setPen(colour)
        painter.drawText(QPointF(left, top - 8), label)

    # -- hover -------------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            above = self._row_height(self.width()) - BAR_HEIGHT
            for rect, layer in self._bars:
                if rect.adjusted(0, -above, 0, 4).contains(event.position()):
                    QToolTip.showText(event.globalPos(), _tooltip(layer), self)
                    return True
            QToolTip.hideText()
            return True
        return super().event(event)


def _tooltip(layer: Layer) -> str:
    parts = [layer.summary]
    if layer.note:
        parts.append(layer.note)
    if layer.source:
        parts.append(layer.source)
    return "\n\n".join(part for part in parts if part)


def _kind_colour(kind: LayerKind, c: theme.Colours) -> str:
    return {
        LayerKind.APPLE: c.accent,
        LayerKind.PLAN: "#8a5cc2" if not theme.is_dark() else "#b99be6",
        LayerKind.PROGRAM: "#0f8a8a" if not theme.is_dark() else "#5cc8c8",
        LayerKind.LAW: c.ok,
    }[kind]


def _month_step(first: date, last: date, width: float, label_width: float) -> int:
    months = max((last.year - first.year) * 12 + last.month - first.month, 1)
    for step in (1, 2, 3, 6, 12, 24, 60):
        if months / step * label_width <= width:
            return step
    return 120


def _month_ticks(first: date, last: date, step: int) -> list[date]:
    ticks = []
    year, month = first.year, first.month
    month_index = year * 12 + month - 1
    month_index += (-month_index) % step  # the first multiple of the step
    while True:
        tick = date(month_index // 12, month_index % 12 + 1, 1)
        if tick > last:
            return ticks
        if tick >= first:
            ticks.append(tick)
        month_index += step
