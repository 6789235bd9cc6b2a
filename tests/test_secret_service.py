"""Against a real Secret Service (gnome-keyring), started by scripts/test.sh.

Run outside that script these tests skip; under it
(CASE_DOSSIER_REQUIRE_SECRET_SERVICE=1) a missing service is a failure.
"""

from __future__ import annotations

import os
from pathlib import Path

import keyring
import pytest

from desktop.casebook import CaseBook
from desktop.model import SECRET_FIELDS, get_field
from desktop.sample import sample_case
from desktop.store import Store
from desktop.vault import SERVICE, Vault, VaultState

pytestmark = pytest.mark.secret_service


@pytest.fixture
def real_vault() -> Vault:
    vault = Vault.detect()
    if vault.state is not VaultState.SECURE:
        reason = f"no unlocked Secret Service here ({vault.message})"
        if os.environ.get("CASE_DOSSIER_REQUIRE_SECRET_SERVICE"):
            pytest.fail(reason)
        pytest.skip(reason)
    return vault


def test_detects_the_secret_service(real_vault: Vault) -> None:
    assert "Secret Service" in real_vault.backend_name


def test_case_secrets_stored_read_and_deleted(real_vault: Vault, data_home: Path) -> None:
    book = CaseBook(Store(data_home / "cases.sqlite3", data_home / "att"), real_vault)
    case = sample_case()
    book.save(case)

    backend = keyring.get_keyring()
    for path in SECRET_FIELDS:
        expected = get_field(case, path) or None
        assert backend.get_password(SERVICE, f"{case.id}/{path}") == expected, path

    # A fresh vault (as after a restart) reads them back from the daemon.
    reopened = CaseBook(book.store, Vault.detect())
    loaded = reopened.load(case.id)
    for path in SECRET_FIELDS:
        assert get_field(loaded, path) == get_field(case, path), path

    book.delete(case.id)
    for path in SECRET_FIELDS:
        assert backend.get_password(SERVICE, f"{case.id}/{path}") is None, path


def test_unicode_and_multiline_secrets(real_vault: Vault) -> None:
    address = "Проспект Мира, д. 1\n北京市朝阳区 100020\n🏠"
    real_vault.set("unicode-case", "owner.postal_address", address)
    try:
        assert Vault.detect().get("unicode-case", "owner.postal_address") == address
    finally:
        real_vault.delete("unicode-case", "owner.postal_address")
