"""Screenshots of the main window with the fictional sample case, to look at (and for the README).

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py --out /tmp/shots [--readme]
    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py --wizard --out /tmp/wiz \
        [--mode en --mode pseudo ...] [--sheets docs/screenshots]

Runs in a throw-away data folder with an in-memory keyring, so nothing of yours is
touched or shown. --readme also writes docs/screenshot-main.png (the light overview).

--wizard walks every page of the case wizard, filled with the sample's data, on all
three branches (hardware, account & billing, software), in each mode: English,
Chinese, Russian, pseudo-localised, pseudo-localised right to left, and English with
text at 200 %. One PNG a page (<mode>/<NN>-<branch>-<step>.png) and a contact sheet a
mode (wizard-<mode>.png); --sheets also writes the sheets there (docs/screenshots/).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SIZE = (1200, 780)
# The sample's story is set in November 2026: show it on a day that fits the story.
TODAY = date(2026, 11, 15)


@dataclass(frozen=True)
class Mode:
    language: str
    rtl: bool = False
    text_scale: float = 1.0


WIZARD_MODES = {
    "en": Mode("en"),
    "zh_CN": Mode("zh_CN"),
    "ru": Mode("ru"),
    "pseudo": Mode("x-pseudo"),
    "pseudo-rtl": Mode("x-pseudo", rtl=True),
    "text-200": Mode("en", text_scale=2.0),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--readme", action="store_true")
    parser.add_argument("--scheme", choices=["light", "dark", "both"], default="both")
    parser.add_argument("--wizard", action="store_true", help="the wizard's pages, per mode")
    parser.add_argument("--mode", action="append", choices=list(WIZARD_MODES))
    parser.add_argument("--sheets", type=Path, help="also write the contact sheets here")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)  # one mode
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    if args.wizard and not args.child:
        # A fresh app a mode, started the way a developer starts one (the env variables).
        for name in args.mode or list(WIZARD_MODES):
            mode = WIZARD_MODES[name]
            env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
            env.update(mode_environment(mode))
            command = [sys.executable, __file__, "--wizard", "--child", "--mode", name]
            command += ["--out", str(args.out)]
            if args.sheets is not None:
                command += ["--sheets", str(args.sheets)]
            subprocess.run(command, env=env, check=True)
            print(args.out / f"wizard-{name}.png")
        return
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
    if args.wizard:
        sheet = shoot_wizard(app, args.mode[0], args.out)
        if args.sheets is not None:
            args.sheets.mkdir(parents=True, exist_ok=True)
            (args.sheets / sheet.name).write_bytes(sheet.read_bytes())
        return
    from desktop.ui import app as app_module

    # The main window honours the same switches (CASE_DOSSIER_PSEUDO, _RTL, _TEXT_SCALE).
    app_module.apply_layout_checks(app)
    if os.environ.get(app_module.PSEUDO_ENV):
        app_module.install_language(app)
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
    from desktop.ui.chinese_fallback import add_chinese_fallback
    from desktop.ui.close_case_dialog import CloseCaseDialog
    from desktop.ui.main_window import MainWindow
    from desktop.ui.settings_dialog import SettingsDialog
    from desktop.vault import Vault

    assert isinstance(app, QApplication)
    theme.apply_style(app, scheme)
    add_chinese_fallback()  # as the app does where the system has no Chinese font
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


# -- the wizard, page by page ----------------------------------------------------


def branch_cases(case: Any) -> dict[str, Any]:
    """The sample (a hardware fault) and two fictional variants for the other branches."""
    import copy
    from decimal import Decimal

    from desktop.model import CaseType, Charge

    account = copy.deepcopy(case)
    account.case_type = CaseType.ACCOUNT
    account.title = "Charged twice for one subscription"
    account.charges = [
        Charge(
            date=date(2026, 10, 3),
            order_id="MT4Q7XK2LB",
            amount=Decimal("9.99"),
            currency="EUR",
            item="Photo Studio Pro, monthly subscription",
            report_a_problem="Declined: the purchase was more than 90 days ago.",
        ),
        Charge(
            date=date(2026, 10, 3),
            order_id="MT4Q7XK2LC",
            amount=Decimal("9.99"),
            currency="EUR",
            item="Photo Studio Pro, monthly subscription",
        ),
    ]
    software = copy.deepcopy(case)
    software.case_type = CaseType.SOFTWARE
    software.title = "Photos app closes when opening the library"
    return {"hardware": case, "account": account, "software": software}


def mode_environment(mode: Mode) -> dict[str, str]:
    from desktop.ui.app import PSEUDO_ENV, RTL_ENV, TEXT_SCALE_ENV

    return {
        PSEUDO_ENV: "1" if mode.language == "x-pseudo" else "",
        RTL_ENV: "1" if mode.rtl else "",
        TEXT_SCALE_ENV: str(mode.text_scale),
        "LANGUAGE": mode.language,
    }


# The other branches' pages that differ from the hardware branch's (the rest are the same).
BRANCH_PAGES = {"account": ("charges", "symptoms", "review"), "software": ("coverage", "review")}


def shoot_wizard(app: Any, name: str, out: Path) -> Path:
    from PySide6.QtWidgets import QApplication

    from desktop import paths
    from desktop.casebook import CaseBook
    from desktop.store import Store
    from desktop.ui import app as app_module
    from desktop.ui import i18n, theme
    from desktop.ui.chinese_fallback import add_chinese_fallback
    from desktop.ui.sample_case_file import import_sample_case
    from desktop.ui.wizard.case_wizard import CaseWizard
    from desktop.vault import Vault
    from desktop.wizard_flow import steps_for

    assert isinstance(app, QApplication)
    theme.apply_style(app, "light")
    add_chinese_fallback()  # as the app does where the system has no Chinese font
    app_module.apply_layout_checks(app)  # right to left, larger text: from the environment
    language = WIZARD_MODES[name].language
    if language == "x-pseudo":
        app_module.install_language(app)  # CASE_DOSSIER_PSEUDO, as the app reads it
    else:
        i18n.install(language, app)
    home = paths.data_dir() / f"wizard-{name}"
    book = CaseBook(Store(home / "cases.sqlite3", home / "attachments"), Vault.detect())
    sample = book.load(import_sample_case(book).id)
    folder = out / name
    folder.mkdir(parents=True, exist_ok=True)
    shots: list[tuple[str, Path]] = []
    for branch, case in branch_cases(sample).items():
        wizard = CaseWizard(book, case)
        wizard.today = lambda: TODAY  # type: ignore[method-assign]
        wizard.show()
        settle(app)
        for step in steps_for(case):
            if wizard.current_step() is not step:
                wizard.next()
                settle(app)
            assert wizard.current_step() is step, (branch, step, wizard.current_step())
            if branch == "hardware" or step in BRANCH_PAGES.get(branch, ()):
                path = folder / f"{len(shots) + 1:02d}-{branch}-{step.value}.png"
                wizard.grab().save(str(path))
                shots.append((f"{branch}: {step.value}", path))
        wizard._finished = True  # a screenshot run: nothing to keep
        wizard.close()
        wizard.deleteLater()
        settle(app)
    book.close()
    return contact_sheet(shots, out / f"wizard-{name}.png", title=name)


def contact_sheet(shots: list[tuple[str, Path]], target: Path, *, title: str) -> Path:
    """The pages side by side, each captioned, on one PNG (Pillow)."""
    from PIL import Image, ImageDraw, ImageFont

    columns, scale, gap, caption = 4, 0.5, 16, 22
    images = [Image.open(path).convert("RGB") for _, path in shots]
    width = max(image.width for image in images)
    height = max(image.height for image in images)
    cell_w, cell_h = int(width * scale), int(height * scale)
    rows = (len(images) + columns - 1) // columns
    sheet = Image.new(
        "RGB",
        (columns * (cell_w + gap) + gap, 40 + rows * (cell_h + caption + gap) + gap),
        "white",
    )
    draw = ImageDraw.Draw(sheet)
    font = ImageFont.load_default(size=18)
    draw.text((gap, 10), f"Case wizard: {title}", fill="black", font=font)
    for index, ((label, _), image) in enumerate(zip(shots, images, strict=True)):
        row, column = divmod(index, columns)
        x = gap + column * (cell_w + gap)
        y = 40 + row * (cell_h + caption + gap)
        draw.text((x, y), label, fill="#444444", font=font)
        thumb = image.resize((int(image.width * scale), int(image.height * scale)), Image.LANCZOS)
        sheet.paste(thumb, (x, y + caption))
        draw.rectangle(
            (x - 1, y + caption - 1, x + thumb.width, y + caption + thumb.height), outline="#bbbbbb"
        )
    sheet = sheet.quantize(colors=256, method=Image.Quantize.MEDIANCUT)
    sheet.save(target, optimize=True)
    return target


if __name__ == "__main__":
    main()
