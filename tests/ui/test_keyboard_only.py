"""A person who cannot use a mouse prepares a case and notes a call, with the keyboard alone.

Every key goes to whatever widget has the focus (QApplication.focusWidget()), as
a real keyboard's would: Tab and Shift+Tab, arrows, Space, Enter, shortcuts and
typed text. Nothing is clicked and no widget method drives the app; widgets are
only read, to check where the focus is and what was saved.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import date
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QTabBar, QWidget
from pytestqt.qtbot import QtBot

from desktop.casebook import CaseBook
from desktop.model import CaseType, Channel, DeviceKind, PlanKind
from desktop.ui.main_window import MainWindow
from desktop.ui.wizard.case_wizard import CaseWizard
from desktop.wizard_flow import Step

Key = Qt.Key
Mod = Qt.KeyboardModifier


def focus() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def press(key: Key, modifier: Mod = Mod.NoModifier, times: int = 1) -> None:
    for _ in range(times):
        QTest.keyClick(focus(), key, modifier)
        # A person's next key comes after the app has caught up (shown new rows, etc.).
        QApplication.processEvents()


def write(text: str) -> None:
    QTest.keyClicks(focus(), text)
    QApplication.processEvents()


def describe(widget: QWidget | None) -> str:
    if widget is None:
        return "nothing"
    text = getattr(widget, "text", None)
    shown = text() if callable(text) and not widget.accessibleName() else ""
    return f"{type(widget).__name__} {widget.accessibleName() or shown!r}"


def tab_to(
    target: QWidget | Callable[[QWidget], bool], *, back: bool = False, limit: int = 40
) -> int:
    """Press Tab (Shift+Tab) until the focus reaches `target`; the number of presses."""
    reached = target if callable(target) else (lambda w: w is target)
    path = []
    for count in range(limit + 1):
        if reached(focus()):
            return count
        path.append(describe(focus()))
        press(Key.Key_Backtab if back else Key.Key_Tab)
    raise AssertionError(f"Tab never reached the target; the focus went through: {path}")


def mnemonic_of(field: QWidget) -> Key:
    """The Alt+letter key of the caption whose buddy `field` is (read, as a user reads
    the underlined letter)."""
    window = field.window()
    for label in window.findChildren(QLabel):
        if label.buddy() is field and label.isVisible():
            match = re.search(r"&([A-Za-z])", label.text())
            assert match, f"the caption {label.text()!r} has no shortcut"
            return Key(ord(match.group(1).upper()))
    raise AssertionError(f"no caption for {describe(field)}")


TITLE = "Screen flickers after update"
MODEL = "iPhone 13 Pro"
SERIAL = "F2LXK1ABJGH5"
IMEI = "356789104523871"
APPLE_ID = "anna.petrova@example.com"
NAME = "Anna Petrova"
SELLER = "Elektro Beispiel Berlin"
SYMPTOM = "The screen flickers green below 30 percent brightness."
REPAIR_PLACE = "Apple Store Berlin"
REPAIR_WHAT = "Display replaced"
CONTACT_WHO = "Jonas Weber"
CONTACT_CASE = "102938475610"
CONTACT_PROMISE = "Promised a call back from a senior advisor within two days."


def next_page(wizard: CaseWizard, expected: Step) -> None:
    """Enter: the wizard's default button (Next)."""
    press(Key.Key_Return)
    assert wizard.current_step() is expected, (
        wizard.current_step(),
        wizard.current_page().problems(),
    )
    assert wizard.isAncestorOf(focus()), describe(focus())


