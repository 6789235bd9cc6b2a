"""The one door to the OS keyring.

Secrets go to the system keyring (macOS Keychain, Windows Credential Locker,
Secret Service, KWallet) and nowhere else. When no such keyring is usable the
vault keeps them in this process's memory for the session and says so; it
never writes them to a file.

States:
  SECURE       a real OS keyring answered a set/get/delete probe;
  LOCKED       the keyring exists but is locked: secrets are held in memory
               until `retry()` succeeds, then written through;
  UNAVAILABLE  no allowed keyring: secrets live for this session only.
"""

from __future__ import annotations

import logging
import threading
from enum import StrEnum
from typing import Any

from desktop.i18n import N_
from desktop.logs import Safe

SERVICE = "Case Dossier"
PROBE_USER = "__case_dossier_probe__"
# Windows credentials hold 2,560 bytes of UTF-16: stay well below.
MAX_SECRET_CHARS = 1000

# Backends that keep secrets in the operating system's own encrypted store.
# Anything else (null, fail, plaintext or "encrypted file" backends from
# keyrings.alt, a chainer with none of these) counts as unavailable.
ALLOWED_BACKENDS: set[str] = {
    "keyring.backends.macOS.Keyring",
    "keyring.backends.Windows.WinVaultKeyring",
    "keyring.backends.SecretService.Keyring",
    "keyring.backends.libsecret.Keyring",
    "keyring.backends.kwallet.DBusKeyring",
    "keyring.backends.kwallet.DBusKeyringKWallet4",
}

log = logging.getLogger(__name__)


class VaultState(StrEnum):
    SECURE = "secure"
    LOCKED = "locked"
    UNAVAILABLE = "unavailable"


class VaultError(Exception):
    """A secret could not be kept; the message is worded for the user."""


def backend_id(backend: object) -> str:
    cls = type(backend)
    return f"{cls.__module__}.{cls.__qualname__}"


def _friendly_name(backend: object) -> str:
    names = {
        "keyring.backends.macOS.Keyring": "macOS Keychain",
        "keyring.backends.Windows.WinVaultKeyring": "Windows Credential Manager",
        "keyring.backends.SecretService.Keyring": "the system keyring (Secret Service)",
        "keyring.backends.libsecret.Keyring": "the system keyring (libsecret)",
        "keyring.backends.kwallet.DBusKeyring": "KWallet",
        "keyring.backends.kwallet.DBusKeyringKWallet4": "KWallet",
    }
    return names.get(backend_id(backend), getattr(type(backend), "name", backend_id(backend)))


def _candidates(backend: Any) -> list[Any]:
    """The concrete backends behind keyring's choice (a chainer holds several)."""
    inner = getattr(backend, "backends", None)
    return list(inner) if isinstance(inner, list | tuple) else [backend]


