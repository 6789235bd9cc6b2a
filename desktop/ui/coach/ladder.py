"""The support ladder as a small stepper: reached rungs filled, where you stand ringed,
the recommended next rung marked "next". Words say the same for screen readers."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPen
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
_TOP = 22.0  # room for the "next" / "you are here" tag above the circles (100 % text)


class LadderWidget(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.standing = Rung.START
        self.target: Rung | None = None
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        policy.setHeightForWidth(True)  # labels take more lines when narrow (larger text)
        self.setSizePolicy(policy)
        self.setMinimumWidth(420)

    def _small_font(self) -> QFont:
        small = QFont(self.font())
        small.setPointSizeF(max(small.pointSizeF() * 0.85, 7.0))
        return small

    def _top(self) -> float:
        """Room for the tag above the circles, as tall as its text."""
        return max(_TOP, QFontMetricsF(self._small_font()).height() + 6)

    def _staggered(self, width: int) -> bool:
        """Whether a title's longest word is wider than its share of the width: then the
        titles take turns below the circles, each with twice the room."""
        step = width / len(RUNGS)
        bold = QFont(self.font())
        bold.setBold(True)
        metrics = QFontMetricsF(bold)
        longest = max(
            metrics.horizontalAdvance(word)
            for rung in RUNGS
            for word in tr(SHORT_TITLES[rung]).split()
        )
        return longest > step - 4

    def _label_height(self, width: int) -> float:
        """The height of the tallest title, wrapped in the room it has."""
        room = width / len(RUNGS) * (2 if self._staggered(width) else 1) - 4
        bold = QFont(self.font())
        bold.setBold(True)
        metrics = QFontMetricsF(bold)
        flags = int(Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap)
        tallest = max(
            metrics.boundingRect(
                QRectF(0, 0, max(room, 1), 10_000), flags, tr(SHORT_TITLES[r])
            ).height()
            for r in RUNGS
        )
        return max(tallest, 2 * metrics.lineSpacing())

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        labels = self._label_height(width)
        if self._staggered(width):
            labels = 2 * labels + 4
        return int(self._top() + 2 * _RADIUS + 8 + labels + 6)

    def sizeHint(self) -> QSize:
        return QSize(640, self.heightForWidth(640))

    def minimumSizeHint(self) -> QSize:
        return QSize(420, self.heightForWidth(420))

    def show_rungs(self, standing: Rung, target: Rung | None) -> None:
        self.standing, self.target = standing, target
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        c = theme.colours()
        accent, muted, border = QColor(c.accent), QColor(c.muted), QColor(c.border)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        step = self.width() / len(RUNGS)
        top = self._top()
        centre_y = top + _RADIUS
        # Right to left, the first rung is on the right.
        order = range(len(RUNGS) - 1, -1, -1) if self.isRightToLeft() else range(len(RUNGS))
        centres = [QPointF(step * (i + 0.5), centre_y) for i in order]
        staggered = self._staggered(self.width())
        label_height = self._label_height(self.width())
        for i in range(len(RUNGS) - 1):
            reached = RUNGS[i + 1] <= self.standing
            painter.setPen(QPen(accent if reached else border, 2.5 if reached else 1.5))
            gap = (_RADIUS + 3) * (-1 if self.isRightToLeft() else 1)
            painter.drawLine(
                QPointF(centres[i].x() + gap, centre_y),
                QPointF(centres[i + 1].x() - gap, centre_y),
            )
        small = self._small_font()
        bold = QFont(self.font())
        bold.setBold(True)
        for index, (rung, centre) in enumerate(zip(RUNGS, centres, strict=True)):
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
                    QRectF(centre.x() - step, 0, 2 * step, top - 6),
                    Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                    tag,
                )
            painter.setFont(bold if here or is_target else self.font())
            painter.setPen(self.palette().windowText().color() if reached or is_target else muted)
            label_top = centre_y + _RADIUS + 8
            room = 2 * step if staggered else step
            if staggered and index % 2:
                label_top += label_height + 4  # every other title a row lower
                painter.setPen(QPen(border, 1))
                painter.drawLine(
                    QPointF(centre.x(), centre_y + _RADIUS + 4), QPointF(centre.x(), label_top - 2)
                )
                painter.setPen(
                    self.palette().windowText().color() if reached or is_target else muted
                )
            # Centred under its circle, kept inside the widget (the first and last).
            left = min(max(centre.x() - room / 2, 0.0), self.width() - room)
            painter.drawText(
                QRectF(left + 2, label_top, room - 4, self.height() - label_top),
                Qt.AlignmentFlag.AlignHCenter
                | Qt.AlignmentFlag.AlignTop
                | Qt.TextFlag.TextWordWrap,
                tr(SHORT_TITLES[rung]),
            )
        painter.end()
