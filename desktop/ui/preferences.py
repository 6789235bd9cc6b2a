"""The user's preferences, kept in QSettings (UI state and defaults only, never case data).

Everything has a sensible default, so a missing or damaged settings file is harmless.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, QSettings, QStandardPaths

from desktop.i18n import LANGUAGES

UI_LANGUAGE = "preferences/uiLanguage"
DOSSIER_LANGUAGE = "preferences/dossierLanguage"
PAPER_SIZE = "preferences/paperSize"  # "auto", "A4" or "Letter"
DOSSIER_FOLDER = "preferences/dossierFolder"  # "" means: the last folder used
LAST_DOSSIER_FOLDER = "mainWindow/lastDossierFolder"
# The user chose the encrypted secrets file (no keychain): a yes/no, never the passphrase.
USE_SECRETS_FILE = "secrets/useEncryptedFile"
LAST_EXPORT_FOLDER = "mainWindow/lastExportFolder"

PAPER_CHOICES = ("auto", "A4", "Letter")
# The size of all text, in percent of the system's; applied at the next start.
TEXT_SIZE = "preferences/textSize"
TEXT_SIZES = (100, 125, 150, 175, 200)
# The app's languages, each named in itself (desktop/i18n.py); "" in Settings: the system's.
UI_LANGUAGES = list(LANGUAGES.items())


def _text(settings: QSettings, key: str, default: str = "") -> str:
    value = settings.value(key, default)
    return value if isinstance(value, str) else default


def ui_language(settings: QSettings) -> str:
    return _text(settings, UI_LANGUAGE) or "en"


def chosen_ui_language(settings: QSettings) -> str:
    """The app language the user chose in Settings; "" if none (then: the system's)."""
    return _text(settings, UI_LANGUAGE, "")


def text_size(settings: QSettings) -> int:
    """The chosen text size in percent (one of TEXT_SIZES), 100 if none or damaged."""
    try:
        value = int(str(settings.value(TEXT_SIZE, 100)))
    except ValueError:
        return 100
    return value if value in TEXT_SIZES else 100


def dossier_language(settings: QSettings) -> str:
    return _text(settings, DOSSIER_LANGUAGE, "en") or "en"


def paper_choice(settings: QSettings) -> str:
    value = _text(settings, PAPER_SIZE, "auto")
    return value if value in PAPER_CHOICES else "auto"


def locale_paper(locale: QLocale | None = None) -> str:
    """Letter where the locale measures in US units, else A4."""
    system = (locale or QLocale()).measurementSystem()
    return "Letter" if system == QLocale.MeasurementSystem.ImperialUSSystem else "A4"


def default_paper(settings: QSettings) -> str:
    choice = paper_choice(settings)
    return locale_paper() if choice == "auto" else choice


def dossier_folder(settings: QSettings) -> Path:
    """Where Save as starts: the chosen folder, else the last one used, else Documents."""
    for key in (DOSSIER_FOLDER, LAST_DOSSIER_FOLDER):
        folder = _text(settings, key)
        if folder and Path(folder).is_dir():
            return Path(folder)
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))


def remember_dossier_folder(settings: QSettings, folder: Path) -> None:
    settings.setValue(LAST_DOSSIER_FOLDER, str(folder))


def uses_secrets_file(settings: QSettings) -> bool:
    value = settings.value(USE_SECRETS_FILE, False)
    return value is True or (isinstance(value, str) and value.lower() == "true")


def remember_secrets_file(settings: QSettings, used: bool) -> None:
    settings.setValue(USE_SECRETS_FILE, used)
    settings.sync()
