"""A user prepares a case from the welcome view to a saved dossier, typing every field."""

from __future__ import annotations

import importlib.util
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QDate
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from desktop.casebook import CaseBook
from desktop.model import CaseStatus, CaseType, DeviceKind, PlanKind
from desktop.ui.case_status import case_status_text
from desktop.ui.formatting import format_date
from desktop.ui.main_window import MainWindow
from desktop.ui.wizard.case_wizard import CaseWizard, step_of
from desktop.wizard_flow import Step
from tests.memory_keyring import MemoryKeyring
from tests.ui.conftest import click, click_next, type_text

TITLE = "Screen flickers after update"
MODEL = "iPhone 13 Pro"
SERIAL = "F2LXK1ABJGH5"
IMEI = "356789104523871"
APPLE_ID = "anna.petrova@example.com"
NAME = "Анна Петрова 李"  # Cyrillic and CJK: typed as key events with text
PHONE = "+49 30 1234567"
SYMPTOM = "The screen flickers green below 30 percent brightness."
ORDER = "W123456789"
ADDRESS = "Musterstrasse 12, 10115 Berlin"


def walk_to_review(qtbot: QtBot, wizard: CaseWizard, files: dict[str, Path]) -> None:
    pages = wizard.pages

    # Case type: the default choice is a hardware fault; name the case.
    assert wizard.current_step() is Step.CASE_TYPE
    click(qtbot, pages[Step.CASE_TYPE].choices[CaseType.HARDWARE].radio)
    type_text(pages[Step.CASE_TYPE].title_edit, TITLE)
    click_next(qtbot, wizard)

    assert wizard.current_step() is Step.DEVICE
    click(qtbot, pages[Step.DEVICE].kind_buttons[DeviceKind.IPHONE])
    type_text(pages[Step.DEVICE].model_edit, MODEL)
    click_next(qtbot, wizard)

    assert wizard.current_step() is Step.IDENTIFIERS
    ids = pages[Step.IDENTIFIERS]
    assert "Settings > General > About" in ids.help.text()
    assert ids.imei_edit.isVisibleTo(ids)
    type_text(ids.serial_edit, SERIAL)
    type_text(ids.imei_edit, IMEI)
    click_next(qtbot, wizard)

    assert wizard.current_step() is Step.APPLE_ID
    assert "never asks for your password" in pages[Step.APPLE_ID].password_note.text()
    type_text(pages[Step.APPLE_ID].apple_id_edit, APPLE_ID)
    click_next(qtbot, wizard)

    assert wizard.current_step() is Step.OWNER
    owner = pages[Step.OWNER]
    type_text(owner.name_edit, NAME)
    type_text(owner.email_edit, "anna@example.com")
    type_text(owner.phone_edit, PHONE)
    type_text(owner.address_edit, ADDRESS)
    owner.country_combo.set_code("DE")
    owner.time_zone_combo.setCurrentText("")
    type_text(owner.time_zone_combo.lineEdit(), "Europe/Berlin")

    # Back once: what was typed on the previous page is still there; so is this page's.
    click(qtbot, wizard.button(CaseWizard.WizardButton.BackButton))
    assert wizard.current_step() is Step.APPLE_ID
    assert pages[Step.APPLE_ID].apple_id_edit.text() == APPLE_ID
    click_next(qtbot, wizard)
    assert owner.name_edit.text() == NAME
    click_next(qtbot, wizard)

    assert wizard.current_step() is Step.RECEIPT
    receipt = pages[Step.RECEIPT]
    receipt.date_edit.date_edit.setDate(QDate(2023, 3, 14))
    type_text(receipt.seller_edit, "Elektro Beispiel Berlin")
    type_text(receipt.order_edit, ORDER)
    type_text(receipt.price_edit, "1.149,00")
    assert receipt.country_combo.code() == "DE"  # taken from "Your details"
    assert receipt.currency_combo.currentText() == "EUR"
    wizard.ask_files = lambda title, name_filter: [files["receipt"]]  # type: ignore[method-assign]
    click(qtbot, receipt.receipts.add_button)
    assert "receipt.pdf" in receipt.receipts.list.item(0).text()
    click_next(qtbot, wizard)

    # Hardware branch: coverage beyond the warranty, with the programs for an iPhone.
    assert wizard.current_step() is Step.COVERAGE
    coverage = pages[Step.COVERAGE]
    assert "iphone12_no_sound" in coverage.program_boxes
    assert "macbook_keyboard_2018" not in coverage.program_boxes
    assert not coverage.term_combo.isEnabled()
    coverage.plan_combo.set_code(PlanKind.APPLECARE_PLUS.value)
    assert coverage.term_combo.isEnabled()
    coverage.term_combo.setCurrentIndex(coverage.term_combo.findData(24))
    click(qtbot, coverage.program_boxes["iphone14plus_camera"])
    opened: list[str] = []
    wizard.open_url = lambda url: opened.append(url.toString()) or True  # type: ignore[method-assign]
    click(qtbot, coverage.check_coverage.button)
    assert opened == ["https://checkcoverage.apple.com"]
    assert QGuiApplication.clipboard().text() == SERIAL
    assert "Paste it into the page" in coverage.check_coverage.message.text()
    click_next(qtbot, wizard)

    assert wizard.current_step() is Step.SYMPTOMS
    symptoms = pages[Step.SYMPTOMS]
    type_text(symptoms.description_edit, SYMPTOM)
    type_text(symptoms.tried_edit, "Restarted and updated.")
    wizard.ask_files = lambda title, name_filter: [files["photo"]]  # type: ignore[method-assign]
    click(qtbot, symptoms.photos.add_button)
    click_next(qtbot, wizard)

    # The repair history: an earlier repair, typed like the rest.
    assert wizard.current_step() is Step.REPAIRS
    repairs = pages[Step.REPAIRS].repairs
    assert repairs.empty_label.isVisible()
    click(qtbot, repairs.add_button)
    [row] = repairs.rows
    row.date_edit.date_edit.setDate(QDate(2024, 2, 1))
    type_text(row.place_edit, "Apple Store Kurfürstendamm")
    type_text(row.what_edit, "Display replaced under warranty")
    click_next(qtbot, wizard)

    assert wizard.current_step() is Step.REVIEW


