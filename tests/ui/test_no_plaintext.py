"""No plaintext, proven: canary values in every secret field travel through the whole app
(wizard, contacts, both dossiers, export without secrets, quit); afterwards they are found
nowhere but in the full dossier the user saved."""

from __future__ import annotations

import contextlib
import tempfile
import zlib
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from desktop import logs
from desktop.bundle import write_case_file
from desktop.casebook import CaseBook
from desktop.model import ContactEntry, Outcome, Tier
from desktop.ui.main_window import MainWindow
from desktop.ui.wizard.case_wizard import CaseWizard
from tests.ui import test_wizard_walkthrough as walk
from tests.ui.conftest import click

# The walkthrough types these into the secret fields; each is unique to this test.
CANARIES = {
    "serial": "C4NARYSER1AL",  # 12 characters, no O or I: passes the serial check
    "imei": "356789107731000",
    "apple_id": "canary.appleid.7731@example.com",
    "phone": "+49 30 7731 0042",
    "address": "Kanarienweg 7731, 10115 Berlin",
    "order": "CANARY-ORDER-7731",
}


def decompressed(path: Path) -> bytes:
    """The PDF's bytes, its inflated streams, and its text as a reader extracts it
    (subset fonts encode text as glyph ids, so the raw bytes alone would hide it)."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    raw = path.read_bytes()
    parts, start = [raw], 0
    try:
        reader = PdfReader(path)
        parts.append("\n".join(page.extract_text() or "" for page in reader.pages).encode())
        parts.append(" ".join(str(v) for v in (reader.metadata or {}).values()).encode())
    except PdfReadError:  # a broken PDF the user attached: its raw bytes are searched
        pass
    while (index := raw.find(b"stream", start)) >= 0:
        begin = raw.find(b"\n", index) + 1
        end = raw.find(b"endstream", begin)
        with contextlib.suppress(zlib.error):
            parts.append(zlib.decompress(raw[begin:end]))
        start = end + 1 if end > 0 else len(raw)
    return b"\n".join(parts)


def found_in(path: Path) -> list[str]:
    data = decompressed(path) if path.suffix == ".pdf" else path.read_bytes()
    hits = []
    for name, value in CANARIES.items():
        for form in (value.encode(), value.encode("utf-16-be"), value.encode("utf-16-le")):
            if form in data:
                hits.append(name)
                break
    return hits


def test_no_secret_anywhere_but_the_full_dossier(
    qtbot: QtBot,
    make_window: Callable[[CaseBook], MainWindow],
    casebook: CaseBook,
    settings: QSettings,
    sample_files: dict[str, Path],
    data_home: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    monkeypatch.setenv("TMPDIR", str(temp))
    log_file = logs.configure(data_home / "logs")
    for attribute, key in (
        ("SERIAL", "serial"),
        ("IMEI", "imei"),
        ("APPLE_ID", "apple_id"),
        ("PHONE", "phone"),
    ):
        monkeypatch.setattr(walk, attribute, CANARIES[key])
    monkeypatch.setattr(walk, "ORDER", CANARIES["order"])
    monkeypatch.setattr(walk, "ADDRESS", CANARIES["address"])

    window = make_window(casebook)
    click(qtbot, window.welcome.prepare_button)
    wizard = window.wizard
    assert isinstance(wizard, CaseWizard)
    walk.walk_to_review(qtbot, wizard, sample_files)
    with qtbot.waitSignal(window.saved, timeout=5000):
        click(qtbot, wizard.button(CaseWizard.WizardButton.FinishButton))
    qtbot.waitUntil(lambda: window.wizard is None)
    [summary] = casebook.list_cases()
    case = casebook.load(summary.id)
    assert case.device.serial == CANARIES["serial"] and case.owner.phone == CANARIES["phone"]

    # Contacts logged over the weeks.
    case.contacts.append(
        ContactEntry(
            at=datetime(2026, 11, 2, 10, tzinfo=UTC),
            tier=Tier.APPLECARE,
            who="Advisor Sam",
            case_number="200011112222",
            outcome=Outcome.REFUSED,
            notes="Asked for the serial and confirmed it.",
        )
    )
    casebook.save(case)

    # Both dossiers through the Dossier tab, each saved where the user says.
    dossier = window.workspace.dossier
    saved: dict[str, Path] = {}
    for variant in ("full", "redacted"):
        target = tmp_path / "Documents" / f"{variant}.pdf"
        dossier.ask_save_path = lambda name, t=target: t  # type: ignore[method-assign]
        (dossier.redacted_radio if variant == "redacted" else dossier.full_radio).setChecked(True)
        with qtbot.waitSignal(window.dossier_ready, timeout=60_000):
            click(qtbot, window.workspace.header.dossier_button)
        click(qtbot, dossier.save_button)
        saved[variant] = target
    assert set(found_in(saved["full"])) >= {"serial", "imei", "apple_id"}

    # Export without secrets, then quit.
    export = tmp_path / "Documents" / "case.casedossier"
    write_case_file(casebook.load(case.id), casebook.attachments_dir, export)
    window.close()
    casebook.close()
    settings.sync()
    for handler in logs.logging.getLogger("desktop").handlers:
        handler.flush()

    places = [
        *[p for p in data_home.rglob("*") if p.is_file()],  # SQLite, WAL, attachments, ...
        *[p for p in temp.rglob("*") if p.is_file()],
        Path(settings.fileName()),
        log_file,
        export,
        saved["redacted"],
    ]
    names = {p.name for p in places}
    assert {"cases.sqlite3", "case-dossier.log"} <= names
    leaks = {str(p): hits for p in places if (hits := found_in(p))}
    assert leaks == {}
