"""Shared fixtures: a fresh data folder and an in-memory keyring for every test."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest

from desktop import vault as vault_module
from desktop.casebook import CaseBook
from desktop.store import Store
from desktop.vault import Vault, backend_id
from tests.memory_keyring import MemoryKeyring

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    monkeypatch.setenv("CASE_DOSSIER_HOME", str(home))
    return home


@pytest.fixture(autouse=True)
def memory_keyring(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> Iterator[MemoryKeyring | None]:
    """Every test gets an empty in-memory keyring, explicitly allowed.

    Tests marked `secret_service` keep the real backend instead.
    """
    if request.node.get_closest_marker("secret_service"):
        yield None
        return
    backend = MemoryKeyring()
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    monkeypatch.setattr(
        vault_module, "ALLOWED_BACKENDS", {*vault_module.ALLOWED_BACKENDS, backend_id(backend)}
    )
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def casebook(data_home: Path, memory_keyring: MemoryKeyring) -> Iterator[CaseBook]:
    book = CaseBook(Store(data_home / "cases.sqlite3", data_home / "attachments"), Vault.detect())
    yield book
    book.close()
