"""This Mac's model and serial number, from `system_profiler SPHardwareDataType`.

Used by the wizard's "Use this Mac" button (shown on macOS only). The JSON
form (`-json`, macOS 10.15 and later) has the same keys in every system
language; the text form is read as a fallback, in English.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass

SYSTEM_PROFILER = "/usr/sbin/system_profiler"
TIMEOUT_SECONDS = 20

# Text-form labels (English) -> field.
_TEXT_KEYS = {
    "model name": "model_name",
    "model identifier": "model_identifier",
    "model number": "model_number",
    "chip": "chip",
    "processor name": "chip",
    "serial number (system)": "serial",
    "serial number": "serial",
}
# JSON keys -> field.
_JSON_KEYS = {
    "machine_name": "model_name",
    "machine_model": "model_identifier",
    "model_number": "model_number",
    "chip_type": "chip",
    "cpu_type": "chip",
    "serial_number": "serial",
}


@dataclass(frozen=True)
class MacInfo:
    model_name: str = ""  # "MacBook Pro"
    model_identifier: str = ""  # "MacBookPro18,3"
    model_number: str = ""  # the order number, e.g. "MKGR3LL/A"
    chip: str = ""  # "Apple M1 Pro" or "Quad-Core Intel Core i5"
    serial: str = ""

    @property
    def display_model(self) -> str:
        """ "MacBook Pro (MacBookPro18,3, Apple M1 Pro)": what the wizard's model field gets."""
        details = ", ".join(part for part in (self.model_identifier, self.chip) if part)
        if not self.model_name:
            return details
        return f"{self.model_name} ({details})" if details else self.model_name


def _build(fields: dict[str, str]) -> MacInfo | None:
    info = MacInfo(**fields)
    return info if info.serial or info.model_name else None


def parse_hardware_text(text: str) -> MacInfo | None:
    """Read the text form ("      Serial Number (system): C02…"); None without a Mac in it."""
    fields: dict[str, str] = {}
    for raw in text.splitlines():
        key, sep, value = raw.strip().partition(":")
        field = _TEXT_KEYS.get(key.strip().casefold())
        if sep and field and value.strip() and field not in fields:
            fields[field] = value.strip()
    return _build(fields)


def parse_hardware_json(text: str) -> MacInfo | None:
    """Read the `-json` form; None when it is not system_profiler's hardware overview."""
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return None
    entries = data.get("SPHardwareDataType") if isinstance(data, dict) else None
    if not isinstance(entries, list) or not entries or not isinstance(entries[0], dict):
        return None
    fields: dict[str, str] = {}
    for key, field in _JSON_KEYS.items():
        value = entries[0].get(key)
        if isinstance(value, str) and value.strip() and field not in fields:
            fields[field] = value.strip()
    return _build(fields)


def parse_hardware(text: str) -> MacInfo | None:
    """Either form of system_profiler's output."""
    return parse_hardware_json(text) if text.lstrip().startswith("{") else parse_hardware_text(text)


def is_mac(platform: str | None = None) -> bool:
    return (platform or sys.platform) == "darwin"


def _run(arguments: list[str]) -> str:
    done = subprocess.run(
        [SYSTEM_PROFILER, *arguments],
        capture_output=True,
        text=True,
        timeout=TIMEOUT_SECONDS,
        check=False,
    )
    return done.stdout if done.returncode == 0 else ""


def read_this_mac(run: Callable[[list[str]], str] | None = None) -> MacInfo | None:
    """This Mac's details, or None when they cannot be read (not a Mac, no tool, a timeout)."""
    runner = run or _run
    for arguments in (["-json", "SPHardwareDataType"], ["SPHardwareDataType"]):
        try:
            output = runner(arguments)
        except (OSError, subprocess.SubprocessError):
            continue
        info = parse_hardware(output) if output else None
        if info is not None:
            return info
    return None
