"""The casebook joins store and vault: secrets go to the keyring, never to disk."""

from __future__ import annotations

from pathlib import Path

import keyring
from keyring.backends import fail

from desktop.casebook import CaseBook
from desktop.model import SECRET_FIELDS, get_field
from desktop.sample import sample_case
from desktop.store import Store
from desktop.vault import SERVICE, Vault
from tests.memory_keyring import MemoryKeyring


def all_bytes_under(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in folder.rglob("*") if p.is_file())


def test_save_and_load_with_secrets(casebook: CaseBook, memory_keyring: MemoryKeyring) -> None:
    case = sample_case()
    casebook.save(case)
    assert memory_keyring.entries[(SERVICE, f"{case.id}/device.serial")] == "H7XQ2LM9VR"
    loaded = casebook.load(case.id)
    for path in SECRET_FIELDS:
        assert get_field(loaded, path) == get_field(case, path), path


def test_delete_removes_keyring_entries(casebook: CaseBook, memory_keyring: MemoryKeyring) -> None:
    case = sample_case()
    casebook.save(case)
    casebook.delete(case.id)
    assert casebook.list_cases() == []
    assert memory_keyring.entries == {}


def test_without_keyring_nothing_secret_reaches_the_disk(data_home: Path) -> None:
    keyring.set_keyring(fail.Keyring())
    book = CaseBook(Store(data_home / "cases.sqlite3", data_home / "att"), Vault.detect())
    assert not book.vault.is_secure
    case = sample_case()
    book.save(case)
    assert book.load(case.id).device.serial == "H7XQ2LM9VR"  # kept for the session
    book.close()
    on_disk = all_bytes_under(data_home)
    assert case.title.encode() in on_disk
    for path in SECRET_FIELDS:
        value = get_field(case, path)
        if value:
            assert value.encode() not in on_disk, path


def test_charge_order_ids_are_secrets_and_removed_with_the_charge(
    casebook: CaseBook, memory_keyring: MemoryKeyring
) -> None:
    from decimal import Decimal

    from desktop.model import CaseType, Charge

    case = sample_case()
    case.case_type = CaseType.ACCOUNT
    charge = Charge(order_id="MT5Q9X2K7L", amount=Decimal("49.99"), currency="EUR", item="Gems")
    case.charges.append(charge)
    casebook.save(case)
    key = (SERVICE, f"{case.id}/charges.{charge.id}.order_id")
    assert memory_keyring.entries[key] == "MT5Q9X2K7L"
    raw = (
        casebook.store.db_path.read_bytes()
        + casebook.store.db_path.with_name("cases.sqlite3-wal").read_bytes()
    )
    assert b"MT5Q9X2K7L" not in raw and b"Gems" in raw
    assert casebook.load(case.id).charges[0].order_id == "MT5Q9X2K7L"

    case.charges.clear()
    casebook.save(case)
    assert key not in memory_keyring.entries


def test_closing_keeps_history_and_the_new_serial_is_secret(
    casebook: CaseBook, memory_keyring: MemoryKeyring
) -> None:
    from datetime import date

    from desktop.model import CaseStatus, Resolution

    case = sample_case()
    case.status = CaseStatus.CLOSED
    case.closure.resolution = Resolution.REPLACED
    case.closure.closed_on = date(2026, 11, 20)
    case.closure.new_serial = "K9PQ3RT7WX"
    casebook.save(case)
    assert memory_keyring.entries[(SERVICE, f"{case.id}/closure.new_serial")] == "K9PQ3RT7WX"
    loaded = casebook.load(case.id)
    assert loaded.closure.resolution is Resolution.REPLACED
    assert loaded.closure.new_serial == "K9PQ3RT7WX" and len(loaded.contacts) == 3
    loaded.status = CaseStatus.OPEN  # reopened: nothing is lost
    casebook.save(loaded)
    assert casebook.load(case.id).closure.closed_on == date(2026, 11, 20)


def test_saving_while_locked_does_not_erase_unreadable_secrets(data_home: Path) -> None:
    from tests.test_vault import LockedKeyring

    backend = LockedKeyring()
    backend.locked = False
    book = CaseBook(
        Store(data_home / "cases.sqlite3", data_home / "att"), Vault.with_backend(backend)
    )
    case = sample_case()
    book.save(case)
    backend.locked = True
    book.vault.retry()
    loaded = book.load(case.id)
    assert loaded.device.serial == "" and "device.serial" in book.unreadable_secrets(case.id)
    loaded.title = "edited while locked"
    loaded.device.imei2 = "356789104598956"  # typed anew: kept in memory, written on unlock
    book.save(loaded)
    backend.locked = False
    book.vault.retry()
    again = book.load(case.id)
    assert again.title == "edited while locked"
    assert again.device.serial == "H7XQ2LM9VR"  # not erased by the blank
    assert again.apple_id == case.apple_id


def test_remove_attachment_deletes_the_file_after_saving(
    casebook: CaseBook, tmp_path: Path
) -> None:
    from desktop.model import AttachmentRole

    photo = tmp_path / "p.jpg"
    photo.write_bytes(b"\xff\xd8 photo")
    case = sample_case()
    att = casebook.add_attachment(case, photo, AttachmentRole.PHOTO)
    casebook.save(case)
    path = casebook.attachment_path(att)
    assert path.exists()
    assert casebook.remove_attachment(case, att.id) == att
    assert not path.exists() and casebook.load(case.id).symptoms.photos == []

    stray = casebook.add_attachment(sample_case(), photo, AttachmentRole.PHOTO)  # never saved
    casebook.discard_files([stray])
    assert not casebook.attachment_path(stray).exists()


def test_case_deleted_while_locked_is_cleaned_from_the_keyring_later(data_home: Path) -> None:
    from tests.test_vault import LockedKeyring

    backend = LockedKeyring()
    backend.locked = False
    store = Store(data_home / "cases.sqlite3", data_home / "att")
    book = CaseBook(store, Vault.with_backend(backend))
    case = sample_case()
    book.save(case)
    assert any(user.startswith(case.id) for _service, user in backend.entries)

    backend.locked = True
    book.vault.retry()
    book.delete(case.id)  # the keyring cannot delete now
    assert any(user.startswith(case.id) for _service, user in backend.entries)
    assert store.orphans()

    # Next session: a fresh vault on the unlocked keyring cleans up what was left.
    backend.locked = False
    later = CaseBook(store, Vault.with_backend(backend))
    assert later.clean_up_orphans() >= 7
    assert not any(user.startswith(case.id) for _service, user in backend.entries)
    assert store.orphans() == []