def fill_hardware_case(wizard: CaseWizard) -> None:
    pages = wizard.pages
    # Case type: the focus starts on the first choice, a hardware fault, already ticked.
    case_type = pages[Step.CASE_TYPE]
    assert focus() is case_type.choices[CaseType.HARDWARE].radio
    tab_to(case_type.title_edit)
    write(TITLE)
    next_page(wizard, Step.DEVICE)

    # Device: arrows move between the kinds and choose; Space too.
    device = pages[Step.DEVICE]
    assert focus() is device.kind_buttons[DeviceKind.IPHONE]
    press(Key.Key_Right)
    assert device.selected_kind() is DeviceKind.IPAD
    press(Key.Key_Left)
    press(Key.Key_Space)
    assert device.selected_kind() is DeviceKind.IPHONE
    tab_to(device.model_edit)
    write(MODEL)
    next_page(wizard, Step.IDENTIFIERS)

    ids = pages[Step.IDENTIFIERS]
    assert focus() is ids.serial_edit
    write(SERIAL)
    assert tab_to(ids.imei_edit) == 1
    write(IMEI)
    next_page(wizard, Step.APPLE_ID)

    assert focus() is pages[Step.APPLE_ID].apple_id_edit
    write(APPLE_ID)
    next_page(wizard, Step.OWNER)

    owner = pages[Step.OWNER]
    assert focus() is owner.name_edit
    write(NAME)
    assert tab_to(owner.country_combo) == 4  # email, phone, address, country: top to bottom
    write("Germany")  # a closed list: typing the start of a name chooses it
    # A caption's Alt+letter jumps to its field (the letter is chosen as the page is shown).
    press(mnemonic_of(owner.phone_edit), Mod.AltModifier)
    assert focus() is owner.phone_edit
    press(mnemonic_of(owner.country_combo), Mod.AltModifier)
    assert focus() is owner.country_combo
    assert tab_to(owner.time_zone_combo) == 1
    press(Key.Key_A, Mod.ControlModifier)
    write("Europe/Berlin")
    press(Key.Key_Tab)  # out of the time zone (closes its completer's list)
    assert focus() is owner.language_combo
    next_page(wizard, Step.RECEIPT)

    receipt = pages[Step.RECEIPT]
    assert focus() is receipt.date_edit.date_edit
    # Typing over "Not set": the day, then the month's name, then the year (each part
    # moves on to the next once it is complete).
    write("14Mar2023")
    tab_to(receipt.seller_edit)
    write(SELLER)
    tab_to(receipt.price_edit)
    write("1149.00")
    next_page(wizard, Step.COVERAGE)

    coverage = pages[Step.COVERAGE]
    assert focus() is coverage.plan_combo
    press(Key.Key_Down)  # AppleCare+
    assert tab_to(coverage.term_combo) == 2  # through the start date's day, month, year...
    press(Key.Key_Down, times=2)  # 2 years
    box = coverage.program_boxes["iphone14plus_camera"]
    tab_to(box)
    press(Key.Key_Space)
    next_page(wizard, Step.SYMPTOMS)

    symptoms = pages[Step.SYMPTOMS]
    assert focus() is symptoms.description_edit
    write(SYMPTOM)
    tab_to(symptoms.tried_edit)
    write("Restarted and updated.")
    press(Key.Key_Return, Mod.ControlModifier)  # Ctrl+Enter: Next, even in a text box
    assert wizard.current_step() is Step.REPAIRS
    assert symptoms.tried_edit.toPlainText() == "Restarted and updated."  # no new line

    repairs = pages[Step.REPAIRS].repairs
    assert focus() is repairs.add_button
    press(Key.Key_Space)
    [row] = repairs.rows
    assert focus() is row.date_edit.date_edit  # the new row takes the typing
    write("1")
    press(Key.Key_Tab)  # a one-digit day: Tab moves on to the month
    write("Feb2024")  # "01": a complete day moves on to the month
    tab_to(row.place_edit)
    write(REPAIR_PLACE)
    tab_to(row.what_edit)
    write(REPAIR_WHAT)
    next_page(wizard, Step.REVIEW)


@pytest.fixture
def day_first() -> Iterator[None]:
    """Date fields read day, month, year, as in a British English window (the order of
    the parts typed below); a US window would take the month first."""
    before = QLocale()
    QLocale.setDefault(QLocale("en_GB"))
    yield
    QLocale.setDefault(before)