def test_a_user_prepares_a_case_and_a_dossier(
    qtbot: QtBot,
    window: MainWindow,
    casebook: CaseBook,
    memory_keyring: MemoryKeyring,
    sample_files: dict[str, Path],
    tmp_path: Path,
) -> None:
    assert window.content.currentWidget() is window.welcome
    click(qtbot, window.welcome.prepare_button)
    wizard = window.wizard
    assert isinstance(wizard, CaseWizard)

    walk_to_review(qtbot, wizard, sample_files)
    checklist = wizard.checklist
    assert checklist.state_of(Step.REVIEW) == "current"
    assert checklist.state_of(Step.SYMPTOMS) == "done"
    review = wizard.pages[Step.REVIEW]
    summary = review.summary_text()
    assert "Serial number: •••••••JGH5" in summary
    assert review.coverage is not None
    lines = review.coverage.lines
    assert lines[0].startswith("Out of Apple's warranty by")  # the strongest argument first
    assert any(
        line.startswith(f"Apple One-Year Limited Warranty: until {format_date(date(2024, 3, 14))}")
        for line in lines
    )
    assert any(
        line.startswith(f"AppleCare+: until {format_date(date(2025, 3, 14))}") for line in lines
    )
    assert any("EU legal guarantee" in line for line in lines)
    assert "AppleCare+" in summary and "Earlier repairs: 1 listed" in summary
    assert "No IMEI" not in summary and "No receipt" not in summary

    with qtbot.waitSignal(window.saved, timeout=5000):
        click(qtbot, wizard.button(CaseWizard.WizardButton.FinishButton))
    qtbot.waitUntil(lambda: window.wizard is None)

    [summary_row] = casebook.list_cases()
    case = casebook.load(summary_row.id)
    assert case.status is CaseStatus.OPEN
    assert case.title == TITLE
    assert case.device.kind is DeviceKind.IPHONE and case.device.model_name == MODEL
    assert case.device.serial == SERIAL and case.device.imei == IMEI
    assert case.apple_id == APPLE_ID
    assert case.owner.name == NAME and case.owner.phone == PHONE
    assert case.owner.country == "DE" and case.owner.time_zone == "Europe/Berlin"
    assert case.purchase.date == date(2023, 3, 14)
    assert case.purchase.price == Decimal("1149.00") and case.purchase.currency == "EUR"
    assert case.purchase.order_number == ORDER
    assert [a.file_name for a in case.purchase.receipts] == ["receipt.pdf"]
    assert [a.file_name for a in case.symptoms.photos] == ["flicker.png"]
    assert case.symptoms.description == SYMPTOM
    assert case.applecare.kind is PlanKind.APPLECARE_PLUS and case.applecare.months == 24
    assert case.repair_programs == ["iphone14plus_camera"]
    [repair] = case.repairs
    assert (repair.date, repair.place) == (date(2024, 2, 1), "Apple Store Kurfürstendamm")
    # The secrets went to the keyring, under this case's id.
    kept = {user: value for (_service, user), value in memory_keyring.entries.items()}
    assert kept[f"{case.id}/device.serial"] == SERIAL
    assert kept[f"{case.id}/owner.phone"] == PHONE

    # The main window lists the case and shows it, identifiers masked.
    assert window.case_list.titles() == [TITLE]
    status = case_status_text(case, date.today())
    assert status.startswith("Out of Apple's warranty by ")
    assert window.case_list.subtitles() == [f"{MODEL} · {status}"]
    serial = window.workspace.overview.identifiers.masked["serial"]
    assert serial.shown_text() == "•••••••JGH5"
    click(qtbot, serial.reveal_button)
    assert serial.shown_text() == SERIAL
    assert window.saved_label.text().startswith("✓ Saved")

    if importlib.util.find_spec("desktop.dossier") is None:
        pytest.skip("desktop.dossier has not landed yet: the dossier part cannot run")
    out = tmp_path / "out" / "dossier.pdf"
    offered: list[str] = []

    def ask_save_path(default_name: str) -> Path:
        offered.append(default_name)
        return out

    dossier = window.workspace.dossier
    dossier.ask_save_path = ask_save_path  # type: ignore[method-assign]
    with qtbot.waitSignal(window.dossier_ready, timeout=60_000):
        window.create_dossier_action.trigger()
        assert dossier.progress.isVisible()
    assert window.workspace.tabs.currentWidget() is dossier
    with qtbot.waitSignal(window.dossier_saved, timeout=5_000) as saved:
        click(qtbot, dossier.save_button)
    assert saved.args == [str(out)]
    assert offered == [f"Dossier - {MODEL} - {date.today().isoformat()}.pdf"]
    assert dossier.show_button.isVisible()

    from pypdf import PdfReader

    text = "\n".join(page.extract_text() for page in PdfReader(out).pages)
    assert MODEL in text
    assert SERIAL in text
    assert "flickers green" in text


