"""An encrypted secrets file, for machines with no usable keyring.

It behaves like a keyring backend (get/set/delete by service and user name),
so the vault treats it like any other; every change re-seals the whole file
with the key derived once from the user's passphrase and replaces it
atomically. The passphrase itself is never stored.
"""

from __future__ import annotations

import json
import os
import tempfile
import threading
from pathlib import Path

from desktop.sealed import SealKey, key_for, new_key, seal_with, unseal_with


class SealedFileBackend:
    name = "an encrypted secrets file"

    def __init__(self, path: Path, key: SealKey, entries: dict[str, str]) -> None:
        self.path = path
        self._key = key
        self._entries = entries
        self._lock = threading.Lock()

    @classmethod
    def open_or_create(cls, path: Path, passphrase: str) -> SealedFileBackend:
        """Open the file with the passphrase (WrongPassphrase if it does not fit), or start one."""
        if path.exists():
            data = path.read_bytes()
            key = key_for(data, passphrase)
            raw = unseal_with(key, data)
            entries = {k: v for k, v in raw.items() if isinstance(v, str)}
            return cls(path, key, entries)
        backend = cls(path, new_key(passphrase), {})
        backend._write()
        return backend

    @staticmethod
    def _name(service: str, username: str) -> str:
        return json.dumps([service, username])

    def get_password(self, service: str, username: str) -> str | None:
        with self._lock:
            return self._entries.get(self._name(service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        with self._lock:
            self._entries[self._name(service, username)] = password
            self._write()

    def delete_password(self, service: str, username: str) -> None:
        with self._lock:
            if self._entries.pop(self._name(service, username), None) is not None:
                self._write()

    def _write(self) -> None:
        sealed = seal_with(self._key, dict(self._entries))
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".secrets-")
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(sealed)
                out.flush()
                os.fsync(out.fileno())
            os.chmod(tmp, 0o600)
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
