"""No keychain: secrets kept in the encrypted file instead (chosen on the banner or in
Preferences, asked for at start); a locked keychain's wording and retry; Export all cases."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

import keyring
import keyring.backends.fail
import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from desktop import paths
from desktop.bundle import read_case_file
from desktop.casebook import CaseBook
from desktop.model import Case, CaseStatus
from desktop.store import Store
from desktop.ui import app, preferences
from desktop.ui.main_window import MainWindow
from desktop.ui.passphrase_dialog import PassphraseDialog, Purpose
from desktop.ui.settings_dialog import SettingsDialog
from desktop.vault import Vault, VaultState
from tests.memory_keyring import MemoryKeyring
from tests.ui.conftest import click, type_text

SERIAL = "F2LXK1ABJGH5"
PASSPHRASE = "correct horse battery"


def no_keyring() -> None:
    keyring.set_keyring(keyring.backends.fail.Keyring())  # the autouse fixture restores it


def open_store(home: Path) -> Store:
    return Store(home / "cases.sqlite3", home / "attachments")


class Answers:
    """Stands in for the passphrase dialog: gives the answers in turn, notes what it was told."""

    def __init__(self, *answers: str | None) -> None:
        self.answers = list(answers)
        self.asked: list[tuple[bool, str]] = []

    def __call__(self, creating: bool, error: str = "") -> str | None:
        self.asked.append((creating, error))
        return self.answers.pop(0)


def saved_case(book: CaseBook) -> Case:
    case = Case(title="Speaker crackles", status=CaseStatus.OPEN)
    case.device.serial = SERIAL
    book.save(case)
    return case


def test_no_keyring_then_encrypted_file_keeps_the_serial_across_a_restart(
    qtbot: QtBot,
    data_home: Path,
    make_window: Callable[[CaseBook], MainWindow],
    settings: QSettings,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    no_keyring()
    book = CaseBook(open_store(data_home), Vault.detect())
    assert book.vault.state is VaultState.UNAVAILABLE
    case = saved_case(book)  # held in memory for the session
    window = make_window(book)
    assert window.banner.isVisible() and window.banner.file_button.isVisible()
    assert window.banner.file_button.text() == "Keep them in an encrypted file instead…"
    session_vault = book.vault

    answers = Answers(PASSPHRASE)
    monkeypatch.setattr(window, "ask_secrets_passphrase", answers)
    click(qtbot, window.banner.file_button)

    assert answers.asked == [(True, "")]  # a new file: the passphrase is chosen (and repeated)
    assert book.vault is not session_vault and book.vault.is_secure
    assert session_vault.held_in_memory() == 0  # moved, not copied
    assert book.vault.get(case.id, "device.serial") == SERIAL
    assert not window.banner.isVisible()
    assert window.vault_status_text() == "Secrets in an encrypted file"
    assert preferences.uses_secrets_file(settings)
    sealed = paths.secrets_file()
    assert sealed.is_file() and sealed.stat().st_mode & 0o777 == 0o600
    # Nothing in the clear: not in the sealed file, the database, the settings.
    files = [p for p in [*data_home.rglob("*"), *tmp_path.glob("*.ini")] if p.is_file()]
    for path in files:
        content = path.read_bytes()
        for needle in (SERIAL.encode(), SERIAL.encode("utf-16-le"), PASSPHRASE.encode()):
            assert needle not in content, f"found in {path.relative_to(tmp_path)}"
    window.close()
    book.close()

    # Restart: a new window opens the same data folder; the first passphrase is wrong.
    again = MainWindow(settings=settings)
    qtbot.addWidget(again)
    answers = Answers("not the passphrase", PASSPHRASE)
    monkeypatch.setattr(again, "ask_secrets_passphrase", answers)
    monkeypatch.setattr(again, "warm_up_renderer", lambda: None)
    app.open_data(again)
    assert [creating for creating, _ in answers.asked] == [False, False]
    assert answers.asked[0][1] == ""
    assert "does not open these secrets" in answers.asked[1][1]  # refused, asked again
    assert again.casebook is not None and again.casebook.vault.is_secure
    assert again.casebook.load(case.id).device.serial == SERIAL
    assert again.vault_status_text() == "Secrets in an encrypted file"
    again.close()
    again.casebook.close()


def test_cancel_at_start_keeps_secrets_for_the_session(
    qtbot: QtBot, data_home: Path, settings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    no_keyring()
    preferences.remember_secrets_file(settings, True)
    window = MainWindow(settings=settings)
    qtbot.addWidget(window)
    answers = Answers(None)
    monkeypatch.setattr(window, "ask_secrets_passphrase", answers)
    monkeypatch.setattr(window, "warm_up_renderer", lambda: None)
    app.open_data(window)
    assert len(answers.asked) == 1
    assert window.casebook is not None
    assert window.casebook.vault.state is VaultState.UNAVAILABLE
    assert window.banner.isVisibleTo(window) and window.banner.file_button.isVisibleTo(window)
    assert window.vault_status_text() == "No keyring: secrets kept for this session only"
    window.close()
    window.casebook.close()


def test_the_passphrase_dialog_asks_twice_and_says_what_cannot_be_undone(qtbot: QtBot) -> None:
    dialog = PassphraseDialog(Purpose.NEW_FILE)
    qtbot.addWidget(dialog)
    assert "cannot be recovered" in dialog.warning.text()
    assert "in the clear" in dialog.warning.text()
    type_text(dialog.passphrase_edit, "short")
    assert not dialog.ok_button.isEnabled() and "8 characters" in dialog.hint.text()
    type_text(dialog.passphrase_edit, " but now long")
    type_text(dialog.repeat_edit, "short but now lon")
    assert not dialog.ok_button.isEnabled() and "differ" in dialog.hint.text()
    type_text(dialog.repeat_edit, "g")
    assert dialog.ok_button.isEnabled() and dialog.passphrase() == "short but now long"

    opening = PassphraseDialog(Purpose.OPEN_FILE, "That passphrase does not open these secrets.")
    qtbot.addWidget(opening)
    assert not opening.repeat_edit.isVisibleTo(opening)
    assert opening.error_label.text().startswith("That passphrase does not open")
    assert not opening.ok_button.isEnabled()
    type_text(opening.passphrase_edit, "whatever")
    assert opening.ok_button.isEnabled()


def test_preferences_offer_the_encrypted_file_and_show_the_new_state(
    qtbot: QtBot,
    data_home: Path,
    make_window: Callable[[CaseBook], MainWindow],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    no_keyring()
    book = CaseBook(open_store(data_home), Vault.detect())
    window = make_window(book)
    monkeypatch.setattr(window, "ask_secrets_passphrase", Answers(PASSPHRASE))
    seen: list[tuple[bool, str, str, bool]] = []

    def run(dialog: SettingsDialog) -> int:
        seen.append(
            (
                dialog.file_button.isVisibleTo(dialog),
                dialog.vault_label.text(),
                dialog.meaning_label.text(),
                False,
            )
        )
        click(qtbot, dialog.file_button)
        seen.append(
            (
                dialog.file_button.isVisibleTo(dialog),
                dialog.vault_label.text(),
                dialog.meaning_label.text(),
                book.vault.is_secure,
            )
        )
        return int(SettingsDialog.DialogCode.Rejected)

    monkeypatch.setattr(SettingsDialog, "exec", run)
    window.show_preferences()
    before, after = seen
    assert before[0] and before[1] == "No keyring: secrets kept for this session only"
    assert not after[0] and after[1] == "Secrets in an encrypted file"
    assert "encrypted file" in after[2] and after[3]
    book.close()


class UnlockableKeyring(MemoryKeyring):
    locked = True

    def get_password(self, service: str, username: str) -> str | None:
        if self.locked:
            from keyring.errors import KeyringLocked

            raise KeyringLocked("locked")
        return super().get_password(service, username)

    def set_password(self, service: str, username: str, password: str) -> None:
        if self.locked:
            from keyring.errors import KeyringLocked

            raise KeyringLocked("locked")
        super().set_password(service, username, password)


def test_locked_keychain_says_so_and_reloads_identifiers_after_unlocking(
    qtbot: QtBot,
    data_home: Path,
    make_window: Callable[[CaseBook], MainWindow],
    settings: QSettings,
) -> None:
    backend = UnlockableKeyring()
    backend.entries[("Case Dossier", "c1/device.serial")] = SERIAL
    vault = Vault.with_backend(backend)
    assert vault.state is VaultState.LOCKED
    book = CaseBook(open_store(data_home), vault)
    book.store.save_case(Case(id="c1", title="Locked case", status=CaseStatus.OPEN))
    window = make_window(book)
    locked_text = "Keychain locked: unlock it to show identifiers"
    assert window.vault_status_text() == locked_text
    assert window.banner.retry_button.isVisible() and not window.banner.file_button.isVisible()
    dialog = SettingsDialog(settings, vault, window)
    qtbot.addWidget(dialog)
    assert dialog.vault_label.text() == locked_text
    assert dialog.retry_button.isVisibleTo(dialog) and not dialog.file_button.isVisibleTo(dialog)
    assert window.session is not None and window.session.case.device.serial == ""

    backend.locked = False  # the user unlocks the keychain
    click(qtbot, window.banner.retry_button)
    assert vault.is_secure and not window.banner.isVisible()
    assert window.session is not None and window.session.case.device.serial == SERIAL
    book.close()


def test_export_all_cases_writes_one_readable_case_file_per_case(
    window: MainWindow, casebook: CaseBook, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = saved_case(casebook)
    casebook.save(Case(title="Billing: charged twice", status=CaseStatus.OPEN))
    window.refresh_cases()
    out = tmp_path / "exports" / "all"
    monkeypatch.setattr(window, "ask_export_secrets", lambda: True)
    monkeypatch.setattr(window, "ask_export_passphrase", lambda: PASSPHRASE)
    monkeypatch.setattr(window, "ask_export_path", lambda: out.with_suffix(".zip"))
    exported: list[str] = []
    window.exported.connect(exported.append)
    assert window.export_all_action.isEnabled()
    assert window.export_all_action.text() == "&Export all cases…"

    window.export_all_action.trigger()

    zip_path = out.with_suffix(".zip")
    assert exported == [str(zip_path)]
    assert SERIAL.encode() not in zip_path.read_bytes()
    with zipfile.ZipFile(zip_path) as zf:
        names = zf.namelist()
        zf.extractall(tmp_path / "unpacked")
    assert len(names) == 2
    loaded = [read_case_file(tmp_path / "unpacked" / name) for name in names]
    assert {item.case.title for item in loaded} == {"Speaker crackles", "Billing: charged twice"}
    [speaker] = [item for item in loaded if item.case.id == first.id]
    assert speaker.needs_passphrase
    speaker.open_secrets(PASSPHRASE)
    assert speaker.case.device.serial == SERIAL
