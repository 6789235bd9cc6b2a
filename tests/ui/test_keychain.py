"""Where secrets are kept: the banner, the status bar, and nothing secret on disk."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import keyring
import keyring.backends.fail
import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from desktop.casebook import CaseBook
from desktop.model import Case, CaseStatus, DeviceKind
from desktop.store import Store
from desktop.ui.main_window import MainWindow
from desktop.ui.wizard.case_wizard import CaseWizard
from desktop.vault import Vault, VaultState
from desktop.wizard_flow import Step
from tests.memory_keyring import MemoryKeyring
from tests.ui.conftest import click, click_next, type_text

SERIAL = "F2LXK1ABJGH5"
PHONE = "+49 30 9876543"


def book_without_keyring(home: Path) -> CaseBook:
    keyring.set_keyring(keyring.backends.fail.Keyring())  # the autouse fixture restores it
    vault = Vault.detect()
    assert vault.state is VaultState.UNAVAILABLE
    return CaseBook(Store(home / "cases.sqlite3", home / "attachments"), vault)


def test_no_keyring_shows_the_banner_and_keeps_secrets_off_disk(
    qtbot: QtBot,
    data_home: Path,
    make_window: Callable[[CaseBook], MainWindow],
    tmp_path: Path,
) -> None:
    book = book_without_keyring(data_home)
    window = make_window(book)
    assert window.banner.isVisible()
    assert window.banner.message.text() == book.vault.message
    assert "not saved to disk" in window.banner.message.text()
    assert not window.banner.retry_button.isVisible()
    assert window.vault_status_text() == "No keyring: secrets kept for this session only"
    assert "No keychain is available right now" in window.welcome.keychain_note.text()

    # Save a case with a serial through the wizard, as a user would.
    window.new_case_action.trigger()
    wizard = window.wizard
    assert isinstance(wizard, CaseWizard)
    type_text(wizard.pages[Step.CASE_TYPE].title_edit, "Speaker crackles")
    click_next(qtbot, wizard)
    click(qtbot, wizard.pages[Step.DEVICE].kind_buttons[DeviceKind.IPHONE])
    click_next(qtbot, wizard)
    type_text(wizard.pages[Step.IDENTIFIERS].serial_edit, SERIAL)
    wizard.close()  # a draft: saved through the same path as Finish

    [summary] = book.list_cases()
    assert summary.status is CaseStatus.DRAFT
    assert window.saved_label.text().startswith("✓ Saved")
    files = [p for p in [*data_home.rglob("*"), *tmp_path.glob("*.ini")] if p.is_file()]
    assert any(p.name.startswith("cases.sqlite3") for p in files)
    for path in files:
        content = path.read_bytes()
        for needle in (SERIAL.encode(), SERIAL.encode("utf-16-le")):
            assert needle not in content, f"the serial reached {path.relative_to(tmp_path)}"
    # This session still knows it: kept in memory until the app quits.
    assert book.vault.get(summary.id, "device.serial") == SERIAL


def test_a_locked_keychain_offers_try_again(
    qtbot: QtBot, data_home: Path, make_window: Callable[[CaseBook], MainWindow]
) -> None:
    vault = Vault(MemoryKeyring(), VaultState.LOCKED, "The system keyring is locked. Unlock it.")
    book = CaseBook(Store(data_home / "cases.sqlite3", data_home / "attachments"), vault)
    book.save(Case(title="Locked case", status=CaseStatus.OPEN))
    window = make_window(book)
    assert window.banner.isVisible()
    assert window.banner.retry_button.isVisible()
    assert window.vault_status_text().startswith("Keychain locked")

    click(qtbot, window.banner.retry_button)  # the memory backend answers: unlocked now
    assert vault.state is VaultState.SECURE
    assert not window.banner.isVisible()
    assert window.vault_status_text().startswith("Secrets in ")
    book.close()


def test_secure_keychain_has_no_banner(window: MainWindow) -> None:
    assert not window.banner.isVisible()
    assert window.vault_status_text().startswith("Secrets in ")
    assert isinstance(window.casebook, CaseBook) and window.casebook.vault.is_secure


class LockedKeyring(MemoryKeyring):
    def set_password(self, service: str, username: str, password: str) -> None:
        from keyring.errors import KeyringLocked

        raise KeyringLocked("locked")


def test_a_locked_keychain_keeps_the_wizard_from_erasing_identifiers(
    data_home: Path,
    make_window: Callable[[CaseBook], MainWindow],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    backend = LockedKeyring()
    backend.entries[("Case Dossier", "c1/device.serial")] = SERIAL
    vault = Vault(backend, VaultState.LOCKED, "The system keyring is locked.")
    book = CaseBook(Store(data_home / "cases.sqlite3", data_home / "attachments"), vault)
    book.store.save_case(Case(id="c1", title="Locked case", status=CaseStatus.OPEN))
    window = make_window(book)
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: told.append(box.text()))
    window.edit_case_action.trigger()
    assert window.wizard is None
    assert told and "locked" in told[0].lower()
    assert backend.entries[("Case Dossier", "c1/device.serial")] == SERIAL
    book.close()