def test_an_account_case_lists_its_charges(
    qtbot: QtBot, casebook: CaseBook, memory_keyring: MemoryKeyring
) -> None:
    wizard = CaseWizard(casebook)
    qtbot.addWidget(wizard)
    wizard.show()
    pages = wizard.pages
    click(qtbot, pages[Step.CASE_TYPE].choices[CaseType.ACCOUNT].radio)
    type_text(pages[Step.CASE_TYPE].title_edit, "Purchases I did not make")
    click_next(qtbot, wizard)
    click(qtbot, pages[Step.DEVICE].kind_buttons[DeviceKind.OTHER])
    click_next(qtbot, wizard)
    assert wizard.current_step() is Step.APPLE_ID  # no device identifiers to ask for
    type_text(pages[Step.APPLE_ID].apple_id_edit, APPLE_ID)
    click_next(qtbot, wizard)

    assert wizard.current_step() is Step.CHARGES
    charges = pages[Step.CHARGES].charges
    click(qtbot, charges.add_button)
    [row] = charges.rows
    type_text(row.order_edit, "MK4Q7R2X9P")
    row.date_edit.date_edit.setDate(QDate(2026, 10, 30))
    type_text(row.amount_edit, "a lot")
    assert "Write the amount as a number" in row.amount_message.text()
    assert not wizard.button(CaseWizard.WizardButton.NextButton).isEnabled()
    row.amount_edit.clear()
    type_text(row.amount_edit, "49,99")
    row.currency_combo.setCurrentText("EUR")
    type_text(row.item_edit, "Игра: 5000 кристаллов")
    type_text(row.report_edit, "Not eligible for a refund")
    click_next(qtbot, wizard)

    assert wizard.current_step() is Step.OWNER
    type_text(pages[Step.OWNER].name_edit, NAME)
    click_next(qtbot, wizard)
    assert wizard.current_step() is Step.RECEIPT
    click_next(qtbot, wizard)
    assert wizard.current_step() is Step.SYMPTOMS  # no coverage step for a billing case
    symptoms = pages[Step.SYMPTOMS]
    assert not symptoms.photos.isVisibleTo(symptoms)
    type_text(symptoms.description_edit, "Three in-game purchases I never made.")
    click_next(qtbot, wizard)
    assert wizard.current_step() is Step.REVIEW
    assert "Disputed charges: 1 listed" in wizard.pages[Step.REVIEW].summary_text()
    assert wizard.pages[Step.REVIEW].coverage is None
    visited = [step_of(i) for i in wizard.visitedIds()]
    assert Step.COVERAGE not in visited and Step.REPAIRS not in visited

    with qtbot.waitSignal(wizard.case_saved, timeout=5000):
        click(qtbot, wizard.button(CaseWizard.WizardButton.FinishButton))
    case = casebook.load(wizard.case.id)
    [charge] = case.charges
    assert charge.amount == Decimal("49.99") and charge.currency == "EUR"
    assert charge.item == "Игра: 5000 кристаллов" and charge.date == date(2026, 10, 30)
    assert charge.order_id == "MK4Q7R2X9P"
    kept = {user: value for (_service, user), value in memory_keyring.entries.items()}
    assert kept[f"{case.id}/charges.{charge.id}.order_id"] == "MK4Q7R2X9P"


