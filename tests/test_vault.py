"""The vault with test backends: allow-list, session-only fallback, locked keyring."""

from __future__ import annotations

import keyring
import pytest
from keyring.backends import fail, null
from keyring.errors import KeyringLocked
from keyring.testing.backend import BackendBasicTests

from desktop.vault import MAX_SECRET_CHARS, SERVICE, Vault, VaultError, VaultState
from tests.memory_keyring import MemoryKeyring


class TestMemoryKeyringIsAFaithfulBackend(BackendBasicTests):
    @pytest.fixture(autouse=True)
    def _init_keyring(self) -> None:  # keyring's test base calls init_keyring
        self.keyring = self.init_keyring()

    def init_keyring(self) -> MemoryKeyring:
        return MemoryKeyring()


def test_memory_backend_is_accepted_and_probed(memory_keyring: MemoryKeyring) -> None:
    vault = Vault.detect()
    assert vault.state is VaultState.SECURE
    vault.set("case1", "device.serial", "H7XQ2LM9VR")
    assert memory_keyring.entries[(SERVICE, "case1/device.serial")] == "H7XQ2LM9VR"
    assert vault.get("case1", "device.serial") == "H7XQ2LM9VR"
    assert (SERVICE, "__case_dossier_probe__") not in memory_keyring.entries
    vault.set("case1", "device.serial", "")
    assert memory_keyring.entries == {}


@pytest.mark.parametrize("backend", [fail.Keyring(), null.Keyring()], ids=["fail", "null"])
def test_backends_outside_the_allow_list_mean_session_only(backend: object) -> None:
    keyring.set_keyring(backend)  # type: ignore[arg-type]
    vault = Vault.detect()
    assert vault.state is VaultState.UNAVAILABLE
    assert "only while the app is open" in vault.message
    vault.set("c", "apple_id", "someone@example.com")
    assert vault.get("c", "apple_id") == "someone@example.com"
    assert vault.held_in_memory() == 1


class LockedKeyring(MemoryKeyring):
    locked = True

    def set_password(self, service: str, username: str, password: str) -> None:
        if self.locked:
            raise KeyringLocked("Failed to unlock the collection!")
        super().set_password(service, username, password)

    def get_password(self, service: str, username: str) -> str | None:
        if self.locked:
            raise KeyringLocked("Failed to unlock the collection!")
        return super().get_password(service, username)


def test_locked_keyring_keeps_secrets_in_memory_then_writes_them_through() -> None:
    backend = LockedKeyring()
    vault = Vault.with_backend(backend)
    assert vault.state is VaultState.LOCKED
    assert "locked" in vault.message
    vault.set("c", "device.imei", "356789104523418")
    assert backend.entries == {}
    assert vault.get("c", "device.imei") == "356789104523418"

    backend.locked = False
    assert vault.retry() is VaultState.SECURE
    assert backend.entries == {(SERVICE, "c/device.imei"): "356789104523418"}
    assert vault.held_in_memory() == 0


def test_keyring_locking_mid_session_loses_nothing() -> None:
    backend = LockedKeyring()
    backend.locked = False
    vault = Vault.with_backend(backend)
    assert vault.is_secure
    backend.locked = True
    vault.set("c", "owner.phone", "+49 30 5550 1234")
    assert vault.state is VaultState.LOCKED
    assert vault.get("c", "owner.phone") == "+49 30 5550 1234"


def test_oversized_secret_is_refused_with_a_message(memory_keyring: MemoryKeyring) -> None:
    vault = Vault.detect()
    with pytest.raises(VaultError, match="at most 1,000"):
        vault.set("c", "owner.postal_address", "x" * (MAX_SECRET_CHARS + 1))
    assert memory_keyring.entries == {}
