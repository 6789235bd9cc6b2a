"""Starting the desktop app: window first, keyring and data right after the first paint.

Start-up budget: at most 1.5× a bare QMainWindow. So nothing slow is imported
here (no keyring, reportlab, pypdf, Pillow); the vault is probed (keyring
import, about 150-200 ms) only once the window has been painted, and until
then the window says it is checking the keychain.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QCoreApplication, QSettings, QTimer
from PySide6.QtWidgets import QApplication

from desktop import APP_NAME, __version__
from desktop.ui import i18n, preferences, theme
from desktop.ui.i18n import N_, tr
from desktop.ui.main_window import MainWindow
from desktop.ui.refcounts import make_singletons_immortal

ORGANIZATION = "Case Dossier"
# benchmarks/startup.py: print the wall-clock time of the first paint, then quit.
STARTUP_PROBE_ENV = "CASE_DOSSIER_STARTUP_PROBE"
# Quit as soon as the keyring is probed and the cases are open: a smoke test for builds.
QUIT_AFTER_START_ENV = "CASE_DOSSIER_QUIT_AFTER_START"

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


def install_language(app: QApplication) -> str:
    """The UI language before any window is built: the user's choice, else the system's."""
    language = preferences.chosen_ui_language(QSettings()) or i18n.system_language()
    return i18n.install(language, app)


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
    install_language(app)
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
