"""The encrypted secrets file: a vault backend for machines without a keyring."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.casebook import CaseBook
from desktop.model import SECRET_FIELDS, get_field
from desktop.sample import sample_case
from desktop.sealed import WrongPassphrase
from desktop.secrets_file import SealedFileBackend
from desktop.store import Store
from desktop.vault import Vault, VaultState


def test_secrets_survive_a_restart_and_never_appear_in_the_clear(data_home: Path) -> None:
    path = data_home / "secrets.sealed"
    vault = Vault.with_backend(SealedFileBackend.open_or_create(path, "a long passphrase"))
    assert vault.state is VaultState.SECURE
    assert vault.backend_name == "an encrypted secrets file"
    book = CaseBook(Store(data_home / "cases.sqlite3", data_home / "att"), vault)
    case = sample_case()
    book.save(case)
    book.close()

    everything = b"".join(p.read_bytes() for p in data_home.rglob("*") if p.is_file())
    for field in SECRET_FIELDS:
        value = get_field(case, field)
        if value:
            assert value.encode() not in everything, field
    assert path.stat().st_mode & 0o777 == 0o600

    reopened = Vault.with_backend(SealedFileBackend.open_or_create(path, "a long passphrase"))
    book = CaseBook(Store(data_home / "cases.sqlite3", data_home / "att"), reopened)
    loaded = book.load(case.id)
    for field in SECRET_FIELDS:
        assert get_field(loaded, field) == get_field(case, field), field


def test_wrong_passphrase_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "secrets.sealed"
    backend = SealedFileBackend.open_or_create(path, "a long passphrase")
    backend.set_password("Case Dossier", "c/device.serial", "H7XQ2LM9VR")
    before = path.read_bytes()
    with pytest.raises(WrongPassphrase):
        SealedFileBackend.open_or_create(path, "another passphrase")
    assert path.read_bytes() == before
