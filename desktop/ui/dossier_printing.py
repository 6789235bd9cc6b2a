"""Printing a rendered dossier: each page drawn by QtPdf on white at the printer's resolution
(capped, so a 1200 dpi printer does not need gigabytes), scaled to the printable area."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

from desktop.ui.thumbnails import on_white

MAX_DPI = 300


def page_range(printer: QPrinter, page_count: int) -> range:
    """The pages the print dialog asked for (QPrinter counts from 1; 0 means all)."""
    first, last = printer.fromPage(), printer.toPage()
    if first <= 0 or last <= 0:
        return range(page_count)
    return range(max(first - 1, 0), min(last, page_count))


def print_document(document: QPdfDocument, printer: QPrinter) -> int:
    """Print the pages; returns how many were printed (0 if the printer refused)."""
    pages = page_range(printer, document.pageCount())
    if not pages:
        return 0
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    dpi = min(printer.resolution(), MAX_DPI)
    printed = 0
    try:
        for number, page in enumerate(pages):
            if number:
                printer.newPage()
            area = painter.viewport()
            points = document.pagePointSize(page)
            pixels = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
            image = on_white(document.render(page, pixels))
            target = QSize(image.size()).scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            left = area.x() + (area.width() - target.width()) // 2
            top = area.y() + (area.height() - target.height()) // 2
            painter.drawImage(QRect(left, top, target.width(), target.height()), image)
            printed += 1
    finally:
        painter.end()
    return printed
