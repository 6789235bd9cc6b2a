"""Chinese text where the system has no Chinese font (a bare Linux desktop, a minimal
container): Qt would draw boxes. Kurinto Sans SC, which the dossier carries anyway,
then follows the application's font, for the Chinese UI and for Chinese names in any
language. macOS and Windows always have a Chinese font: nothing is loaded there."""

from __future__ import annotations

from PySide6.QtCore import QByteArray
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication

from desktop.font_files import FontsUnavailable, face_bytes, face_file, kurinto_dir

CHINESE_FACE = "KurintoSansSC-Rg.ttf"


def system_has_chinese() -> bool:
    return bool(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))


def add_chinese_fallback(app: QApplication) -> str | None:
    """The family added after the application font's, or None when the system has a
    Chinese font already (or the face cannot be found: boxes then, as before)."""
    if system_has_chinese():
        return None
    try:
        found = face_file(kurinto_dir() / CHINESE_FACE)
    except FontsUnavailable:
        return None
    if found is None:
        return None
    font_id = QFontDatabase.addApplicationFontFromData(QByteArray(face_bytes(found)))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        return None
    font = app.font()
    font.setFamilies([*(font.families() or [font.family()]), families[0]])
    app.setFont(font)
    return families[0]
