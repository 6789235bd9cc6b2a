"""Passphrase-sealed secrets: round trip, wrong passphrase, tampering, no plaintext."""

from __future__ import annotations

import json

import pytest

from desktop.sealed import SealError, WrongPassphrase, seal, unseal

SECRETS = {"device.serial": "H7XQ2LM9VR", "owner.postal_address": "Проспект Мира 1\n北京"}


def test_round_trip_and_no_plaintext() -> None:
    data = seal(SECRETS, "correct horse battery")
    assert b"H7XQ2LM9VR" not in data and "Проспект".encode() not in data
    assert unseal(data, "correct horse battery") == SECRETS


def test_wrong_passphrase_says_so() -> None:
    data = seal(SECRETS, "correct horse battery")
    with pytest.raises(WrongPassphrase, match="does not open"):
        unseal(data, "correct horse battery!")


def test_tampered_header_or_ciphertext_is_refused() -> None:
    envelope = json.loads(seal(SECRETS, "correct horse battery"))
    envelope["n"] = 2**14  # a cheaper key derivation would be an attack
    with pytest.raises(SealError):
        unseal(json.dumps(envelope).encode(), "correct horse battery")


@pytest.mark.parametrize("data", [b"", b"{}", b"not json", b'{"format": "x"}'])
def test_damaged_data_is_explained(data: bytes) -> None:
    with pytest.raises(SealError, match="damaged"):
        unseal(data, "whatever passphrase")


def test_short_passphrase_is_refused() -> None:
    with pytest.raises(SealError, match="at least 8"):
        seal(SECRETS, "short")