class Vault:
    def __init__(self, backend: Any | None, state: VaultState, message: str) -> None:
        self._backend: Any = backend  # None when no allowed keyring was found
        self.state = state
        self.message = message
        self._memory: dict[tuple[str, str], str] = {}
        self._pending_deletes: set[tuple[str, str]] = set()
        self._lock = threading.Lock()

    # -- construction ------------------------------------------------------

    @classmethod
    def detect(cls) -> Vault:
        """Find an allowed OS keyring and probe it; never raises."""
        try:
            import keyring
            from keyring.errors import KeyringError
        except Exception as exc:  # a broken install should not stop the app
            return cls(None, VaultState.UNAVAILABLE, f"The keyring library failed to load ({exc}).")
        try:
            chosen = keyring.get_keyring()
        except KeyringError:
            chosen = None
        allowed = [b for b in _candidates(chosen) if backend_id(b) in ALLOWED_BACKENDS]
        if not allowed:
            found = backend_id(chosen) if chosen is not None else "none"
            log.warning("no allowed keyring backend (found %s)", Safe(found))
            return cls(None, VaultState.UNAVAILABLE, UNAVAILABLE_TEXT)
        return cls.with_backend(allowed[0])

    @classmethod
    def with_backend(cls, backend: Any) -> Vault:
        vault = cls(backend, VaultState.UNAVAILABLE, UNAVAILABLE_TEXT)
        vault.retry()
        return vault

    @classmethod
    def session_only(cls, message: str | None = None) -> Vault:
        return cls(None, VaultState.UNAVAILABLE, message or UNAVAILABLE_TEXT)

    @property
    def backend_name(self) -> str:
        return _friendly_name(self._backend) if self._backend is not None else "none"

    @property
    def is_secure(self) -> bool:
        return self.state is VaultState.SECURE

    def retry(self) -> VaultState:
        """Probe the keyring again; on success write through what memory held."""
        if self._backend is None:
            return self.state
        state, message = self._probe()
        with self._lock:
            self.state, self.message = state, message
        if state is VaultState.SECURE:
            self._flush_memory()
        return self.state

    def _probe(self) -> tuple[VaultState, str]:
        from keyring.errors import InitError, KeyringError, KeyringLocked, NoKeyringError

        backend = self._backend
        try:
            backend.set_password(SERVICE, PROBE_USER, "probe")
            ok = backend.get_password(SERVICE, PROBE_USER) == "probe"
            backend.delete_password(SERVICE, PROBE_USER)
        except KeyringLocked:
            return VaultState.LOCKED, LOCKED_TEXT.format(name=self.backend_name)
        except (NoKeyringError, InitError) as exc:
            log.warning("keyring probe failed: %s", Safe(type(exc).__name__))
            return VaultState.UNAVAILABLE, UNAVAILABLE_TEXT
        except (KeyringError, OSError, RuntimeError) as exc:
            # Secret Service raises plain KeyringError when the collection is locked
            # and the user dismissed the unlock prompt.
            log.warning("keyring probe failed: %s", Safe(type(exc).__name__))
            if "lock" in str(exc).lower():
                return VaultState.LOCKED, LOCKED_TEXT.format(name=self.backend_name)
            return VaultState.UNAVAILABLE, UNAVAILABLE_TEXT
        if not ok:
            return VaultState.UNAVAILABLE, UNAVAILABLE_TEXT
        return VaultState.SECURE, f"Secrets are kept in {self.backend_name}."

    # -- secrets -----------------------------------------------------------

    @staticmethod
    def _user(case_id: str, field: str) -> str:
        return f"{case_id}/{field}"

    def set(self, case_id: str, field: str, value: str) -> None:
        """Keep a secret; an empty value deletes it. Falls back to memory, never to disk."""
        if len(value) > MAX_SECRET_CHARS:
            raise VaultError(
                f"This entry is {len(value):,} characters long; the keychain holds at most "
                f"{MAX_SECRET_CHARS:,}. Please shorten it."
            )
        key = (case_id, field)
        if not value:
            self.delete(case_id, field)
            return
        with self._lock:
            self._memory[key] = value
            self._pending_deletes.discard(key)
        if self.state is VaultState.SECURE and self._write(key, value):
            with self._lock:
                self._memory.pop(key, None)

    def get(self, case_id: str, field: str) -> str:
        return self.lookup(case_id, field) or ""

    def lookup(self, case_id: str, field: str) -> str | None:
        """The secret, "" when there is none, or None when the keyring cannot say (locked)."""
        key = (case_id, field)
        with self._lock:
            if key in self._memory:
                return self._memory[key]
            if key in self._pending_deletes:
                return ""
        if self._backend is None:
            return ""  # no keyring was ever reachable: nothing can be stored there
        if self.state is not VaultState.SECURE:
            return None
        from keyring.errors import KeyringError

        try:
            value = self._backend.get_password(SERVICE, self._user(*key))
        except KeyringError as exc:
            self._degrade(exc)
            return None
        return value or ""

    def delete(self, case_id: str, field: str) -> None:
        key = (case_id, field)
        with self._lock:
            self._memory.pop(key, None)
        if self.state is VaultState.SECURE and self._erase(key):
            return
        if self._backend is not None:
            with self._lock:
                self._pending_deletes.add(key)

    def delete_case(self, case_id: str, fields: tuple[str, ...]) -> None:
        for field in fields:
            self.delete(case_id, field)

    def held_in_memory(self) -> int:
        """How many secrets wait in memory (shown to the user when not secure)."""
        with self._lock:
            return len(self._memory)

    def take_memory(self) -> dict[tuple[str, str], str]:
        """Hand over the secrets held in memory, (case id, field) -> value, and forget them
        here: for moving a session-only vault's secrets into another vault."""
        with self._lock:
            taken, self._memory = self._memory, {}
        return taken

    # -- keyring calls -----------------------------------------------------

    def _write(self, key: tuple[str, str], value: str) -> bool:
        from keyring.errors import KeyringError

        try:
            self._backend.set_password(SERVICE, self._user(*key), value)
        except KeyringError as exc:
            self._degrade(exc)
            return False
        return True

    def _erase(self, key: tuple[str, str]) -> bool:
        from keyring.errors import KeyringError, PasswordDeleteError

        try:
            self._backend.delete_password(SERVICE, self._user(*key))
        except PasswordDeleteError:
            return True  # nothing stored under that name: already gone
        except KeyringError as exc:
            self._degrade(exc)
            return False
        return True

    def _degrade(self, exc: Exception) -> None:
        from keyring.errors import KeyringLocked

        log.warning("keyring call failed: %s", Safe(type(exc).__name__))
        with self._lock:
            if isinstance(exc, KeyringLocked) or "lock" in str(exc).lower():
                self.state = VaultState.LOCKED
                self.message = LOCKED_TEXT.format(name=self.backend_name)
            else:
                self.state = VaultState.UNAVAILABLE
                self.message = UNAVAILABLE_TEXT

    def _flush_memory(self) -> None:
        with self._lock:
            pending = dict(self._memory)
            deletes = set(self._pending_deletes)
        for key, value in pending.items():
            if not self._write(key, value):
                return
            with self._lock:
                if self._memory.get(key) == value:
                    del self._memory[key]
        for key in deletes:
            if not self._erase(key):
                return
            with self._lock:
                self._pending_deletes.discard(key)


# English here (the CLI, logs); the UI shows them in its language (vault_banner.py).
LOCKED_TEXT = N_(
    "{name} is locked. Unlock it to save serial numbers and your Apple ID; "
    "until then they are kept only while the app is open."
)
UNAVAILABLE_TEXT = N_(
    "No system keychain is available. Serial numbers, your Apple ID and other private "
    "details are kept only while the app is open and are not saved to disk."
)
