"""Our own small line icons, drawn here as SVG (no Apple artwork, one consistent set).

Each icon is a 24×24 outline drawn in one colour, rendered at several sizes
so it stays sharp on high-DPI screens.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication

_STROKE = (
    'fill="none" stroke="{c}" stroke-width="1.7" stroke-linecap="round" stroke-linejoin="round"'
)

# Shapes inside a 24×24 box; "{c}" is the colour.
_SHAPES: dict[str, str] = {
    "iphone": '<rect x="6.5" y="2.5" width="11" height="19" rx="2.6"/><path d="M10.5 5.2h3"/>',
    "ipad": '<rect x="4" y="2.5" width="16" height="19" rx="2.2"/><path d="M11 18.8h2"/>',
    "mac": '<rect x="4.5" y="4.5" width="15" height="10.5" rx="1.3"/><path d="M2.5 18.5h19"/>'
    '<path d="M9.5 15v3.5M14.5 15v3.5"/>',
    "watch": '<rect x="6.5" y="6.5" width="11" height="11" rx="3.2"/>'
    '<path d="M9 6.5l.6-4h4.8l.6 4M9 17.5l.6 4h4.8l.6-4"/><path d="M17.5 11v2"/>',
    "airpods": '<path d="M8 3.5a3 3 0 0 0-1.5 5.6V19a1.5 1.5 0 0 0 3 0V7.3A3 3 0 0 0 8 3.5z"/>'
    '<path d="M16 3.5a3 3 0 0 1 1.5 5.6V19a1.5 1.5 0 0 1-3 0V7.3A3 3 0 0 1 16 3.5z"/>',
    "device": '<rect x="4" y="4" width="16" height="16" rx="3"/>'
    '<path d="M9.6 9.6a2.5 2.5 0 1 1 3.4 2.3c-.6.3-1 .8-1 1.4v.6"/>'
    '<circle cx="12" cy="16.6" r=".5" fill="{c}"/>',
    "tick": '<circle cx="12" cy="12" r="9"/><path d="M8 12.4l2.8 2.8L16.2 9.6"/>',
    "warn": '<path d="M12 3.6l9 15.9H3z"/><path d="M12 9.8v4.6"/>'
    '<circle cx="12" cy="17.1" r=".5" fill="{c}"/>',
    "error": '<circle cx="12" cy="12" r="9"/><path d="M9.2 9.2l5.6 5.6M14.8 9.2l-5.6 5.6"/>',
    "info": '<circle cx="12" cy="12" r="9"/><path d="M12 11v5.4"/>'
    '<circle cx="12" cy="7.9" r=".5" fill="{c}"/>',
    "pending": '<circle cx="12" cy="12" r="7.5"/>',
    "current": '<circle cx="12" cy="12" r="7.5"/><circle cx="12" cy="12" r="3.2" fill="{c}"/>',
    "lock": '<rect x="5" y="10.5" width="14" height="10" rx="2"/>'
    '<path d="M8.2 10.5V7.6a3.8 3.8 0 0 1 7.6 0v2.9"/><path d="M12 14.5v2.2"/>',
    "eye": '<path d="M2.5 12s3.5-6.3 9.5-6.3 9.5 6.3 9.5 6.3-3.5 6.3-9.5 6.3S2.5 12 2.5 12z"/>'
    '<circle cx="12" cy="12" r="2.8"/>',
    "eye_off": '<path d="M2.5 12s3.5-6.3 9.5-6.3 9.5 6.3 9.5 6.3-3.5 6.3-9.5 6.3S2.5 12 2.5 12z"/>'
    '<circle cx="12" cy="12" r="2.8"/><path d="M4 4l16 16"/>',
    "copy": '<rect x="8.5" y="8.5" width="11" height="12" rx="2"/>'
    '<path d="M15.5 8.5V5.5a2 2 0 0 0-2-2h-7a2 2 0 0 0-2 2v9a2 2 0 0 0 2 2h2"/>',
    "plus": '<path d="M12 5v14M5 12h14"/>',
    "document": '<path d="M6.5 2.5h8l4 4v15h-12z"/>'
    '<path d="M14.5 2.5v4h4M9 11.5h6M9 15h6M9 18.5h4"/>',
    "folder": '<path d="M3 6.5A1.5 1.5 0 0 1 4.5 5h5l2 2.5h8A1.5 1.5 0 0 1 21 9v9.5a1.5 1.5 0 0 1'
    ' -1.5 1.5h-15A1.5 1.5 0 0 1 3 18.5z"/>',
    "edit": '<path d="M4 20h4L19 9l-4-4L4 16z"/><path d="M13.5 6.5l4 4"/>',
    "trash": '<path d="M4.5 6.5h15M9.5 6.5V4h5v2.5M6.5 6.5l1 14h9l1-14"/>'
    '<path d="M10 10v7M14 10v7"/>',
    "clip": '<path d="M20 11.5l-7.8 7.8a5 5 0 0 1-7.1-7.1l8.2-8.2a3.3 3.3 0 0 1 4.7 4.7l-8.2 8.2'
    'a1.7 1.7 0 0 1-2.4-2.4l7.4-7.4"/>',
    "phone_call": '<path d="M5 3.5h3.5l1.5 4.5-2.2 1.4a11 11 0 0 0 5.3 5.3l1.4-2.2 4.5 1.5V17.5'
    'a2 2 0 0 1-2 2A16 16 0 0 1 3 5.5a2 2 0 0 1 2-2z"/>',
    "search": '<circle cx="10.5" cy="10.5" r="6"/><path d="M15 15l5.5 5.5"/>',
    "printer": '<path d="M7 9V3.5h10V9"/><rect x="3.5" y="9" width="17" height="8" rx="1.6"/>'
    '<path d="M7 14.5h10v6H7z"/><path d="M17 11.5h.01"/>',
    "save": '<path d="M12 3.5v11M7.5 10l4.5 4.5 4.5-4.5"/><path d="M4 15.5v3a2 2 0 0 0 2 2h12'
    'a2 2 0 0 0 2-2v-3"/>',
    "gear": '<circle cx="12" cy="12" r="3"/><path d="M12 2.8v2.6M12 18.6v2.6M2.8 12h2.6'
    'M18.6 12h2.6M5.5 5.5l1.9 1.9M16.6 16.6l1.9 1.9M5.5 18.5l1.9-1.9M16.6 7.4l1.9-1.9"/>',
    "archive": '<rect x="3" y="4" width="18" height="4.5" rx="1"/>'
    '<path d="M5 8.5v10a1.5 1.5 0 0 0 1.5 1.5h11a1.5 1.5 0 0 0 1.5-1.5v-10M10 12.5h4"/>',
    "undo": '<path d="M9 14.5L4 9.5l5-5"/><path d="M4 9.5h10a6 6 0 0 1 0 12h-3"/>',
    "redo": '<path d="M15 14.5l5-5-5-5"/><path d="M20 9.5H10a6 6 0 0 0 0 12h3"/>',
    "image": '<rect x="3" y="4.5" width="18" height="15" rx="2"/>'
    '<circle cx="8.5" cy="9.5" r="1.6"/><path d="M21 16l-5.5-5.5L6 19.5"/>',
    "external": '<path d="M14 4h6v6M20 4l-9 9"/><path d="M18 14v4.5a1.5 1.5 0 0 1-1.5 1.5h-11'
    'A1.5 1.5 0 0 1 4 18.5v-11A1.5 1.5 0 0 1 5.5 6H10"/>',
    "calendar": '<rect x="3.5" y="5" width="17" height="15.5" rx="2"/>'
    '<path d="M3.5 10h17M8 3v4M16 3v4"/>',
    "shield": '<path d="M12 3l7.5 3v5.5c0 4.6-3.2 8.1-7.5 9.5-4.3-1.4-7.5-4.9-7.5-9.5V6z"/>',
    "clock": '<circle cx="12" cy="12" r="9"/><path d="M12 7v5l3.5 2"/>',
    "list": '<path d="M9 6.5h11M9 12h11M9 17.5h11"/><circle cx="4.8" cy="6.5" r=".6" fill="{c}"/>'
    '<circle cx="4.8" cy="12" r=".6" fill="{c}"/><circle cx="4.8" cy="17.5" r=".6" fill="{c}"/>',
    "reopen": '<path d="M4 12a8 8 0 1 0 2.4-5.7"/><path d="M4 4v4.5h4.5"/>',
    "inbox": '<path d="M3.5 13.5l2.6-8a1.5 1.5 0 0 1 1.4-1h9a1.5 1.5 0 0 1 1.4 1l2.6 8v5'
    'a1.5 1.5 0 0 1-1.5 1.5h-14A1.5 1.5 0 0 1 3.5 18.5z"/><path d="M3.5 13.5h5l1.5 2.5h4'
    'l1.5-2.5h5"/>',
}

# DeviceKind values -> icon names (plain strings: this module must not slow start-up).
DEVICE_ICON: dict[str, str] = {
    "iphone": "iphone",
    "ipad": "ipad",
    "mac": "mac",
    "watch": "watch",
    "airpods": "airpods",
    "other": "device",
}

_SIZES = (16, 20, 24, 32, 48, 64, 96)


def svg(name: str, colour: str) -> str:
    body = _SHAPES[name].replace("{c}", colour)
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">'
        f"<g {_STROKE.format(c=colour)}>{body}</g></svg>"
    )


def pixmap(name: str, size: int, colour: str | None = None, ratio: float = 2.0) -> QPixmap:
    renderer = QSvgRenderer(QByteArray(svg(name, colour or _text_colour()).encode()))
    pix = QPixmap(QSize(round(size * ratio), round(size * ratio)))
    pix.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pix)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, pix.width(), pix.height()))
    painter.end()
    pix.setDevicePixelRatio(ratio)
    return pix


@cache
def _icon(name: str, colour: str) -> QIcon:
    icon = QIcon()
    for size in _SIZES:
        icon.addPixmap(pixmap(name, size, colour, ratio=1.0))
        icon.addPixmap(pixmap(name, size, colour, ratio=2.0))
    return icon


def icon(name: str, colour: str | None = None) -> QIcon:
    return _icon(name, colour or _text_colour())


def device_icon(kind: str, colour: str | None = None) -> QIcon:
    """The icon for a DeviceKind (a StrEnum, so its value is the key); unknown kinds get "other"."""
    return icon(DEVICE_ICON.get(str(kind), "device"), colour)


def app_icon() -> QIcon:
    """A dossier folder with a tick, on the accent colour."""
    from desktop.ui.theme import ACCENT

    result = QIcon()
    for size in (16, 32, 48, 64, 128, 256):
        pix = QPixmap(size, size)
        pix.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pix)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(ACCENT))
        painter.drawRoundedRect(QRectF(0, 0, size, size), size * 0.22, size * 0.22)
        inner = QSvgRenderer(QByteArray(svg("document", "#ffffff").encode()))
        inner.render(painter, QRectF(size * 0.18, size * 0.16, size * 0.64, size * 0.64))
        painter.end()
        result.addPixmap(pix)
    return result


def _text_colour() -> str:
    return QApplication.palette().color(QPalette.ColorRole.WindowText).name()
