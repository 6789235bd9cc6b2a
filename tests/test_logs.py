"""The log writes only listed messages and safe arguments."""

from __future__ import annotations

import logging
from pathlib import Path

from desktop.logs import Safe, configure


def test_secrets_never_reach_the_log(tmp_path: Path) -> None:
    path = configure(tmp_path / "logs")
    log = logging.getLogger("desktop.test")
    try:
        log.warning("keyring call failed: %s", "H7XQ2LM9VR")  # listed, unsafe argument
        log.warning("keyring call failed: %s", Safe("KeyringLocked"))
        log.warning("serial is %s", "H7XQ2LM9VR")  # not listed at all
        try:
            raise ValueError("l.vogt.devices@example.com")
        except ValueError:
            log.exception("dossier build failed: %s", Safe("ValueError"))
        log.info("dossier built: %d pages in %.2f s", 5, 0.31)
    finally:
        for handler in logging.getLogger("desktop").handlers[:]:
            handler.close()
            logging.getLogger("desktop").removeHandler(handler)
    text = path.read_text()
    assert "H7XQ2LM9VR" not in text and "l.vogt.devices" not in text
    assert "keyring call failed: <redacted>" in text
    assert "keyring call failed: KeyringLocked" in text
    assert "unlisted message from desktop.test" in text
    assert "dossier build failed: ValueError [ValueError]" in text
    assert "dossier built: 5 pages in 0.31 s" in text
    assert path.stat().st_mode & 0o777 == 0o600
