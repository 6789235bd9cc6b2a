"""Next is blocked only by errors, and every block is explained in words at the field."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from desktop.casebook import CaseBook
from desktop.model import Case, CaseType, Device, DeviceKind
from desktop.ui.widgets.field_message import Level
from desktop.ui.wizard.case_wizard import CaseWizard
from desktop.wizard_flow import Step
from tests.ui.conftest import clear_line, click, click_next, type_text


def open_wizard(qtbot: QtBot, casebook: CaseBook, case: Case | None = None) -> CaseWizard:
    wizard = CaseWizard(casebook, case)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def next_enabled(wizard: CaseWizard) -> bool:
    return wizard.button(CaseWizard.WizardButton.NextButton).isEnabled()


def test_an_empty_required_field_blocks_next_and_says_why(qtbot: QtBot, casebook: CaseBook) -> None:
    wizard = open_wizard(qtbot, casebook)
    page = wizard.pages[Step.CASE_TYPE]

    # Untouched: a calm hint, in words, and Next waits.
    assert not next_enabled(wizard)
    assert page.title_message.isVisible()
    assert page.title_message.check.level is Level.HINT
    assert "Needed to continue" in page.title_message.text()

    type_text(page.title_edit, "Battery")
    assert next_enabled(wizard)
    assert not page.title_message.isVisible()

    # Emptied again by the user: now an error, still in words.
    clear_line(qtbot, page.title_edit)
    assert page.title_edit.text() == ""
    assert not next_enabled(wizard)
    assert page.title_message.check.level is Level.ERROR
    assert "Please give the case a short name" in page.title_message.text()
    assert page.problems() == [page.title_message.text()]


def test_the_serial_is_required_for_an_iphone_but_not_for_airpods(
    qtbot: QtBot, casebook: CaseBook
) -> None:
    case = Case(title="Left bud is silent", device=Device(kind=DeviceKind.IPHONE))
    wizard = open_wizard(qtbot, casebook, case)
    click_next(qtbot, wizard)
    click_next(qtbot, wizard)
    ids = wizard.pages[Step.IDENTIFIERS]
    assert wizard.current_step() is Step.IDENTIFIERS
    assert not next_enabled(wizard)
    assert "serial number" in ids.serial_message.text()

    click(qtbot, wizard.button(CaseWizard.WizardButton.BackButton))
    click(qtbot, wizard.pages[Step.DEVICE].kind_buttons[DeviceKind.AIRPODS])
    click_next(qtbot, wizard)
    assert next_enabled(wizard)
    assert not ids.imei_edit.isVisibleTo(ids)  # AirPods have no IMEI
    assert "charging case" in ids.help.text()


def test_identifier_checks_speak_while_typing(qtbot: QtBot, casebook: CaseBook) -> None:
    case = Case(title="Flicker", device=Device(kind=DeviceKind.IPHONE))
    wizard = open_wizard(qtbot, casebook, case)
    click_next(qtbot, wizard)
    click_next(qtbot, wizard)
    ids = wizard.pages[Step.IDENTIFIERS]

    type_text(ids.serial_edit, "abc")
    assert ids.serial_message.check.level is Level.ERROR
    assert "3 characters" in ids.serial_message.text()
    assert not next_enabled(wizard)

    clear_line(qtbot, ids.serial_edit)
    type_text(ids.serial_edit, "f2lxk1abjgh5")
    assert ids.serial_message.check.level is Level.OK  # decoded: a green tick with words
    assert next_enabled(wizard)

    type_text(ids.imei_edit, "356789104523872")  # wrong check digit
    assert not next_enabled(wizard)
    clear_line(qtbot, ids.imei_edit)
    type_text(ids.imei_edit, "356789104523871")
    assert next_enabled(wizard)
    wizard.apply_all()
    assert wizard.case.device.serial == "F2LXK1ABJGH5"  # stored normalised


def test_an_account_case_needs_the_apple_account(qtbot: QtBot, casebook: CaseBook) -> None:
    case = Case(
        title="Double charge",
        case_type=CaseType.ACCOUNT,
        device=Device(kind=DeviceKind.OTHER),
    )
    wizard = open_wizard(qtbot, casebook, case)
    click_next(qtbot, wizard)
    click_next(qtbot, wizard)
    # No device identifiers for an account case about no device: wizard_flow skips the page.
    assert wizard.current_step() is Step.APPLE_ID
    assert wizard.checklist.state_of(Step.IDENTIFIERS) == ""
    assert not next_enabled(wizard)
    type_text(wizard.pages[Step.APPLE_ID].apple_id_edit, "anna@example.com")
    assert next_enabled(wizard)


def test_review_names_each_gap_with_its_cost(qtbot: QtBot, casebook: CaseBook) -> None:
    case = Case(title="Flicker", device=Device(kind=DeviceKind.IPHONE, serial="F2LXK1ABJGH5"))
    case.owner.name = "Anna"
    case.symptoms.description = "It flickers."
    wizard = open_wizard(qtbot, casebook, case)
    while wizard.current_step() is not Step.REVIEW:
        click_next(qtbot, wizard)
    summary = wizard.pages[Step.REVIEW].summary_text()
    assert "No receipt: Apple will use the activation date" in summary
    assert "Serial number: •••••••JGH5" in summary
    assert wizard.button(CaseWizard.WizardButton.FinishButton).isEnabled()
