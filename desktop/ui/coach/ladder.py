"""The support ladder as a small stepper: reached rungs filled, where you stand ringed,
the recommended next rung marked "next". Words say the same for screen readers."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop.escalation import Rung
from desktop.ui import theme
from desktop.ui.i18n import N_, tr

SHORT_TITLES: dict[Rung, str] = {
    Rung.SERVICE_PROVIDER: N_("Service provider"),
    Rung.APPLE_STORE: N_("Apple Store"),
    Rung.APPLECARE: N_("AppleCare advisor"),
    Rung.SENIOR_ADVISOR: N_("Senior advisor"),
    Rung.CUSTOMER_RELATIONS: N_("Customer Relations"),
    Rung.EXECUTIVE_RELATIONS: N_("Executive Relations"),
}
RUNGS = [r for r in Rung if r is not Rung.START]
TEXT_NEXT = N_("next")
TEXT_HERE = N_("you are here")

_RADIUS = 9.0
_TOP = 22.0  # room for the "next" / "you are here" tag above the circles


class LadderWidget(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.standing = Rung.START
        self.target: Rung | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(420)

    def sizeHint(self) -> QSize:
        lines = self.fontMetrics().lineSpacing()
        return QSize(640, int(_TOP + 2 * _RADIUS + 8 + 2 * lines + 6))

    def minimumSizeHint(self) -> QSize:
        return QSize(420, self.sizeHint().height())

    def show_rungs(self, standing: Rung, target: Rung | None) -> None:
        self.standing, self.target = standing, target
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        c = theme.colours()
        accent, muted, border = QColor(c.accent), QColor(c.muted), QColor(c.border)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        step = self.width() / len(RUNGS)
        centre_y = _TOP + _RADIUS
        centres = [QPointF(step * (i + 0.5), centre_y) for i in range(len(RUNGS))]
        for i in range(len(RUNGS) - 1):
            reached = RUNGS[i + 1] <= self.standing
            painter.setPen(QPen(accent if reached else border, 2.5 if reached else 1.5))
            painter.drawLine(
                QPointF(centres[i].x() + _RADIUS + 3, centre_y),
                QPointF(centres[i + 1].x() - _RADIUS - 3, centre_y),
            )
        small = QFont(self.font())
        small.setPointSizeF(max(small.pointSizeF() * 0.85, 7.0))
        bold = QFont(self.font())
        bold.setBold(True)
        for rung, centre in zip(RUNGS, centres, strict=True):
            reached = rung <= self.standing
            here = rung == self.standing
            is_target = rung == self.target and not here
            if reached:
                painter.setPen(QPen(accent, 2))
                painter.setBrush(accent)
            elif is_target:
                pen = QPen(accent, 2, Qt.PenStyle.DashLine)
                painter.setPen(pen)
                painter.setBrush(Qt.BrushStyle.NoBrush)
            else:
                painter.setPen(QPen(border, 1.5))
                painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(centre, _RADIUS, _RADIUS)
            if here:
                painter.setPen(QPen(accent, 1.5))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawEllipse(centre, _RADIUS + 4, _RADIUS + 4)
            tag = tr(TEXT_HERE) if here else tr(TEXT_NEXT) if is_target else ""
            if tag:
                painter.setFont(small)
                painter.setPen(accent)
                painter.drawText(
                    QRectF(centre.x() - step / 2, 0, step, _TOP - 6),
                    Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                    tag,
                )
            painter.setFont(bold if here or is_target else self.font())
            painter.setPen(self.palette().windowText().color() if reached or is_target else muted)
            label_top = centre_y + _RADIUS + 8
            painter.drawText(
                QRectF(centre.x() - step / 2 + 2, label_top, step - 4, self.height() - label_top),
                Qt.AlignmentFlag.AlignHCenter
                | Qt.AlignmentFlag.AlignTop
                | Qt.TextFlag.TextWordWrap,
                tr(SHORT_TITLES[rung]),
            )
        painter.end()
