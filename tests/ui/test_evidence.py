"""The Evidence tab: real files dropped on it become thumbnails and attachments; removing
one can be undone; a photo's print rendition is prepared off the GUI thread."""

from __future__ import annotations

import warnings
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDropEvent,
    QImage,
    QPageSize,
    QPainter,
    QPdfWriter,
)
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop import paths
from desktop.casebook import CaseBook
from desktop.dossier.renditions import rendition_path
from desktop.model import AttachmentRole, Case, CaseStatus
from desktop.ui.main_window import MainWindow


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    folder = tmp_path / "drop"
    folder.mkdir()
    photo = folder / "cracked-screen.png"
    image = QImage(640, 480, QImage.Format.Format_RGB32)
    image.fill(QColor("#2e8b57"))
    assert image.save(str(photo))
    receipt = folder / "invoice.pdf"
    writer = QPdfWriter(str(receipt))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    painter = QPainter(writer)
    painter.drawText(QPointF(200, 400), "Invoice 2025-0042")
    painter.end()
    notes = folder / "notes.txt"
    notes.write_text("not evidence")
    return {"photo": photo, "receipt": receipt, "notes": notes}


@pytest.fixture
def window_with_case(
    casebook: CaseBook, make_window: Callable[[CaseBook], MainWindow]
) -> tuple[MainWindow, Case]:
    case = Case(title="Speaker crackles", status=CaseStatus.OPEN)
    casebook.save(case)
    window = make_window(casebook)
    window.workspace.show_tab(window.workspace.evidence)
    return window, case


def drop(target: QWidget, paths_: list[Path]) -> QDropEvent:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths_])
    actions = Qt.DropAction.CopyAction
    buttons, modifiers = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    with warnings.catch_warnings():  # Qt marks the QPoint form deprecated; it is the only one
        warnings.simplefilter("ignore", DeprecationWarning)
        enter = QDragEnterEvent(QPoint(20, 20), actions, mime, buttons, modifiers)
    QApplication.sendEvent(target, enter)
    assert enter.isAccepted()
    event = QDropEvent(QPointF(20, 20), actions, mime, buttons, modifiers)
    QApplication.sendEvent(target, event)
    return event


def test_dropped_files_become_attachments_with_thumbnails(
    qtbot: QtBot,
    window_with_case: tuple[MainWindow, Case],
    casebook: CaseBook,
    files: dict[str, Path],
) -> None:
    window, case = window_with_case
    evidence = window.workspace.evidence
    with qtbot.waitSignal(window.renditions_ready, timeout=20_000) as prepared:
        drop(evidence, [files["photo"], files["receipt"], files["notes"]])

    saved = casebook.load(case.id)
    assert [a.file_name for a in saved.symptoms.photos] == ["cracked-screen.png"]
    assert [a.file_name for a in saved.purchase.receipts] == ["invoice.pdf"]
    assert sorted(evidence.item_names()) == ["cracked-screen.png", "invoice.pdf"]
    assert (
        "notes.txt" in evidence.message.text()
        and "only pictures and PDFs" in evidence.message.text()
    )
    assert "50 MB" in evidence.limits_label.text()
    assert window.saved_label.text().startswith("✓ Saved")

    qtbot.waitUntil(evidence.thumbnails_ready, timeout=5_000)
    for row in range(evidence.grid.count()):
        icon = evidence.grid.item(row).icon().pixmap(148, 148).toImage()
        # A real thumbnail, not the placeholder line icon: the PDF page is white, the photo green.
        centre = icon.pixelColor(icon.width() // 2, icon.height() // 2)
        assert centre.alpha() == 255
        assert centre.name() in ("#ffffff", "#2e8b57")

    # The photo's print rendition was made off the GUI thread, ready for the dossier.
    assert prepared.args == [1]
    [photo] = saved.symptoms.photos
    assert rendition_path(paths.renditions_dir(), photo.sha256).is_file()


def test_a_drop_anywhere_on_the_window_goes_to_the_evidence(
    qtbot: QtBot,
    window_with_case: tuple[MainWindow, Case],
    casebook: CaseBook,
    files: dict[str, Path],
) -> None:
    window, case = window_with_case
    window.workspace.show_tab(window.workspace.overview)
    drop(window, [files["receipt"]])
    assert window.workspace.tabs.currentWidget() is window.workspace.evidence
    assert [a.file_name for a in casebook.load(case.id).purchase.receipts] == ["invoice.pdf"]


def test_remove_rename_and_undo(
    qtbot: QtBot,
    window_with_case: tuple[MainWindow, Case],
    casebook: CaseBook,
    files: dict[str, Path],
) -> None:
    window, case = window_with_case
    evidence = window.workspace.evidence
    drop(evidence, [files["photo"]])
    evidence.select_file("cracked-screen.png")
    stored = casebook.attachment_path(casebook.load(case.id).symptoms.photos[0])

    # The name is the caption in the dossier; the kind can change to a receipt.
    evidence.name_edit.setText("Screen after the update")
    evidence.name_edit.editingFinished.emit()
    evidence.kind_combo.setCurrentIndex(evidence.kind_combo.findData(AttachmentRole.RECEIPT))
    evidence.kind_combo.activated.emit(evidence.kind_combo.currentIndex())
    saved = casebook.load(case.id)
    assert [a.file_name for a in saved.purchase.receipts] == ["Screen after the update"]
    assert saved.symptoms.photos == []

    opened: list[Path] = []
    evidence.open_file = opened.append  # type: ignore[method-assign]
    evidence.open_button.click()
    assert opened == [stored]

    evidence.remove_button.click()
    assert casebook.load(case.id).attachments() == []
    assert evidence.item_names() == []
    assert stored.exists()  # kept while Undo can bring it back

    assert window.undo_action.text() == "&Undo Remove “Screen after the update”"
    window.undo_action.trigger()
    assert [a.file_name for a in casebook.load(case.id).purchase.receipts] == [
        "Screen after the update"
    ]
    assert evidence.item_names() == ["Screen after the update"]
    window.redo_action.trigger()
    assert casebook.load(case.id).attachments() == []

    # Once the case is no longer open in the app, the removed file is deleted.
    window.sessions.forget(case.id)
    assert not stored.exists()


def test_when_and_what_each_file_shows_can_be_set_and_undone(
    qtbot: QtBot,
    casebook: CaseBook,
    window_with_case: tuple[MainWindow, Case],
    files: dict[str, Path],
) -> None:
    from datetime import UTC, date, datetime

    from PySide6.QtCore import QDate

    from desktop.model import ContactEntry

    window, case = window_with_case
    session_case = window.current_case
    assert session_case is not None
    session_case.contacts.append(
        ContactEntry(at=datetime(2026, 10, 6, 14, tzinfo=UTC), who="Advisor Jonas")
    )
    evidence = window.workspace.evidence
    drop(evidence, [files["photo"]])
    evidence.grid.setCurrentRow(0)
    assert evidence.taken_edit.isVisibleTo(evidence)

    evidence.taken_edit.date_edit.setDate(QDate(2026, 9, 28))
    contact = session_case.contacts[0]
    evidence.about_combo.setCurrentIndex(evidence.about_combo.findData(contact.id))
    evidence.about_combo.activated.emit(evidence.about_combo.currentIndex())
    saved = casebook.load(case.id).symptoms.photos[0]
    assert (saved.taken_on, saved.about) == (date(2026, 9, 28), contact.id)
    assert "Advisor Jonas" in evidence.about_combo.currentText()

    window.undo_action.trigger()
    assert casebook.load(case.id).symptoms.photos[0].about == ""
