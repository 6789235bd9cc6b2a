"""Screenshots for an accessibility look: light, dark and high contrast, with the focus shown.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/a11y_shots.py --out /tmp/a11y \
        [--scheme light --scheme dark --scheme high-contrast]

For each scheme: the overview, timeline, details and evidence of the fictional sample
case, the close-case dialog, four wizard pages (case type, serial & IMEI, coverage,
review), and close-ups of the keyboard focus on a text field, a button, a device
choice, the case list and the tab bar (<scheme>-focus-<what>.png). Runs in a
throw-away data folder with an in-memory keyring, like scripts/screenshots.py;
nothing of yours is touched or shown.
Look at them: text must be readable, borders visible, the focus obvious, and no
state told by colour alone.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SIZE = (1200, 780)
TODAY = date(2026, 11, 15)  # the sample's story is set in November 2026
SCHEMES = ("light", "dark", "high-contrast")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--scheme", action="append", choices=SCHEMES)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["CASE_DOSSIER_HOME"] = tempfile.mkdtemp(prefix="case-dossier-a11y-")
    sys.path.insert(0, str(ROOT))

    import keyring

    from desktop import vault as vault_module
    from desktop.vault import backend_id
    from tests.memory_keyring import MemoryKeyring

    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    vault_module.ALLOWED_BACKENDS.add(backend_id(backend))

    from PySide6.QtWidgets import QApplication

    from desktop.ui import i18n
    from desktop.ui.refcounts import make_singletons_immortal

    app = QApplication(["case-dossier"])
    make_singletons_immortal()
    i18n.install("en", app)
    for scheme in args.scheme or SCHEMES:
        for path in shoot(app, scheme, args.out):
            print(path)


def settle(app: Any, rounds: int = 30) -> None:
    for _ in range(rounds):
        app.processEvents()


def shoot(app: Any, scheme: str, out: Path) -> list[Path]:
    from PySide6.QtCore import QEvent, QSettings, Qt
    from PySide6.QtWidgets import QWidget

    from desktop import paths
    from desktop.casebook import CaseBook
    from desktop.store import Store
    from desktop.ui import theme
    from desktop.ui.chinese_fallback import add_chinese_fallback
    from desktop.ui.main_window import MainWindow
    from desktop.ui.wizard.case_wizard import CaseWizard
    from desktop.vault import Vault
    from desktop.wizard_flow import Step

    theme.apply_style(app, scheme)
    add_chinese_fallback()  # as the app does where the system has no Chinese font
    home = paths.data_dir() / scheme
    book = CaseBook(Store(home / "cases.sqlite3", home / "attachments"), Vault.detect())
    settings = QSettings(str(home / "ui.ini"), QSettings.Format.IniFormat)
    written: list[Path] = []

    def save(widget: QWidget, name: str) -> None:
        settle(app)
        path = out / f"{scheme}-{name}.png"
        widget.grab().save(str(path))
        written.append(path)

    def focused(widget: QWidget, name: str, around: QWidget, margin: int = 24) -> None:
        """A close-up of `widget` with the keyboard focus, as Tab would give it."""
        widget.window().activateWindow()
        widget.setFocus(Qt.FocusReason.TabFocusReason)
        settle(app)
        top_left = widget.mapTo(around, widget.rect().topLeft())
        area = widget.rect().translated(top_left).adjusted(-margin, -margin, margin, margin)
        path = out / f"{scheme}-focus-{name}.png"
        around.grab(area.intersected(around.rect())).save(str(path))
        written.append(path)

    window = MainWindow(book, settings=settings)
    window.today = lambda: TODAY
    window.resize(*SIZE)
    window.show()
    settle(app)
    focused(window.welcome.prepare_button, "big-button", window)

    window.open_sample_case()
    window.statusBar().clearMessage()
    ws = window.workspace
    save(window, "overview")
    focused(window.case_list.list, "case-list", window)
    focused(ws.tabs.tabBar(), "tab-bar", window)
    focused(ws.header.findChild(QWidget, "primary") or ws.header, "primary-button", window)

    ws.show_tab(ws.timeline)
    timeline = ws.timeline
    if timeline.model.rowCount():
        timeline.table.selectRow(0)
    save(window, "timeline")
    focused(timeline.form.who_edit, "text-field", window)
    focused(timeline.add_button, "secondary-button", window)

    for name, tab in (("details", ws.details), ("evidence", ws.evidence)):
        ws.show_tab(tab)
        save(window, name)

    from desktop.ui.close_case_dialog import CloseCaseDialog

    assert window.current_case is not None
    closing = CloseCaseDialog(window.current_case, TODAY, window)
    closing.show()
    save(closing, "close-case")
    closing.close()

    wizard = CaseWizard(book, book.load(window.current_case.id) if window.current_case else None)
    wizard.today = lambda: TODAY  # type: ignore[method-assign]
    wizard.show()
    save(wizard, "wizard-case-type")
    while wizard.current_step() not in (Step.DEVICE, None):
        wizard.next()
    focused(wizard.pages[Step.DEVICE].kind_buttons[wizard.case.device.kind], "device", wizard)
    while wizard.current_step() not in (Step.IDENTIFIERS, None):
        wizard.next()
    save(wizard, "wizard-identifiers")
    while wizard.current_step() not in (Step.COVERAGE, None):
        wizard.next()
    save(wizard, "wizard-coverage")
    while wizard.current_step() not in (Step.REVIEW, None):
        wizard.next()
    save(wizard, "wizard-review")
    wizard.hide()
    wizard.deleteLater()

    window.hide()
    window.deleteLater()
    settle(app)
    # Really gone before the next scheme restyles the app (a restyle reaching half-deleted
    # windows crashes).
    app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    book.close()
    return written


if __name__ == "__main__":
    main()
