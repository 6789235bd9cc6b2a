"""Chinese text where the system has no Chinese font (a bare Linux desktop, a minimal
container): Qt would draw boxes. Kurinto Sans SC, which the dossier carries anyway,
is then registered with Qt, whose fallback finds it for the Chinese UI and for Chinese
names in any language. macOS and Windows always have a Chinese font: nothing is loaded there."""

from __future__ import annotations

from PySide6.QtCore import QByteArray
from PySide6.QtGui import QFontDatabase

from desktop.font_files import FontsUnavailable, face_bytes, face_file, kurinto_dir

CHINESE_FACE = "KurintoSansSC-Rg.ttf"


def system_has_chinese() -> bool:
    return bool(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))


def add_chinese_fallback() -> str | None:
    """The family registered, or None when the system has a Chinese font already (or
    the face cannot be found: boxes then, as before)."""
    if system_has_chinese():
        return None
    try:
        found = face_file(kurinto_dir() / CHINESE_FACE)
    except FontsUnavailable:
        return None
    if found is None:
        return None
    if found.suffix == ".gz":  # the packaged app's copy
        font_id = QFontDatabase.addApplicationFontFromData(QByteArray(face_bytes(found)))
    else:
        font_id = QFontDatabase.addApplicationFont(str(found))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    # Registered, it is one of the faces the system's fallback (fontconfig) offers for
    # characters the UI font lacks; the UI font itself stays as it was.
    return families[0] if families else None
