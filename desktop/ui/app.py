"""Starting the desktop app: window first, keyring and data right after the first paint.

Start-up budget: at most 1.5× a bare QMainWindow. So nothing slow is imported
here (no keyring, reportlab, pypdf, Pillow); the vault is probed (keyring
import, about 150-200 ms) only once the window has been painted, and until
then the window says it is checking the keychain.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication, QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication

from desktop import APP_NAME, __version__
from desktop.i18n import PSEUDO_LANGUAGE
from desktop.ui import i18n, preferences, theme
from desktop.ui.chinese_fallback import add_chinese_fallback
from desktop.ui.i18n import N_, tr
from desktop.ui.main_window import MainWindow
from desktop.ui.refcounts import make_singletons_immortal

ORGANIZATION = "Case Dossier"
# benchmarks/startup.py: print the wall-clock time of the first paint, then quit.
STARTUP_PROBE_ENV = "CASE_DOSSIER_STARTUP_PROBE"
# Quit as soon as the keyring is probed and the cases are open: a smoke test for builds.
QUIT_AFTER_START_ENV = "CASE_DOSSIER_QUIT_AFTER_START"
# Developers' layout checks (docs/translations.md), never offered to users:
# "1": every text pseudo-localised (longer, accented, bracketed), whatever the language.
PSEUDO_ENV = "CASE_DOSSIER_PSEUDO"
# "1": right to left, as Qt's own -reverse argument (which works too).
RTL_ENV = "CASE_DOSSIER_RTL"
# "2": every font twice its size (1 to 3): does any text clip? QT_SCALE_FACTOR would
# scale the whole window with it and prove nothing.
TEXT_SCALE_ENV = "CASE_DOSSIER_TEXT_SCALE"

TEXT_OPEN_FAILED = N_("Your cases could not be opened")
TEXT_MOVED_ASIDE = N_("Your case database needed attention")


def configure(app: QApplication) -> None:
    # Before anything calls Qt much: PySide6 6.12 on CPython 3.11 loses a reference to
    # None per void call (refcounts.py); without this a long session aborts.
    make_singletons_immortal()
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setApplicationVersion(__version__)
    theme.apply_style(app)
    apply_layout_checks(app)


def apply_layout_checks(app: QApplication, environ: Mapping[str, str] | None = None) -> None:
    """Right to left and larger text when a developer asks for them (RTL_ENV, TEXT_SCALE_ENV)."""
    environ = os.environ if environ is None else environ
    if _flag(environ, RTL_ENV):
        app.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    scale_text(app, text_scale(environ))


def apply_text_size(app: QApplication, settings: QSettings) -> None:
    """The text size chosen in Preferences, unless TEXT_SCALE_ENV already set one."""
    if not os.environ.get(TEXT_SCALE_ENV, "").strip():
        scale_text(app, preferences.text_size(settings) / 100)


def change_text_size(app: QApplication, old: int, new: int) -> None:
    """Preferences changed the text size from `old` to `new` percent while the app runs:
    the application's font follows (windows built afterwards get it everywhere), unless
    TEXT_SCALE_ENV decides the size."""
    if old != new and not os.environ.get(TEXT_SCALE_ENV, "").strip():
        scale_text(app, new / old)


def scale_text(app: QApplication, scale: float) -> None:
    """Every font `scale` times its size; the widths that matter follow (text_metrics)."""
    if scale != 1.0:
        font = app.font()
        font.setPointSizeF(font.pointSizeF() * scale)
        app.setFont(font)


def text_scale(environ: Mapping[str, str]) -> float:
    """TEXT_SCALE_ENV as a factor from 1 to 3 ("2", "200%"); 1 if unset or unreadable."""
    raw = environ.get(TEXT_SCALE_ENV, "").strip()
    try:
        value = float(raw[:-1]) / 100 if raw.endswith("%") else float(raw or 1)
    except ValueError:
        return 1.0
    return min(max(value, 1.0), 3.0)


def _flag(environ: Mapping[str, str], name: str) -> bool:
    return environ.get(name, "").strip().lower() not in ("", "0", "no", "false")


def wanted_language(settings: QSettings | None = None) -> str:
    """The UI language to use: the user's choice, else the system's; pseudo-localised
    when a developer asks for it (PSEUDO_ENV)."""
    if _flag(os.environ, PSEUDO_ENV):
        return PSEUDO_LANGUAGE
    chosen = preferences.chosen_ui_language(settings if settings is not None else QSettings())
    return chosen or i18n.system_language()


def install_language(app: QApplication, settings: QSettings | None = None) -> str:
    """Install the UI language (`wanted_language`): before any window is built, and again
    when Preferences changes it (the main window is then built again)."""
    return i18n.install(wanted_language(settings), app)


def open_data(window: MainWindow) -> None:
    """Probe the keyring and open the case store; runs after the first paint."""
    from desktop import logs, paths
    from desktop.casebook import CaseBook
    from desktop.store import Store, StoreError
    from desktop.ui import dialogs, icons, preferences
    from desktop.vault import Vault, VaultState

    logs.configure(paths.logs_dir())  # through the allow-list: no user data reaches it
    QApplication.setWindowIcon(icons.app_icon())
    theme.follow_system_scheme(QApplication.instance())  # after the paint: not needed before
    # Linux without a Chinese font: Kurinto Sans SC, not boxes, for Chinese in the cases
    # (a Chinese UI has it before its first paint: see run()).
    add_chinese_fallback()
    vault = Vault.detect()
    try:
        store = Store.open_default()
    except StoreError as exc:
        dialogs.tell(window, tr(TEXT_OPEN_FAILED), str(exc), warning=True)
        window.close()
        return
    if vault.state is VaultState.UNAVAILABLE and (
        paths.secrets_file().exists() or preferences.uses_secrets_file(window.settings)
    ):
        # No keychain, and the user keeps secrets in the encrypted file: ask for its
        # passphrase (a wrong one is refused and asked again); Cancel: this session only.
        vault = window.open_secrets_vault() or vault
    book = CaseBook(store, vault)
    book.clean_up_orphans()  # keyring entries of cases deleted while it was locked
    window.set_casebook(book)
    if store.notice:  # a damaged database was moved aside and a new one started
        dialogs.tell(window, tr(TEXT_MOVED_ASIDE), store.notice, warning=True)
    window.warm_up_renderer()  # on a worker: the first dossier is then as quick as the next


def _report_first_paint(app: QApplication) -> None:
    import time

    print(repr(time.time()), flush=True)
    QTimer.singleShot(0, app.quit)


def run(argv: list[str]) -> int:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv)
    configure(app)
    apply_text_size(app, QSettings())
    if install_language(app).startswith("zh"):
        add_chinese_fallback()  # the window's own words: before its first paint
    window = MainWindow()
    if os.environ.get(STARTUP_PROBE_ENV):
        window.first_painted.connect(lambda: _report_first_paint(app))
    else:
        # Once painted, let the event loop breathe (singleShot 0), then do the slow part.
        window.first_painted.connect(lambda: QTimer.singleShot(0, lambda: open_data(window)))
    if os.environ.get(QUIT_AFTER_START_ENV):
        window.first_painted.connect(lambda: QTimer.singleShot(0, window.close))
    window.show()
    code = app.exec()
    if window.casebook is not None:
        window.casebook.close()
    return code


if __name__ == "__main__":
    sys.exit(run(sys.argv))
