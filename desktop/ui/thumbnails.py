"""Small pictures of attachments: images through QImageReader (decoded at the
thumbnail's size, EXIF orientation applied), PDFs as their first page drawn by
QtPdf on white (QtPdf renders pages with a transparent background).

Thumbnails are kept in memory by file content (SHA-256), so switching cases
or tabs does not decode them again.
"""

from __future__ import annotations

from collections import OrderedDict
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QImage, QImageReader, QPainter

CACHE_SIZE = 256
_cache: OrderedDict[tuple[str, int], QImage] = OrderedDict()


def thumbnail(path: Path, *, pdf: bool, size: int, key: str = "") -> QImage | None:
    """A picture at most `size`×`size` pixels, or None when the file cannot be shown."""
    cache_key = (key or str(path), size)
    if cache_key in _cache:
        _cache.move_to_end(cache_key)
        return _cache[cache_key]
    image = pdf_first_page(path, size) if pdf else image_thumbnail(path, size)
    if image is not None:
        _cache[cache_key] = image
        while len(_cache) > CACHE_SIZE:
            _cache.popitem(last=False)
    return image


def image_thumbnail(path: Path, size: int) -> QImage | None:
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    full = reader.size()
    if full.isValid() and (full.width() > size or full.height() > size):
        reader.setScaledSize(full.scaled(QSize(size, size), Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    if image.isNull():
        return None
    if image.width() > size or image.height() > size:  # formats that ignore setScaledSize
        image = image.scaled(
            size,
            size,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
    return image


def pdf_first_page(path: Path, size: int) -> QImage | None:
    from PySide6.QtPdf import QPdfDocument

    document = QPdfDocument()
    try:
        if document.load(str(path)) != QPdfDocument.Error.None_ or document.pageCount() < 1:
            return None
        page = document.pagePointSize(0)
        if page.width() <= 0 or page.height() <= 0:
            return None
        target = page.toSize().scaled(QSize(size, size), Qt.AspectRatioMode.KeepAspectRatio)
        rendered = document.render(0, target)
    finally:
        document.close()
    if rendered.isNull():
        return None
    return on_white(rendered)


def on_white(image: QImage) -> QImage:
    page = QImage(image.size(), QImage.Format.Format_RGB32)
    page.fill(QColor("white"))
    painter = QPainter(page)
    painter.drawImage(0, 0, image)
    painter.end()
    return page
