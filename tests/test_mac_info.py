"""Reading this Mac's model and serial from system_profiler, with recorded output
(serial numbers invented)."""

from __future__ import annotations

import subprocess

from hypothesis import given
from hypothesis import strategies as st

from desktop.mac_info import (
    MacInfo,
    is_mac,
    parse_hardware,
    parse_hardware_json,
    parse_hardware_text,
    read_this_mac,
)

APPLE_SILICON_TEXT = """\
Hardware:

    Hardware Overview:

      Model Name: MacBook Pro
      Model Identifier: MacBookPro18,3
      Model Number: MKGR3LL/A
      Chip: Apple M1 Pro
      Total Number of Cores: 8 (6 performance and 2 efficiency)
      Memory: 16 GB
      System Firmware Version: 10151.140.19
      OS Loader Version: 10151.140.19
      Serial Number (system): KX7Q2LM9VR
      Hardware UUID: 00000000-0000-0000-0000-000000000000
      Provisioning UDID: 00006000-000000000000001E
      Activation Lock Status: Disabled

"""

INTEL_TEXT = """\
Hardware:

    Hardware Overview:

      Model Name: MacBook Air
      Model Identifier: MacBookAir8,1
      Processor Name: Dual-Core Intel Core i5
      Processor Speed: 1,6 GHz
      Number of Processors: 1
      Total Number of Cores: 2
      L2 Cache (per Core): 256 KB
      L3 Cache: 4 MB
      Hyper-Threading Technology: Enabled
      Memory: 8 GB
      System Firmware Version: 1731.120.10.0.0 (iBridge: 19.16.15071.0.0,0)
      Serial Number (system): C02XK1ABJK77
      Hardware UUID: 00000000-0000-0000-0000-000000000000
      Activation Lock Status: Enabled

"""

JSON_OUTPUT = """\
{
  "SPHardwareDataType" : [
    {
      "_name" : "hardware_overview",
      "activation_lock_status" : "activation_lock_disabled",
      "boot_rom_version" : "10151.140.19",
      "chip_type" : "Apple M2",
      "machine_model" : "Mac14,2",
      "machine_name" : "MacBook Air",
      "model_number" : "Z15S000CTD/A",
      "number_processors" : "proc 8:4:4",
      "os_loader_version" : "10151.140.19",
      "physical_memory" : "16 GB",
      "platform_UUID" : "00000000-0000-0000-0000-000000000000",
      "provisioning_UDID" : "00008112-000000000000001E",
      "serial_number" : "M2QX7JH4PL"
    }
  ]
}
"""


def test_apple_silicon_text() -> None:
    info = parse_hardware_text(APPLE_SILICON_TEXT)
    assert info == MacInfo(
        model_name="MacBook Pro",
        model_identifier="MacBookPro18,3",
        model_number="MKGR3LL/A",
        chip="Apple M1 Pro",
        serial="KX7Q2LM9VR",
    )
    assert info.display_model == "MacBook Pro (MacBookPro18,3, Apple M1 Pro)"


def test_intel_text_has_a_processor_not_a_chip() -> None:
    info = parse_hardware(INTEL_TEXT)
    assert info is not None
    assert info.serial == "C02XK1ABJK77" and info.chip == "Dual-Core Intel Core i5"
    assert info.display_model == "MacBook Air (MacBookAir8,1, Dual-Core Intel Core i5)"


def test_json_form() -> None:
    info = parse_hardware(JSON_OUTPUT)
    assert info is not None
    assert (info.model_name, info.model_identifier, info.chip, info.serial) == (
        "MacBook Air",
        "Mac14,2",
        "Apple M2",
        "M2QX7JH4PL",
    )


def test_output_without_a_mac_in_it() -> None:
    assert parse_hardware("") is None
    assert parse_hardware("Hardware:\n\n") is None
    assert parse_hardware_json('{"SPHardwareDataType": []}') is None
    assert parse_hardware_json("{not json") is None
    assert parse_hardware_json("[1, 2]") is None


def test_read_prefers_json_and_falls_back_to_text() -> None:
    calls: list[list[str]] = []

    def old_macos(arguments: list[str]) -> str:
        calls.append(arguments)
        if "-json" in arguments:
            raise subprocess.CalledProcessError(64, "system_profiler")
        return INTEL_TEXT

    info = read_this_mac(old_macos)
    assert info is not None and info.serial == "C02XK1ABJK77"
    assert calls == [["-json", "SPHardwareDataType"], ["SPHardwareDataType"]]
    assert read_this_mac(lambda arguments: JSON_OUTPUT) == parse_hardware(JSON_OUTPUT)


def test_no_tool_no_answer() -> None:
    def missing(arguments: list[str]) -> str:
        raise FileNotFoundError("system_profiler")

    assert read_this_mac(missing) is None
    assert read_this_mac(lambda arguments: "") is None


def test_only_macos_is_a_mac() -> None:
    assert is_mac("darwin")
    assert not is_mac("linux") and not is_mac("win32")


@given(st.text())
def test_any_output_never_raises(text: str) -> None:
    parse_hardware(text)
    parse_hardware_json(text)
