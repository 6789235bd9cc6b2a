"""Secrets sealed with a passphrase: for case files exported with secrets, and for
machines with no keyring (an encrypted secrets file instead).

scrypt derives a 256-bit key from the passphrase (n=2**15, r=8, p=1: about
0.1 s and 32 MB here, so guessing is slow); AES-GCM encrypts and
authenticates. The JSON envelope names every parameter, so they can be raised
later without breaking old files, and the parameters are authenticated too.
Nothing is ever written in the clear.
"""

from __future__ import annotations

import base64
import json
import os
from dataclasses import dataclass
from typing import Any

FORMAT = "case-dossier-sealed"
VERSION = 1
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1
MIN_PASSPHRASE = 8
_HEADER_KEYS = ("format", "version", "kdf", "n", "r", "p", "salt", "cipher")


class SealError(Exception):
    """The sealed data cannot be opened; the message says why, for the user."""


class WrongPassphrase(SealError):
    pass


@dataclass(frozen=True)
class SealKey:
    """A key derived once from a passphrase, with the header that says how."""

    key: bytes
    header: dict[str, Any]


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _derive(passphrase: str, header: dict[str, Any]) -> SealKey:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    salt = base64.b64decode(header["salt"], validate=True)
    kdf = Scrypt(salt=salt, length=32, n=header["n"], r=header["r"], p=header["p"])
    return SealKey(kdf.derive(passphrase.encode("utf-8")), header)


def new_key(passphrase: str) -> SealKey:
    if len(passphrase) < MIN_PASSPHRASE:
        raise SealError(f"Choose a passphrase of at least {MIN_PASSPHRASE} characters.")
    header = {
        "format": FORMAT,
        "version": VERSION,
        "kdf": "scrypt",
        "n": SCRYPT_N,
        "r": SCRYPT_R,
        "p": SCRYPT_P,
        "salt": _b64(os.urandom(16)),
        "cipher": "AES-256-GCM",
    }
    return _derive(passphrase, header)


def _envelope(data: bytes) -> dict[str, Any]:
    try:
        envelope = json.loads(data)
        header = {k: envelope[k] for k in _HEADER_KEYS}
        if header["format"] != FORMAT or header["kdf"] != "scrypt":
            raise ValueError
        if header["version"] > VERSION:
            raise SealError("These secrets were sealed by a newer Case Dossier; update the app.")
        n, r, p = int(header["n"]), int(header["r"]), int(header["p"])
        if not (2**10 <= n <= 2**20 and 1 <= r <= 32 and 1 <= p <= 16):
            raise ValueError  # refuse parameters that would make us hang
        base64.b64decode(header["salt"], validate=True)
        base64.b64decode(envelope["nonce"], validate=True)
        base64.b64decode(envelope["ciphertext"], validate=True)
    except SealError:
        raise
    except (ValueError, KeyError, TypeError):
        raise SealError("The sealed secrets are damaged or not in a known format.") from None
    if not isinstance(envelope, dict):
        raise SealError("The sealed secrets are damaged or not in a known format.")
    return envelope


def key_for(data: bytes, passphrase: str) -> SealKey:
    """Derive the key that opens `data` (slow by design: call once, then reuse)."""
    envelope = _envelope(data)
    return _derive(passphrase, {k: envelope[k] for k in _HEADER_KEYS})


def seal_with(key: SealKey, payload: dict[str, Any]) -> bytes:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = os.urandom(12)
    plaintext = json.dumps(payload, ensure_ascii=False).encode("utf-8")
    aad = json.dumps(key.header, sort_keys=True).encode("ascii")
    ciphertext = AESGCM(key.key).encrypt(nonce, plaintext, aad)
    envelope = {**key.header, "nonce": _b64(nonce), "ciphertext": _b64(ciphertext)}
    return json.dumps(envelope).encode("ascii")


def unseal_with(key: SealKey, data: bytes) -> dict[str, Any]:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    envelope = _envelope(data)
    header = {k: envelope[k] for k in _HEADER_KEYS}
    if header != key.header:
        raise WrongPassphrase("These secrets were sealed with another passphrase.")
    aad = json.dumps(header, sort_keys=True).encode("ascii")
    nonce = base64.b64decode(envelope["nonce"])
    try:
        plaintext = AESGCM(key.key).decrypt(nonce, base64.b64decode(envelope["ciphertext"]), aad)
    except InvalidTag:
        raise WrongPassphrase(
            "That passphrase does not open these secrets. Check it and try again; "
            "nothing has been changed."
        ) from None
    payload = json.loads(plaintext)
    if not isinstance(payload, dict):
        raise SealError("The sealed secrets are damaged.")
    return payload


def seal(payload: dict[str, Any], passphrase: str) -> bytes:
    return seal_with(new_key(passphrase), payload)


def unseal(data: bytes, passphrase: str) -> dict[str, Any]:
    return unseal_with(key_for(data, passphrase), data)