def test_a_case_and_a_call_with_the_keyboard_alone(
    day_first: None, qtbot: QtBot, window: MainWindow, casebook: CaseBook
) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=2000)
    assert window.content.currentWidget() is window.welcome

    # File > New case… by its shortcut opens the wizard with the focus inside it.
    press(Key.Key_N, Mod.ControlModifier)
    qtbot.waitUntil(lambda: window.wizard is not None and window.wizard.isVisible())
    wizard = window.wizard
    assert wizard is not None
    qtbot.waitUntil(lambda: wizard.isAncestorOf(QApplication.focusWidget()))
    fill_hardware_case(wizard)
    tab_to(wizard.button(CaseWizard.WizardButton.FinishButton))
    with qtbot.waitSignal(window.saved, timeout=5000):
        press(Key.Key_Space)
    qtbot.waitUntil(lambda: window.wizard is None)

    # Back in the window, the focus is on the cases, the new one selected.
    assert focus() is window.case_list.list
    [summary] = casebook.list_cases()
    case = casebook.load(summary.id)
    assert case.title == TITLE
    assert case.device.kind is DeviceKind.IPHONE and case.device.model_name == MODEL
    assert (case.device.serial, case.device.imei) == (SERIAL, IMEI)
    assert case.apple_id == APPLE_ID
    assert (case.owner.name, case.owner.country, case.owner.time_zone) == (
        NAME,
        "DE",
        "Europe/Berlin",
    )
    assert case.purchase.date == date(2023, 3, 14)
    assert case.purchase.seller == SELLER and case.purchase.price == Decimal("1149.00")
    assert case.applecare.kind is PlanKind.APPLECARE_PLUS and case.applecare.months == 24
    assert case.repair_programs == ["iphone14plus_camera"]
    assert case.symptoms.description == SYMPTOM
    [repair] = case.repairs
    assert (repair.date, repair.place, repair.what) == (date(2024, 2, 1), REPAIR_PLACE, REPAIR_WHAT)

    # The Timeline tab: Tab to the tab bar, Right arrow to the next tab.
    workspace = window.workspace
    tab_to(lambda w: isinstance(w, QTabBar) and workspace.isAncestorOf(w))
    press(Key.Key_Right)
    timeline = workspace.timeline
    assert workspace.tabs.currentWidget() is timeline
    tab_to(timeline.add_button)
    press(Key.Key_Space)
    form = timeline.form
    assert focus() is form.who_edit  # a new contact starts where the typing matters
    write(CONTACT_WHO)
    assert tab_to(form.case_number_edit) == 2  # past the advisor ID
    write(CONTACT_CASE)
    tab_to(form.notes_edit)
    write(CONTACT_PROMISE)
    press(Key.Key_Return)  # in the notes, Enter is a new line
    write("Case number confirmed.")

    # Back up to the date: Shift+Tab arrives on its last part (the year) and steps back
    # through the month to the day; then the date is typed forward, as on the receipt.
    tab_to(form.date_edit, back=True)
    press(Key.Key_Backtab, times=2)
    write("09Oct2025")
    tab_to(form.channel_combo)
    write("Chat")
    # Save contact is on the Tab path; from the notes box, Ctrl+Enter saves.
    tab_to(timeline.save_button)
    tab_to(form.notes_edit, back=True)
    with qtbot.waitSignal(timeline.case_changed, timeout=5000):
        press(Key.Key_Return, Mod.ControlModifier)

    saved = casebook.load(case.id)
    [contact] = saved.contacts
    assert contact.who == CONTACT_WHO
    assert contact.case_number == CONTACT_CASE
    assert contact.notes == f"{CONTACT_PROMISE}\nCase number confirmed."
    assert contact.channel is Channel.CHAT
    assert contact.at.astimezone(ZoneInfo("Europe/Berlin")).date() == date(2025, 10, 9)
