"""The Dossier tab with the real renderer: create, preview, save where the user says,
print, and a redacted copy that holds no identifier anywhere."""

from __future__ import annotations

import contextlib
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from desktop.casebook import CaseBook
from desktop.model import Case
from desktop.ui import preferences
from desktop.ui.main_window import MainWindow
from desktop.ui.sample_case_file import import_sample_case
from tests.ui.conftest import click


@pytest.fixture
def sample(casebook: CaseBook) -> Case:
    return import_sample_case(casebook)


def pdf_bytes_decompressed(path: Path) -> bytes:
    """The file with every Flate stream inflated, so a search sees all of its text."""
    raw = path.read_bytes()
    parts = [raw]
    for reader_page in PdfReader(path).pages:
        parts.append((reader_page.extract_text() or "").encode())
    start = 0
    while (index := raw.find(b"stream", start)) >= 0:
        begin = raw.find(b"\n", index) + 1
        end = raw.find(b"endstream", begin)
        with contextlib.suppress(zlib.error):
            parts.append(zlib.decompress(raw[begin:end]))
        start = end + 1 if end > 0 else len(raw)
    return b"\n".join(parts)


def test_create_preview_save_and_print(
    qtbot: QtBot,
    casebook: CaseBook,
    sample: Case,
    make_window: Callable[[CaseBook], MainWindow],
    tmp_path: Path,
) -> None:
    window = make_window(casebook)
    dossier = window.workspace.dossier
    target = tmp_path / "saved" / "dossier.pdf"
    offered: list[str] = []
    dossier.ask_save_path = lambda name: offered.append(name) or target  # type: ignore[method-assign]

    with qtbot.waitSignal(window.dossier_ready, timeout=60_000) as ready:
        click(qtbot, window.workspace.header.dossier_button)
    assert window.workspace.tabs.currentWidget() is dossier
    pages = ready.args[1]
    assert dossier.document is not None and dossier.document.pageCount() == pages
    assert dossier.preview_stack.currentWidget() is not dossier.preview_stack.widget(0)

    click(qtbot, dossier.save_button)
    assert offered and offered[0].startswith(
        f"Dossier - {sample.device.model_name} - 102938475610 - "
    )
    text = "\n".join(page.extract_text() for page in PdfReader(target).pages)
    assert sample.device.model_name in text
    assert sample.device.serial in text
    assert dossier.show_button.isVisibleTo(dossier)
    assert preferences.dossier_folder(window.settings) == target.parent

    printed = tmp_path / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(printed))
    printer.setFromTo(1, 2)
    assert dossier.print_to(printer) == 2
    assert len(PdfReader(printed).pages) == 2


def test_the_redacted_copy_holds_no_identifier(
    qtbot: QtBot,
    casebook: CaseBook,
    sample: Case,
    make_window: Callable[[CaseBook], MainWindow],
    tmp_path: Path,
) -> None:
    window = make_window(casebook)
    dossier = window.workspace.dossier
    dossier.set_redacted(True)
    dossier.paper_combo.setCurrentIndex(dossier.paper_combo.findData("Letter"))
    target = tmp_path / "redacted.pdf"
    dossier.ask_save_path = lambda name: target  # type: ignore[method-assign]
    with qtbot.waitSignal(window.dossier_ready, timeout=60_000):
        window.create_dossier_action.trigger()
    assert dossier.default_name().endswith("(redacted).pdf")
    with qtbot.waitSignal(window.dossier_saved, timeout=5_000):
        window.actions_.save_dossier.trigger()

    reader = PdfReader(target)
    width, height = reader.pages[0].mediabox.width, reader.pages[0].mediabox.height
    assert (round(width), round(height)) == (612, 792)  # US Letter, as chosen
    content = pdf_bytes_decompressed(target)
    for secret in (
        sample.device.serial,
        sample.device.imei,
        sample.device.imei2,
        sample.apple_id,
        sample.purchase.order_number,
        sample.owner.phone,
    ):
        assert secret
        assert secret.encode() not in content, secret
        assert secret.encode("utf-16-be") not in content, secret
