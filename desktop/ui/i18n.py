"""One door for user-visible text in the UI: the app's gettext catalogs, plus Qt's own.

Modules keep their strings together at the top (marked with `N_`) and call
`tr()` when the text is shown. `tr()` looks the text up in the core's gettext
catalog (desktop/i18n.py) for the UI language set with `install()`; English
until then, and for any text the catalog lacks. `install()` also loads Qt's own
translations (`qtbase_<lang>.qm`, shipped with PySide6) so standard buttons and
dialogs (OK, Cancel, the file dialog) speak the same language.

The dossier and letters have their own language (case.owner.dossier_language);
never pass the UI language to them.

`install()` also sets the locale UI dates and numbers are written in (`ui_locale()`):
the system's region format when the system speaks the UI language, else the UI
language's, in the system's country where the two go together (English in Germany:
"12 Mar 2024" with German habits; Russian on an American system: "12 мар. 2024").
The main window is built again after a change (MainWindow.apply_display_preferences):
widgets keep the locale and texts they were built with.

`install(PSEUDO_LANGUAGE)` (CASE_DOSSIER_PSEUDO=1 at start, desktop/ui/app.py) is
the developer's pseudo-localisation: every text, ours and Qt's, comes out longer,
accented and bracketed, so an untranslated or clipped text stands out.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desktop.i18n import (
    N_,
    PSEUDO_LANGUAGE,
    SOURCE_LANGUAGE,
    Plural,
    is_pseudo,
    normalize_language,
    pseudo_localize,
    translator,
    ui_language,
)

__all__ = [
    "N_",
    "Plural",
    "current_language",
    "install",
    "qt_translations_dir",
    "system_language",
    "tr",
    "tr_count",
    "ui_locale",
]

CONTEXT = "CaseDossier"

_language = SOURCE_LANGUAGE
_installed: list[QTranslator] = []


def tr(text: str) -> str:
    return translator(_language).gettext(text)


def tr_count(message: Plural, count: int, **values: object) -> str:
    """A text with a number in it, in the plural form the UI language wants for it
    (Russian: 1 день, 2 дня, 5 дней); `{count}` is the number, grouped."""
    return message.in_language(_language)(count, **values)


def current_language() -> str:
    return _language


def system_language() -> str:
    """The UI language on first start: the first of the OS's preferred languages
    that we have a catalog for (QLocale reads the macOS and Windows settings)."""
    return ui_language(preferred=[*QLocale.system().uiLanguages()])


def qt_translations_dir() -> str:
    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


def ui_locale(language: str, system: QLocale | None = None) -> QLocale:
    """The locale for UI dates and numbers when the UI speaks `language`: the system's
    own when it speaks that language too (its region format is the user's choice);
    else `language` in the system's country if Qt knows that pair (en_DE), else
    `language` where it is mostly spoken (ru on an en_US system: ru_RU). Pseudo text
    keeps the system's."""
    system = system if system is not None else QLocale.system()
    if is_pseudo(language):
        return system
    wanted = QLocale(normalize_language(language))
    if system.language() == wanted.language():
        return system
    paired = QLocale(wanted.language(), system.territory())
    if paired.language() == wanted.language() and paired.territory() == system.territory():
        return paired
    return wanted


def install(language: str, app: QCoreApplication | None = None) -> str:
    """Use `language` for tr() and Qt's standard texts from now on, and its locale for
    dates and numbers (`ui_locale`); returns the catalog chosen ("de-AT" -> "de",
    unknown -> "en"). Widgets built before keep their text and locale until they are
    built again (QEvent.LanguageChange is sent)."""
    global _language
    app = app or QCoreApplication.instance()
    chosen = PSEUDO_LANGUAGE if is_pseudo(language) else normalize_language(language)
    _language = chosen
    QLocale.setDefault(ui_locale(chosen))
    if app is None:
        return chosen
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    if chosen == PSEUDO_LANGUAGE:
        pseudo = _PseudoQtTranslator(app)
        app.installTranslator(pseudo)
        _installed.append(pseudo)
    elif chosen != SOURCE_LANGUAGE:
        locale = QLocale(chosen)
        for name in ("qtbase",):
            qt = QTranslator(app)
            if qt.load(locale, name, "_", qt_translations_dir()):
                app.installTranslator(qt)
                _installed.append(qt)
    return chosen


class _PseudoQtTranslator(QTranslator):
    """Qt's own texts (standard buttons, context menus) pseudo-localised like ours."""

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        return pseudo_localize(source) if source else ""

    def isEmpty(self) -> bool:
        return False
