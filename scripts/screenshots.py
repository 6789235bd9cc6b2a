"""Screenshots of the main window with the fictional sample case, to look at (and for the README).

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py --out /tmp/shots [--readme]

Runs in a throw-away data folder with an in-memory keyring, so nothing of yours is
touched or shown. --readme also writes docs/screenshot-main.png (the light overview).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZE = (1200, 780)
# The sample's story is set in November 2026: show it on a day that fits the story.
TODAY = date(2026, 11, 15)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--readme", action="store_true")
    parser.add_argument("--scheme", choices=["light", "dark", "both"], default="both")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["CASE_DOSSIER_HOME"] = tempfile.mkdtemp(prefix="case-dossier-shots-")
    sys.path.insert(0, str(ROOT))

    import keyring

    from desktop import vault as vault_module
    from desktop.vault import backend_id
    from tests.memory_keyring import MemoryKeyring

    class ShownKeyring(MemoryKeyring):
        name = "the system keyring"  # what the status bar names; the secrets stay in memory

    backend = ShownKeyring()
    keyring.set_keyring(backend)
    vault_module.ALLOWED_BACKENDS.add(backend_id(backend))

    from PySide6.QtWidgets import QApplication

    from desktop.ui.refcounts import make_singletons_immortal

    app = QApplication(["case-dossier"])
    make_singletons_immortal()
    schemes = ["light", "dark"] if args.scheme == "both" else [args.scheme]
    for scheme in schemes:
        shoot(app, scheme, args.out, readme=args.readme and scheme == "light")


def settle(app: object, rounds: int = 40) -> None:
    for _ in range(rounds):
        app.processEvents()  # type: ignore[attr-defined]


def shoot(app: object, scheme: str, out: Path, *, readme: bool) -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from desktop import paths
    from desktop.casebook import CaseBook
    from desktop.store import Store
    from desktop.ui import theme
    from desktop.ui.close_case_dialog import CloseCaseDialog
    from desktop.ui.main_window import MainWindow
    from desktop.ui.settings_dialog import SettingsDialog
    from desktop.vault import Vault

    assert isinstance(app, QApplication)
    theme.apply_style(app, scheme)
    home = paths.data_dir() / scheme
    book = CaseBook(Store(home / "cases.sqlite3", home / "attachments"), Vault.detect())
    settings = QSettings(str(home / "ui.ini"), QSettings.Format.IniFormat)
    window = MainWindow(book, settings=settings)
    window.today = lambda: TODAY
    window.resize(*SIZE)
    window.show()
    settle(app)
    window.grab().save(str(out / f"welcome-{scheme}.png"))

    window.open_sample_case()
    window.statusBar().clearMessage()
    settle(app)
    overview = out / f"overview-{scheme}.png"
    window.grab().save(str(overview))
    if readme:
        target = ROOT / "docs" / "screenshot-main.png"
        window.grab().save(str(target), "PNG", 9)

    ws = window.workspace
    for name, tab in (
        ("timeline", ws.timeline),
        ("details", ws.details),
        ("evidence", ws.evidence),
    ):
        ws.show_tab(tab)
        settle(app)
        window.grab().save(str(out / f"{name}-{scheme}.png"))

    ws.show_tab(ws.dossier)
    ready: list[int] = []
    window.dossier_ready.connect(lambda _path, pages: ready.append(pages))
    window.create_dossier()
    while not ready:
        app.processEvents()
        time.sleep(0.01)
    for _ in range(60):  # the preview renders its pages asynchronously
        settle(app, 2)
        time.sleep(0.02)
    window.grab().save(str(out / f"dossier-{scheme}.png"))

    dialog = SettingsDialog(settings, book.vault, window)
    dialog.show()
    settle(app)
    dialog.grab().save(str(out / f"settings-{scheme}.png"))
    dialog.close()

    assert window.current_case is not None
    closing = CloseCaseDialog(window.current_case, TODAY, window)
    closing.show()
    settle(app)
    closing.grab().save(str(out / f"close-case-{scheme}.png"))
    closing.close()

    window.close()
    book.close()


if __name__ == "__main__":
    main()
