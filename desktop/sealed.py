"""Secrets sealed with a passphrase: for case files exported with secrets, and for
machines with no keyring.

scrypt derives a 256-bit key from the passphrase (n=2**15, r=8, p=1: about
0.1 s and 32 MB here, so guessing is slow); AES-GCM encrypts and
authenticates. The JSON envelope names every parameter, so they can be raised
later without breaking old files. Nothing is ever written in the clear.
"""

from __future__ import annotations

import base64
import json
import os
from typing import Any

FORMAT = "case-dossier-sealed"
VERSION = 1
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1
MIN_PASSPHRASE = 8


class SealError(Exception):
    """The sealed data cannot be opened; the message says why, for the user."""


class WrongPassphrase(SealError):
    pass


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _key(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(passphrase.encode("utf-8"))


def seal(payload: dict[str, Any], passphrase: str) -> bytes:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    if len(passphrase) < MIN_PASSPHRASE:
        raise SealError(f"Choose a passphrase of at least {MIN_PASSPHRASE} characters.")
    salt, nonce = os.urandom(16), os.urandom(12)
    key = _key(passphrase, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    header = {
        "format": FORMAT,
        "version": VERSION,
        "kdf": "scrypt",
        "n": SCRYPT_N,
        "r": SCRYPT_R,
        "p": SCRYPT_P,
        "salt": _b64(salt),
        "nonce": _b64(nonce),
        "cipher": "AES-256-GCM",
    }
    plaintext = json.dumps(payload, ensure_ascii=False).encode("utf-8")
    # The header is authenticated too, so its parameters cannot be swapped.
    aad = json.dumps(header, sort_keys=True).encode("ascii")
    ciphertext = AESGCM(key).encrypt(nonce, plaintext, aad)
    return json.dumps({**header, "ciphertext": _b64(ciphertext)}).encode("ascii")


def unseal(data: bytes, passphrase: str) -> dict[str, Any]:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    try:
        envelope = json.loads(data)
        header = {
            k: envelope[k]
            for k in ("format", "version", "kdf", "n", "r", "p", "salt", "nonce", "cipher")
        }
        if header["format"] != FORMAT or header["kdf"] != "scrypt":
            raise ValueError
        if header["version"] > VERSION:
            raise SealError("These secrets were sealed by a newer Case Dossier; update the app.")
        n, r, p = int(header["n"]), int(header["r"]), int(header["p"])
        if not (2**10 <= n <= 2**20 and 1 <= r <= 32 and 1 <= p <= 16):
            raise ValueError  # refuse parameters that would make us hang
        salt = base64.b64decode(header["salt"], validate=True)
        nonce = base64.b64decode(header["nonce"], validate=True)
        ciphertext = base64.b64decode(envelope["ciphertext"], validate=True)
    except SealError:
        raise
    except (ValueError, KeyError, TypeError):
        raise SealError("The sealed secrets are damaged or not in a known format.") from None
    aad = json.dumps(header, sort_keys=True).encode("ascii")
    try:
        plaintext = AESGCM(_key(passphrase, salt, n, r, p)).decrypt(nonce, ciphertext, aad)
    except InvalidTag:
        raise WrongPassphrase(
            "That passphrase does not open these secrets. Check it and try again; "
            "nothing has been changed."
        ) from None
    payload = json.loads(plaintext)
    if not isinstance(payload, dict):
        raise SealError("The sealed secrets are damaged.")
    return payload