def test_a_software_case_has_coverage_but_no_repair_history(
    qtbot: QtBot, casebook: CaseBook
) -> None:
    wizard = CaseWizard(casebook)
    qtbot.addWidget(wizard)
    wizard.show()
    pages = wizard.pages
    click(qtbot, pages[Step.CASE_TYPE].choices[CaseType.SOFTWARE].radio)
    type_text(pages[Step.CASE_TYPE].title_edit, "iCloud backup fails")
    click_next(qtbot, wizard)
    click(qtbot, pages[Step.DEVICE].kind_buttons[DeviceKind.IPAD])
    click_next(qtbot, wizard)
    type_text(pages[Step.IDENTIFIERS].serial_edit, "DMPXK1ABJF8J")
    seen = [wizard.current_step()]
    while wizard.current_step() is not Step.REVIEW:
        if wizard.current_step() is Step.OWNER:
            type_text(pages[Step.OWNER].name_edit, "Jean Martin")
        if wizard.current_step() is Step.SYMPTOMS:
            type_text(pages[Step.SYMPTOMS].description_edit, "Backup stops at 12 percent.")
            assert pages[Step.SYMPTOMS].photos.isVisibleTo(pages[Step.SYMPTOMS])
        click_next(qtbot, wizard)
        seen.append(wizard.current_step())
    assert Step.COVERAGE in seen and Step.SYMPTOMS in seen
    assert Step.REPAIRS not in seen and Step.CHARGES not in seen
    # The iPad has no program in the bundled list: the page says where Apple's list is.
    assert pages[Step.COVERAGE].program_boxes == {}
