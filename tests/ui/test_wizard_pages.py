"""Wizard pages added for the intake: "Use this Mac", where to find each identifier."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from desktop import mac_info
from desktop.casebook import CaseBook
from desktop.model import Case, Device, DeviceKind
from desktop.ui.wizard.case_wizard import CaseWizard
from desktop.ui.wizard.help_box import WHERE_TO_FIND, WhereToFind
from desktop.wizard_flow import Step
from tests.ui.conftest import click, click_next


def open_wizard(qtbot: QtBot, casebook: CaseBook, case: Case | None = None) -> CaseWizard:
    wizard = CaseWizard(casebook, case)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def test_use_this_mac_fills_model_and_serial(
    qtbot: QtBot, casebook: CaseBook, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(mac_info, "is_mac", lambda platform=None: True)
    info = mac_info.MacInfo("MacBook Pro", "MacBookPro18,3", "", "Apple M1 Pro", "KX7Q2LM9VR")
    monkeypatch.setattr(mac_info, "read_this_mac", lambda run=None: info)
    wizard = open_wizard(qtbot, casebook, Case(title="Fan noise"))
    click_next(qtbot, wizard)
    device = wizard.pages[Step.DEVICE]
    assert device.this_mac_box.isVisibleTo(device)
    click(qtbot, device.this_mac_button)
    assert device.selected_kind() is DeviceKind.MAC
    assert device.model_edit.text() == "MacBook Pro (MacBookPro18,3, Apple M1 Pro)"
    assert "serial number •••••••M9VR" in device.this_mac_message.text()
    click_next(qtbot, wizard)
    ids = wizard.pages[Step.IDENTIFIERS]
    assert ids.serial_edit.text() == "KX7Q2LM9VR"
    assert "About This Mac" in ids.help.text()
    wizard.apply_all()
    assert wizard.case.device.serial == "KX7Q2LM9VR"


def test_use_this_mac_says_when_it_cannot_read(
    qtbot: QtBot, casebook: CaseBook, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(mac_info, "is_mac", lambda platform=None: True)
    monkeypatch.setattr(mac_info, "read_this_mac", lambda run=None: None)
    wizard = open_wizard(qtbot, casebook)
    device = wizard.pages[Step.DEVICE]
    device.use_this_mac()
    assert "could not be read" in device.this_mac_message.text()


def test_the_button_is_only_there_on_macos(
    qtbot: QtBot, casebook: CaseBook, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(mac_info, "is_mac", lambda platform=None: False)
    wizard = open_wizard(qtbot, casebook)
    device = wizard.pages[Step.DEVICE]
    assert not device.this_mac_box.isVisibleTo(device)


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        (DeviceKind.IPHONE, "*#06#"),
        (DeviceKind.IPAD, "SIM tray"),
        (DeviceKind.MAC, "About This Mac"),
        (DeviceKind.WATCH, "Watch app > General > About"),
        (DeviceKind.AIRPODS, "inside the lid of the charging case"),
        (DeviceKind.OTHER, "invoice"),
    ],
)
def test_where_to_find_it_for_every_kind(qtbot: QtBot, kind: DeviceKind, expected: str) -> None:
    box = WhereToFind()
    qtbot.addWidget(box)
    box.show_for(kind)
    assert expected in box.text()
    assert set(WHERE_TO_FIND) == set(DeviceKind)


def test_the_help_follows_the_device_kind(qtbot: QtBot, casebook: CaseBook) -> None:
    case = Case(title="Crackles", device=Device(kind=DeviceKind.AIRPODS))
    wizard = open_wizard(qtbot, casebook, case)
    click_next(qtbot, wizard)
    click_next(qtbot, wizard)
    ids = wizard.pages[Step.IDENTIFIERS]
    assert "AirPods Max: under the left ear cushion." in ids.help.text()
    assert not ids.imei_edit.isVisibleTo(ids)
